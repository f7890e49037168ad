"""The committed migrations match the models."""

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_have_no_unmigrated_changes():
    # --check exits non-zero (SystemExit) when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_migration_0013_adds_each_themes_tasks_by_status_to_the_stored_counts():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate([("tracker", "0012_aggregates_for_scale")])
    old = executor.loader.project_state([("tracker", "0012_aggregates_for_scale")]).apps
    report = old.get_model("tracker", "Report").objects.create(title="旧报告", content_hash="h" * 64, source_key="old", stats={"tasks": 3})
    theme = old.get_model("tracker", "Theme").objects.create(report=report, ordinal=1, name="民生")
    Task = old.get_model("tracker", "Task")
    for seq, status in enumerate(["behind", "behind", "completed"], start=1):
        Task.objects.create(report=report, theme=theme if seq < 3 else None, seq=seq, content=f"任务{seq}", status=status,
                            first_line=seq, last_line=seq)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from tracker.models import Report

    stats = Report.objects.get(pk=report.pk).stats
    assert stats == {"tasks": 3, "theme_status": {str(theme.pk): {"behind": 2}}}

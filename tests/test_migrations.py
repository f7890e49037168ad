"""The committed migrations match the models, and the data migrations fill what the services now keep."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db
def test_models_have_no_unmigrated_changes():
    # --check exits non-zero (SystemExit) when a migration is missing.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def migrated_back_to(migration: str):
    """Migrate the test database back to `migration` of tracker; the models (apps) as they were then."""
    executor = MigrationExecutor(connection)
    executor.migrate([("tracker", migration)])
    return executor.loader.project_state([("tracker", migration)]).apps


def migrated_forward() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_migration_0013_adds_each_themes_tasks_by_status_to_the_stored_counts():
    old = migrated_back_to("0012_aggregates_for_scale")
    report = old.get_model("tracker", "Report").objects.create(title="旧报告", content_hash="h" * 64, source_key="old", stats={"tasks": 3})
    theme = old.get_model("tracker", "Theme").objects.create(report=report, ordinal=1, name="民生")
    Task = old.get_model("tracker", "Task")
    for seq, status in enumerate(["behind", "behind", "completed"], start=1):
        Task.objects.create(report=report, theme=theme if seq < 3 else None, seq=seq, content=f"任务{seq}", status=status,
                            first_line=seq, last_line=seq)

    migrated_forward()

    from tracker.models import Report

    stats = Report.objects.get(pk=report.pk).stats
    assert (stats["tasks"], stats["theme_status"]) == (3, {str(theme.pk): {"behind": 2}})


@pytest.mark.django_db(transaction=True)
def test_migration_0014_adds_each_reports_measured_targets_per_theme_and_department_to_the_stored_counts():
    old = migrated_back_to("0013_theme_status_counts")
    report = old.get_model("tracker", "Report").objects.create(title="旧报告", content_hash="m" * 64, source_key="old-measured", stats={"tasks": 1})
    theme = old.get_model("tracker", "Theme").objects.create(report=report, ordinal=1, name="民生")
    task = old.get_model("tracker", "Task").objects.create(report=report, theme=theme, seq=1, content="新增停车泊位3500个", first_line=1, last_line=1)
    Department = old.get_model("tracker", "Department")
    TaskDepartment = old.get_model("tracker", "TaskDepartment")
    lead, co = Department.objects.create(name="区城管局"), Department.objects.create(name="区交警大队")
    TaskDepartment.objects.create(task=task, department=lead, role="lead", position=1)
    TaskDepartment.objects.create(task=task, department=co, role="co", position=2)
    Metric = old.get_model("tracker", "Metric")
    pair = {"task": task, "target": 100, "actual": 80, "completion": 0.8, "kind": "count", "comparator": ">="}
    Metric.objects.create(position=1, label="停车泊位", **pair)
    Metric.objects.create(position=2, label="被否决", review="rejected", **pair)
    Metric.objects.create(position=3, label="增速", **{**pair, "kind": "growth"})
    Metric.objects.create(position=4, label="上限", **{**pair, "comparator": "<="})
    Metric.objects.create(position=5, label="待核但已采纳", confidence="doubtful", review="accepted", **{**pair, "completion": 0.5})

    migrated_forward()

    from tracker.models import Report

    measured = Report.objects.get(pk=report.pk).stats["measured"]
    assert measured["theme"] == {str(theme.pk): [0.8, 0.5]} or measured["theme"] == {str(theme.pk): [0.5, 0.8]}
    assert {key: sorted(values) for key, values in measured["department"].items()} == {str(lead.pk): [0.5, 0.8], str(co.pk): [0.5, 0.8]}

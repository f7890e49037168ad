"""services.bulk.rows_update: each row gets its own values, of any column type, and no other row changes (on
PostgreSQL its own UPDATE … FROM (VALUES …); CI runs this file on both databases)."""

import pytest
from django.db import connection

from tests.factories import report_create
from tracker.models import Report, Task, TaskSeries
from tracker.services import bulk


@pytest.mark.django_db
def test_rows_get_their_own_values_of_every_type_and_other_rows_keep_theirs(django_assert_num_queries, monkeypatch):
    monkeypatch.setattr(bulk, "UPDATE_BATCH_SIZE", 2)  # three rows: two statements
    report = report_create(task_count=4)
    tasks = list(report.tasks.order_by("seq"))
    changed, untouched = tasks[:3], tasks[3]
    series = TaskSeries.objects.create()
    values = [
        (series.pk, 0.75, "behind", ["status", "theme"], "它说“已完成”；'引号' \\ 与 %s"),
        (None, None, "completed", [], ""),
        (series.pk, 1.0, "unknown", ["series"], "第三行"),
    ]
    for task, (series_id, score, status, corrected, reason) in zip(changed, values):
        task.series_id, task.series_score, task.status, task.corrected_fields, task.status_reason = series_id, score, status, corrected, reason

    with django_assert_num_queries(2) as captured:
        bulk.rows_update(Task, changed, ["series", "series_score", "status", "corrected_fields", "status_reason"])

    statements = [query["sql"] for query in captured.captured_queries]
    assert all(("FROM (VALUES" in sql) == (connection.vendor == "postgresql") for sql in statements)

    stored = {task.pk: task for task in Task.objects.filter(report=report)}
    assert [
        (stored[task.pk].series_id, stored[task.pk].series_score, stored[task.pk].status, stored[task.pk].corrected_fields, stored[task.pk].status_reason)
        for task in changed
    ] == values
    assert (stored[untouched.pk].status, stored[untouched.pk].series_id) == (untouched.status, untouched.series_id)


@pytest.mark.django_db
def test_a_json_column_of_nested_values_round_trips():
    report = report_create()
    report.stats = {"tasks": 2, "measured": {"theme": {"7": [0.5, 1.25]}}, "note": "“引号”"}

    bulk.rows_update(Report, [report], ["stats"])

    assert Report.objects.get(pk=report.pk).stats == report.stats


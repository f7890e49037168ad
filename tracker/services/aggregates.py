"""Counts the public pages read, kept in step by the services that change them (issue 17).

Counting a department's tasks across hundreds of reports, or sorting every task by its report's period,
on each request made the rendered pages slow at 60,000 tasks. So the write services keep:

- on each task, copies of its report's publication and period (`Task.is_public`, `Task.period_key`): the
  public task lists are filtered and ordered on the task table alone, down an index;
- per report and department, the department's tasks by status (`DepartmentReportStat`);
- per report, its counts (`Report.stats`: tasks, themes, departments, tasks by status, and by status per theme)
  and its measurable targets' completions per theme and per department (`Report.stats["measured"]`).

Every service that changes what these count calls `report_visibility_refresh` (publication or period
changed) or `report_counts_refresh` (tasks, links or statuses changed), inside its transaction, after its
last write. Both are idempotent and take a bounded number of statements, whatever the number of tasks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, F, Q

from tracker import charts
from tracker.models import DepartmentReportStat, Metric, Report, Task, TaskDepartment, period_key
from tracker.services import bulk

_STATUS_COUNTS = {status: Count("pk", filter=Q(task__status=status)) for status in Task.Status.values}


def report_visibility_refresh(*, report_ids: Iterable[int]) -> None:
    """Copy each report's publication and period onto its tasks and its department counts (rows that differ only)."""
    for report_id, is_published, year, month in Report.objects.filter(pk__in=set(report_ids)).values_list(
        "pk", "is_published", "year", "period_end_month"
    ):
        key = period_key(year, month)
        stale = ~Q(is_public=is_published) | ~Q(period_key=key)
        Task.objects.filter(stale, report_id=report_id).update(is_public=is_published, period_key=key)
        DepartmentReportStat.objects.filter(stale, report_id=report_id).update(is_public=is_published, period_key=key)


def report_counts_refresh(*, report_ids: Iterable[int]) -> None:
    """Count again the reports' tasks by status, themes and departments, and each department's tasks in them."""
    ids = sorted(set(report_ids))
    if not ids:
        return
    reports = {report.pk: report for report in Report.objects.filter(pk__in=ids).only("pk", "is_published", "year", "period_end_month")}
    report_visibility_refresh(report_ids=ids)

    DepartmentReportStat.objects.filter(report_id__in=ids)._raw_delete(DepartmentReportStat.objects.db)
    per_department = (
        TaskDepartment.objects.filter(task__report_id__in=ids)
        .order_by()
        .values("department_id", "task__report_id")
        .annotate(total=Count("pk"), lead=Count("pk", filter=Q(role=TaskDepartment.Role.LEAD)), **_STATUS_COUNTS)
    )
    stats = []
    departments_per_report: dict[int, int] = defaultdict(int)
    for row in per_department:
        report = reports[row.pop("task__report_id")]
        departments_per_report[report.pk] += 1
        stats.append(
            DepartmentReportStat(
                report_id=report.pk,
                is_public=report.is_published,
                period_key=period_key(report.year, report.period_end_month),
                **row,
            )
        )
    DepartmentReportStat.objects.bulk_create(stats, batch_size=bulk.INSERT_BATCH_SIZE)

    status_counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    theme_status: dict[int, dict[str, dict[str, int]]] = defaultdict(dict)
    for report_id, theme_id, status, count in (
        Task.objects.filter(report_id__in=ids).order_by().values_list("report_id", "theme_id", "status").annotate(count=Count("pk"))
    ):
        status_counts[report_id][status] += count
        if theme_id is not None:
            theme_status[report_id].setdefault(str(theme_id), {})[status] = count
    measured = _measured_completions(ids)
    for report in reports.values():
        counts = status_counts.get(report.pk, {})
        report.stats = {
            "tasks": sum(counts.values()),
            "themes": len(theme_status.get(report.pk, {})),
            "departments": departments_per_report.get(report.pk, 0),
            "status": {status: counts.get(status, 0) for status in Task.Status.values},
            # {theme id: {status: tasks}}: the report page's and the home page's theme table (selectors.report_theme_rows).
            "theme_status": theme_status.get(report.pk, {}),
            # {"theme"|"department": {id: [completion]}}: the dashboards' "actual against target" (selectors.report_measured_completions).
            "measured": measured.get(report.pk, {"theme": {}, "department": {}}),
        }
    bulk.rows_update(Report, list(reports.values()), ["stats"])


def _measured_completions(report_ids: list[int]) -> dict[int, dict[str, dict[str, list[float]]]]:
    """Per report, the completions of its trusted targets that add up over the year, grouped by theme and by
    department (charts.measured_completions): one query."""
    targets_by_report: dict[int, list[dict]] = defaultdict(list)
    targets = (
        Metric.objects.trusted().cumulative().filter(task__report_id__in=report_ids)
        .order_by()
        .values(
            "completion", report_id=F("task__report_id"), metric_id=F("id"), theme_id=F("task__theme_id"),
            department_id=F("task__department_links__department_id"),
        )
    )
    for target in targets:
        targets_by_report[target["report_id"]].append(target)
    return {
        report_id: {
            "theme": charts.measured_completions(rows, key="theme_id"),
            "department": charts.measured_completions(rows, key="department_id"),
        }
        for report_id, rows in targets_by_report.items()
    }

"""Reads for the downloads, the API and the feeds: published data only.

Only the tasks of published reports are read. A pending revision of a published report is a
`ReportRevision` row, never a task, until an admin publishes it, and a draft report is not
published: neither can appear in anything read here.

A download may hold every task of every report (60,000 rows for a city's decade), so its rows
are read as a stream: one query for the tasks and three per `EXPORT_CHUNK_SIZE` of them (their
departments, leaders and figures), whatever the filters. The API reads one page at a time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import QueryDict

from tracker import selectors
from tracker.models import Department, DepartmentReportStat, Metric, Report, ReportQuerySet, Task, TaskDepartment, TaskLeader, Theme

# Rows of a download read per round of link queries: bounded memory, and few queries even for every task.
EXPORT_CHUNK_SIZE = 2000

_EXPORT_FIELDS = (
    "id", "seq", "source_seq", "content", "progress", "completion_text", "note", "status", "status_reason",
    "series_id", "report_id", "report__title", "report__year", "report__period_end_month", "report__period_label",
    "theme_id", "theme__name", "theme__number",
)
_METRIC_FIELDS = ("label", "target", "unit", "comparator", "kind", "actual", "actual_unit", "completion")


@dataclass
class ExportTask:
    """One row of a download: a task with its report, theme, departments (name, role), leaders and figures."""

    id: int
    seq: int
    source_seq: str
    content: str
    progress: str
    completion_text: str
    note: str
    status: str
    status_reason: str
    report_id: int
    report_title: str
    period_text: str
    theme_name: str
    theme_number: str
    departments: list[tuple[str, str]] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    metrics: list[dict] = field(default_factory=list)


def export_tasks(tasks: QuerySet[Task]) -> Iterator[ExportTask]:
    """The rows of `tasks` in its order, with departments, leaders and figures: 1 query, then 3 per chunk of rows."""
    rows = tasks.prefetch_related(None).values(*_EXPORT_FIELDS).iterator(chunk_size=EXPORT_CHUNK_SIZE)
    periods: dict[int, str] = {}
    while chunk := list(islice(rows, EXPORT_CHUNK_SIZE)):
        ids = [row["id"] for row in chunk]
        departments = _grouped(
            TaskDepartment.objects.filter(task_id__in=ids).order_by("task_id", "position"),
            "department__name", "role",
        )
        leaders = _grouped(TaskLeader.objects.filter(task_id__in=ids).order_by("task_id", "position"), "leader__name")
        metrics = defaultdict(list)
        for metric in Metric.objects.trusted().filter(task_id__in=ids).order_by("task_id", "position").values("task_id", *_METRIC_FIELDS):
            metrics[metric.pop("task_id")].append(metric)
        for row in chunk:
            report_id = row["report_id"]
            if report_id not in periods:
                periods[report_id] = Report(
                    year=row["report__year"],
                    period_end_month=row["report__period_end_month"],
                    period_label=row["report__period_label"],
                ).period_text
            yield ExportTask(
                id=row["id"],
                seq=row["seq"],
                source_seq=row["source_seq"],
                content=row["content"],
                progress=row["progress"],
                completion_text=row["completion_text"],
                note=row["note"],
                status=row["status"],
                status_reason=row["status_reason"],
                report_id=report_id,
                report_title=row["report__title"],
                period_text=periods[report_id],
                theme_name=row["theme__name"] or "",
                theme_number=row["theme__number"] or "",
                departments=[(name, role) for name, role in departments.get(row["id"], [])],
                leaders=[name for (name,) in leaders.get(row["id"], [])],
                metrics=metrics.get(row["id"], []),
            )


def _grouped(links: QuerySet, *fields: str) -> dict[int, list[tuple]]:
    grouped: dict[int, list[tuple]] = defaultdict(list)
    for task_id, *values in links.values_list("task_id", *fields):
        grouped[task_id].append(tuple(values))
    return grouped


# The tables of the pages, as task querysets in the page's order.


def report_tasks(report: Report) -> QuerySet[Task]:
    """A published report's tasks in table order, as on its page."""
    return Task.objects.filter(report=report).order_by("seq")


def theme_tasks(theme: Theme) -> QuerySet[Task]:
    """A theme's tasks in table order, as on its page."""
    return Task.objects.filter(theme=theme).order_by("seq")


def department_report(department: Department, report_id: str) -> Report | None:
    """The published report `report_id` if the department has tasks in it (its page offers no other), else None."""
    if not report_id.isdigit():
        return None
    links = TaskDepartment.objects.filter(task__report=OuterRef("pk"), department=department)
    return Report.objects.published().filter(Exists(links), pk=int(report_id)).first()


def department_tasks(department: Department, report: Report | None) -> QuerySet[Task]:
    """The department's tasks in `report` (every published report when None, newest first): behind schedule first,
    then table order, as on its page."""
    links = TaskDepartment.objects.filter(task=OuterRef("pk"), department=department)
    tasks = Task.objects.filter(Exists(links), is_public=True)
    if report is not None:
        tasks = tasks.filter(report=report)
    behind_first = Case(When(status=Task.Status.BEHIND, then=Value(0)), default=Value(1), output_field=IntegerField())
    return tasks.annotate(behind_first=behind_first).order_by(F("period_key").desc(), "-report_id", "behind_first", "seq")


def task_list_tasks(params: QueryDict) -> QuerySet[Task]:
    """The task list's rows for these filters and sort: the very FilterSet and order of the page."""
    return selectors.task_search(params).qs


# The API.


def api_reports() -> ReportQuerySet:
    """Published reports, newest period first, each with `task_count` and `stored_status` (its tasks per status, of
    the counts the services keep: that part of `stats` only)."""
    return selectors.published_reports().annotate(stored_status=F("stats__status"))


def status_counts_attach(reports: Iterable[Report]) -> None:
    """Give each report of `api_reports` `status_counts` ({status: tasks}, every status present)."""
    for report in reports:
        counted = report.stored_status or {}
        report.status_counts = {status: counted.get(status, 0) for status in Task.Status.values}


def api_themes() -> QuerySet[Theme]:
    """Themes of published reports (newest report first, table order), with their report and `task_count`."""
    tasks = Task.objects.filter(theme=OuterRef("pk")).order_by().values("theme").annotate(count=Count("pk"))
    return (
        selectors.published_theme_lookup()
        .annotate(task_count=Coalesce(Subquery(tasks.values("count")), 0))
        .order_by(F("report__year").desc(nulls_last=True), F("report__period_end_month").desc(nulls_last=True), "-report_id", "ordinal")
    )


def api_departments() -> QuerySet[Department]:
    """Departments named in published reports, by name, with `task_count` (their tasks in published reports).

    Summed from the counts the services keep per report (DepartmentReportStat): counting every task link took
    a quarter of a second at 60,000 tasks.
    """
    public = Q(report_stats__is_public=True)
    return Department.objects.filter(public).annotate(task_count=Sum("report_stats__total", filter=public)).order_by("name")


def api_tasks() -> QuerySet[Task]:
    """Published tasks in the task list's order: the base queryset of the page's FilterSet, so that the API and the
    page list the same tasks in the same order. Filter and sort it, then read a page with `api_task_rows`."""
    return selectors.task_search(QueryDict()).queryset.prefetch_related(None)


def api_task_ids(tasks: QuerySet[Task]) -> QuerySet:
    """The ids of `tasks`, in its order: sorting ids rather than whole rows (several kB of text each) before the
    LIMIT of a page is what keeps a page of the unfiltered list fast at 12,000 tasks."""
    return tasks.values_list("pk", flat=True)


# What the API says of a task (api.serializers.TaskSerializer), of its report and of its theme. Not every column:
# a task's parsed values and its report's counts and header are JSON that the database sends and Python decodes
# again for each of the page's 50 rows, and they were half the bytes the API list read.
API_TASK_COLUMNS = (
    "id", "report_id", "theme_id", "seq", "source_seq", "content", "progress", "completion_text", "note", "status",
    "status_reason", "series_id",
    "report__id", "report__title", "report__year", "report__quarter", "report__period_end_month", "report__period_label",
    "theme__id", "theme__number", "theme__name",
)
API_METRIC_COLUMNS = ("task_id", "label", "target", "unit", "comparator", "kind", "actual", "actual_unit", "completion")


def api_task_rows(task_ids: list[int]) -> list[Task]:
    """These tasks, in this order, with report, theme, departments, leaders and figures: four queries."""
    tasks = Task.objects.filter(pk__in=task_ids).select_related("report", "theme").only(*API_TASK_COLUMNS)
    by_id = {task.pk: task for task in tasks}
    return api_task_details_attach([by_id[pk] for pk in task_ids if pk in by_id])


def api_task_lookup() -> QuerySet[Task]:
    """Published tasks, report and theme joined: for one task by id (then `api_task_details_attach`)."""
    return selectors.published_tasks().only(*API_TASK_COLUMNS)


def api_task_details_attach(tasks: list[Task]) -> list[Task]:
    """Give each task `department_rows`, `leader_rows` and `metric_rows` (trusted figures), in order: three queries.

    Not prefetch_related: it ties each task and its links in reference cycles (a link caches its task), which only
    the garbage collector's full passes free; a page of 50 tasks left ~35,000 such objects per request, and those
    passes were the API list's slowest responses.
    """
    by_id: dict[int, Task] = {}
    for task in tasks:
        by_id[task.pk] = task
        task.leader_rows, task.metric_rows = [], []
    selectors.department_rows_attach(tasks)
    for link in TaskLeader.objects.filter(task_id__in=list(by_id)).select_related("leader").order_by("position"):
        by_id[link.task_id].leader_rows.append(link)
    for metric in Metric.objects.trusted().filter(task_id__in=list(by_id)).only(*API_METRIC_COLUMNS).order_by("position"):
        by_id[metric.task_id].metric_rows.append(metric)
    return tasks


# The feeds.

FEED_ITEMS = 30
# A department's feed looks at its newest this many reports, and back this many years for the previous task of each.
FEED_REPORTS = 8
FEED_LOOKBACK_YEARS = 2


def newly_published_reports() -> list[Report]:
    """The last FEED_ITEMS reports published, most recently published first, with `task_count`."""
    return list(
        Report.objects.published().with_task_counts().without_json_columns()
        .order_by(F("published_at").desc(nulls_last=True), "-id")[:FEED_ITEMS]
    )


@dataclass(frozen=True)
class StatusChange:
    """A task of a department whose status differs from the previous published task of its series."""

    task_id: int
    seq: int
    content: str
    status: str
    status_reason: str
    previous_status: str
    report_id: int
    report_title: str
    period_text: str
    previous_period_text: str
    published_at: object  # datetime or None


_CHANGE_FIELDS = (
    "id", "series_id", "seq", "content", "status", "status_reason", "report_id", "report__title", "report__year",
    "report__period_end_month", "report__period_label", "report__published_on", "report__published_at",
)


def department_status_changes(department: Department) -> list[StatusChange]:
    """The department's tasks whose status changed since the previous published report of their series (Task.series),
    newest first, at most FEED_ITEMS: two queries.

    Only the department's tasks in its newest FEED_REPORTS reports are looked at (a feed tells what is new; a
    city's decade of reports made it read every task of every series), against their series' published tasks of
    up to FEED_LOOKBACK_YEARS before the oldest of those reports, put in report order in Python: "previous" means
    the previous published report, whatever lies between them in draft.
    """
    newest = list(
        DepartmentReportStat.objects.filter(department=department, is_public=True)
        .order_by(F("period_key").desc(), F("report_id").desc())
        .values_list("report_id", "period_key")[: FEED_REPORTS + 1]
    )
    if not newest:
        return []
    report_ids = [report_id for report_id, _ in newest]
    department_series = TaskDepartment.objects.filter(
        department=department, task__report_id__in=report_ids[:FEED_REPORTS], task__series__isnull=False
    ).values("task__series_id")
    linked = Exists(TaskDepartment.objects.filter(task=OuterRef("pk"), department=department))
    rows = (
        Task.objects.filter(
            is_public=True,
            series_id__in=Subquery(department_series),
            period_key__gte=min(key for _, key in newest) - 100 * FEED_LOOKBACK_YEARS,
        )
        .annotate(linked=linked)
        .values(*_CHANGE_FIELDS, "linked")
    )
    series: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        series[row["series_id"]].append(row)
    looked_at = set(report_ids[:FEED_REPORTS])
    changes = []
    for tasks in series.values():
        tasks.sort(key=_newest_first)
        for task, previous in zip(tasks, tasks[1:]):
            if task["linked"] and task["report_id"] in looked_at and task["status"] != previous["status"]:
                changes.append((task, previous))
    changes.sort(key=lambda pair: _newest_first(pair[0]))
    return [_status_change(task, previous) for task, previous in changes[:FEED_ITEMS]]


def _newest_first(row: dict) -> tuple:
    """The reports' order on every page (models.REPORTS_NEWEST_FIRST), for rows read as dicts; then the task's seq."""
    year, month, published_on = row["report__year"], row["report__period_end_month"], row["report__published_on"]
    return (
        year is None, -(year or 0),
        month is None, -(month or 0),
        published_on is None, -(published_on.toordinal() if published_on else 0),
        -row["report_id"], row["seq"],
    )


def _status_change(task: dict, previous: dict) -> StatusChange:
    def period(row: dict) -> str:
        report = Report(
            title=row["report__title"], year=row["report__year"], period_end_month=row["report__period_end_month"],
            period_label=row["report__period_label"],
        )
        return report.period_text or report.title

    return StatusChange(
        task_id=task["id"],
        seq=task["seq"],
        content=task["content"],
        status=task["status"],
        status_reason=task["status_reason"],
        previous_status=previous["status"],
        report_id=task["report_id"],
        report_title=task["report__title"],
        period_text=period(task),
        previous_period_text=period(previous),
        published_at=task["report__published_at"],
    )

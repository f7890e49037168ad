"""Reads for the public pages: each returns rows that need no further queries per row.

Only published reports, and what belongs to them, are ever returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import NamedTuple

from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Sum, Value, When

from tracker.charts import StatusMix, status_mix
from tracker.filters import SEARCH_MAX_RESULTS, TaskFilter
from tracker.models import REPORT_JSON_COLUMNS, Department, DepartmentAlias, DepartmentReportStat, Metric, Report, ReportQuerySet, Task, TaskDepartment, TaskLeader, Theme

# What a row of a task table shows (tracker_tags.task_rows): loading the progress text and the parsed
# values too would make each row several kilobytes to fetch, decode and, in the task list, sort.
TASK_ROW_COLUMNS = ["seq", "source_seq", "content", "status", "report_id", "theme_id", "period_key"]
TASK_LIST_COLUMNS = [
    *TASK_ROW_COLUMNS,
    "report__title", "report__year", "report__period_end_month", "report__period_label",
    "theme__name",
]


def published_reports(*, with_stats: bool = False) -> ReportQuerySet:
    """Published reports, newest period first, each with `task_count`; their JSON columns are not read, but for
    the counts the services keep (`stats`) when `with_stats` (the home page's dashboard of the newest)."""
    keep = ("stats",) if with_stats else ()
    return Report.objects.published().with_task_counts().newest_first().without_json_columns(keep=keep)


def published_department_lookup() -> QuerySet[Department]:
    """Departments named in at least one published report: one named only in a draft is not public."""
    public_counts = DepartmentReportStat.objects.filter(department=OuterRef("pk"), is_public=True)
    return Department.objects.filter(Exists(public_counts))


def public_departments() -> QuerySet[Department]:
    """The public departments for the index, each with its aliases and its task counts in published reports
    (`lead_count`, `co_count`, from the counts the services keep): two queries. The index sorts them by pinyin
    (tracker.departments_index)."""
    public = Q(report_stats__is_public=True)
    return (
        Department.objects.filter(public)
        .annotate(
            lead_count=Sum("report_stats__lead", filter=public),
            co_count=Sum(F("report_stats__total") - F("report_stats__lead"), filter=public),
        )
        .prefetch_related(Prefetch("aliases", queryset=DepartmentAlias.objects.order_by("name")))
        .order_by("name")
    )


def published_report_lookup() -> ReportQuerySet:
    """Published reports, for fetching one by id."""
    return Report.objects.published()


def published_tasks() -> QuerySet[Task]:
    """Tasks of published reports (the task's own copy of its report's publication), with report and theme joined."""
    return Task.objects.filter(is_public=True).select_related("report", "theme")


# The public task lists' order: newest period first, then newest report, then table order (an index walks it).
TASKS_NEWEST_FIRST = [F("period_key").desc(), F("report_id").desc(), "seq"]


class DepartmentLinkRow(NamedTuple):
    """One of a task's departments as the task tables, the task page and the API show it."""

    department_id: int
    name: str
    role: str


def department_rows_attach(tasks: list) -> list:
    """Give each task of a task table `department_rows`: its departments in order (DepartmentLinkRow); one query.

    What prefetch_related does, without a queryset per task to hold the links nor a model instance per link and
    per department (most of the time of reading a report's ~110 tasks). `tracker_tags.task_rows` reads them.
    """
    by_task: dict[int, list[DepartmentLinkRow]] = {}
    for task in tasks:
        task.department_rows = by_task.setdefault(task.pk, [])
    links = (
        TaskDepartment.objects.filter(task_id__in=list(by_task))
        .order_by("position")
        .values_list("task_id", "department_id", "department__name", "role")
    )
    for task_id, department_id, name, role in links:
        by_task[task_id].append(DepartmentLinkRow(department_id, name, role))
    return tasks


@dataclass(slots=True)
class TaskRow:
    """A task as a report's or a theme's task table shows it (tracker_tags.task_rows), read as a row of values: a
    model instance per task, with its deferred fields, cost more than the rest of reading the table."""

    pk: int
    seq: int
    source_seq: str
    content: str
    status: str
    report_id: int
    theme_id: int | None
    department_rows: list[DepartmentLinkRow] = field(default_factory=list)


def _task_rows(tasks: QuerySet[Task]) -> list[TaskRow]:
    """The tasks as TaskRows, in the queryset's order, with their departments: two queries."""
    columns = [column.name for column in fields(TaskRow) if column.name != "department_rows"]
    return department_rows_attach([TaskRow(*values) for values in tasks.values_list(*columns)])


def report_status_counts(report: Report) -> dict[str, int]:
    """{status: task count} for one report: the counts the services keep (Report.stats), no query."""
    return dict((report.stats or {}).get("status", {}))


def _status_counts(path: str, status_path: str) -> dict:
    """Count annotations `status_<value>` of `path` per task status (`status_path` names the task's status)."""
    return {
        f"status_{status}": Count(path, filter=Q(**{status_path: status})) for status in Task.Status.values
    }


def _mix_of(row) -> StatusMix:
    return status_mix({status: getattr(row, f"status_{status}") for status in Task.Status.values})


def report_theme_rows(report: Report) -> list[dict]:
    """Per theme of the report, in table order: `theme`, `label`, `mix` (its tasks by status), `total`; the counts
    from those the services keep (Report.stats["theme_status"]), one query for the themes."""
    counts = (report.stats or {}).get("theme_status", {})
    rows = []
    for theme in Theme.objects.filter(report=report).only("id", "report_id", "ordinal", "number", "name").order_by("ordinal"):
        mix = status_mix(counts.get(str(theme.pk), {}))
        rows.append({"theme": theme, "label": theme.name, "mix": mix, "total": mix.total})
    return rows


class DepartmentRef(NamedTuple):
    """A department named in a row of a report's ranking: a link and a name."""

    pk: int
    name: str


def report_department_rows(report: Report) -> list[dict]:
    """Departments of the report, ranked: the largest share on schedule among their tasks whose status could be
    judged first, more judged tasks first on a tie, departments none of whose tasks could be judged last.

    Each row: `department` (DepartmentRef), `label`, `mix` (its tasks by status, lead and co-operating), `total`,
    `lead`; read from the counts the services keep (DepartmentReportStat), one query.
    """
    statuses = Task.Status.values
    stats = (
        DepartmentReportStat.objects.filter(report=report)
        .order_by("department__name")
        .values_list("department_id", "department__name", "lead", *statuses)
    )
    rows = []
    for department_id, name, lead, *counts in stats:
        mix = status_mix(dict(zip(statuses, counts)))
        rows.append({"department": DepartmentRef(department_id, name), "label": name, "mix": mix, "total": mix.total, "lead": lead})
    rows.sort(key=_ranking_key)
    return rows


def _ranking_key(row: dict) -> tuple:
    share = row["mix"].on_schedule_ratio
    return (share is None, -(share or 0), -row["mix"].known, -row["total"])


def report_measured_completions(report: Report, *, key: str) -> dict[str, list[float]]:
    """The completions of the report's measurable targets that add up over the year, per theme (`key` "theme") or
    department ("department"), as charts.measured_completions groups them: those the services keep
    (Report.stats["measured"]), no query."""
    return (report.stats or {}).get("measured", {}).get(key, {})


def report_family_history(report: Report, *, limit: int = 8) -> list[Report]:
    """The published reports of the report's family up to it (the last `limit`), oldest first, each with its
    tasks by status (`mix`, from the counts the services keep), in one query."""
    family = (
        Report.objects.published()
        .same_family(report)
        .filter(Q(pk=report.pk) | Q(pk__in=Report.objects.before(report).values("pk")))
        .newest_first()[:limit]
    )
    reports = list(family)
    reports.reverse()
    for row in reports:
        row.mix = status_mix(report_status_counts(row))
    return reports


# What "since the previous report" lists of each task: enough for a row with a link.
CHANGE_ROW_COLUMNS = ("id", "report_id", "series_id", "seq", "source_seq", "content", "status")


def report_changes_since(report: Report, previous: Report) -> dict[str, list[dict]]:
    """What changed from `previous` to `report` (the same family), task by task through their series, in one query.

    {"completed": newly completed, "behind": newly behind, "new": tasks that continue none of the previous
    report's, "dropped": the previous report's tasks none of this report's continues}; each a list of dicts
    (CHANGE_ROW_COLUMNS, and `before`: the previous status for the first two), in table order.
    """
    rows = list(Task.objects.filter(report__in=[report, previous]).order_by("seq").values(*CHANGE_ROW_COLUMNS))
    earlier = {row["series_id"]: row for row in rows if row["report_id"] == previous.pk and row["series_id"] is not None}
    current = [row for row in rows if row["report_id"] == report.pk]
    continued = {row["series_id"] for row in current if row["series_id"] in earlier}
    changes: dict[str, list[dict]] = {"completed": [], "behind": [], "new": [], "dropped": []}
    for row in current:
        before = earlier.get(row["series_id"])
        if before is None:
            changes["new"].append(row)
            continue
        for status in (Task.Status.COMPLETED, Task.Status.BEHIND):
            if row["status"] == status and before["status"] != status:
                changes[status.value].append({**row, "before": before["status"]})
    changes["dropped"] = [
        row for row in rows if row["report_id"] == previous.pk and row["series_id"] not in continued
    ]
    return changes


def theme_history(theme: Theme, *, limit: int = 8) -> list[Theme]:
    """The theme of the same name in the published reports of its report's family up to it (the last `limit`),
    oldest first, each with its tasks counted per status and its report joined, in one query."""
    report = theme.report
    reports = Report.objects.published().same_family(report).filter(
        Q(pk=report.pk) | Q(pk__in=Report.objects.before(report).values("pk"))
    )
    themes = list(
        Theme.objects.filter(name=theme.name, report__in=reports)
        .select_related("report")
        .annotate(**_status_counts("tasks", "tasks__status"))
        .order_by(F("report__year").desc(nulls_last=True), F("report__period_end_month").desc(nulls_last=True), "-report_id")[:limit]
    )
    themes.reverse()
    for row in themes:
        row.mix = _mix_of(row)
    return themes


def department_reports(department: Department, *, limit: int | None = None) -> list[Report]:
    """Published reports in which the department has tasks, newest first (the newest `limit`), in one query.

    Each report carries the department's counts in it, as the services counted them (DepartmentReportStat):
    `link_total`, `link_lead`, and `mix` (its tasks there by status, lead and co-operating).
    """
    stats = (
        DepartmentReportStat.objects.filter(department=department, is_public=True)
        .select_related("report")
        .order_by(F("period_key").desc(), F("report_id").desc())
    )
    return [_report_with(stat) for stat in (stats[:limit] if limit else stats)]


def department_report(department: Department, report_id: str | None) -> Report | None:
    """One published report of the department's, with its counts there; None when it has no tasks in it."""
    if not report_id or not str(report_id).isdigit():
        return None
    stat = (
        DepartmentReportStat.objects.filter(department=department, is_public=True, report_id=int(report_id))
        .select_related("report")
        .first()
    )
    return _report_with(stat) if stat else None


def department_report_count(department: Department) -> int:
    """In how many published reports the department has tasks."""
    return DepartmentReportStat.objects.filter(department=department, is_public=True).count()


def _report_with(stat: DepartmentReportStat) -> Report:
    report = stat.report
    report.link_total, report.link_lead, report.mix = stat.total, stat.lead, status_mix(stat.status_counts())
    return report


def department_task_links(department: Department, report: Report) -> list[TaskDepartment]:
    """The department's links to the tasks of one report: behind schedule first, then in table order."""
    return list(
        TaskDepartment.objects.filter(department=department, task__report=report)
        .select_related("task__theme")
        .annotate(
            behind_first=Case(
                When(task__status=Task.Status.BEHIND, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("behind_first", "task__seq")
    )


def theme_tasks(theme: Theme) -> list[TaskRow]:
    """The theme's tasks in table order, with their departments."""
    return _task_rows(Task.objects.filter(theme=theme).order_by("seq"))


def report_tasks(report: Report) -> list[TaskRow]:
    """The report's tasks in table order, with their departments (the page heads each theme's group itself).

    No theme joined: PostgreSQL joins a report's ~110 tasks to the themes by hashing every theme of
    every report (10,000 at 500 reports), which took longer than the rest of the query.
    """
    return _task_rows(Task.objects.filter(report=report).order_by("seq"))


def published_theme_lookup() -> QuerySet[Theme]:
    """Themes of published reports, with their report joined (not its JSON columns, which no theme page reads)."""
    return (
        Theme.objects.filter(report__is_published=True)
        .select_related("report")
        .defer(*(f"report__{column}" for column in REPORT_JSON_COLUMNS))
    )


def published_task_lookup() -> QuerySet[Task]:
    """Tasks of published reports with report, theme and leaders, for one task's page (then `department_rows_attach`)."""
    return published_tasks().prefetch_related(
        Prefetch("leader_links", queryset=TaskLeader.objects.select_related("leader").order_by("position")),
    )


def task_timeline(task: Task) -> list[Task]:
    """The task's series in the published reports, oldest first, with each report and its metrics: two queries.

    Just the task itself (no query) when it has no series.
    """
    if task.series_id is None:
        return [task]
    return list(
        Task.objects.filter(series_id=task.series_id, report__is_published=True)
        .select_related("report")
        .prefetch_related(Prefetch("metrics", queryset=Metric.objects.trusted().order_by("position")))
        .order_by("report__year", "report__period_end_month", "report_id")
    )


def task_metrics(task: Task) -> list[dict]:
    """The task's trusted metrics as dicts (label, target, actual, unit, completion, evidence offsets), in order: one
    query. Doubtful pairs no admin accepted are not public (issue 12)."""
    return list(
        Metric.objects.filter(task=task)
        .trusted()
        .order_by("position")
        .values(
            "label", "target", "unit", "comparator", "kind", "actual", "actual_unit", "completion",
            "target_start", "target_end", "actual_start", "actual_end",
        )
    )


def published_task_count() -> int:
    """How many published tasks there are, summed from the counts the services keep per report (Report.stats)."""
    total = Report.objects.published().aggregate(total=Sum(Cast(KT("stats__tasks"), IntegerField())))["total"]
    return total or 0


def task_filters_applied(params) -> bool:
    """Whether any of the task list's filters (not its sort or page) narrows the rows."""
    return any(params.get(name) for name in TaskFilter.base_filters if name != "sort")


def task_list_counting(params) -> dict:
    """How the task list (page and API) is counted for these parameters, as KnownCountPaginator's `count` and `cap`:
    from the totals the services keep when no filter narrows it; no further than SEARCH_MAX_RESULTS for a search."""
    return {
        "count": None if task_filters_applied(params) else published_task_count(),
        "cap": SEARCH_MAX_RESULTS if params.get("q") else None,
    }


def task_search(params) -> TaskFilter:
    """The task list's FilterSet over published tasks (newest report first, table order); a page of its rows is given
    its departments by `department_rows_attach`.

    Read the rows from `.qs`; an invalid parameter leaves the list unfiltered by it, as django-filter does.
    """
    tasks = published_tasks().only(*TASK_LIST_COLUMNS).order_by(*TASKS_NEWEST_FIRST)
    return TaskFilter(params, queryset=tasks)

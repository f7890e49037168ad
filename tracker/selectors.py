"""Reads for the public pages: each returns rows that need no further queries per row.

Only published reports, and what belongs to them, are ever returned.
"""

from __future__ import annotations

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When

from tracker.filters import TaskFilter
from tracker.models import Department, Metric, Report, ReportQuerySet, Task, TaskDepartment, TaskLeader, Theme

COMPLETED = Task.Status.COMPLETED
UNKNOWN = Task.Status.UNKNOWN

# What a row of a task table shows (tracker_tags.task_rows): loading the progress text and the parsed
# values too would make each row several kilobytes to fetch, decode and, in the task list, sort.
TASK_ROW_COLUMNS = ["seq", "source_seq", "content", "status", "report_id", "theme_id"]
TASK_LIST_COLUMNS = [
    *TASK_ROW_COLUMNS,
    "report__title", "report__year", "report__period_end_month", "report__period_label",
    "theme__name",
]


def published_reports() -> ReportQuerySet:
    """Published reports, newest period first, each with `task_count`."""
    return Report.objects.published().with_task_counts().newest_first()


def published_department_lookup() -> QuerySet[Department]:
    """Departments named in at least one published report: one named only in a draft is not public."""
    published_links = TaskDepartment.objects.filter(department=OuterRef("pk"), task__report__is_published=True)
    return Department.objects.filter(Exists(published_links))


def published_report_lookup() -> ReportQuerySet:
    """Published reports, for fetching one by id."""
    return Report.objects.published()


def published_tasks() -> QuerySet[Task]:
    """Tasks of published reports, with report and theme joined."""
    return Task.objects.filter(report__is_published=True).select_related("report", "theme")


def _department_links() -> Prefetch:
    return Prefetch(
        "department_links",
        queryset=TaskDepartment.objects.select_related("department").order_by("position"),
    )


def tasks_with_departments(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """`tasks` with their department links (and departments) prefetched in one more query."""
    return tasks.prefetch_related(_department_links())


def report_status_counts(report: Report) -> dict[str, int]:
    """{status: task count} for one report, in one query."""
    rows = Task.objects.filter(report=report).order_by().values("status").annotate(count=Count("id"))
    return {row["status"]: row["count"] for row in rows}


def report_theme_completion(report: Report) -> list[dict]:
    """Per theme of the report, in table order: `theme`, `label`, `total`, `completed`, `known`."""
    themes = (
        Theme.objects.filter(report=report)
        .annotate(
            task_total=Count("tasks"),
            task_completed=Count("tasks", filter=Q(tasks__status=COMPLETED)),
            task_known=Count("tasks", filter=~Q(tasks__status=UNKNOWN)),
        )
        .order_by("ordinal")
    )
    return [
        {
            "theme": theme,
            "label": theme.name,
            "total": theme.task_total,
            "completed": theme.task_completed,
            "known": theme.task_known,
        }
        for theme in themes
    ]


def report_department_ranking(report: Report) -> list[dict]:
    """Departments of the report, best completion share first (most tasks first when no status is known).

    Each row: `department`, `label`, `total`, `lead`, `completed`, `known`.
    """
    departments = (
        Department.objects.filter(task_links__task__report=report)
        .annotate(
            task_total=Count("task_links"),
            task_lead=Count("task_links", filter=Q(task_links__role=TaskDepartment.Role.LEAD)),
            task_completed=Count("task_links", filter=Q(task_links__task__status=COMPLETED)),
            task_known=Count("task_links", filter=~Q(task_links__task__status=UNKNOWN)),
        )
        .order_by("name")
    )
    rows = [
        {
            "department": department,
            "label": department.name,
            "total": department.task_total,
            "lead": department.task_lead,
            "completed": department.task_completed,
            "known": department.task_known,
        }
        for department in departments
    ]
    rows.sort(key=lambda row: (-(row["completed"] / row["total"]), -row["total"]))
    return rows


def department_reports(department: Department) -> list[Report]:
    """Published reports in which the department has tasks, newest first, in one query.

    Each report carries the department's counts in it: `link_total`, `link_lead`,
    `link_completed`, `link_behind`.
    """
    # The filter and the counts go through the same join, so the counts are of this department's links only.
    links = "tasks__department_links"
    return list(
        Report.objects.published()
        .filter(tasks__department_links__department=department)
        .annotate(
            link_total=Count(links),
            link_lead=Count(links, filter=Q(tasks__department_links__role=TaskDepartment.Role.LEAD)),
            link_completed=Count(links, filter=Q(tasks__status=COMPLETED)),
            link_behind=Count(links, filter=Q(tasks__status=Task.Status.BEHIND)),
        )
        .newest_first()
    )


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


def theme_tasks(theme: Theme) -> list[Task]:
    """The theme's tasks in table order, with their departments."""
    return list(tasks_with_departments(Task.objects.filter(theme=theme).only(*TASK_ROW_COLUMNS).order_by("seq")))


def report_tasks(report: Report) -> list[Task]:
    """The report's tasks in table order, with their themes and departments."""
    tasks = Task.objects.filter(report=report).select_related("theme").only(*TASK_ROW_COLUMNS, "theme__name")
    return list(tasks_with_departments(tasks.order_by("seq")))


def published_theme_lookup() -> QuerySet[Theme]:
    """Themes of published reports, with their report joined."""
    return Theme.objects.filter(report__is_published=True).select_related("report")


def published_task_lookup() -> QuerySet[Task]:
    """Tasks of published reports with report, theme, departments and leaders, for one task's page."""
    return published_tasks().prefetch_related(
        _department_links(),
        Prefetch("leader_links", queryset=TaskLeader.objects.select_related("leader").order_by("position")),
    )


def task_same_year_versions(task: Task) -> list[Task]:
    """The same task in other published reports of the same year (same content text), newest first."""
    if task.report.year is None:
        return []
    return list(
        Task.objects.filter(report__is_published=True, report__year=task.report.year, content=task.content)
        .exclude(pk=task.pk)
        .select_related("report")
        .order_by(F("report__period_end_month").desc(nulls_last=True), "-report_id")
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


def task_search(params) -> TaskFilter:
    """The task list's FilterSet over published tasks (newest report first, table order), departments prefetched.

    Read the rows from `.qs`; an invalid parameter leaves the list unfiltered by it, as django-filter does.
    """
    tasks = tasks_with_departments(
        published_tasks()
        .only(*TASK_LIST_COLUMNS)
        .order_by(
            F("report__year").desc(nulls_last=True), F("report__period_end_month").desc(nulls_last=True), "-report_id", "seq"
        )
    )
    return TaskFilter(params, queryset=tasks)

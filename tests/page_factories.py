"""Cheap page data: published reports with themes, departments, leaders and statuses, in a handful of bulk queries.

`tests.factories.report_create` gives bare tasks; the dashboard pages need the links too.
"""

from __future__ import annotations

import itertools

from tests.factories import report_create
from tracker.page_cache import content_changed
from tracker.services.aggregates import report_counts_refresh
from tracker.models import Department, Leader, Report, Task, TaskDepartment, TaskLeader, Theme

_serial = itertools.count(1)

DEFAULT_STATUSES = [Task.Status.COMPLETED, Task.Status.ON_TRACK, Task.Status.BEHIND, Task.Status.UNKNOWN]


def department_get(name: str) -> Department:
    return Department.objects.get_or_create(name=name)[0]


def dashboard_report_create(
    *,
    statuses: list[str] | None = None,
    themes: list[str] | None = None,
    lead: str = "区发改经信局",
    co: str | None = "区财政局",
    leader: str | None = "张三",
    contents: list[str] | None = None,
    **fields,
) -> Report:
    """A published report with one task per status, spread over `themes`; each task led by `lead`, helped by `co`."""
    statuses = statuses if statuses is not None else DEFAULT_STATUSES
    theme_names = themes or ["经济发展", "民生保障"]
    report = report_create(task_count=0, refresh=False, **fields)
    theme_rows = Theme.objects.bulk_create(
        Theme(report=report, ordinal=ordinal, number=str(ordinal), name=name)
        for ordinal, name in enumerate(theme_names, start=1)
    )
    tasks = Task.objects.bulk_create(
        Task(
            report=report,
            seq=seq,
            theme=theme_rows[(seq - 1) % len(theme_rows)],
            content=contents[seq - 1] if contents else f"任务内容 {next(_serial)}",
            progress=f"进展 {seq}",
            status=status,
            first_line=seq,
            last_line=seq,
        )
        for seq, status in enumerate(statuses, start=1)
    )
    lead_department = department_get(lead)
    links = [TaskDepartment(task=task, department=lead_department, role="lead", position=1) for task in tasks]
    if co:
        co_department = department_get(co)
        links += [TaskDepartment(task=task, department=co_department, role="co", position=2) for task in tasks]
    TaskDepartment.objects.bulk_create(links)
    if leader:
        person = Leader.objects.get_or_create(name=leader)[0]
        TaskLeader.objects.bulk_create(TaskLeader(task=task, leader=person, position=1) for task in tasks)
    report_counts_refresh(report_ids=[report.pk])  # written around the services: do what a service would
    content_changed()
    report.refresh_from_db(fields=["stats"])  # the counts were written to the row, not to this object
    return report

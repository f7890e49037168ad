"""Writes: importing a parsed report, publishing and unpublishing it.

Every function here is the one place its rule lives; the admin and the
management commands call these instead of touching the models themselves.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from tracker.models import (
    Department,
    ImportDiagnostic,
    Leader,
    Report,
    Task,
    TaskDepartment,
    TaskLeader,
    Theme,
)
from tracker.parsing import ParsedReport, ParsedTask, ReportMeta, Severity

REPORT_WITHOUT_CONTENT_HASH = "解析结果没有内容哈希（content_hash），无法判断是否重复导入。请用 parse_report_bytes 解析原始文件。"
REPORT_WITHOUT_TASKS = "解析结果没有任何任务，不导入。"


class ImportOutcome(StrEnum):
    CREATED = "created"  # a report never seen before
    UPDATED = "updated"  # a corrected source of a stored report: its rows were replaced
    UNCHANGED = "unchanged"  # the very same bytes were imported before: nothing written


@dataclass(frozen=True)
class ImportResult:
    report: Report
    outcome: ImportOutcome
    task_count: int
    theme_count: int
    department_count: int  # distinct departments named in this report
    diagnostic_counts: dict[str, int]  # by severity value: {"error": 0, "warning": 2, "info": 1}


def report_source_key(meta: ReportMeta, *, content_hash: str) -> str:
    """The report's natural identity: its 信息索引号, else title, year and period.

    A report with neither index number nor title has nothing stable to go by, so
    its identity is its content; a corrected copy of it will then be a new report.
    """
    if meta.index_no:
        return meta.index_no
    if meta.title:
        year = meta.year if meta.year is not None else ""
        month = meta.period_end_month if meta.period_end_month is not None else ""
        return f"{meta.title}|{year}|{month}"
    return f"sha256:{content_hash}"


def report_import(*, parsed: ParsedReport, publish: bool = False) -> ImportResult:
    """Store a parsed report: create it, replace a stored copy, or do nothing if already stored.

    Each call is one transaction. When two processes import the same report at
    once, the loser's insert hits a unique constraint; by then the winner has
    committed, so one more try finds its report and answers "unchanged".
    """
    if not parsed.content_hash:
        raise ValueError(REPORT_WITHOUT_CONTENT_HASH)
    if not parsed.tasks:
        raise ValueError(REPORT_WITHOUT_TASKS)
    try:
        return _report_store(parsed=parsed, publish=publish)
    except IntegrityError:
        return _report_store(parsed=parsed, publish=publish)


@transaction.atomic
def report_publish(*, report: Report) -> Report:
    if not report.is_published:
        report.is_published = True
        report.published_at = timezone.now()
        report.save(update_fields=["is_published", "published_at", "updated_at"])
    return report


@transaction.atomic
def report_unpublish(*, report: Report) -> Report:
    if report.is_published:
        report.is_published = False
        report.published_at = None
        report.save(update_fields=["is_published", "published_at", "updated_at"])
    return report


def _report_find_stored(*, content_hash: str) -> Report | None:
    return Report.objects.filter(content_hash=content_hash).first()


def _report_lock_by_source_key(*, source_key: str) -> Report | None:
    """The stored report with this identity, locked so a concurrent import of it waits for us."""
    return Report.objects.select_for_update().filter(source_key=source_key).first()


@transaction.atomic
def _report_store(*, parsed: ParsedReport, publish: bool) -> ImportResult:
    stored = _report_find_stored(content_hash=parsed.content_hash)
    if stored is not None:
        return _report_unchanged(report=stored, publish=publish)

    source_key = report_source_key(parsed.meta, content_hash=parsed.content_hash)
    report = _report_lock_by_source_key(source_key=source_key)
    if report is not None and report.content_hash == parsed.content_hash:
        return _report_unchanged(report=report, publish=publish)

    if report is None:
        outcome = ImportOutcome.CREATED
        report = Report(source_key=source_key)
    else:
        outcome = ImportOutcome.UPDATED
        # Diagnostics first, so deleting the tasks has no links to null out; the
        # tasks' department and leader links go with them by cascade.
        report.diagnostics.all().delete()
        report.tasks.all().delete()
        report.themes.all().delete()

    _report_fill(report=report, parsed=parsed)
    if publish and not report.is_published:
        report.is_published = True
        report.published_at = timezone.now()
    report.save()

    themes_by_name = _themes_create(report=report, tasks=parsed.tasks)
    tasks = _tasks_create(report=report, parsed_tasks=parsed.tasks, themes_by_name=themes_by_name)
    department_count = _task_departments_create(tasks=tasks, parsed_tasks=parsed.tasks)
    _task_leaders_create(tasks=tasks, parsed_tasks=parsed.tasks)
    _diagnostics_create(report=report, tasks=tasks, parsed=parsed)

    return ImportResult(
        report=report,
        outcome=outcome,
        task_count=len(tasks),
        theme_count=len(themes_by_name),
        department_count=department_count,
        diagnostic_counts={severity.value: parsed.count(severity) for severity in Severity},
    )


def _report_unchanged(*, report: Report, publish: bool) -> ImportResult:
    """The counts come from the database: they describe what is stored, not what was parsed now."""
    if publish:
        report_publish(report=report)
    stored_counts = dict(report.diagnostics.values_list("severity").annotate(Count("id")).order_by())
    return ImportResult(
        report=report,
        outcome=ImportOutcome.UNCHANGED,
        task_count=report.tasks.count(),
        theme_count=report.themes.count(),
        department_count=Department.objects.filter(task_links__task__report=report).distinct().count(),
        diagnostic_counts={severity.value: stored_counts.get(severity.value, 0) for severity in Severity},
    )


def _report_fill(*, report: Report, parsed: ParsedReport) -> None:
    meta = parsed.meta
    report.title = meta.title
    report.year = meta.year
    report.quarter = meta.quarter
    report.period_end_month = meta.period_end_month
    report.period_label = meta.period_label
    report.publisher = meta.publisher
    report.index_no = meta.index_no
    report.published_on = meta.published_on
    report.source_name = parsed.source_name
    report.content_hash = parsed.content_hash
    report.layout = parsed.layout
    report.columns = list(parsed.columns)


def _themes_create(*, report: Report, tasks: list[ParsedTask]) -> dict[str, Theme]:
    """One theme per distinct name, numbered in order of first appearance."""
    themes_by_name: dict[str, Theme] = {}
    for parsed_task in tasks:
        if parsed_task.theme and parsed_task.theme not in themes_by_name:
            themes_by_name[parsed_task.theme] = Theme(
                report=report,
                ordinal=len(themes_by_name) + 1,
                number=parsed_task.theme_no or "",
                name=parsed_task.theme,
            )
    Theme.objects.bulk_create(themes_by_name.values())
    return themes_by_name


def _tasks_create(
    *, report: Report, parsed_tasks: list[ParsedTask], themes_by_name: dict[str, Theme]
) -> list[Task]:
    tasks = [
        Task(
            report=report,
            seq=parsed_task.seq,
            source_seq=parsed_task.source_seq or "",
            theme=themes_by_name.get(parsed_task.theme),
            content=parsed_task.content,
            progress=parsed_task.progress,
            completion_text=parsed_task.completion_text,
            note=parsed_task.note,
            status=Task.Status(parsed_task.status.value),
            status_reason=parsed_task.status_reason,
            first_line=parsed_task.first_line,
            last_line=parsed_task.last_line,
        )
        for parsed_task in parsed_tasks
    ]
    # PostgreSQL and SQLite >= 3.35 return the new ids, which the links below need.
    return Task.objects.bulk_create(tasks)


def _ids_by_name(model: type[Department] | type[Leader], names: set[str]) -> dict[str, int]:
    """Get or create every name with two queries in all, whatever their number.

    `ignore_conflicts` lets a concurrent import create the same name without
    either import failing.
    """
    if not names:
        return {}
    model.objects.bulk_create([model(name=name) for name in sorted(names)], ignore_conflicts=True)
    return dict(model.objects.filter(name__in=names).values_list("name", "id"))


def _task_departments_create(*, tasks: list[Task], parsed_tasks: list[ParsedTask]) -> int:
    """Link each task to its departments; returns how many distinct departments the report names."""
    names = {ref.name for parsed_task in parsed_tasks for ref in parsed_task.departments if ref.name}
    department_ids = _ids_by_name(Department, names)
    links = []
    for task, parsed_task in zip(tasks, parsed_tasks, strict=True):
        linked: set[int] = set()
        for ref in parsed_task.departments:
            department_id = department_ids.get(ref.name)
            # A name printed twice in one cell keeps its first role only.
            if department_id is None or department_id in linked:
                continue
            linked.add(department_id)
            links.append(
                TaskDepartment(
                    task=task,
                    department_id=department_id,
                    role=TaskDepartment.Role(ref.role.value),
                    position=len(linked),
                )
            )
    TaskDepartment.objects.bulk_create(links)
    return len(names)


def _task_leaders_create(*, tasks: list[Task], parsed_tasks: list[ParsedTask]) -> None:
    names = {name for parsed_task in parsed_tasks for name in parsed_task.leaders if name}
    leader_ids = _ids_by_name(Leader, names)
    links = []
    for task, parsed_task in zip(tasks, parsed_tasks, strict=True):
        linked: set[int] = set()
        for name in parsed_task.leaders:
            leader_id = leader_ids.get(name)
            if leader_id is None or leader_id in linked:
                continue
            linked.add(leader_id)
            links.append(TaskLeader(task=task, leader_id=leader_id, position=len(linked)))
    TaskLeader.objects.bulk_create(links)


def _diagnostics_create(*, report: Report, tasks: list[Task], parsed: ParsedReport) -> None:
    task_at_line = _task_locator(tasks)
    ImportDiagnostic.objects.bulk_create(
        ImportDiagnostic(
            report=report,
            task=task_at_line(diagnostic.line),
            line=diagnostic.line,
            severity=ImportDiagnostic.Severity(diagnostic.severity.value),
            code=diagnostic.code,
            message=diagnostic.message,
        )
        for diagnostic in parsed.diagnostics
    )


def _task_locator(tasks: list[Task]) -> Callable[[int | None], Task | None]:
    """A function giving the task whose source lines [first_line, last_line] contain a line."""
    by_first_line = sorted(tasks, key=lambda task: task.first_line)
    first_lines = [task.first_line for task in by_first_line]

    def task_at_line(line: int | None) -> Task | None:
        if line is None:
            return None
        index = bisect.bisect_right(first_lines, line) - 1
        if index >= 0 and line <= by_first_line[index].last_line:
            return by_first_line[index]
        return None

    return task_at_line

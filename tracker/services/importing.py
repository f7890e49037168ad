"""Importing a parsed report: create it, update a stored copy in place keeping the corrections, or do nothing.

`report_import` is the one way reports get into the database (the admin's import page and
`manage.py import_report` both call it). A report's identity is its 信息索引号, else its title,
year and period (`report_source_key`); the very same bytes read by the same parser are
"unchanged" and write nothing.

An update writes only what changed: rows are paired with the stored tasks they continue
(`matching.match_rows`), and a task is updated, and its links, figures and history rewritten,
only when its reading differs; every bulk statement is batched (`bulk`), so the cost grows with
the rows changed, not with the square of the rows.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone

from tracker.models import (
    CORRECTABLE_FIELDS,
    REPORT_CORRECTABLE_FIELDS,
    Department,
    DepartmentAlias,
    ImportDiagnostic,
    Leader,
    Metric,
    Report,
    ReportRevision,
    Task,
    TaskDepartment,
    TaskLeader,
    Theme,
    metric_kind,
    period_key,
)
from tracker.parsing import (
    ParsedReport,
    ParsedTask,
    ReportMeta,
    Severity,
    parsed_report_from_json,
)
from tracker.services import bulk, matching
from tracker.services.aggregates import report_counts_refresh
from tracker.services.errors import (
    REPORT_WITHOUT_CONTENT_HASH,
    REPORT_WITHOUT_TASKS,
    ServiceError,
)
from tracker.services.matching import RowChanges, RowsDiff
from tracker.services.public_pages import public_pages_changed
from tracker.services.publishing import mark_published, report_publish
from tracker.services.series import report_series_link

# Shown as the reason of the history records an import writes (an admin's edits have a user instead).
IMPORT_CHANGE_REASON = "导入"
REIMPORT_CHANGE_REASON = "重新导入"
# The scalar task fields a re-import refreshes from the source unless an admin corrected them.
SOURCE_SCALAR_FIELDS = ("content", "progress", "completion_text", "note", "status", "status_reason")
# Task fields a re-import may write (besides the corrected ones it leaves alone).
_UPDATED_TASK_FIELDS = ("seq", "source_seq", "first_line", "last_line", "parsed_values", "theme", *SOURCE_SCALAR_FIELDS)
# Added to a 序号 or theme ordinal that is about to change, so rows can trade places under the unique
# constraints (a theme's ordinal is a small integer: at most 32,767).
_RENUMBER_OFFSET = 1_000_000
_THEME_RENUMBER_OFFSET = 10_000


class ImportOutcome(StrEnum):
    CREATED = "created"  # a report never seen before: stored (a draft unless published at once)
    UPDATED = "updated"  # a corrected source of a stored report: its rows were updated in place
    PENDING = "pending"  # a corrected source of a published report: kept as a revision to publish; nothing public changed
    UNCHANGED = "unchanged"  # the very same bytes were imported before: nothing written
    REREAD = "reread"  # the same bytes, read by an older parser: read again, rows updated as for UPDATED


@dataclass(frozen=True)
class ImportResult:
    report: Report
    outcome: ImportOutcome
    task_count: int
    theme_count: int
    department_count: int  # distinct departments named in this report
    diagnostic_counts: dict[str, int]  # by severity value: {"error": 0, "warning": 2, "info": 1}
    row_changes: RowChanges = field(default_factory=RowChanges)
    revision: ReportRevision | None = None  # the revision this import stored, or the one it found unchanged


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


def report_import(*, parsed: ParsedReport, publish: bool = False, user=None, source: bytes = b"") -> ImportResult:
    """Store a parsed report: create it, update a stored copy, keep it as a revision to publish, or do nothing.

    A file for a report that is not public yet updates it at once. A file for a published report
    never changes what the public sees by itself: it is kept as a pending revision (outcome
    PENDING) for an admin to compare and publish (`revisions.revision_publish`), unless `publish`
    asks for exactly that now. `source` is the file's bytes, kept with the revision.

    Each call is one transaction. When two processes import the same report at
    once, the loser's insert hits a unique constraint; by then the winner has
    committed, so one more try finds its report and answers "unchanged".
    """
    if not parsed.content_hash:
        raise ServiceError(REPORT_WITHOUT_CONTENT_HASH)
    if not parsed.tasks:
        raise ServiceError(REPORT_WITHOUT_TASKS)
    try:
        return _report_store(parsed=parsed, publish=publish, user=user, source=source)
    except IntegrityError:
        return _report_store(parsed=parsed, publish=publish, user=user, source=source)


def report_stored_by_hash(*, content_hash: str) -> Report | None:
    """The report stored from these very bytes, if any (a seam the concurrency tests hold up)."""
    return Report.objects.filter(content_hash=content_hash).first()


def report_locked_by_source_key(*, source_key: str) -> Report | None:
    """The stored report with this identity, locked so a concurrent import or edit of it waits for us."""
    return Report.objects.select_for_update().filter(source_key=source_key).first()


def pending_revision_of(*, content_hash: str, parser_version: int) -> ReportRevision | None:
    """A revision waiting to be published that these very bytes, read by this parser or a newer one, gave."""
    return (
        ReportRevision.objects.select_related("report")
        .filter(state=ReportRevision.State.PENDING, content_hash=content_hash, parser_version__gte=parser_version)
        .first()
    )


@dataclass(frozen=True)
class ImportPlan:
    """What importing a reading would do, decided before anything is written (the admin's preview shows it)."""

    outcome: ImportOutcome
    report: Report | None  # the stored report it concerns; None for a new one
    pending: ReportRevision | None = None  # the pending revision these bytes already are, if any


def import_plan(*, parsed: ParsedReport, publish: bool = False, lock: bool = False) -> ImportPlan:
    """Which report the reading belongs to and what importing it would do. `lock`: lock that report (inside a write)."""
    stored = report_stored_by_hash(content_hash=parsed.content_hash)
    if stored is not None and stored.parser_version >= parsed.parser_version:
        return ImportPlan(ImportOutcome.UNCHANGED, stored)
    pending = pending_revision_of(content_hash=parsed.content_hash, parser_version=parsed.parser_version)
    if pending is not None:
        return ImportPlan(ImportOutcome.UNCHANGED, pending.report, pending)
    if stored is not None:
        # The same file, read by an older parser: read again under the same identity (the new reading
        # may differ in the very fields the source key is made of), keeping the corrections.
        report = Report.objects.select_for_update().get(pk=stored.pk) if lock else stored
        if report.parser_version >= parsed.parser_version:  # another import re-read it while we waited
            return ImportPlan(ImportOutcome.UNCHANGED, report)
        if report.is_published and not publish:
            return ImportPlan(ImportOutcome.PENDING, report)
        return ImportPlan(ImportOutcome.REREAD, report)
    source_key = report_source_key(parsed.meta, content_hash=parsed.content_hash)
    if lock:
        report = report_locked_by_source_key(source_key=source_key)
    else:
        report = Report.objects.filter(source_key=source_key).first()
    if report is None:
        return ImportPlan(ImportOutcome.CREATED, None)
    if report.content_hash == parsed.content_hash:
        return ImportPlan(ImportOutcome.UNCHANGED, report)
    if report.is_published and not publish:
        return ImportPlan(ImportOutcome.PENDING, report)
    return ImportPlan(ImportOutcome.UPDATED, report)


@transaction.atomic
def _report_store(*, parsed: ParsedReport, publish: bool, user, source: bytes) -> ImportResult:
    plan = import_plan(parsed=parsed, publish=publish, lock=True)
    if plan.outcome is ImportOutcome.CREATED:
        source_key = report_source_key(parsed.meta, content_hash=parsed.content_hash)
        result = _report_create(source_key=source_key, parsed=parsed, publish=publish, user=user)
        revision = revision_store(report=result.report, parsed=parsed, source=source, user=user, state=ReportRevision.State.CURRENT, changes=result.row_changes)
        return dataclasses.replace(result, revision=revision)
    report = plan.report
    if plan.outcome is ImportOutcome.UNCHANGED:
        if plan.pending is not None and publish:
            return revision_apply(revision=plan.pending, user=user, publish=True)
        return _report_unchanged(report=report, publish=publish, user=user, revision=plan.pending)
    if plan.outcome is ImportOutcome.PENDING:
        changes = rows_diff(report=report, parsed=parsed).row_changes()
        revision = revision_store(report=report, parsed=parsed, source=source, user=user, state=ReportRevision.State.PENDING, changes=changes)
        return ImportResult(
            report=report,
            outcome=ImportOutcome.PENDING,
            task_count=len(parsed.tasks),
            theme_count=len({task.theme for task in parsed.tasks if task.theme}),
            department_count=len({ref.name for task in parsed.tasks for ref in task.departments}),
            diagnostic_counts=_diagnostic_counts(parsed),
            row_changes=changes,
            revision=revision,
        )
    result = _report_update(report=report, parsed=parsed, publish=publish, user=user)
    revision = revision_store(report=report, parsed=parsed, source=source, user=user, state=ReportRevision.State.CURRENT, changes=result.row_changes)
    return dataclasses.replace(result, outcome=plan.outcome, revision=revision)


def _report_create(*, source_key: str, parsed: ParsedReport, publish: bool, user) -> ImportResult:
    report = Report(source_key=source_key)
    report_fill(report=report, parsed=parsed)
    if publish:
        mark_published(report)
    report._history_user = user
    report.save()

    themes_by_name = _themes_create(report=report, tasks=parsed.tasks)
    tasks = _tasks_create(report=report, parsed_tasks=parsed.tasks, themes_by_name=themes_by_name, user=user)
    rows = list(zip(tasks, parsed.tasks, strict=True))
    department_count = task_departments_create(rows=rows)
    task_leaders_create(rows=rows)
    metrics_store(rows=rows, fresh=True)
    diagnostics_store(report=report, tasks=tasks, parsed=parsed)
    report_counts_refresh(report_ids=[report.pk])
    _series_link(report)
    if report.is_published:
        public_pages_changed()
    return ImportResult(
        report=report,
        outcome=ImportOutcome.CREATED,
        task_count=len(tasks),
        theme_count=len(themes_by_name),
        department_count=department_count,
        diagnostic_counts=_diagnostic_counts(parsed),
        row_changes=RowChanges(new=[task.seq for task in tasks]),
    )


def _report_update(*, report: Report, parsed: ParsedReport, publish: bool, user) -> ImportResult:
    """A corrected source of a stored report: update its rows in place, keeping admins' corrections.

    A matched task keeps its id, its history and every field listed in its `corrected_fields`,
    and takes the rest from the new row. Unmatched new rows are created, unmatched stored tasks
    deleted. Diagnostics are replaced, but one an admin marked resolved stays resolved when the
    same task gets the same diagnostic again.
    """
    resolved_before = set(
        report.diagnostics.filter(resolved=True, task__isnull=False).values_list("task_id", "code", "message")
    )
    report.diagnostics.all().delete()  # no signals and no children: one DELETE
    was_published = report.is_published
    report_fill(report=report, parsed=parsed)
    if publish:
        mark_published(report)
    report._history_user = user
    report.save()

    stored_tasks = list(report.tasks.all())
    matches = matching.match_rows(
        [matching.RowKey(task.seq, _source_content(task)) for task in stored_tasks],
        [matching.RowKey(parsed_task.seq, parsed_task.content) for parsed_task in parsed.tasks],
    )
    matched_ids = {stored_tasks[stored_index].id for stored_index in matches.values()}
    removed = [task for task in stored_tasks if task.id not in matched_ids]
    changes = RowChanges(removed=sorted(task.seq for task in removed))
    tasks_delete(task_ids=[task.id for task in removed], user=user, reason=REIMPORT_CHANGE_REASON)
    themes_by_name = _themes_for_rows(report=report, tasks=parsed.tasks)

    updated: list[Task] = []
    renumbered: list[int] = []
    new_rows: list[ParsedTask] = []
    relink_departments: list[tuple[Task, ParsedTask]] = []
    relink_leaders: list[tuple[Task, ParsedTask]] = []
    refigure: list[tuple[Task, ParsedTask]] = []
    kept_rows: list[tuple[Task, ParsedTask]] = []
    for index, parsed_task in enumerate(parsed.tasks):
        stored_index = matches.get(index)
        if stored_index is None:
            new_rows.append(parsed_task)
            continue
        task = stored_tasks[stored_index]
        kept_rows.append((task, parsed_task))
        new_values = row_values(parsed_task)
        old_values = task.parsed_values or _task_current_values(task)
        (changes.changed if _row_differs(old_values, new_values) else changes.unchanged).append(parsed_task.seq)
        corrected = set(task.corrected_fields)
        if corrected:
            changes.kept_corrections[parsed_task.seq] = sorted(corrected)
        if task.seq != parsed_task.seq:
            renumbered.append(task.id)
        target = {
            "seq": parsed_task.seq,
            "source_seq": parsed_task.source_seq or "",
            "first_line": parsed_task.first_line,
            "last_line": parsed_task.last_line,
            "parsed_values": new_values,
            **{name: new_values[name] for name in SOURCE_SCALAR_FIELDS if name not in corrected},
        }
        if "theme" not in corrected:
            theme = themes_by_name.get(parsed_task.theme)
            target["theme_id"] = theme.id if theme else None
        if any(getattr(task, name) != value for name, value in target.items()):
            for name, value in target.items():
                setattr(task, name, value)
            updated.append(task)
        if "departments" not in corrected and new_values["departments"] != old_values.get("departments"):
            relink_departments.append((task, parsed_task))
        if "leaders" not in corrected and new_values["leaders"] != old_values.get("leaders"):
            relink_leaders.append((task, parsed_task))
        if new_values["metrics"] != old_values.get("metrics"):
            refigure.append((task, parsed_task))

    for start in range(0, len(renumbered), bulk.INSERT_BATCH_SIZE):
        Task.objects.filter(id__in=renumbered[start : start + bulk.INSERT_BATCH_SIZE]).update(seq=F("seq") + _RENUMBER_OFFSET)
    bulk.rows_update(Task, updated, _UPDATED_TASK_FIELDS)
    Task.history.bulk_history_create(
        updated, update=True, default_user=user, default_change_reason=REIMPORT_CHANGE_REASON, batch_size=bulk.INSERT_BATCH_SIZE
    )
    created = _tasks_create(report=report, parsed_tasks=new_rows, themes_by_name=themes_by_name, user=user)
    new_pairs = list(zip(created, new_rows, strict=True))
    changes.new.extend(task.seq for task in created)

    for model, pairs in ((TaskDepartment, relink_departments), (TaskLeader, relink_leaders)):
        if pairs:
            bulk.rows_delete(model.objects.filter(task_id__in=[task.id for task, _ in pairs]), user=user, reason=REIMPORT_CHANGE_REASON)
    task_departments_create(rows=relink_departments + new_pairs)
    task_leaders_create(rows=relink_leaders + new_pairs)
    metrics_store(rows=refigure, user=user)
    metrics_store(rows=new_pairs, fresh=True)

    all_tasks = [task for task, _ in kept_rows] + created
    diagnostics = diagnostics_store(report=report, tasks=all_tasks, parsed=parsed)
    if resolved_before:
        still_resolved = [d.id for d in diagnostics if (d.task_id, d.code, d.message) in resolved_before]
        ImportDiagnostic.objects.filter(id__in=still_resolved).update(resolved=True)
    theme_count = _themes_tidy(report=report, named=list(themes_by_name.values()))
    report_counts_refresh(report_ids=[report.pk])
    _series_link(report)
    if was_published or report.is_published:
        public_pages_changed()

    changes.changed.sort()
    changes.unchanged.sort()
    changes.new.sort()
    return ImportResult(
        report=report,
        outcome=ImportOutcome.UPDATED,
        task_count=len(all_tasks),
        theme_count=theme_count,
        department_count=report_department_count(report),
        diagnostic_counts=_diagnostic_counts(parsed),
        row_changes=changes,
    )


def _series_link(report: Report) -> None:
    """Follow the report's tasks through its family's reports (`series`), once its rows are written."""
    report_series_link(report=report)


def tasks_delete(*, task_ids: list[int], user=None, reason: str = "") -> None:
    """Delete tasks and what hangs from them, in a fixed number of statements (see `bulk.rows_delete`)."""
    if not task_ids:
        return
    for model in (Metric, TaskDepartment, TaskLeader):
        bulk.rows_delete(model.objects.filter(task_id__in=task_ids), user=user, reason=reason)
    ImportDiagnostic.objects.filter(task_id__in=task_ids).update(task=None)
    bulk.rows_delete(Task.objects.filter(id__in=task_ids), user=user, reason=reason)


def _source_content(task: Task) -> str:
    """The content as the parser read it last time: matching never compares an admin's correction."""
    return (task.parsed_values or {}).get("content", task.content)


def row_values(parsed_task: ParsedTask) -> dict:
    """The row as the parser read it, in the shape kept in `Task.parsed_values`."""
    return {
        "theme": parsed_task.theme,
        "content": parsed_task.content,
        "progress": parsed_task.progress,
        "completion_text": parsed_task.completion_text,
        "note": parsed_task.note,
        "status": parsed_task.status.value,
        "status_reason": parsed_task.status_reason,
        "departments": [[ref.name, ref.role.value] for ref in parsed_task.departments],
        "leaders": list(parsed_task.leaders),
        "metrics": [_metric_json(metric) for metric in parsed_task.metrics],
    }


def _metric_json(metric) -> dict:
    return metric.to_json() if hasattr(metric, "to_json") else dict(metric)


def _task_current_values(task: Task) -> dict:
    """For tasks stored before `parsed_values` existed: the stored row stands in for the source."""
    values = {name: getattr(task, name) for name in SOURCE_SCALAR_FIELDS}
    values["theme"] = task.theme.name if task.theme_id else ""
    values["departments"] = [
        [link.department.name, link.role] for link in task.department_links.select_related("department")
    ]
    values["leaders"] = [link.leader.name for link in task.leader_links.select_related("leader")]
    return values


def _row_differs(old: dict, new: dict) -> bool:
    return bool(matching.field_changes(old, new, fields=CORRECTABLE_FIELDS))


def _themes_for_rows(*, report: Report, tasks: list[ParsedTask]) -> dict[str, Theme]:
    """The report's themes the new rows name, by name: stored ones reused, new ones created (numbered later)."""
    stored = {theme.name: theme for theme in report.themes.all()}
    wanted: dict[str, str] = {}
    for parsed_task in tasks:
        if parsed_task.theme and parsed_task.theme not in wanted:
            wanted[parsed_task.theme] = parsed_task.theme_no or ""
    missing = [name for name in wanted if name not in stored]
    # Temporary ordinals past every stored one; `_themes_tidy` numbers all themes once the tasks moved.
    created = Theme.objects.bulk_create(
        Theme(report=report, ordinal=_THEME_RENUMBER_OFFSET + position, number=wanted[name], name=name)
        for position, name in enumerate(missing, start=1)
    )
    stored |= {theme.name: theme for theme in created}
    for name, number in wanted.items():
        stored[name].number = number
    return {name: stored[name] for name in wanted}


def _themes_tidy(*, report: Report, named: list[Theme]) -> int:
    """Drop themes no task uses any more; number the named ones in order, then those kept only by a correction.

    Returns how many themes the report has now.
    """
    named_ids = {theme.id for theme in named}
    unused = report.themes.exclude(id__in=named_ids).filter(tasks__isnull=True)
    unused._raw_delete(unused.db)  # no task points at them: nothing to set to NULL
    kept = list(report.themes.exclude(id__in=named_ids).order_by("ordinal"))
    final = [*named, *kept]
    moving = [theme for position, theme in enumerate(final, start=1) if theme.ordinal != position]
    if moving:
        Theme.objects.filter(id__in=[theme.id for theme in moving]).update(ordinal=F("ordinal") + 2 * _THEME_RENUMBER_OFFSET)
    for position, theme in enumerate(final, start=1):
        theme.ordinal = position
    bulk.rows_update(Theme, final, ["ordinal", "number"])
    return len(final)


def _report_unchanged(*, report: Report, publish: bool, user, revision: ReportRevision | None = None) -> ImportResult:
    """The counts come from the database: they describe what is stored, not what was parsed now."""
    if publish:
        report_publish(report=report, user=user)
    stored_counts = dict(report.diagnostics.values_list("severity").annotate(Count("id")).order_by())
    seqs = list(report.tasks.values_list("seq", flat=True))
    return ImportResult(
        report=report,
        outcome=ImportOutcome.UNCHANGED,
        task_count=len(seqs),
        theme_count=report.themes.count(),
        department_count=report_department_count(report),
        diagnostic_counts={severity.value: stored_counts.get(severity.value, 0) for severity in Severity},
        row_changes=RowChanges(unchanged=sorted(seqs)),
        revision=revision,
    )


def report_department_count(report: Report) -> int:
    """How many departments the stored report's tasks name."""
    return Department.objects.filter(task_links__task__report=report).distinct().count()


def _diagnostic_counts(parsed: ParsedReport) -> dict[str, int]:
    return {severity.value: parsed.count(severity) for severity in Severity}


def report_fill(*, report: Report, parsed: ParsedReport) -> None:
    """Copy the parsed report's metadata and reading onto the (unsaved) report."""
    meta = parsed.meta
    corrected = set(report.corrected_fields or [])
    for name in REPORT_CORRECTABLE_FIELDS:
        if name not in corrected:  # metadata an admin corrected stays as they wrote it
            setattr(report, name, getattr(meta, name))
    report.source_name = parsed.source_name
    report.content_hash = parsed.content_hash
    report.layout = parsed.layout
    report.columns = list(parsed.columns)
    report.parser_version = parsed.parser_version


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


def _tasks_create(*, report: Report, parsed_tasks: list[ParsedTask], themes_by_name: dict[str, Theme], user=None) -> list[Task]:
    if not parsed_tasks:
        return []
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
            parsed_values=row_values(parsed_task),
            is_public=report.is_published,
            period_key=period_key(report.year, report.period_end_month),
        )
        for parsed_task in parsed_tasks
    ]
    # PostgreSQL and SQLite >= 3.35 return the new ids, which the links below need.
    tasks = Task.objects.bulk_create(tasks, batch_size=bulk.INSERT_BATCH_SIZE)
    # The first history record holds the values as imported: the "before" of an admin's first edit.
    Task.history.bulk_history_create(
        tasks, default_user=user, default_change_reason=IMPORT_CHANGE_REASON, batch_size=bulk.INSERT_BATCH_SIZE
    )
    return tasks


def _ids_by_name(model: type[Department] | type[Leader], names: set[str]) -> dict[str, int]:
    """Get or create every name with two queries in all, whatever their number.

    `ignore_conflicts` lets a concurrent import create the same name without
    either import failing.
    """
    if not names:
        return {}
    model.objects.bulk_create([model(name=name) for name in sorted(names)], ignore_conflicts=True, batch_size=bulk.INSERT_BATCH_SIZE)
    ids: dict[str, int] = {}
    ordered = sorted(names)
    for start in range(0, len(ordered), bulk.INSERT_BATCH_SIZE):
        ids |= dict(model.objects.filter(name__in=ordered[start : start + bulk.INSERT_BATCH_SIZE]).values_list("name", "id"))
    return ids


def department_ids_by_name(names: set[str]) -> dict[str, int]:
    """Like `_ids_by_name`, but a name that is an alias (e.g. of a merged unit) gives its department."""
    alias_ids = dict(DepartmentAlias.objects.filter(name__in=names).values_list("name", "department_id")) if names else {}
    return _ids_by_name(Department, names - alias_ids.keys()) | alias_ids


def task_departments_create(*, rows: list[tuple[Task, ParsedTask]]) -> int:
    """Link each task to its departments; returns how many distinct departments the rows name."""
    names = {ref.name for _, parsed_task in rows for ref in parsed_task.departments if ref.name}
    department_ids = department_ids_by_name(names)
    links = []
    for task, parsed_task in rows:
        linked: set[int] = set()
        for ref in parsed_task.departments:
            department_id = department_ids.get(ref.name)
            # A name printed twice in one cell keeps its first role only.
            if department_id is None or department_id in linked:
                continue
            linked.add(department_id)
            links.append(
                TaskDepartment(task=task, department_id=department_id, role=TaskDepartment.Role(ref.role.value), position=len(linked))
            )
    TaskDepartment.objects.bulk_create(links, batch_size=bulk.INSERT_BATCH_SIZE)
    TaskDepartment.history.bulk_history_create(links, default_change_reason=IMPORT_CHANGE_REASON, batch_size=bulk.INSERT_BATCH_SIZE)
    return len(set(department_ids.values()))


def task_leaders_create(*, rows: list[tuple[Task, ParsedTask]]) -> None:
    names = {name for _, parsed_task in rows for name in parsed_task.leaders if name}
    leader_ids = _ids_by_name(Leader, names)
    links = []
    for task, parsed_task in rows:
        linked: set[int] = set()
        for name in parsed_task.leaders:
            leader_id = leader_ids.get(name)
            if leader_id is None or leader_id in linked:
                continue
            linked.add(leader_id)
            links.append(TaskLeader(task=task, leader_id=leader_id, position=len(linked)))
    TaskLeader.objects.bulk_create(links, batch_size=bulk.INSERT_BATCH_SIZE)


def metrics_store(*, rows: list[tuple[Task, ParsedTask]], fresh: bool = False, user=None) -> None:
    """Store each row's parsed metrics, replacing the task's unlocked ones.

    A locked metric (an admin's correction) stays, and a parsed metric with the same label is
    not added beside it. `fresh`: the tasks were just created, so there is nothing to replace.
    """
    if not rows:
        return
    locked: dict[int, dict[str, int]] = {}
    if not fresh:
        task_ids = [task.id for task, _ in rows]
        bulk.rows_delete(Metric.objects.filter(task_id__in=task_ids, locked=False), user=user, reason=REIMPORT_CHANGE_REASON)
        for task_id, label, position in Metric.objects.filter(task_id__in=task_ids).values_list("task_id", "label", "position"):
            locked.setdefault(task_id, {})[label] = position
    metrics = []
    for task, parsed_task in rows:
        kept = locked.get(task.id, {})
        position = max(kept.values(), default=0)
        for parsed_metric in parsed_task.metrics:
            data = _metric_json(parsed_metric)
            if data["label"] in kept:
                continue
            position += 1
            target_span = (data.get("evidence") or {}).get("target") or (None, None)
            actual_span = (data.get("evidence") or {}).get("actual") or (None, None)
            metrics.append(
                Metric(
                    task=task, position=position, label=data["label"][:200], target=data.get("target"),
                    unit=data.get("unit") or "", comparator=data.get("comparator") or "",
                    kind=metric_kind(data.get("kind") or "", data.get("unit") or ""),
                    actual=data.get("actual"), actual_unit=data.get("actual_unit") or "",
                    completion=data.get("completion"), target_start=target_span[0], target_end=target_span[1],
                    actual_start=actual_span[0], actual_end=actual_span[1],
                    target_text=(data.get("target_text") or "")[:200], floor=data.get("floor"),
                    approx=bool(data.get("approx")), range_high=data.get("range_high"),
                    source=data.get("source") or Metric.Source.TEXT,
                    confidence=data.get("confidence") or Metric.Confidence.CONFIDENT,
                    confidence_reason=data.get("confidence_reason") or "",
                )
            )
    Metric.objects.bulk_create(metrics, batch_size=bulk.INSERT_BATCH_SIZE)


def diagnostics_store(*, report: Report, tasks: list[Task], parsed: ParsedReport) -> list[ImportDiagnostic]:
    """The parser's diagnostics of this reading, each attached to the task whose lines hold it."""
    task_at_line = _task_locator(tasks)
    return ImportDiagnostic.objects.bulk_create(
        (
            ImportDiagnostic(
                report=report,
                task=task_at_line(diagnostic.line),
                line=diagnostic.line,
                severity=ImportDiagnostic.Severity(diagnostic.severity.value),
                code=diagnostic.code,
                message=diagnostic.message,
            )
            for diagnostic in parsed.diagnostics
        ),
        batch_size=bulk.INSERT_BATCH_SIZE,
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


def rows_diff(*, report: Report, parsed: ParsedReport) -> RowsDiff:
    """The new reading against the report's stored rows, row by row (reads only)."""
    stored = [
        matching.StoredRow(task_id, seq, values or {"content": content}, tuple(corrected or ()))
        for task_id, seq, values, corrected, content in report.tasks.order_by("seq").values_list(
            "id", "seq", "parsed_values", "corrected_fields", "content"
        )
    ]
    return matching.rows_diff(stored, [(task.seq, row_values(task)) for task in parsed.tasks], fields=CORRECTABLE_FIELDS)


def revision_store(
    *, report: Report, parsed: ParsedReport, source: bytes, user, state: str, changes: RowChanges
) -> ReportRevision:
    """Keep this reading of the report as a revision. A new current one retires the old current one; a new
    pending one replaces (discards) a pending one not yet published."""
    if state == ReportRevision.State.CURRENT:
        report.revisions.filter(state=ReportRevision.State.CURRENT).update(state=ReportRevision.State.PREVIOUS)
    elif state == ReportRevision.State.PENDING:
        report.revisions.filter(state=ReportRevision.State.PENDING).update(state=ReportRevision.State.DISCARDED)
    last = report.revisions.order_by("-number").values_list("number", flat=True).first() or 0
    return ReportRevision.objects.create(
        report=report,
        number=last + 1,
        state=state,
        source_name=parsed.source_name[:255],
        content_hash=parsed.content_hash,
        parser_version=parsed.parser_version,
        source=bytes(source),
        reading=parsed.to_json(),
        row_changes=changes.to_json(),
        created_by=user,
        applied_by=user if state == ReportRevision.State.CURRENT else None,
        applied_at=timezone.now() if state == ReportRevision.State.CURRENT else None,
    )


def revision_reading(revision: ReportRevision) -> ParsedReport:
    """The stored reading of a revision, as the parser gave it."""
    parsed = parsed_report_from_json(revision.reading)
    return dataclasses.replace(parsed, parser_version=revision.parser_version, content_hash=revision.content_hash)


def revision_apply(*, revision: ReportRevision, user, publish: bool = False) -> ImportResult:
    """Make the revision's reading the report's rows (corrections kept); it becomes the current revision.

    Called inside a write that has locked the report. The report's publication state is kept,
    unless `publish` publishes it.
    """
    report = revision.report
    result = _report_update(report=report, parsed=revision_reading(revision), publish=publish, user=user)
    report.revisions.filter(state=ReportRevision.State.CURRENT).exclude(pk=revision.pk).update(state=ReportRevision.State.PREVIOUS)
    revision.state = ReportRevision.State.CURRENT
    revision.applied_at = timezone.now()
    revision.applied_by = user
    revision.save(update_fields=["state", "applied_at", "applied_by"])
    return dataclasses.replace(result, revision=revision)

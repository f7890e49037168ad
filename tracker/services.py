"""Writes: importing a parsed report, correcting its tasks, merging departments, publishing.

Every function here is the one place its rule lives; the admin and the
management commands call these instead of touching the models themselves.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max
from django.utils import timezone
from django.utils.translation import gettext

from tracker.models import (
    CORRECTABLE_FIELDS,
    Department,
    DepartmentAlias,
    ImportDiagnostic,
    Leader,
    Metric,
    Report,
    Task,
    TaskDepartment,
    TaskLeader,
    Theme,
)
from tracker.parsing import ParsedReport, ParsedTask, ReportMeta, Severity

REPORT_WITHOUT_CONTENT_HASH = "解析结果没有内容哈希（content_hash），无法判断是否重复导入。请用 parse_report_bytes 解析原始文件。"
REPORT_WITHOUT_TASKS = "解析结果没有任何任务，不导入。"
THEME_OF_ANOTHER_REPORT = "项目“{theme}”属于另一份报告，不能把任务移入。"
DEPARTMENT_MERGE_SAME = "不能把单位合并到它自己。"
UNKNOWN_CORRECTED_FIELD = "“{field}”不是可更正的任务字段。"

# Shown as the reason of the history records an import writes (an admin's edits have a user instead).
IMPORT_CHANGE_REASON = "导入"
REIMPORT_CHANGE_REASON = "重新导入"

# Matching a re-imported row to a stored task (see `_tasks_match`): a row at the same 序号 is the
# same task unless its content was rewritten; a row that moved must be nearly the same text.
SAME_SEQ_MIN_SIMILARITY = 0.6
MOVED_ROW_MIN_SIMILARITY = 0.8
# The scalar task fields a re-import refreshes from the source unless an admin corrected them.
_SOURCE_SCALAR_FIELDS = ("content", "progress", "completion_text", "note", "status", "status_reason")


class ImportOutcome(StrEnum):
    CREATED = "created"  # a report never seen before
    UPDATED = "updated"  # a corrected source of a stored report: its rows were replaced
    UNCHANGED = "unchanged"  # the very same bytes were imported before: nothing written
    REREAD = "reread"  # the same bytes, read by an older parser: read again, rows updated as for UPDATED


@dataclass(frozen=True)
class RowChanges:
    """What the new source did to each row, by 序号: new and unchanged/changed rows by their new seq,
    removed rows by the seq they had. `kept_corrections` maps a new seq to the admin-corrected fields kept."""

    new: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    kept_corrections: dict[int, list[str]] = field(default_factory=dict)

    def summary(self) -> str:
        """One line, e.g. "新增 0  变化 1  未变 107  删除 0  保留更正 1" (in the active language: the admin shows it)."""
        return gettext("新增 {new}  变化 {changed}  未变 {unchanged}  删除 {removed}  保留更正 {kept}").format(
            new=len(self.new),
            changed=len(self.changed),
            unchanged=len(self.unchanged),
            removed=len(self.removed),
            kept=len(self.kept_corrections),
        )


@dataclass(frozen=True)
class ImportResult:
    report: Report
    outcome: ImportOutcome
    task_count: int
    theme_count: int
    department_count: int  # distinct departments named in this report
    diagnostic_counts: dict[str, int]  # by severity value: {"error": 0, "warning": 2, "info": 1}
    row_changes: RowChanges = field(default_factory=RowChanges)


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


@transaction.atomic
def task_correct(*, task: Task, fields: Iterable[str], user=None) -> Task:
    """Save an admin's correction of `task` (its new values already assigned) and remember which
    fields were corrected, so a re-import of the report keeps them (see `_report_update`).

    `fields` are names from CORRECTABLE_FIELDS ("departments"/"leaders" when the links were
    edited); other names (e.g. "seq") are saved but not protected. `user` goes into the history.
    """
    fields = list(fields)
    corrected = set(task.corrected_fields) | {name for name in fields if name in CORRECTABLE_FIELDS}
    task.corrected_fields = sorted(corrected, key=CORRECTABLE_FIELDS.index)
    task._history_user = user
    task.save()
    return task


@transaction.atomic
def tasks_set_status(*, tasks: Iterable[Task], status: str, user=None) -> int:
    """Give every task this status (an admin's correction: kept on re-import)."""
    status = Task.Status(status)
    count = 0
    for task in tasks:
        task.status = status
        task_correct(task=task, fields=["status"], user=user)
        count += 1
    return count


@transaction.atomic
def tasks_move_to_theme(*, tasks: Iterable[Task], theme: Theme, user=None) -> int:
    """Move tasks to another 项目 of their own report; raises ValueError for a theme of another report."""
    tasks = list(tasks)
    for task in tasks:
        if task.report_id != theme.report_id:
            raise ValueError(THEME_OF_ANOTHER_REPORT.format(theme=theme.name))
    for task in tasks:
        task.theme = theme
        task_correct(task=task, fields=["theme"], user=user)
    return len(tasks)


@transaction.atomic
def tasks_add_department(*, tasks: Iterable[Task], department: Department, role: str, user=None) -> int:
    """Name `department` on every task in `role` (牵头/配合): added last, or its role changed if already named."""
    role = TaskDepartment.Role(role)
    count = 0
    for task in tasks:
        link = task.department_links.filter(department=department).first()
        if link is None:
            last = task.department_links.aggregate(last=Max("position"))["last"] or 0
            link = TaskDepartment(task=task, department=department, role=role, position=last + 1)
        link.role = role
        link._history_user = user
        link.save()
        task_correct(task=task, fields=["departments"], user=user)
        count += 1
    return count


@transaction.atomic
def department_merge(*, source: Department, target: Department, user=None) -> Department:
    """Merge `source` into `target`: its tasks move to `target`, its name (and aliases) become aliases of
    `target`, so later imports that print the old name link to `target`. A task naming both keeps one
    link, at `target`'s place, as 牵头 if either was. Returns `target`."""
    if source.pk == target.pk:
        raise ValueError(DEPARTMENT_MERGE_SAME)
    for link in TaskDepartment.objects.select_for_update().filter(department=source):
        link._history_user = user
        existing = TaskDepartment.objects.filter(task_id=link.task_id, department=target).first()
        if existing is None:
            link.department = target
            link.save()
            continue
        if link.role == TaskDepartment.Role.LEAD and existing.role != TaskDepartment.Role.LEAD:
            existing.role = TaskDepartment.Role.LEAD
            existing._history_user = user
            existing.save()
        link.delete()
    DepartmentAlias.objects.filter(department=source).update(department=target)
    DepartmentAlias.objects.update_or_create(name=source.name, defaults={"department": target})
    source.delete()
    return target


@transaction.atomic
def diagnostics_resolve(*, diagnostics: Iterable[ImportDiagnostic]) -> int:
    """Mark diagnostics as handled (已处理); returns how many changed."""
    ids = [diagnostic.pk for diagnostic in diagnostics]
    return ImportDiagnostic.objects.filter(pk__in=ids, resolved=False).update(resolved=True)


def _report_find_stored(*, content_hash: str) -> Report | None:
    return Report.objects.filter(content_hash=content_hash).first()


def _report_lock_by_source_key(*, source_key: str) -> Report | None:
    """The stored report with this identity, locked so a concurrent import of it waits for us."""
    return Report.objects.select_for_update().filter(source_key=source_key).first()


@transaction.atomic
def _report_store(*, parsed: ParsedReport, publish: bool) -> ImportResult:
    stored = _report_find_stored(content_hash=parsed.content_hash)
    if stored is not None and stored.parser_version >= parsed.parser_version:
        return _report_unchanged(report=stored, publish=publish)
    if stored is not None:
        # The same file, read by an older parser: read it again under the same identity (the new
        # reading may differ in the very fields the source key is made of), keeping the corrections.
        stored = Report.objects.select_for_update().get(pk=stored.pk)
        if stored.parser_version >= parsed.parser_version:  # another import re-read it while we waited
            return _report_unchanged(report=stored, publish=publish)
        result = _report_update(report=stored, parsed=parsed, publish=publish)
        return dataclasses.replace(result, outcome=ImportOutcome.REREAD)

    source_key = report_source_key(parsed.meta, content_hash=parsed.content_hash)
    report = _report_lock_by_source_key(source_key=source_key)
    if report is not None and report.content_hash == parsed.content_hash:
        return _report_unchanged(report=report, publish=publish)

    if report is not None:
        return _report_update(report=report, parsed=parsed, publish=publish)

    report = Report(source_key=source_key)
    _report_fill(report=report, parsed=parsed)
    if publish:
        report.is_published = True
        report.published_at = timezone.now()
    report.save()

    themes_by_name = _themes_create(report=report, tasks=parsed.tasks)
    tasks = _tasks_create(report=report, parsed_tasks=parsed.tasks, themes_by_name=themes_by_name)
    department_count = _task_departments_create(tasks=tasks, parsed_tasks=parsed.tasks)
    _task_leaders_create(tasks=tasks, parsed_tasks=parsed.tasks)
    _metrics_replace(rows=list(zip(tasks, parsed.tasks, strict=True)), fresh=True)
    _diagnostics_create(report=report, tasks=tasks, parsed=parsed)

    return ImportResult(
        report=report,
        outcome=ImportOutcome.CREATED,
        task_count=len(tasks),
        theme_count=len(themes_by_name),
        department_count=department_count,
        diagnostic_counts={severity.value: parsed.count(severity) for severity in Severity},
        row_changes=RowChanges(new=[task.seq for task in tasks]),
    )


def _report_update(*, report: Report, parsed: ParsedReport, publish: bool) -> ImportResult:
    """A corrected source of a stored report: update its rows in place, keeping admins' corrections.

    Stored tasks are matched to the new rows (`_tasks_match`); a matched task keeps its id, its
    history and every field listed in its `corrected_fields`, and takes the rest from the new row.
    Unmatched new rows are created, unmatched stored tasks deleted. Diagnostics are replaced, but
    one an admin marked resolved stays resolved when the same task gets the same diagnostic again.
    """
    resolved_before = set(
        report.diagnostics.filter(resolved=True, task__isnull=False).values_list("task_id", "code", "message")
    )
    report.diagnostics.all().delete()
    _report_fill(report=report, parsed=parsed)
    if publish and not report.is_published:
        report.is_published = True
        report.published_at = timezone.now()
    report.save()

    stored_tasks = list(report.tasks.all())
    matches = _tasks_match(stored_tasks=stored_tasks, parsed_tasks=parsed.tasks)
    matched_ids = {task.id for task in matches.values()}
    removed = [task for task in stored_tasks if task.id not in matched_ids]
    changes = RowChanges(removed=sorted(task.seq for task in removed))
    Task.objects.filter(id__in=[task.id for task in removed]).delete()
    # Free the seq and ordinal numbers first: rows may swap places.
    report.tasks.update(seq=F("seq") + 100_000)
    report.themes.update(ordinal=F("ordinal") + 10_000)
    themes_by_name = _themes_upsert(report=report, tasks=parsed.tasks)

    tasks: list[Task] = []
    new_tasks: list[tuple[int, ParsedTask]] = []
    relink: list[tuple[Task, ParsedTask]] = []
    for index, parsed_task in enumerate(parsed.tasks):
        task = matches.get(index)
        if task is None:
            new_tasks.append((index, parsed_task))
            continue
        new_values = _parsed_values(parsed_task)
        old_values = task.parsed_values or _task_current_values(task)
        (changes.changed if _row_differs(old_values, new_values) else changes.unchanged).append(parsed_task.seq)
        corrected = set(task.corrected_fields)
        if corrected:
            changes.kept_corrections[parsed_task.seq] = sorted(corrected)
        task.seq = parsed_task.seq
        task.source_seq = parsed_task.source_seq or ""
        task.first_line, task.last_line = parsed_task.first_line, parsed_task.last_line
        task.parsed_values = new_values
        for name in _SOURCE_SCALAR_FIELDS:
            if name not in corrected:
                setattr(task, name, new_values[name])
        if "theme" not in corrected:
            task.theme = themes_by_name.get(parsed_task.theme)
        tasks.append(task)
        relink.append((task, parsed_task))
    Task.objects.bulk_update(
        tasks,
        ["seq", "source_seq", "first_line", "last_line", "parsed_values", "theme", *_SOURCE_SCALAR_FIELDS],
    )
    Task.history.bulk_history_create(tasks, update=True, default_change_reason=REIMPORT_CHANGE_REASON)
    created = _tasks_create(
        report=report, parsed_tasks=[parsed_task for _, parsed_task in new_tasks], themes_by_name=themes_by_name
    )
    changes.new.extend(task.seq for task in created)

    # Links are rebuilt for new tasks and for matched tasks whose links no admin corrected.
    department_rows = [(task, pt) for task, pt in relink if "departments" not in task.corrected_fields]
    leader_rows = [(task, pt) for task, pt in relink if "leaders" not in task.corrected_fields]
    TaskDepartment.objects.filter(task__in=[task for task, _ in department_rows]).delete()
    TaskLeader.objects.filter(task__in=[task for task, _ in leader_rows]).delete()
    department_rows += list(zip(created, [pt for _, pt in new_tasks], strict=True))
    leader_rows += list(zip(created, [pt for _, pt in new_tasks], strict=True))
    _task_departments_create(tasks=[t for t, _ in department_rows], parsed_tasks=[pt for _, pt in department_rows])
    _task_leaders_create(tasks=[t for t, _ in leader_rows], parsed_tasks=[pt for _, pt in leader_rows])

    _metrics_replace(rows=relink + list(zip(created, [pt for _, pt in new_tasks], strict=True)))
    all_tasks = tasks + created
    _diagnostics_create(report=report, tasks=all_tasks, parsed=parsed)
    if resolved_before:
        for diagnostic in report.diagnostics.filter(task__isnull=False):
            if (diagnostic.task_id, diagnostic.code, diagnostic.message) in resolved_before:
                diagnostic.resolved = True
                diagnostic.save(update_fields=["resolved"])
    _themes_tidy(report=report, names=list(themes_by_name))

    changes.changed.sort()
    changes.unchanged.sort()
    changes.new.sort()
    return ImportResult(
        report=report,
        outcome=ImportOutcome.UPDATED,
        task_count=len(all_tasks),
        theme_count=report.themes.count(),
        department_count=_department_count(report),
        diagnostic_counts={severity.value: parsed.count(severity) for severity in Severity},
        row_changes=changes,
    )


def _similarity(a: str, b: str, *, minimum: float) -> float:
    """difflib's ratio (0..1); 0 when even its cheap upper bound is below `minimum`."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= minimum else 0.0


def _tasks_match(*, stored_tasks: list[Task], parsed_tasks: list[ParsedTask]) -> dict[int, Task]:
    """Pair new rows (by index) with stored tasks: the rule for "the same task" across imports.

    Content is compared as the parser read it last time (`parsed_values`), not as an admin
    corrected it. First a row and the stored task with the same 序号 match when their contents
    are at least SAME_SEQ_MIN_SIMILARITY alike (a reworded row at its place). Then each row left
    over takes the most similar stored task left over, if at least MOVED_ROW_MIN_SIMILARITY alike
    (a row that moved because rows were inserted or removed above it).
    """
    def source_content(task: Task) -> str:
        return (task.parsed_values or {}).get("content", task.content)

    matches: dict[int, Task] = {}
    by_seq = {task.seq: task for task in stored_tasks}
    for index, parsed_task in enumerate(parsed_tasks):
        task = by_seq.get(parsed_task.seq)
        if task is not None and _similarity(source_content(task), parsed_task.content, minimum=SAME_SEQ_MIN_SIMILARITY) >= SAME_SEQ_MIN_SIMILARITY:
            matches[index] = task
    left_over = [task for task in stored_tasks if task not in matches.values()]
    candidates = []
    for index, parsed_task in enumerate(parsed_tasks):
        if index in matches:
            continue
        for task in left_over:
            ratio = _similarity(source_content(task), parsed_task.content, minimum=MOVED_ROW_MIN_SIMILARITY)
            if ratio >= MOVED_ROW_MIN_SIMILARITY:
                candidates.append((-ratio, index, task.id, task))
    taken: set[int] = set()
    for _, index, task_id, task in sorted(candidates, key=lambda c: c[:3]):
        if index not in matches and task_id not in taken:
            matches[index] = task
            taken.add(task_id)
    return matches


def _parsed_values(parsed_task: ParsedTask) -> dict:
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
    }


def _task_current_values(task: Task) -> dict:
    """For tasks stored before `parsed_values` existed: the stored row stands in for the source."""
    values = {name: getattr(task, name) for name in _SOURCE_SCALAR_FIELDS}
    values["theme"] = task.theme.name if task.theme_id else ""
    values["departments"] = [
        [link.department.name, link.role] for link in task.department_links.select_related("department")
    ]
    values["leaders"] = [link.leader.name for link in task.leader_links.select_related("leader")]
    return values


def _row_differs(old: dict, new: dict) -> bool:
    return any(old.get(name) != new.get(name) for name in CORRECTABLE_FIELDS)


def _themes_upsert(*, report: Report, tasks: list[ParsedTask]) -> dict[str, Theme]:
    """The report's themes named by the new rows, reusing stored ones by name, numbered in order."""
    stored = {theme.name: theme for theme in report.themes.all()}
    themes_by_name: dict[str, Theme] = {}
    for parsed_task in tasks:
        name = parsed_task.theme
        if not name or name in themes_by_name:
            continue
        ordinal = len(themes_by_name) + 1
        theme = stored.get(name)
        if theme is None:
            theme = Theme.objects.create(report=report, ordinal=ordinal, number=parsed_task.theme_no or "", name=name)
        else:
            theme.ordinal = ordinal
            theme.number = parsed_task.theme_no or ""
            theme.save(update_fields=["ordinal", "number"])
        themes_by_name[name] = theme
    return themes_by_name


def _themes_tidy(*, report: Report, names: list[str]) -> None:
    """Drop themes no task uses any more; number the ones kept only by a correction after the rest."""
    report.themes.exclude(name__in=names).filter(tasks__isnull=True).delete()
    for offset, theme in enumerate(report.themes.exclude(name__in=names).order_by("ordinal"), start=1):
        theme.ordinal = len(names) + offset
        theme.save(update_fields=["ordinal"])


def _report_unchanged(*, report: Report, publish: bool) -> ImportResult:
    """The counts come from the database: they describe what is stored, not what was parsed now."""
    if publish:
        report_publish(report=report)
    stored_counts = dict(report.diagnostics.values_list("severity").annotate(Count("id")).order_by())
    seqs = list(report.tasks.values_list("seq", flat=True))
    return ImportResult(
        report=report,
        outcome=ImportOutcome.UNCHANGED,
        task_count=len(seqs),
        theme_count=report.themes.count(),
        department_count=_department_count(report),
        diagnostic_counts={severity.value: stored_counts.get(severity.value, 0) for severity in Severity},
        row_changes=RowChanges(unchanged=sorted(seqs)),
    )


def _department_count(report: Report) -> int:
    """How many departments the stored report's tasks name."""
    return Department.objects.filter(task_links__task__report=report).distinct().count()


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
            parsed_values=_parsed_values(parsed_task),
        )
        for parsed_task in parsed_tasks
    ]
    # PostgreSQL and SQLite >= 3.35 return the new ids, which the links below need.
    tasks = Task.objects.bulk_create(tasks)
    # The first history record holds the values as imported: the "before" of an admin's first edit.
    Task.history.bulk_history_create(tasks, default_change_reason=IMPORT_CHANGE_REASON)
    return tasks


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
    department_ids = _department_ids_by_name(names)
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
    TaskDepartment.history.bulk_history_create(links, default_change_reason=IMPORT_CHANGE_REASON)
    return len(set(department_ids.values()))


def _department_ids_by_name(names: set[str]) -> dict[str, int]:
    """Like `_ids_by_name`, but a name that is an alias (e.g. of a merged unit) gives its department."""
    alias_ids = dict(DepartmentAlias.objects.filter(name__in=names).values_list("name", "department_id"))
    return _ids_by_name(Department, names - alias_ids.keys()) | alias_ids


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


def _metrics_replace(*, rows: list[tuple[Task, ParsedTask]], fresh: bool = False) -> None:
    """Store each row's parsed metrics, replacing the task's unlocked ones.

    A locked metric (an admin's correction) stays, and a parsed metric with the same label is
    not added beside it. `fresh`: the tasks were just created, so there is nothing to replace.
    """
    locked: dict[int, dict[str, int]] = {}
    if not fresh:
        tasks = [task for task, _ in rows]
        Metric.objects.filter(task__in=tasks, locked=False).delete()
        for task_id, label, position in Metric.objects.filter(task__in=tasks).values_list("task_id", "label", "position"):
            locked.setdefault(task_id, {})[label] = position
    metrics = []
    for task, parsed_task in rows:
        kept = locked.get(task.id, {})
        position = max(kept.values(), default=0)
        for parsed_metric in parsed_task.metrics:
            data = parsed_metric.to_json() if hasattr(parsed_metric, "to_json") else dict(parsed_metric)
            if data["label"] in kept:
                continue
            position += 1
            target_span = (data.get("evidence") or {}).get("target") or (None, None)
            actual_span = (data.get("evidence") or {}).get("actual") or (None, None)
            metrics.append(
                Metric(
                    task=task, position=position, label=data["label"][:200], target=data.get("target"),
                    unit=data.get("unit") or "", comparator=data.get("comparator") or "", kind=data.get("kind") or "",
                    actual=data.get("actual"), actual_unit=data.get("actual_unit") or "",
                    completion=data.get("completion"), target_start=target_span[0], target_end=target_span[1],
                    actual_start=actual_span[0], actual_end=actual_span[1],
                )
            )
    Metric.objects.bulk_create(metrics)


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

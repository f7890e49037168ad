"""Rebuilt rows -> tasks: themes carried over merged cells, departments with roles, diagnostics."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import errors
from .columns import Column, Role
from .departments import is_collective, is_not_a_department, looks_like_department, read_departments
from .leaders import split_group_label, split_leader_names
from .markers import is_sub_seq, split_marker
from .rows import RawRow
from .scoring import is_figure
from .tables import caption_theme
from .text import Cell, compact
from .types import DepartmentRef, DepartmentRole, Diagnostic, ParsedTask, Severity
from .wrapping import column_widths, joined_prose, unwrapped_names

# Longest 序号, person's name and figure or status cell kept as such; longer text under those headers is a note.
_MAX_SEQ = 20
_MAX_PERSON = 20
_MAX_FIGURE_TEXT = 100
# A rebuilt row scoring below this had cells that fit their columns badly.
UNCERTAIN_ROW_SCORE = -6.0
_SPACES_RE = re.compile(r"\s+")


@dataclass
class _Theme:
    name: str
    number: str | None
    leaders: tuple[str, ...] = ()  # named by a group label: "(一)张三副市长牵头重点工作"


def _theme_name(cells: list[Cell]) -> tuple[str | None, str]:
    text = "".join(cell.text for cell in cells)
    number, name = split_marker(text)
    return number, _SPACES_RE.sub(" ", name).strip()


def _department_refs(
    column: Column, cells: list[Cell], seq: int, diagnostics: list[Diagnostic], notes: list[str], *, has_lead_column: bool = False
) -> list[DepartmentRef]:
    """The departments a cell names, with roles: a 牵头 column leads, a 责任 column's first name leads;
    collective names (各街道, 各有关单位, 县各有关单位) always co-operate. Text that is no name
    (progress, "已完成", a figure) is kept as a note, never counted as a department."""
    reading = read_departments([cell.key for cell in cells])
    for pieces, name in reading.joined_fragments:
        diagnostics.append(
            Diagnostic(
                cells[0].line,
                Severity.INFO,
                errors.DEPARTMENT_FRAGMENTS_JOINED,
                errors.MSG_DEPARTMENT_FRAGMENTS_JOINED.format(parts=" / ".join(pieces), name=name),
            )
        )
    refs = []
    lead_named = False
    for name in reading.names:
        if is_not_a_department(name):
            diagnostics.append(
                Diagnostic(cells[0].line, Severity.WARNING, errors.DEPARTMENT_NOT_A_NAME,
                           errors.MSG_DEPARTMENT_NOT_A_NAME.format(column=column.label, text=name[:40]))
            )
            notes.append(f"{column.label}: {name}" if column.label else name)
            continue
        if not looks_like_department(name):
            diagnostics.append(
                Diagnostic(cells[0].line, Severity.WARNING, errors.DEPARTMENT_UNRECOGNISED, errors.MSG_DEPARTMENT_UNRECOGNISED.format(name=name))
            )
        if is_collective(name):
            role = DepartmentRole.CO
        elif column.role is Role.LEAD or (column.role is Role.RESPONSIBLE and not lead_named and not has_lead_column):
            role = DepartmentRole.LEAD
            lead_named = True
        else:
            role = DepartmentRole.CO
        refs.append(DepartmentRef(name, role))
    return refs


def _joined_text(cells: list[Cell]) -> str:
    return "\n".join(cell.text for cell in cells)


def _group_theme(cell: Cell, diagnostics: list[Diagnostic]) -> _Theme:
    """The theme a group row gives the rows below it, with the leaders it names."""
    number, label = _theme_name([cell])
    name, leaders = split_group_label(label)
    leaders = tuple(leaders)
    if leaders:
        diagnostics.append(
            Diagnostic(cell.line, Severity.INFO, errors.GROUP_ROW_LEADER,
                       errors.MSG_GROUP_ROW_LEADER.format(label=label, leaders="、".join(leaders)))
        )
    return _Theme(name, number, leaders)


def assemble_tasks(
    rows: list[RawRow],
    columns: tuple[Column, ...],
    *,
    ends_file: bool,
    diagnostics: list[Diagnostic],
    first_seq: int = 1,
    caption: Cell | None = None,
    carry_departments: bool = False,
    carry_co: bool = True,
    wrapped: bool = False,
) -> list[ParsedTask]:
    """Turn rows into tasks, appending every doubtful decision to `diagnostics`.

    `ends_file`: the last row is the last thing in the input, so a row missing its
    last columns was cut off (an error), not merely left blank (a warning).
    `first_seq`: the number of the first task (tables after the first go on counting).
    `caption`: the heading printed above the table; the theme of its rows when the
    table has no group column of its own (group rows inside it take over below them).
    `carry_departments`: a row without its department cell takes the one above (flattened
    text prints a cell merged down once, on the first row it covers); `carry_co`: co-operator
    columns too. The last row of a cut file takes nothing from above unless a later column
    of it is filled (a row is cut at its end, not in its middle). `wrapped`: the cells' lines
    were broken at the column width (`wrapping.py`), not into paragraphs.
    """
    has_theme_column = any(c.role is Role.THEME for c in columns)
    has_lead_column = any(c.role is Role.LEAD for c in columns)
    has_progress_column = any(c.role is Role.PROGRESS for c in columns)
    carried: dict[int, list[DepartmentRef]] = {}  # per department column, the last row's departments
    carried_lines: list[int] = []
    carried_theme: _Theme | None = None
    themes: dict[str, _Theme] = {}
    current: _Theme | None = None
    if caption is not None and not has_theme_column:
        number, name = caption_theme(caption.text)
        if name:
            current = themes[compact(name)] = _Theme(name, number)
            diagnostics.append(
                Diagnostic(caption.line, Severity.INFO, errors.TABLE_CAPTION_THEME,
                           errors.MSG_TABLE_CAPTION_THEME.format(line=caption.line, caption=caption.text[:40]))
            )
    tasks: list[ParsedTask] = []
    previous_source_seq: int | None = None
    task_rows = [row for row in rows if row.group is None]
    seq = first_seq - 1
    widths = column_widths(rows, columns) if wrapped else {}
    prose = joined_prose if wrapped else _joined_text

    for row in rows:
        if row.group is not None:
            current = _group_theme(row.group, diagnostics)
            if compact(current.name) in themes and not current.leaders:
                current = themes[compact(current.name)]
            else:
                themes[compact(current.name)] = current
            continue
        seq += 1
        all_cells = row.all_cells
        # min/max: a cell filled from the row above (merged down, printed once) keeps the line it was printed on.
        first_line, last_line = min(cell.line for cell in all_cells), max(cell.line for cell in all_cells)
        task = ParsedTask(
            seq=seq, source_seq=None, theme="", theme_no=None, content="", departments=[], leaders=[],
            progress="", completion_text="", note="", first_line=first_line, last_line=last_line,
        )
        notes: list[str] = []
        missing: list[str] = []
        progress_parts: list[str] = []
        for position, (column, cells) in enumerate(zip(columns, row.cells_by_column)):
            role = column.role
            if role is Role.IGNORE:
                continue
            if len(cells) > 1 and role in (Role.CONTENT, Role.PROGRESS) and not wrapped:
                diagnostics.append(
                    Diagnostic(
                        cells[0].line, Severity.WARNING, errors.CELL_PARAGRAPHS_JOINED,
                        errors.MSG_CELL_PARAGRAPHS_JOINED.format(
                            seq=seq, column=column.label, first=cells[0].line, last=cells[-1].line, count=len(cells)
                        ),
                    )
                )
            if role is Role.SEQ:
                text = _joined_text(cells)
                if len(text) > _MAX_SEQ:
                    notes.append(f"{column.label}: {text}" if column.label else text)  # no 序号: text under its header
                else:
                    task.source_seq = text or None
            elif role is Role.THEME and cells:
                number, name = _theme_name(cells)
                key = compact(name)
                if current is not None and key == compact(current.name):
                    diagnostics.append(
                        Diagnostic(cells[0].line, Severity.INFO, errors.THEME_REPEATED_LABEL, errors.MSG_THEME_REPEATED_LABEL.format(name=name))
                    )
                elif key in themes:
                    current = themes[key]
                    diagnostics.append(
                        Diagnostic(cells[0].line, Severity.WARNING, errors.THEME_RETURNS, errors.MSG_THEME_RETURNS.format(name=name))
                    )
                else:
                    label_name, leaders = split_group_label(name)
                    current = themes[key] = _Theme(label_name, number, tuple(leaders))
                if number and not current.number:
                    current.number = number
            elif role is Role.CONTENT:
                task.content = "\n".join(filter(None, [task.content, prose(cells)]))
            elif role.is_department:
                if wrapped and len(cells) > 1:
                    cells = unwrapped_names(cells, widths.get(position, 0))
                if carried_theme is not current:
                    carried.clear()
                    carried_theme = current
                may_be_cut_here = row is task_rows[-1] and ends_file and not any(row.cells_by_column[position + 1 :])
                carries = carry_departments and (carry_co or role is not Role.CO)
                if not cells and carried.get(position) and carries and not may_be_cut_here:
                    task.departments.extend(carried[position])  # a merged cell printed once, on the group's first row
                    carried_lines.append(first_line)
                elif cells:
                    refs = _department_refs(column, cells, seq, diagnostics, notes, has_lead_column=has_lead_column)
                    task.departments.extend(refs)
                    carried[position] = refs
                elif role is Role.LEAD or (role is Role.RESPONSIBLE and not has_lead_column):
                    missing.append(column.label)
            elif role is Role.LEADER:
                names = [name for c in cells for name in split_leader_names(c.text)]
                task.leaders.extend(name for name in names if len(name) <= _MAX_PERSON)
                notes.extend(f"{column.label}: {name}" for name in names if len(name) > _MAX_PERSON)
            elif role is Role.PROGRESS:
                if cells:
                    progress_parts.append(prose(cells))
            elif role in (Role.COMPLETION, Role.TARGET, Role.ACTUAL):
                text = _joined_text(cells)
                field_name = {Role.COMPLETION: "completion_text", Role.TARGET: "target_text", Role.ACTUAL: "actual_text"}[role]
                if text and (getattr(task, field_name) or len(text) > _MAX_FIGURE_TEXT):
                    notes.append(f"{column.label}: {text}")  # a second column of the same kind, or prose
                elif text:
                    setattr(task, field_name, text)
            elif cells:  # NOTE, OTHER
                text = _joined_text(cells)
                notes.append(text if role is Role.NOTE or not column.label else f"{column.label}: {text}")

        if not task.content:
            # A task is its content: a row without it (all its text read into other columns) is no task.
            diagnostics.append(
                Diagnostic(first_line, Severity.WARNING, errors.ROW_WITHOUT_CONTENT,
                           errors.MSG_ROW_WITHOUT_CONTENT.format(text=" / ".join(c.text for c in all_cells)[:60]))
            )
            seq -= 1
            continue
        task.progress = "\n".join(progress_parts)
        if has_progress_column and not progress_parts:
            missing.append(next(c.label for c in columns if c.role is Role.PROGRESS))
        elif not has_progress_column and task.actual_text:
            task.progress = task.actual_text  # a table of figures: the actual is what it says of progress
        task.note = "\n".join(notes)
        task.departments = _unique_by_name(task.departments)
        if current is not None:
            task.theme, task.theme_no = current.name, current.number
            if current.leaders and not task.leaders:
                task.leaders = list(current.leaders)
        elif has_theme_column and seq == first_seq:
            diagnostics.append(Diagnostic(first_line, Severity.WARNING, errors.THEME_MISSING_FIRST, errors.MSG_THEME_MISSING_FIRST))

        is_last = row is task_rows[-1]
        if missing and is_last and ends_file:
            diagnostics.append(
                Diagnostic(last_line, Severity.ERROR, errors.ROW_TRUNCATED, errors.MSG_ROW_TRUNCATED.format(seq=seq, missing="、".join(missing)))
            )
        else:
            for label in missing:
                if label in {c.label for c in columns if c.role.is_department}:
                    diagnostics.append(Diagnostic(first_line, Severity.WARNING, errors.DEPARTMENT_MISSING, errors.MSG_DEPARTMENT_MISSING.format(seq=seq)))
                elif not task.completion_text:
                    diagnostics.append(
                        Diagnostic(first_line, Severity.WARNING, errors.PROGRESS_MISSING, errors.MSG_PROGRESS_MISSING.format(seq=seq, column=label))
                    )
        if row.score < UNCERTAIN_ROW_SCORE:
            diagnostics.append(
                Diagnostic(first_line, Severity.WARNING, errors.ROW_UNCERTAIN, errors.MSG_ROW_UNCERTAIN.format(seq=seq, first=first_line, last=last_line))
            )
        printed_number = compact(task.source_seq or "").rstrip(".、*※△▲★")
        if printed_number.isascii() and printed_number.isdigit():  # "¹" is a digit to isdigit, not to int
            number = int(printed_number)
            if previous_source_seq is not None and number != previous_source_seq + 1:
                diagnostics.append(
                    Diagnostic(first_line, Severity.WARNING, errors.SEQ_GAP, errors.MSG_SEQ_GAP.format(previous=previous_source_seq, current=number))
                )
            previous_source_seq = number
        elif any(c.role is Role.SEQ for c in columns) and not is_sub_seq(printed_number):
            diagnostics.append(Diagnostic(first_line, Severity.WARNING, errors.SEQ_NOT_NUMBER, errors.MSG_SEQ_NOT_NUMBER.format(seq=seq)))
        tasks.append(task)
    _progress_as_actual(tasks, columns)
    if carried_lines:
        diagnostics.append(
            Diagnostic(carried_lines[0], Severity.INFO, errors.DEPARTMENT_CARRIED,
                       errors.MSG_DEPARTMENT_CARRIED.format(line=carried_lines[0], count=len(carried_lines)))
        )
    return tasks


# Share of a progress column's cells that must be figures for the column to be the actuals of a target column.
_FIGURE_PROGRESS_SHARE = 0.5


def _progress_as_actual(tasks: list[ParsedTask], columns: tuple[Column, ...]) -> None:
    """A table of figures whose one progress column ("1-8月实际完成情况" 1842.6) answers its target column:
    each progress cell is also the task's actual."""
    roles = [column.role for column in columns]
    if Role.TARGET not in roles or Role.ACTUAL in roles or roles.count(Role.PROGRESS) != 1:
        return
    filled = [task.progress for task in tasks if task.progress]
    if not filled or sum(1 for text in filled if is_figure(compact(text))) < _FIGURE_PROGRESS_SHARE * len(filled):
        return
    for task in tasks:
        if task.progress and not task.actual_text:
            task.actual_text = task.progress


# "承担的重点工作(牵头工作3项)", "重点工作任务(配合工作2项)": whose part the reporting department plays.
_OWN_LEAD_RE = re.compile(r"[(\[]\s*牵头(?:工作|任务|事项)")
_OWN_CO_RE = re.compile(r"[(\[]\s*(?:配合|参与|协办)(?:工作|任务|事项)")


def add_reporting_department(
    tasks: list[ParsedTask], columns: tuple[Column, ...], name: str | None, diagnostics: list[Diagnostic]
) -> None:
    """In a department's own report, a section headed "(牵头工作N项)" lists tasks it leads, one headed
    "(配合工作N项)" tasks it co-operates on: the department is added to each row in that role."""
    if not name or not tasks:
        return
    label = " ".join(column.label for column in columns if column.role is Role.CONTENT)
    key = compact(label)
    if _OWN_LEAD_RE.search(key):
        role = DepartmentRole.LEAD
    elif _OWN_CO_RE.search(key):
        role = DepartmentRole.CO
    else:
        return
    for task in tasks:
        if name in task.department_names:
            continue
        ref = DepartmentRef(name, role)
        task.departments = [ref, *task.departments] if role is DepartmentRole.LEAD else [*task.departments, ref]
    diagnostics.append(
        Diagnostic(tasks[0].first_line, Severity.INFO, errors.REPORTING_DEPARTMENT,
                   errors.MSG_REPORTING_DEPARTMENT.format(name=name, label=label, role="牵头" if role is DepartmentRole.LEAD else "配合"))
    )


def _unique_by_name(refs: list[DepartmentRef]) -> list[DepartmentRef]:
    """A department named twice in one row keeps its first place and role."""
    seen: set[str] = set()
    unique = []
    for ref in refs:
        if ref.name not in seen:
            seen.add(ref.name)
            unique.append(ref)
    return unique

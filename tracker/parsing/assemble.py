"""Rebuilt rows -> tasks: themes carried over merged cells, departments with roles, diagnostics."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import errors
from .departments import looks_like_department, read_departments, split_department_names
from .markers import split_marker
from .columns import Column, Role
from .rows import RawRow
from .text import Cell, compact
from .types import DepartmentRef, DepartmentRole, Diagnostic, ParsedTask, Severity

# A rebuilt row scoring below this had cells that fit their columns badly.
UNCERTAIN_ROW_SCORE = -6.0
_SPACES_RE = re.compile(r"\s+")


@dataclass
class _Theme:
    name: str
    number: str | None


def _theme_name(cells: list[Cell]) -> tuple[str | None, str]:
    text = "".join(cell.text for cell in cells)
    number, name = split_marker(text)
    return number, _SPACES_RE.sub(" ", name).strip()


def _department_refs(column: Column, cells: list[Cell], seq: int, diagnostics: list[Diagnostic]) -> list[DepartmentRef]:
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
    for position, name in enumerate(reading.names):
        if not looks_like_department(name):
            diagnostics.append(
                Diagnostic(cells[0].line, Severity.WARNING, errors.DEPARTMENT_UNRECOGNISED, errors.MSG_DEPARTMENT_UNRECOGNISED.format(name=name))
            )
        if column.role is Role.LEAD or (column.role is Role.RESPONSIBLE and position == 0):
            role = DepartmentRole.LEAD
        else:
            role = DepartmentRole.CO
        refs.append(DepartmentRef(name, role))
    return refs


def _joined_text(cells: list[Cell]) -> str:
    return "\n".join(cell.text for cell in cells)


def assemble_tasks(
    rows: list[RawRow], columns: tuple[Column, ...], *, ends_file: bool, diagnostics: list[Diagnostic]
) -> list[ParsedTask]:
    """Turn rows into tasks, appending every doubtful decision to `diagnostics`.

    `ends_file`: the last row is the last thing in the input, so a row missing its
    last columns was cut off (an error), not merely left blank (a warning).
    """
    has_theme_column = any(c.role is Role.THEME for c in columns)
    themes: dict[str, _Theme] = {}
    current: _Theme | None = None
    tasks: list[ParsedTask] = []
    previous_source_seq: int | None = None

    for seq, row in enumerate(rows, start=1):
        all_cells = row.all_cells
        first_line, last_line = all_cells[0].line, all_cells[-1].line
        task = ParsedTask(
            seq=seq, source_seq=None, theme="", theme_no=None, content="", departments=[], leaders=[],
            progress="", completion_text="", note="", first_line=first_line, last_line=last_line,
        )
        notes: list[str] = []
        missing: list[str] = []
        for column, cells in zip(columns, row.cells_by_column):
            role = column.role
            if len(cells) > 1 and role in (Role.CONTENT, Role.PROGRESS):
                diagnostics.append(
                    Diagnostic(
                        cells[0].line, Severity.WARNING, errors.CELL_PARAGRAPHS_JOINED,
                        errors.MSG_CELL_PARAGRAPHS_JOINED.format(
                            seq=seq, column=column.label, first=cells[0].line, last=cells[-1].line, count=len(cells)
                        ),
                    )
                )
            if role is Role.SEQ:
                task.source_seq = cells[0].text if cells else None
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
                    current = themes[key] = _Theme(name, number)
                if number and not current.number:
                    current.number = number
            elif role is Role.CONTENT:
                task.content = "\n".join(filter(None, [task.content, _joined_text(cells)]))
            elif role.is_department:
                if cells:
                    task.departments.extend(_department_refs(column, cells, seq, diagnostics))
                elif role is not Role.CO:
                    missing.append(column.label)
            elif role is Role.LEADER:
                task.leaders.extend(name for c in cells for name in split_department_names(c.text))
            elif role is Role.PROGRESS:
                task.progress = _joined_text(cells)
                if not cells:
                    missing.append(column.label)
            elif role is Role.COMPLETION:
                task.completion_text = _joined_text(cells)
            elif cells:  # NOTE, OTHER
                text = _joined_text(cells)
                notes.append(text if role is Role.NOTE else f"{column.label}: {text}")

        task.note = "\n".join(notes)
        task.departments = _unique_by_name(task.departments)
        if current is not None:
            task.theme, task.theme_no = current.name, current.number
        elif has_theme_column and seq == 1:
            diagnostics.append(Diagnostic(first_line, Severity.WARNING, errors.THEME_MISSING_FIRST, errors.MSG_THEME_MISSING_FIRST))

        is_last = seq == len(rows)
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
        printed_number = compact(task.source_seq or "").rstrip(".、")
        if printed_number.isascii() and printed_number.isdigit():  # "¹" is a digit to isdigit, not to int
            number = int(printed_number)
            if previous_source_seq is not None and number != previous_source_seq + 1:
                diagnostics.append(
                    Diagnostic(first_line, Severity.WARNING, errors.SEQ_GAP, errors.MSG_SEQ_GAP.format(previous=previous_source_seq, current=number))
                )
            previous_source_seq = number
        elif any(c.role is Role.SEQ for c in columns):
            diagnostics.append(Diagnostic(first_line, Severity.WARNING, errors.SEQ_NOT_NUMBER, errors.MSG_SEQ_NOT_NUMBER.format(seq=seq)))
        tasks.append(task)
    return tasks


def _unique_by_name(refs: list[DepartmentRef]) -> list[DepartmentRef]:
    """A department named twice in one row keeps its first place and role."""
    seen: set[str] = set()
    unique = []
    for ref in refs:
        if ref.name not in seen:
            seen.add(ref.name)
            unique.append(ref)
    return unique

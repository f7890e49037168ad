"""Can a table's columns be trusted as read? A whole-table check after the rows are rebuilt.

A header that does not match its rows (a column the header does not name, rows
shifted by one cell) shows as columns whose cells do not look like their role:
progress text in the 牵头单位 column, department names in the 内容 column,
sentences in the 序号 column. When too many do, an error diagnostic says the
table cannot be trusted, so a shifted table is never imported silently.
"""

from __future__ import annotations

from . import errors
from .columns import Column, Role
from .departments import is_not_a_department, looks_like_department, read_departments
from .markers import is_any_seq, is_seq, split_marker
from .rows import RawRow
from .scoring import is_figure
from .text import Cell
from .types import Diagnostic, Severity
from .wrapping import column_widths, unwrapped_names

# Share of a column's cells that may misfit before the table is doubted.
_MISFIT_SHARE = 0.34
# Fewest filled cells in a column before its share means anything.
_MIN_CELLS = 3
_EMPTY_MARKS = {"/", "-", "—", "无", "——", "\\"}
_WHAT = {
    Role.LEAD: "单位名称", Role.RESPONSIBLE: "单位名称", Role.CO: "单位名称", Role.SEQ: "序号", Role.CONTENT: "工作内容",
    Role.PROGRESS: "进展情况", Role.TARGET: "数值", Role.ACTUAL: "数值", Role.COMPLETION: "完成比例或状态",
}


def _misfits(role: Role, cells: list[Cell]) -> bool:
    keys = [cell.key for cell in cells]
    joined = "".join(keys)
    if joined in _EMPTY_MARKS:
        return False
    if role.is_department:
        names = read_departments(keys).names
        return any(is_not_a_department(name) for name in names) or not any(looks_like_department(n) for n in names)
    if role is Role.SEQ:
        return not is_any_seq(joined)
    if role in (Role.CONTENT, Role.PROGRESS):
        if is_seq(joined):
            return True
        names = read_departments(keys).names
        return bool(names) and all(looks_like_department(name) for name in names) and len(joined) <= 30
    if role in (Role.TARGET, Role.ACTUAL):
        return not is_figure(joined)
    if role is Role.COMPLETION:
        return len(joined) > 30
    return False


# Share of rows whose progress is empty, or whose content was rebuilt from several paragraphs, that says the
# rows were cut in the wrong places.
_MISSED_SHARE = 0.6


def _rows_out_of_step(columns: tuple[Column, ...], task_rows: list[RawRow], *, wrapped: bool) -> tuple[str, int, int] | None:
    """(what, rows, line) when most rows lack their progress or have content glued from several paragraphs
    (in a table wrapped at the column width every long cell is several lines: that is no sign)."""
    if len(task_rows) < _MIN_CELLS or any(column.forced for column in columns):
        return None
    for position, column in enumerate(columns):
        if column.role is Role.PROGRESS:
            empty = [row for row in task_rows if not row.cells_by_column[position]]
            if len(empty) >= _MISSED_SHARE * len(task_rows):
                return column.label or "进展情况", len(empty), empty[0].all_cells[0].line
        if column.role is Role.CONTENT and not wrapped:
            glued = [row for row in task_rows if len(row.cells_by_column[position]) > 1]
            if len(glued) >= _MISSED_SHARE * len(task_rows):
                return column.label or "工作内容", len(glued), glued[0].cells_by_column[position][0].line
    return None


def audit_columns(columns: tuple[Column, ...], rows: list[RawRow], diagnostics: list[Diagnostic], *, wrapped: bool = False) -> bool:
    """Append an error when a column's cells mostly do not fit its role; True when the table is trusted."""
    task_rows = [row for row in rows if row.group is None]
    trusted = True
    out_of_step = _rows_out_of_step(columns, task_rows, wrapped=wrapped)
    if out_of_step is not None:
        column, count, line = out_of_step
        diagnostics.append(
            Diagnostic(line, Severity.ERROR, errors.COLUMNS_UNTRUSTED,
                       errors.MSG_ROWS_OUT_OF_STEP.format(column=column, count=count, total=len(task_rows)))
        )
        trusted = False
    widths = column_widths(task_rows, columns) if wrapped else {}
    for position, column in enumerate(columns):
        if column.role not in _WHAT or column.forced:
            continue
        filled = [row.cells_by_column[position] for row in task_rows if row.cells_by_column[position]]
        if position in widths:
            filled = [unwrapped_names(cells, widths[position]) for cells in filled]  # as the tasks read them
        if len(filled) < _MIN_CELLS:
            continue
        bad = [cells for cells in filled if _misfits(column.role, cells)]
        if column.role is Role.CONTENT and all(split_marker(c[0].key)[0] for c in bad):
            bad = []  # group labels read into the content column are reported elsewhere
        if len(bad) >= _MISFIT_SHARE * len(filled):
            example = bad[0]
            diagnostics.append(
                Diagnostic(
                    example[0].line,
                    Severity.ERROR,
                    errors.COLUMNS_UNTRUSTED,
                    errors.MSG_COLUMNS_UNTRUSTED.format(
                        column=column.label or column.role.value, bad=len(bad), total=len(filled), what=_WHAT[column.role],
                        line=example[0].line, example="".join(c.text for c in example)[:20],
                    ),
                )
            )
            trusted = False
    return trusted

"""Tables whose rows a format knows: merged cells laid out, the progress table picked, a TableSource built.

HTML, Excel and Word all describe a table as rows of cells, some of them merged
over several rows or columns. Each format reader lays its tables out as a
`RawTable` (one `Slot` per row and column, a merged cell covering several slots);
this module finds the header row and turns the table into the grid the table
reader maps by position.

How merged cells are read:
- merged down (rowspan, vertical merge): the text applies to every row it covers,
  so it is repeated, except in the 项目名称 (theme) column: there a merged cell is
  one label, and leaving the covered rows empty lets the reader carry the theme
  over without reporting a "repeated label" on every row;
- merged across in a data row: one value, kept in the first column it covers;
- merged across in the header row: the header names one column that the table
  drew as several (a "(一)" column beside the theme name, say), so those columns
  are read as one, their texts joined by line breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import errors
from ..align import align_short_row
from ..columns import Column, Header, Role, forced_header, header_of_row, role_for_label
from ..labels import looks_like_label
from . import limits
from .source import TableSource
from ..text import Cell, normalise
from ..types import Diagnostic, Severity

# Characters trimmed from each line of a cell: spaces, NBSP, ideographic space, zero-width ones.
_LINE_TRIM = " \t\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff"


@dataclass(frozen=True, slots=True)  # slots: a big table has hundreds of thousands
class Slot:
    """One row-and-column position of a laid-out table."""

    text: str  # the text of the cell covering this position
    origin: tuple[int, int]  # (row, column) of that cell's top-left position


@dataclass
class RawTable:
    """A table laid out by a format reader: every row as wide as the widest."""

    rows: list[list[Slot]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # each row's diagnostic line
    diagnostics: list[Diagnostic] = field(default_factory=list)  # e.g. a span clamped while laying out

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def add_row(self, line: int, slots: list[Slot]) -> None:
        """Add a laid-out row; its slots count against the file's limits (formats/limits.py). Rows are
        counted in the tables read (`to_source`): a file may hold long tables that are not the report."""
        limits.check_time(f"读到第 {line} 行")
        limits.check_columns(len(slots), line=line)
        limits.take_cells(len(slots), line=line)
        self.rows.append(slots)
        self.lines.append(line)

    def pad(self) -> "RawTable":
        """Give short rows empty slots at the end, so every row has a slot per column."""
        width = self.width
        limits.take_cells(sum(width - len(row) for row in self.rows))
        for index, row in enumerate(self.rows):
            row.extend(Slot("", (index, column)) for column in range(len(row), width))
        return self

    def extend(self, other: "RawTable") -> None:
        """Append another table's rows (a table continued after a page break); they were counted when laid out."""
        offset = len(self.rows)
        limits.check_rows(offset + len(other.rows), found=f"连续的几个表格共 {offset + len(other.rows):,} 行")
        for line, row in zip(other.lines, other.rows):
            self.rows.append([Slot(slot.text, (slot.origin[0] + offset, slot.origin[1])) for slot in row])
            self.lines.append(line)
        self.diagnostics.extend(other.diagnostics)


@dataclass(frozen=True)
class FoundHeader:
    row: int  # index of the header row in the table
    header: Header


def clean_lines(text: str) -> str:
    """A cell's text as printed: each line trimmed, blank lines dropped, lines joined by "\\n"."""
    lines = (line.strip(_LINE_TRIM) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if normalise(line))


def make_cell(line: int, text: str) -> Cell:
    return Cell(line, text, normalise(text))


def _own_cells(table: RawTable, row: int) -> list[Cell]:
    """The non-empty cells that start in this row (copies of merged cells left out)."""
    line = table.lines[row]
    return [
        make_cell(line, slot.text)
        for column, slot in enumerate(table.rows[row])
        if slot.origin == (row, column) and normalise(slot.text)
    ]


def find_header(table: RawTable, *, header_line: int | None = None) -> FoundHeader | None:
    """The first row whose cells read as a progress-table header (labels mapped to column roles).

    With `header_line`, the row on that line, whatever its labels (an admin pointed at it).
    """
    for row in range(len(table.rows)):
        cells = _own_cells(table, row)
        if header_line is not None:
            if table.lines[row] == header_line and cells:
                return FoundHeader(row, header_of_row(cells) or forced_header(cells, None, whole=True))
            continue
        header = header_of_row(cells)
        if header is not None:
            return FoundHeader(row, header)
    return None


def find_more_headers(table: RawTable, found: FoundHeader) -> list[FoundHeader]:
    """Header rows below `found` in the same table (a second table drawn in one sheet or one text)
    whose labels differ from it; a header repeated at a page break is left to the table reader."""
    more = []
    labels = found.header.labels
    for row in range(found.row + 2, len(table.rows)):  # the row under a header may be its second row
        header = header_of_row(_own_cells(table, row))
        if header is not None and header.labels != labels:
            more.append(FoundHeader(row, header))
            labels = header.labels
    return more


def align_rows(table: RawTable, found: FoundHeader, diagnostics: list[Diagnostic]) -> None:
    """Rows with fewer cells than the header (a merged cell printed only on its group's first row): the
    missing cells are put where they belong, filled from the row above, before the table is padded."""
    header_slots = table.rows[found.row]
    header_columns = iter(found.header.columns)
    columns = tuple(
        next(header_columns, Column(Role.OTHER, "", 0, 0, known=False)) if normalise(slot.text) else Column(Role.OTHER, "", 0, 0, known=False)
        for slot in header_slots
    )
    width = len(columns)
    aligned: list[int] = []
    filled_labels: set[str] = set()
    for index in range(found.row + 1, len(table.rows)):
        row = table.rows[index]
        while row and not normalise(row[-1].text) and len(row) > width:
            row.pop()
        if len(row) >= width or len(row) == 1 or not any(normalise(slot.text) for slot in row):
            continue  # a row of one cell is a caption or a group label, not a row missing cells
        line = table.lines[index]
        alignment = align_short_row([make_cell(line, slot.text) for slot in row], columns)
        last_cell = max(i for i in range(width) if i not in alignment.gaps) if len(alignment.gaps) < width else -1
        above = table.rows[index - 1] if index - 1 > found.row else None
        slots = iter(row)
        new_row = []
        for column in range(width):
            if column not in alignment.gaps:
                new_row.append(Slot(next(slots).text, (index, column)))
            elif column < last_cell and above is not None and column < len(above):
                new_row.append(above[column])  # merged down: the cell above covers this one
                filled_labels.add(columns[column].label)
            else:
                new_row.append(Slot("", (index, column)))
        table.rows[index] = new_row
        if any(gap < last_cell for gap in alignment.gaps):
            aligned.append(line)
    if aligned:
        diagnostics.append(
            Diagnostic(aligned[0], Severity.INFO, errors.ROW_FILLED_FROM_ABOVE,
                       errors.MSG_ROW_FILLED_FROM_ABOVE.format(line=aligned[0], count=len(aligned), columns="、".join(sorted(filled_labels)) or "—"))
        )


def _named_below(table: RawTable, header_row: int, column: int) -> bool:
    """A column under a header cell merged across that the row below names apart ("2023年" over 目标 | 完成):
    a column of its own, not a part of its neighbour."""
    if header_row + 1 >= len(table.rows) or column >= len(table.rows[header_row + 1]):
        return False
    below = table.rows[header_row + 1]
    slot, left = below[column], below[column - 1]
    if slot.origin != (header_row + 1, column) or left.origin != (header_row + 1, column - 1):
        return False
    texts = (normalise(slot.text).replace(" ", ""), normalise(left.text).replace(" ", ""))
    return all(texts) and texts[0] != texts[1] and all(looks_like_label(text) for text in texts)


def _column_groups(table: RawTable, header_row: int, end: int) -> list[list[int]]:
    """Columns read as one: those under one header cell merged across. Wholly empty columns (a spacer) are dropped."""
    groups: list[list[int]] = []
    for column, slot in enumerate(table.rows[header_row]):
        if groups and slot.origin[1] < column and not _named_below(table, header_row, column):
            groups[-1].append(column)  # covered by the header cell to the left
        else:
            groups.append([column])
    body = table.rows[header_row:end]
    # A column whose only text is that of cells merged across it from the left (a title, a 备注 row) is empty.
    return [
        group for group in groups
        if any(row[column].origin[1] == column and normalise(row[column].text) for row in body for column in group)
    ]


def _is_sub_row(table: RawTable, header_row: int, row_index: int, groups: list[list[int]], roles: list) -> bool:
    """A row under a task whose task cell is merged down over it (序号, 重点工作, units merged; one progress line
    per row): a part of that task, not a task of its own."""
    row = table.rows[row_index]
    content = [group[0] for group, role in zip(groups, roles) if role is Role.CONTENT]
    if not content or row_index <= header_row + 1:
        return False
    for column in content:
        origin_row, origin_column = row[column].origin
        if origin_column != column or not header_row < origin_row < row_index or not normalise(row[column].text):
            return False
        if normalise(row[column].text) == normalise(table.rows[header_row][column].text):
            return False  # the header typed again in the table, over two rows: skipped as a header, not a task
    # A row with a 序号 of its own is a task of its own under a shared cell.
    return not any(
        row[column].origin == (row_index, column) and normalise(row[column].text)
        for group, role in zip(groups, roles) if role is Role.SEQ for column in group
    )


def _add_sub_row(previous: list[Cell], table: RawTable, row_index: int, groups: list[list[int]]) -> None:
    """The sub-row's own cells (one progress line, say) added below the task row's cells, by line breaks."""
    row = table.rows[row_index]
    for group_index, group in enumerate(groups):
        texts = [row[column].text for column in group if row[column].origin == (row_index, column) and normalise(row[column].text)]
        if texts:
            cell = previous[group_index]
            text = "\n".join(filter(None, [cell.text, *texts]))
            limits.check_cell_text(text, line=table.lines[row_index])
            previous[group_index] = make_cell(cell.line or table.lines[row_index], text)


def _grid_rows(table: RawTable, found: FoundHeader, end: int | None = None) -> list[list[Cell]]:
    """The table from its header row down (to row `end`), one cell per column (merged header cells make one column)."""
    end = len(table.rows) if end is None else end
    groups = _column_groups(table, found.row, end)
    has_theme = any(column.role is Role.THEME for column in found.header.columns)
    group_roles = [role_for_label(table.rows[found.row][group[0]].text) for group in groups]
    theme_groups = {index for index, role in enumerate(group_roles) if has_theme and role is Role.THEME}
    grid: list[list[Cell]] = []
    for row_index in range(found.row, end):
        row, line = table.rows[row_index], table.lines[row_index]
        if grid and _is_sub_row(table, found.row, row_index, groups, group_roles):
            _add_sub_row(grid[-1], table, row_index, groups)
            continue
        grid_row = []
        for group_index, group in enumerate(groups):
            parts = []
            for column in group:
                slot = row[column]
                if slot.origin[1] != column:
                    continue  # merged across: the value is in the first column it covers
                if slot.origin[0] != row_index and group_index in theme_groups:
                    continue  # merged down in the theme column: the reader carries the theme over
                if normalise(slot.text):
                    parts.append(slot.text)
            text = "\n".join(parts)
            limits.check_cell_text(text, line=line)
            grid_row.append(make_cell(line, text))
        grid.append(grid_row)
    return grid


def to_source(
    table: RawTable,
    found: FoundHeader,
    *,
    before: list[Cell],
    after: list[Cell],
    diagnostics: list[Diagnostic],
    may_be_cut_off: bool,
    merges_blank: bool = False,
    more: list[tuple[RawTable, FoundHeader, list[Cell]]] = (),
) -> TableSource:
    """The grid from the header row down; `before` (text above the table) and the rows above the header are meta.

    `more`: further tables of the file, each with the paragraphs printed above it
    (its caption), which come into the grid as rows of one cell.
    """
    rows = len(table.rows) - found.row + sum(len(other.rows) - other_found.row + len(caption) for other, other_found, caption in more)
    limits.check_rows(rows, found=f"第 {table.lines[found.row]} 行的表头以下共 {rows:,} 行")
    splits = find_more_headers(table, found)
    bounds = [found, *splits]
    grid = []
    for position, part in enumerate(bounds):
        grid.extend(_grid_rows(table, part, bounds[position + 1].row if position + 1 < len(bounds) else None))
    for other, other_found, caption in more:
        above = [cell for row in range(other_found.row) for cell in _own_cells(other, row)]
        grid.extend([cell] for cell in caption + above)
        grid.extend(_grid_rows(other, other_found))
    meta_cells = before + [cell for row in range(found.row) for cell in _own_cells(table, row)]
    table_cells = [cell for grid_row in grid for cell in grid_row if cell.key]
    return TableSource(
        meta_cells + table_cells + after,
        grid=grid,
        meta_cells=meta_cells,
        # Warnings of laying the tables out (a span clamped) first, then the reader's own.
        diagnostics=table.diagnostics + [d for other, _, _ in more for d in other.diagnostics] + diagnostics,
        may_be_cut_off=may_be_cut_off,
        merges_blank=merges_blank,
    )

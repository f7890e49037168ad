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

from ..columns import Header, Role, header_at, role_for_label
from . import limits
from .source import TableSource
from ..text import Cell, normalise
from ..types import Diagnostic

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
        """Add a laid-out row; its slots count against the file's limits (formats/limits.py)."""
        limits.check_time(f"读到第 {line} 行")
        limits.check_rows(len(self.rows) + 1, found=f"第 {line} 行仍在表格中")
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


def find_header(table: RawTable) -> FoundHeader | None:
    """The first row whose cells read as a progress-table header (labels mapped to column roles)."""
    for row in range(len(table.rows)):
        header = header_at(_own_cells(table, row), 0)
        if header is not None:
            return FoundHeader(row, header)
    return None


def _column_groups(table: RawTable, header_row: int) -> list[list[int]]:
    """Columns read as one: those under one header cell merged across. Wholly empty columns are dropped."""
    groups: list[list[int]] = []
    for column, slot in enumerate(table.rows[header_row]):
        if groups and slot.origin[1] < column:
            groups[-1].append(column)  # covered by the header cell to the left
        else:
            groups.append([column])
    body = table.rows[header_row:]
    return [group for group in groups if any(normalise(row[column].text) for row in body for column in group)]


def to_source(
    table: RawTable,
    found: FoundHeader,
    *,
    before: list[Cell],
    after: list[Cell],
    diagnostics: list[Diagnostic],
    may_be_cut_off: bool,
) -> TableSource:
    """The grid from the header row down; `before` (text above the table) and the rows above the header are meta."""
    groups = _column_groups(table, found.row)
    has_theme = any(column.role is Role.THEME for column in found.header.columns)
    theme_groups = {
        index for index, group in enumerate(groups)
        if has_theme and role_for_label(table.rows[found.row][group[0]].text) is Role.THEME
    }
    grid: list[list[Cell]] = []
    for row_index in range(found.row, len(table.rows)):
        row, line = table.rows[row_index], table.lines[row_index]
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
    meta_cells = before + [cell for row in range(found.row) for cell in _own_cells(table, row)]
    table_cells = [cell for grid_row in grid for cell in grid_row if cell.key]
    return TableSource(
        meta_cells + table_cells + after,
        grid=grid,
        meta_cells=meta_cells,
        diagnostics=table.diagnostics + diagnostics,
        may_be_cut_off=may_be_cut_off,
    )

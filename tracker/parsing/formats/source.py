"""`TableSource`: what every format reader hands the table reader (`tracker.parsing.reader`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text import Cell
from ..types import Diagnostic


@dataclass
class TableSource:
    """What a format reader hands the table reader.

    `cells`: every non-blank paragraph in reading order; for flattened text this
    is all there is, and rows are rebuilt from it. `grid`: when the format knows
    its rows (pipe-separated text; HTML, Excel and Word tables), each row's cells
    by position, empty ones kept as "". `meta_cells`: where to look for the
    title and metadata when the table is a grid (text outside the table).
    `may_be_cut_off`: False when the format guarantees the table is whole (a
    workbook or document that opens is not truncated), so an empty last cell is
    read as blank, never as a sign that the file was cut off. `merges_blank`:
    the grid is text copied from a sheet or a page (tabs, pipes), where a cell
    merged down is printed on its first row and left blank below, so a blank
    unit cell under a filled one is that merged cell.
    """

    cells: list[Cell]
    grid: list[list[Cell]] | None = None
    meta_cells: list[Cell] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    may_be_cut_off: bool = True
    merges_blank: bool = False
    ends_mid_line: bool = False  # text whose last line has no line break: it may stop in the middle of a row

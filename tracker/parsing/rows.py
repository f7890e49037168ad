"""Rebuild table rows from a flat stream of cells.

A flattened page loses the row structure: merged cells are missing, names are
broken over paragraphs, and some layouts have no 序号 to mark where a row starts.
So rows are rebuilt as a best segmentation (a segmental Viterbi search): the
stream is cut into rows, each row into one span of cells per column, and the cut
whose spans best fit their columns (`scoring.score_cells`) wins. Column order comes
from the header; nothing here knows a particular layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from .scoring import IMPOSSIBLE, ROLE_SHAPES, score_cells
from .columns import Column
from .text import Cell
from .formats.limits import check_segment_work, check_time, checked_cells

# Cost of leaving a cell out of every row: high, so it happens only to cells
# that fit nowhere (they are reported).
SKIP_CELL_SCORE = -9.0


@dataclass
class RawRow:
    """One rebuilt row: for each column, the cells the search gave it (maybe none)."""

    cells_by_column: list[list[Cell]]
    score: float

    @property
    def all_cells(self) -> list[Cell]:
        return [cell for cells in self.cells_by_column for cell in cells]


@dataclass
class Segmentation:
    rows: list[RawRow]
    skipped: list[Cell]  # cells that fit no row, in order


def _span_scorer(cells: list[Cell], columns: tuple[Column, ...]):
    """span(column_index, start, length) -> score, cached for the position the search is at.

    The search asks for the spans starting at one position, then moves on and never
    comes back (it asks twice when a row closes there, see `_search`); keeping only
    the current position's spans bounds the cache by columns × span lengths, where a
    cache of every span would grow with the file (~85 MB for 12,000 rows).
    """
    cache: dict[tuple[int, int], float] = {}
    at = [-1]  # the start position the cache holds

    def span(column_index: int, start: int, length: int) -> float:
        if start != at[0]:
            cache.clear()
            at[0] = start
        key = (column_index, length)
        score = cache.get(key)
        if score is None:
            score = cache[key] = score_cells(columns[column_index].role, cells[start : start + length])
        return score

    return span


def _search(cells: list[Cell], columns: tuple[Column, ...], *, single_row: bool) -> tuple[list[RawRow], list[Cell]]:
    """Best reading of the whole stream as rows (or as exactly one row).

    State (column, position): `position` cells are read and `column` is the next
    column to fill. Filling the last column closes the row and goes back to
    column 0. A cell may also be skipped between rows, at a high cost.
    """
    count, width = len(cells), len(columns)
    span = _span_scorer(cells, columns)
    shapes = [ROLE_SHAPES[column.role] for column in columns]
    best = [[IMPOSSIBLE] * (count + 1) for _ in range(width + 1)]
    # back[column][position] = (previous column, previous position, length; -1 for a skipped cell)
    back: list[list[tuple[int, int, int] | None]] = [[None] * (count + 1) for _ in range(width + 1)]
    best[0][0] = 0.0
    def relax(column: int, position: int) -> None:
        here = best[column][position]
        if here == IMPOSSIBLE:
            return
        if column == 0 and position < count and not single_row:
            skip = here + SKIP_CELL_SCORE
            if skip > best[0][position + 1]:
                best[0][position + 1], back[0][position + 1] = skip, (0, position, -1)
        low, high, _ = shapes[column]
        following = column + 1 if single_row or column + 1 < width else 0
        for length in range(low, min(high, count - position) + 1):
            score = span(column, position, length)
            if score == IMPOSSIBLE:
                continue
            total = here + score
            target = position + length
            if total > best[following][target]:
                best[following][target], back[following][target] = total, (column, position, length)

    for position in range(count + 1):
        if position % 1024 == 0:
            check_time(f"拼接第 {cells[min(position, count - 1)].line} 行附近的表格行时" if count else "")
        row_start = best[0][position]
        for column in range(width):
            relax(column, position)
        if best[0][position] > row_start:
            # A row just closed here with empty last columns; the next row starts
            # at this same position, so its columns are relaxed once more.
            for column in range(width):
                relax(column, position)

    final_column = width if single_row else 0
    if best[final_column][count] == IMPOSSIBLE:
        return [], list(cells)
    # Walk back, collecting spans; a transition into column 0 (or the end) closes a row.
    rows: list[RawRow] = []
    skipped: list[Cell] = []
    spans: list[list[Cell]] = []
    row_end_score = best[final_column][count]
    column, position = final_column, count
    while (column, position) != (0, 0):
        previous_column, previous_position, length = back[column][position]
        if length < 0:
            skipped.append(cells[previous_position])
            row_end_score = best[previous_column][previous_position]
        else:
            spans.append(cells[previous_position : previous_position + length])
            if previous_column == 0:
                row_start_score = best[0][previous_position]
                spans.reverse()
                rows.append(RawRow(spans, row_end_score - row_start_score))
                spans, row_end_score = [], row_start_score
        column, position = previous_column, previous_position
    rows.reverse()
    skipped.reverse()
    return rows, skipped


def segment(cells: list[Cell], columns: tuple[Column, ...]) -> Segmentation:
    """Cut the stream into rows (see module docstring). A stream too big to search is refused up front."""
    span_lengths = sum(high - low + 1 for low, high, _ in (ROLE_SHAPES[column.role] for column in columns))
    check_segment_work(len(cells), len(columns), span_lengths)
    checked_cells(cells)
    rows, skipped = _search(cells, columns, single_row=False)
    return Segmentation(rows, skipped)


def read_single_row(cells: list[Cell], columns: tuple[Column, ...]) -> RawRow | None:
    """Read cells known to form exactly one row (a "a | b | c" line) whose count does not match the header."""
    rows, _ = _search(cells, columns, single_row=True)
    return rows[0] if rows else None

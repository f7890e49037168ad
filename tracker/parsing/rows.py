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

from .columns import Column
from .formats.limits import check_segment_work, check_time, checked_cells
from .markers import is_seq
from .roles import Role
from .scoring import IMPOSSIBLE, ROLE_SHAPES, group_row_score, score_cells
from .text import Cell

# Cost of leaving a cell out of every row: high, so it happens only to cells
# that fit nowhere (they are reported).
SKIP_CELL_SCORE = -9.0


@dataclass
class RawRow:
    """One rebuilt row: for each column, the cells the search gave it (maybe none).

    A group row ("(一)张三副市长牵头重点工作" spanning the table) has no columns, only `group`.
    """

    cells_by_column: list[list[Cell]]
    score: float
    group: Cell | None = None

    @property
    def all_cells(self) -> list[Cell]:
        if self.group is not None:
            return [self.group]
        return [cell for cells in self.cells_by_column for cell in cells]


@dataclass
class Segmentation:
    rows: list[RawRow]
    skipped: list[Cell]  # cells that fit no row, in order
    score: float = 0.0  # the whole reading's score: readings of one stream with other columns compare by it


# A 序号 that does not follow the one before it ("1" then "5") is more likely a figure in a cell.
OFF_CHAIN_SEQ_SCORE = -4.0
_SEQ_MARKS = ".、*※△▲★"


def _off_chain(cells: list[Cell]) -> set[int]:
    """Positions of 序号-like cells that do not continue the table's numbering (1, 2, 3..., restarting at 1;
    one missing number tolerated): "5" in a 分值 column after row 1 is not row 5."""
    expected = None
    off: set[int] = set()
    for position, cell in enumerate(cells):
        if not is_seq(cell.key):
            continue
        value = int(cell.key.rstrip(_SEQ_MARKS))
        if expected is None or value in (expected, expected + 1) or value == 1:
            expected = value + 1
        else:
            off.add(position)
    return off


def _span_scorer(cells: list[Cell], columns: tuple[Column, ...]):
    """span(column_index, start, length) -> score, cached for the position the search is at.

    The search asks for the spans starting at one position, then moves on and never
    comes back (it asks twice when a row closes there, see `_search`); keeping only
    the current position's spans bounds the cache by columns × span lengths, where a
    cache of every span would grow with the file (~85 MB for 12,000 rows).
    """
    cache: dict[tuple[int, int], float] = {}
    at = [-1]  # the start position the cache holds
    off_chain = _off_chain(cells)
    # Beside a 牵头 column, a 责任单位 column lists co-operators: often left blank, like a 配合 column.
    optional = {
        index for index, column in enumerate(columns)
        if column.role is Role.RESPONSIBLE and any(other.role is Role.LEAD for other in columns)
    }

    def span(column_index: int, start: int, length: int) -> float:
        if start != at[0]:
            cache.clear()
            at[0] = start
        key = (column_index, length)
        score = cache.get(key)
        if score is None:
            if length == 0 and column_index in optional:
                score = cache[key] = ROLE_SHAPES[Role.CO][2]
                return score
            score = score_cells(columns[column_index].role, cells[start : start + length])
            if columns[column_index].role is Role.SEQ and length == 1 and start in off_chain:
                score = OFF_CHAIN_SEQ_SCORE
            cache[key] = score
        return score

    return span


def _search(
    cells: list[Cell], columns: tuple[Column, ...], *, single_row: bool, group_rows: bool = False
) -> tuple[list[RawRow], list[Cell], float]:
    """Best reading of the whole stream as rows (or as exactly one row), and its score.

    State (column, position): `position` cells are read and `column` is the next
    column to fill. Filling the last column closes the row and goes back to
    column 0. A cell may also be skipped between rows, at a high cost, or (with
    `group_rows`) read as a group label spanning the table.
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
            if group_rows:
                group = here + group_row_score(cells[position].key)
                if group > best[0][position + 1]:
                    best[0][position + 1], back[0][position + 1] = group, (0, position, -2)
        low, high, _ = shapes[column]
        following = column + 1 if single_row or column + 1 < width else 0
        for length in range(low, min(high, count - position) + 1):
            score = span(column, position, length)
            if score == IMPOSSIBLE:
                if length:
                    break  # a longer span holds the same impossible cell (a 序号, a group label): impossible too
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
        return [], list(cells), IMPOSSIBLE
    # Walk back, collecting spans; a transition into column 0 (or the end) closes a row.
    rows: list[RawRow] = []
    skipped: list[Cell] = []
    spans: list[list[Cell]] = []
    row_end_score = best[final_column][count]
    column, position = final_column, count
    while (column, position) != (0, 0):
        previous_column, previous_position, length = back[column][position]
        if length == -2:
            rows.append(RawRow([], best[0][position] - best[0][previous_position], group=cells[previous_position]))
            row_end_score = best[previous_column][previous_position]
        elif length < 0:
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
    return rows, skipped, best[final_column][count]


def check_search_size(tables: list[tuple[list[Cell], int, list[tuple[Column, ...]]]]) -> None:
    """Size the row search of flattened text before any of it starts (formats/limits.py), for every table
    (body, width of its printed header, the column layouts `segment` will try on it): rows, steps (cells
    × span lengths, once per layout) and each cell's length."""
    cells = sum(len(body) for body, _, _ in tables)
    rows = sum(len(body) // width for body, width, _ in tables if width)
    widths = "、".join(dict.fromkeys(str(width) for _, width, _ in tables))
    work = sum(len(body) * _span_lengths(columns) for body, _, readings in tables for columns in readings)
    check_segment_work(cells=cells, columns=widths, rows=rows, work=work)
    for body, _, _ in tables:
        checked_cells(body)


def _span_lengths(columns: tuple[Column, ...]) -> int:
    return sum(high - low + 1 for low, high, _ in (ROLE_SHAPES[column.role] for column in columns))


def segment(cells: list[Cell], columns: tuple[Column, ...], *, group_rows: bool = False) -> Segmentation:
    """Cut the stream into rows (see module docstring). The caller sizes the search first (`check_search_size`)."""
    rows, skipped, score = _search(cells, columns, single_row=False, group_rows=group_rows)
    return Segmentation(rows, skipped, score)


def read_single_row(cells: list[Cell], columns: tuple[Column, ...]) -> RawRow | None:
    """Read cells known to form exactly one row (a "a | b | c" line) whose count does not match the header."""
    rows, _, _ = _search(cells, columns, single_row=True)
    return rows[0] if rows else None

"""Rows with fewer cells than the header: which columns are missing.

Copied from a web page (tabs) or written with pipes, a row under a merged cell
lacks that cell: "城市建设 | 1 | 新增停车泊位… | 区住建局 | 已新增…" is followed by
"2 | 加固修缮道路… | 区城管局 | 已完成…". Padding such a row at the end would
shift every column; the missing cells are those of the merged columns (filled
from the row above), unless the cells fit their columns better with blanks at
the end (a row whose last cells were left empty). Nothing here knows a particular
layout: the cell scores decide (`scoring.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .columns import Column
from .roles import Role
from .scoring import IMPOSSIBLE, score_cells
from .text import Cell

# How much better one alignment must fit to be taken without doubt.
_CLEAR_MARGIN = 1.5
# Roles whose cell a merged cell may stand for over several rows (filled from above).
_MERGED_ROLES = (Role.THEME, Role.SEQ, Role.LEAD, Role.RESPONSIBLE, Role.CO, Role.LEADER, Role.OTHER, Role.NOTE)
# Worst score one cell counts for, so that one impossible cell does not hide how the others fit.
_FLOOR = -12.0
_MAX_PATTERNS = 200


@dataclass(frozen=True)
class Alignment:
    gaps: tuple[int, ...]  # the columns the row has no cell for, in order
    doubtful: bool  # another alignment fits about as well


def _fit(cells: list[Cell | None], columns: tuple[Column, ...]) -> float:
    total = 0.0
    for cell, column in zip(cells, columns):
        score = score_cells(column.role, [cell] if cell is not None and cell.key else [])
        total += _FLOOR if score == IMPOSSIBLE else max(score, _FLOOR)
    return total


def place(cells: list[Cell], gaps: tuple[int, ...], width: int) -> list[Cell | None]:
    """The row's cells in their columns, None in the gaps."""
    placed: list[Cell | None] = []
    remaining = iter(cells)
    for column in range(width):
        placed.append(None if column in gaps else next(remaining, None))
    return placed


def align_short_row(cells: list[Cell], columns: tuple[Column, ...]) -> Alignment:
    """Which columns a row of fewer cells than columns lacks."""
    width = len(columns)
    missing = width - len(cells)
    if missing <= 0:
        return Alignment((), False)
    trailing = tuple(range(width - missing, width))
    allowed = sorted({i for i, column in enumerate(columns) if column.role in _MERGED_ROLES} | set(trailing))
    scores: dict[tuple[int, ...], float] = {trailing: _fit(place(cells, trailing, width), columns)}
    for gaps in combinations(allowed, missing):
        if len(scores) >= _MAX_PATTERNS:
            break
        if gaps not in scores:
            scores[gaps] = _fit(place(cells, gaps, width), columns)
    ranked = sorted(scores.items(), key=lambda item: (item[1], item[0] == trailing), reverse=True)
    best_gaps, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else IMPOSSIBLE
    return Alignment(best_gaps, best - runner_up < _CLEAR_MARGIN)


# How much worse a row's cells may fit in order (its last cells missing) than in the best alignment, for a row at a
# file's cut end to be read as cut there.
_CUT_MARGIN = 3.0


def cut_at_end(cells: list[Cell], columns: tuple[Column, ...], alignment: Alignment) -> Alignment | None:
    """The alignment of a row cut at its end (its cells in the first columns, in order), when they may stand there
    and fit about as well as in `alignment` (a merged cell left out fits far better where it belongs)."""
    width = len(columns)
    trailing = tuple(range(len(cells), width))
    placed = place(cells, trailing, width)
    if any(cell is not None and cell.key and score_cells(column.role, [cell]) == IMPOSSIBLE for cell, column in zip(placed, columns)):
        return None
    if _fit(placed, columns) < _fit(place(cells, alignment.gaps, width), columns) - _CUT_MARGIN:
        return None
    return Alignment(trailing, False)

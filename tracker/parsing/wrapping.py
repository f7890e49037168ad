"""Text wrapped at the column width (copied from a PDF): a cell's lines are one text, not paragraphs.

A PDF has no cells, only lines: copied out, every cell starts on a line of its own
and a long one is broken wherever the column ends, in the middle of a sentence, a
number ("152." / "36亿元") or a unit's name ("县住房和城乡" / "建设局"). A table
whose prose cells mostly break so is read as wrapped: the lines of a prose cell are
joined with nothing where a sentence goes on, and a unit's line that fills its
column is joined to the next one.
"""

from __future__ import annotations

import re
import unicodedata

from .columns import Column, Role
from .departments import looks_like_department, split_department_names
from .rows import RawRow
from .text import Cell, normalise

# A line that ends a paragraph: a sentence ends there.
_PARAGRAPH_END_RE = re.compile(r"[。;!?:]$")
# A line that starts a paragraph of its own: a list item ("2.", "(3)", "二、", "②").
_LIST_ITEM_RE = re.compile(r"^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[一二三四五六七八九十]+、)")
# Fewest line breaks in a table's prose, and the share of them inside a sentence, for the table to be wrapped.
_MIN_BREAKS = 3
_WRAPPED_SHARE = 0.6
# A unit's name ending so is whole: the next line is another unit, not its tail ("县财政局" / "县水利局").
_WHOLE_NAME_END_RE = re.compile(r"(局|委|办|院|中心|公司|集团|政府|管委会|分局|大队|支队|指挥部)$")


def _breaks_sentence(before: str, after: str) -> bool:
    return not _PARAGRAPH_END_RE.search(before) and not _LIST_ITEM_RE.match(after)


def is_wrapped(rows: list[RawRow], columns: tuple[Column, ...]) -> bool:
    """The table's prose cells are broken into lines mostly in the middle of a sentence."""
    breaks = inside = 0
    for row in rows:
        if row.group is not None:
            continue
        for column, cells in zip(columns, row.cells_by_column):
            if column.role not in (Role.CONTENT, Role.PROGRESS):
                continue
            for before, after in zip(cells, cells[1:]):
                breaks += 1
                inside += _breaks_sentence(before.key, after.key)
    return breaks >= _MIN_BREAKS and inside >= _WRAPPED_SHARE * breaks


def joined_prose(cells: list[Cell]) -> str:
    """A wrapped prose cell's lines as one text: joined with nothing inside a sentence, by a line break after one."""
    text = cells[0].text if cells else ""
    for before, after in zip(cells, cells[1:]):
        text += ("" if _breaks_sentence(before.key, after.key) else "\n") + after.text
    return text


def display_width(text: str) -> int:
    """Columns a line takes: a Chinese character two, a letter or digit one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(rows: list[RawRow], columns: tuple[Column, ...]) -> dict[int, int]:
    """Per unit column, the width of its longest line: where the column wraps."""
    widths: dict[int, int] = {}
    for row in rows:
        if row.group is not None:
            continue
        for position, (column, cells) in enumerate(zip(columns, row.cells_by_column)):
            if column.role.is_department:
                for cell in cells:
                    widths[position] = max(widths.get(position, 0), display_width(cell.key))
    return widths


def unwrapped_names(cells: list[Cell], width: int) -> list[Cell]:
    """A unit cell's lines, a line that fills the column joined to the next ("县住房和城乡" / "建设局"),
    unless it ends a whole name and the next line is a name of its own."""
    lines: list[Cell] = []
    for cell in cells:
        if lines and _continues(lines[-1].key, cell.key, width):
            text = lines[-1].text + cell.text
            lines[-1] = Cell(lines[-1].line, text, normalise(text))
        else:
            lines.append(cell)
    return lines


def _continues(before: str, after: str, width: int) -> bool:
    if display_width(before) < width - 1 or before[-1:] in "、,;/":
        return False
    last, first = split_department_names(before)[-1:], split_department_names(after)[:1]
    whole = bool(last) and looks_like_department(last[0]) and bool(_WHOLE_NAME_END_RE.search(last[0]))
    return not (whole and first and looks_like_department(first[0]))

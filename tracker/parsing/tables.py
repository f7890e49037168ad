"""What the table readers hand the assembler: a table's header, its rows and its caption.

`TableRows` is shared by the reader of flattened text (`text_tables.py`) and of
grids (`grid_tables.py`); captions and group labels are told apart here, the same
way for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .columns import Header, Role
from .markers import is_seq, split_marker, sub_seq_parent
from .rows import RawRow
from .text import Cell

_SENTENCE_END_RE = re.compile(r"[。;!?]")
# "表2", "附表1", "附件2:" before a table's name.
_TABLE_NUMBER_RE = re.compile(r"^(?:附表|附件|表)\s*[0-9一二三四五六七八九十]+\s*[:.、]?\s*")
# A table's name: "2022年主要预期目标完成情况", "重点工作任务进展情况表".
_TABLE_NAME_RE = re.compile(r"表$|^20\d{2}年.*(?:情况|进度|进展|目标|任务|清单|台账)$")
_MAX_CAPTION = 60


@dataclass
class TableRows:
    header: Header
    rows: list[RawRow]
    caption: Cell | None = None  # the heading printed above the table, if any
    ends_file: bool = False  # the table's last row is the last thing in the input
    skipped: list[Cell] = field(default_factory=list)  # cells that fit no row
    forced: bool = False  # the column roles were given by an admin


def is_caption(key: str) -> bool:
    """A heading over a table: "二、重点工作任务", "表2 重点项目进展情况", "2022年主要预期目标完成情况"."""
    if not key or len(key) > _MAX_CAPTION or _SENTENCE_END_RE.search(key) or is_seq(key):
        return False
    number, name = split_marker(key)
    if number is not None:
        return bool(name)
    if _TABLE_NUMBER_RE.match(key):
        return True
    return bool(_TABLE_NAME_RE.search(key)) and len(key) >= 4 and not key.endswith(("代表", "发表", "图表"))


def caption_theme(text: str) -> tuple[str | None, str]:
    """(marker numeral, name) of a caption used as a theme: "二、重点工作任务" -> ("二", "重点工作任务")."""
    text = _TABLE_NUMBER_RE.sub("", text.strip())
    number, name = split_marker(text)
    return number, " ".join(name.split())


# A group's name is a short label, not a task sentence.
_MAX_GROUP_NAME = 40


def with_numbered_groups(rows: list[RawRow], header: Header) -> list[RawRow]:
    """Rows of only a group number and a name ("1" | "稳住经济基本盘", the name spanning the table) over rows
    numbered under it ("1-1", "1.2"): group rows, whose name is the theme of those rows."""
    roles = [column.role for column in header.columns]
    if Role.SEQ not in roles or Role.CONTENT not in roles:
        return rows
    seq, content = roles.index(Role.SEQ), roles.index(Role.CONTENT)
    result = []
    for index, row in enumerate(rows):
        if row.group is None and _is_numbered_group(row, seq, content) and _numbers_below(rows, index, seq):
            result.append(RawRow([], row.score, group=row.cells_by_column[content][0]))
        else:
            result.append(row)
    return result


def _is_numbered_group(row: RawRow, seq: int, content: int) -> bool:
    cells = row.cells_by_column
    if len(cells[seq]) != 1 or not is_seq(cells[seq][0].key) or len(cells[content]) != 1:
        return False
    name = cells[content][0].key
    if len(name) > _MAX_GROUP_NAME or _SENTENCE_END_RE.search(name):
        return False
    return not any(found for position, found in enumerate(cells) if position not in (seq, content))


def _numbers_below(rows: list[RawRow], index: int, seq: int) -> bool:
    """The next task row's 序号 sits under this row's number ("1" then "1-1")."""
    number = rows[index].cells_by_column[seq][0].key.rstrip(".、")
    following = next((row for row in rows[index + 1 :] if row.group is None), None)
    if following is None or len(following.cells_by_column[seq]) != 1:
        return False
    return sub_seq_parent(following.cells_by_column[seq][0].key) == number

"""What the table readers hand the assembler: a table's header, its rows and its caption.

`TableRows` is shared by the reader of flattened text (`text_tables.py`) and of
grids (`grid_tables.py`); captions and group labels are told apart here, the same
way for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .columns import Header
from .markers import is_seq, split_marker
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

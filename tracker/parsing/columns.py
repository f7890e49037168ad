"""Column roles, the header synonym table, and finding the header in the cell stream.

Districts name the same column many ways (牵头单位, 责任单位, 牵头部门...). Rather
than one code path per layout, each header cell is mapped to a *role*, and rows
are rebuilt from what each role's cells look like (see `rows.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .text import Cell, compact


class Role(str, Enum):
    SEQ = "seq"  # 序号
    THEME = "theme"  # 项目名称: the group a task belongs to, a merged cell
    CONTENT = "content"  # 主要工作内容: the task and its target
    LEAD = "lead"  # 牵头单位: every department named leads
    RESPONSIBLE = "responsible"  # 责任单位: first named leads, the rest co-operate
    CO = "co"  # 配合单位
    LEADER = "leader"  # 牵头领导: people, not departments
    PROGRESS = "progress"  # 累计完成情况: prose
    COMPLETION = "completion"  # 完成进度: a bare percentage or "/"
    NOTE = "note"  # 备注
    OTHER = "other"  # a header we do not recognise; its cells are kept as notes

    @property
    def is_department(self) -> bool:
        return self in (Role.LEAD, Role.RESPONSIBLE, Role.CO)


# Header label (compacted: NFKC, no spaces) -> role. Extend here, not in code.
HEADER_SYNONYMS: dict[str, Role] = {
    **dict.fromkeys(["序号", "编号", "序", "No.", "NO."], Role.SEQ),
    **dict.fromkeys(
        ["项目名称", "项目", "类别", "项目类别", "工作类别", "板块", "工作板块", "领域", "专项", "分类", "重点领域", "任务类别"],
        Role.THEME,
    ),
    **dict.fromkeys(
        [
            "主要工作内容", "工作内容", "项目内容", "年度目标任务", "目标任务", "内容与要求", "主要目标任务",
            "任务内容", "工作任务", "主要任务", "重点任务", "具体内容", "任务名称", "具体任务", "工作目标",
            "年度目标", "目标要求", "任务", "主要内容", "目标任务内容", "工作要求", "重点工作",
        ],
        Role.CONTENT,
    ),
    **dict.fromkeys(["牵头单位", "牵头部门", "主责单位", "主责部门", "牵头责任单位"], Role.LEAD),
    **dict.fromkeys(
        ["责任单位", "责任部门", "承办单位", "实施单位", "责任主体", "落实单位", "负责单位"], Role.RESPONSIBLE
    ),
    **dict.fromkeys(["配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "协助单位"], Role.CO),
    **dict.fromkeys(["牵头领导", "分管领导", "责任领导", "联系领导", "区领导", "分管区领导", "牵头区领导"], Role.LEADER),
    **dict.fromkeys(
        [
            "累计完成情况", "完成情况", "进展情况", "当前进度", "工作进展", "推进情况", "进度情况", "执行情况",
            "落实情况", "目前进展", "进展", "完成情况说明", "工作推进情况", "累计进展情况", "目标执行情况",
            "进展及成效", "完成进展",
        ],
        Role.PROGRESS,
    ),
    **dict.fromkeys(["完成进度", "完成比例", "完成率", "进度", "完成百分比", "形象进度"], Role.COMPLETION),
    **dict.fromkeys(["备注", "说明"], Role.NOTE),
}

# A header cell is short; longer cells are never tried as labels.
_MAX_LABEL_LENGTH = 12
# Labels may be broken over up to this many paragraphs ("项目" / "名称").
_MAX_LABEL_PIECES = 3


@dataclass(frozen=True)
class Column:
    role: Role
    label: str  # as printed, pieces joined
    first_line: int
    last_line: int
    theme_read_as_content: bool = False  # the table has no content column; its 项目名称 is the task


@dataclass(frozen=True)
class Header:
    columns: tuple[Column, ...]
    start: int  # index of its first cell in the cell list
    end: int  # index just past its last cell

    @property
    def roles(self) -> tuple[Role, ...]:
        return tuple(column.role for column in self.columns)

    @property
    def first_line(self) -> int:
        return self.columns[0].first_line


def role_for_label(label: str) -> Role | None:
    key = compact(label).rstrip(":")
    return HEADER_SYNONYMS.get(key)


def _match_label(cells: list[Cell], index: int) -> tuple[Role, int] | None:
    """The role of the header label starting at `index` and how many cells it spans.

    The longest join wins, so "项目" / "名称" reads as 项目名称 (theme), not 项目 + junk.
    """
    for pieces in range(_MAX_LABEL_PIECES, 0, -1):
        chunk = cells[index : index + pieces]
        if len(chunk) < pieces or any(len(c.key) > _MAX_LABEL_LENGTH for c in chunk):
            continue
        role = role_for_label("".join(c.key for c in chunk))
        if role is not None:
            return role, pieces
    return None


def _is_unknown_label(cells: list[Cell], index: int) -> bool:
    """A short word between two recognised labels: a column we have no synonym for."""
    cell = cells[index]
    looks_like_label = len(cell.key) <= 8 and not any(ch.isdigit() for ch in cell.key)
    return looks_like_label and index + 1 < len(cells) and _match_label(cells, index + 1) is not None


def _is_header(roles: list[Role]) -> bool:
    """Enough recognised labels to be a table header and not a stray word in the page."""
    has_task = Role.CONTENT in roles or Role.THEME in roles
    has_outcome = Role.PROGRESS in roles or Role.COMPLETION in roles or any(r.is_department for r in roles)
    return len(roles) >= 3 and has_task and has_outcome and roles.count(Role.OTHER) <= len(roles) // 2


def header_at(cells: list[Cell], start: int) -> Header | None:
    """The header starting exactly at `start`, if the cells there read as one."""
    columns: list[Column] = []
    index = start
    while index < len(cells):
        match = _match_label(cells, index)
        if match is None and columns and _is_unknown_label(cells, index):
            match = (Role.OTHER, 1)  # an unknown column between known ones
        if match is None:
            break
        role, pieces = match
        if any(column.role is role and role not in (Role.CONTENT, Role.OTHER) for column in columns):
            break  # a second 序号 means the next header (or a row) has started
        chunk = cells[index : index + pieces]
        columns.append(Column(role, "".join(c.text for c in chunk), chunk[0].line, chunk[-1].line))
        index += pieces
    if not _is_header([c.role for c in columns]):
        return None
    roles = [c.role for c in columns]
    if Role.CONTENT not in roles:
        theme_index = roles.index(Role.THEME)
        theme = columns[theme_index]
        columns[theme_index] = Column(Role.CONTENT, theme.label, theme.first_line, theme.last_line, theme_read_as_content=True)
    return Header(tuple(columns), start, index)


def find_headers(cells: list[Cell], start: int = 0) -> list[Header]:
    """Every header in the stream from `start`, in order (a page prints its table twice)."""
    headers = []
    index = start
    while index < len(cells):
        header = header_at(cells, index)
        if header is None:
            index += 1
            continue
        headers.append(header)
        index = header.end
    return headers


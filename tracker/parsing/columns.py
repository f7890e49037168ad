"""Columns and headers: finding a table's header in the cell stream and mapping its labels to roles.

Districts name the same column many ways (牵头单位, 责任单位, 牵头部门...). Rather
than one code path per layout, each header cell is mapped to a *role* (the
vocabulary is data, in `labels.py`), and rows are rebuilt from what each role's
cells look like (see `rows.py`).

A header is found by its shape: a run of short label-like cells, most of them
labels we know, with a task column (内容, 项目) and an outcome column (进展, 单位,
完成进度). A label we do not know does not lose the table: between known labels,
or ending like a heading (…类型, …时限) just before the first row, it is a column
of its own, kept as notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import product

from .departments import looks_like_department
from .labels import (
    HEADER_SYNONYMS,
    MAX_LABEL_LENGTH,
    is_exact_label,
    is_named_label,
    is_known_side_label,
    label_key,
    looks_like_heading_word,
    looks_like_label,
    is_label_prefix,
    numeric_alternatives,
    role_for_label,
    signature_of_labels,
)
from .markers import is_marker_only, is_seq
from .roles import ROLE_NAMES, Role
from .text import Cell

__all__ = [
    "HEADER_SYNONYMS", "ROLE_NAMES", "Column", "Header", "Role", "find_headers", "forced_header", "header_at",
    "header_of_row", "role_for_label",
]

# Labels may be broken over up to this many paragraphs ("项目" / "名称", "市级牵头" / "责任单位").
_MAX_LABEL_PIECES = 3
# A role a header names once; a second one means the next header (or a row) has started.
_ONCE_ROLES = (Role.SEQ, Role.THEME, Role.LEAD, Role.RESPONSIBLE, Role.CO)
_OUTCOME_ROLES = (Role.PROGRESS, Role.COMPLETION, Role.ACTUAL, Role.LEADER, Role.LEAD, Role.RESPONSIBLE, Role.CO)
# Unknown labels in a row between known ones, and how long one may be.
_MAX_UNKNOWN_RUN = 2
_MAX_UNKNOWN_LENGTH = 10
# Readings of one header tried at most (numeric alternatives times two-row readings).
_MAX_READINGS = 8


@dataclass(frozen=True)
class Column:
    role: Role
    label: str  # as printed, pieces joined
    first_line: int
    last_line: int
    theme_read_as_content: bool = False  # the table has no content column; its 项目名称 is the task
    known: bool = True  # the label is in the vocabulary (an OTHER column may be known: 完成时限)
    alternatives: tuple[Role, ...] = ()  # other readings of a label whose cells may be prose or figures
    forced: bool = False  # the role was given by an admin


@dataclass(frozen=True)
class Header:
    columns: tuple[Column, ...]
    start: int  # index of its first cell in the cell list
    end: int  # index just past its last cell
    # Other column layouts the header may stand for (two-row headers flattened to text): tried on the rows.
    layouts: tuple[tuple[Column, ...], ...] = field(default=(), compare=False)

    @property
    def roles(self) -> tuple[Role, ...]:
        return tuple(column.role for column in self.columns)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label_key(column.label) for column in self.columns)

    @property
    def first_line(self) -> int:
        return self.columns[0].first_line

    @property
    def last_line(self) -> int:
        return max(column.last_line for column in self.columns)

    @property
    def signature(self) -> str:
        return signature_of_labels([column.label for column in self.columns])

    def readings(self) -> list[tuple[Column, ...]]:
        """Every column layout worth trying on the rows: each layout, each choice for ambiguous labels."""
        found: list[tuple[Column, ...]] = []
        # A two-row layout first: on a tie with the layout as printed, the sub-labels under a parent win.
        for layout in (*self.layouts, self.columns):
            choices = [
                (column,) if column.forced else (column, *(
                    replace(column, role=role) for role in column.alternatives if not _taken(layout, column, role)
                ))
                for column in layout
            ]
            for reading in product(*choices):
                reading = tuple(_theme_as_content(list(reading)))
                if _is_header(list(reading)) and reading not in found:
                    found.append(reading)
                if len(found) >= _MAX_READINGS:
                    return found
        return found or [self.columns]

    def with_columns(self, columns: tuple[Column, ...]) -> "Header":
        return Header(columns, self.start, self.end)


def _taken(layout: tuple[Column, ...], column: Column, role: Role) -> bool:
    """Another column already has the prose role an alternative would give (a second progress column)."""
    return role in (Role.PROGRESS, Role.CONTENT) and any(other is not column and other.role is role for other in layout)


def _match_label(cells: list[Cell], index: int) -> tuple[Role, int] | None:
    """The role of the known header label starting at `index` and how many cells it spans.

    The longest join wins, so "项目" / "名称" reads as 项目名称 (theme), not 项目 + junk;
    but two labels of different roles ("项目" / "进展情况") stay two columns.
    """
    for pieces in range(_MAX_LABEL_PIECES, 0, -1):
        chunk = cells[index : index + pieces]
        if len(chunk) < pieces or any(len(c.key) > MAX_LABEL_LENGTH + 4 for c in chunk):
            continue
        role = role_for_label("".join(c.key for c in chunk))
        if role is None or (role is Role.OTHER and not is_known_side_label("".join(c.key for c in chunk))):
            continue
        if pieces > 1:
            if any(is_seq(c.key) or is_marker_only(c.key) for c in chunk[1:]):
                continue  # "(一)" or "1" after a label starts the first row
            if all(is_exact_label(c.key) for c in chunk) and role is not role_for_label(chunk[0].key):
                continue  # "项目" / "进展情况": two columns, not one label broken in two
            if is_exact_label(chunk[0].key) and not is_named_label("".join(c.key for c in chunk)):
                continue  # "进度" / "完成目标" / "(%)": a label, then another one only a "%" names
        return role, pieces
    return None


def _is_header(columns: list[Column]) -> bool:
    """Enough recognised labels to be a table header and not a stray word in the page."""
    roles = [c.role for c in columns]
    known = [c for c in columns if c.known and c.role not in (Role.OTHER, Role.IGNORE)]
    has_task = Role.CONTENT in roles or Role.THEME in roles
    has_outcome = any(role in _OUTCOME_ROLES for role in roles)
    unknown = sum(1 for c in columns if not c.known)
    return len(columns) >= 3 and len(known) >= 2 and has_task and has_outcome and unknown <= len(columns) // 2


def _column(role: Role, chunk: list[Cell], *, known: bool = True) -> Column:
    label = "".join(c.text for c in chunk)
    return Column(role, label, chunk[0].line, chunk[-1].line, known=known, alternatives=numeric_alternatives(label) if known else ())


def _second_theme_is_task(columns: list[Column]) -> bool:
    """A second group label (项目名称 after 类别) names the task when no task column came before."""
    roles = [column.role for column in columns]
    return Role.THEME in roles and Role.CONTENT not in roles


def _may_be_unknown_label(key: str) -> bool:
    """A cell that may be a label we do not know: short, no figures, not a department's name."""
    return (
        len(key) <= _MAX_UNKNOWN_LENGTH and looks_like_label(key) and not any(ch.isdigit() for ch in key)
        and not looks_like_department(key)
    )


def _data_starts(cells: list[Cell], index: int) -> bool:
    """The cell at `index` begins a table row: a 序号, or anything that is not a label."""
    if index >= len(cells):
        return True
    key = cells[index].key
    return is_seq(key) or not looks_like_label(key)


def _theme_as_content(columns: list[Column]) -> list[Column]:
    roles = [c.role for c in columns]
    if Role.CONTENT in roles or Role.THEME not in roles:
        return columns
    index = roles.index(Role.THEME)
    columns = list(columns)
    columns[index] = replace(columns[index], role=Role.CONTENT, theme_read_as_content=True)
    return columns


def header_at(cells: list[Cell], start: int) -> Header | None:
    """The header of a flattened table starting exactly at `start`, if the cells there read as one."""
    columns: list[Column] = []
    index = start
    unknown_run = 0
    while index < len(cells):
        match = _match_label(cells, index)
        if match is not None:
            role, pieces = match
            if role is Role.THEME and _second_theme_is_task(columns):
                role = Role.CONTENT  # 类别 / 项目名称: the group, then the task
            if role in _ONCE_ROLES and any(column.role is role for column in columns):
                break  # a second 序号 means the next header (or a row) has started
            chunk = cells[index : index + pieces]
            columns.append(_column(role, chunk, known=role is not Role.OTHER or is_known_side_label("".join(c.key for c in chunk))))
            index += pieces
            unknown_run = 0
            continue
        key = cells[index].key
        if is_label_prefix(key) and index + 1 < len(cells) and _may_be_unknown_label(cells[index + 1].key) and columns:
            # "二季度" / "工作安排": a period over a label we do not know, one column
            columns.append(_column(Role.OTHER, cells[index : index + 2], known=False))
            index += 2
            unknown_run += 1
            continue
        unknown = _may_be_unknown_label(key) and unknown_run < _MAX_UNKNOWN_RUN
        if unknown and not columns:
            # A first column we do not know: only a heading word followed by known labels.
            unknown = looks_like_heading_word(key) and _match_label(cells, index + 1) is not None
        if not unknown:
            break
        columns.append(_column(Role.OTHER, [cells[index]], known=False))
        index += 1
        unknown_run += 1
    # Unknown labels at the end are columns only when they read as headings and a row starts after them.
    while columns and not columns[-1].known:
        if looks_like_heading_word(label_key(columns[-1].label)) and _data_starts(cells, index):
            break
        columns.pop()
        index -= 1
    if not columns or not _is_header(columns):
        return None
    layouts = _two_row_layouts(columns)
    columns = _theme_as_content(columns)
    return Header(tuple(columns), start, index, tuple(tuple(_theme_as_content(list(layout))) for layout in layouts))


def _two_row_layouts(columns: list[Column]) -> list[tuple[Column, ...]]:
    """A two-row header flattened to text prints the sub-labels after the whole first row.

    "序号 / 项目名称 / 本月进展情况 / 责任单位 / 前期手续 / 在建形象进度": the two last
    labels may be columns of their own, or the two halves of 本月进展情况. Both
    layouts are returned (the first as read); the rows decide.
    """
    trailing = 0
    for column in reversed(columns):
        if column.known and column.role is not Role.OTHER:
            break
        trailing += 1
    if trailing < 2:
        return []
    head, children = columns[: len(columns) - trailing], columns[len(columns) - trailing :]
    parents = [i for i, c in enumerate(head) if c.role in (Role.PROGRESS, Role.COMPLETION, Role.ACTUAL, Role.TARGET)]
    if not parents:
        return []
    parent_index = parents[-1]
    parent = head[parent_index]
    split = tuple(
        replace(child, role=parent.role, label=f"{parent.label}/{child.label}", known=True, alternatives=())
        for child in children
    )
    return [tuple(head[:parent_index]) + split + tuple(head[parent_index + 1 :])]


def header_of_row(cells: list[Cell]) -> Header | None:
    """The header a table row (pipe line, HTML/Excel/Word row) stands for: every filled cell is a column."""
    if len(cells) < 3:
        return None
    columns: list[Column] = []
    for cell in cells:
        role = role_for_label(cell.key)
        if role is Role.THEME and _second_theme_is_task(columns):
            role = Role.CONTENT
        if role is not None and (role is not Role.OTHER or is_known_side_label(cell.key)):
            if role in _ONCE_ROLES and any(column.role is role for column in columns):
                return None
            columns.append(_column(role, [cell], known=True))
        elif looks_like_label(cell.key) or (len(cell.key) <= MAX_LABEL_LENGTH + 8 and not any(ch in cell.key for ch in "。;")):
            columns.append(_column(Role.OTHER, [cell], known=False))
        else:
            return None
    if not _is_header(columns):
        return None
    return Header(tuple(_theme_as_content(columns)), 0, len(cells))


def forced_header(cells: list[Cell], roles: list[Role] | None, *, start: int = 0, whole: bool = False) -> Header:
    """The header an admin pointed at: the cells from `start` (all of them for a table row, `whole`).

    With `roles`, exactly that many cells are the labels and each column gets its role.
    Without, the labels are the label-like run from `start`, mapped as usual; columns
    whose label we do not know keep Role.OTHER (their cells are kept as notes).
    """
    if roles is not None:
        chunk = cells[start : start + len(roles)]
    elif whole:
        chunk = cells[start:]
    else:
        end = start + 1
        while end < len(cells) and looks_like_label(cells[end].key) and not is_seq(cells[end].key):
            end += 1
        chunk = cells[start:end]
    columns = []
    for position, cell in enumerate(chunk):
        if roles is not None:
            columns.append(Column(roles[position], cell.text, cell.line, cell.line, known=True, forced=True))
        else:
            role = role_for_label(cell.key)
            columns.append(_column(role or Role.OTHER, [cell], known=role is not None))
    if roles is None:
        columns = _theme_as_content(columns)
    return Header(tuple(columns), start, start + len(chunk))


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

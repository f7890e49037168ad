"""What each column's cells look like: scores for "these cells are this column".

The row rebuilder (`rows.py`) tries every way of cutting the cell stream into
columns and keeps the one these scores like best. Scores are log-odds-like
numbers set by hand: positive means typical, around 0 plausible, strongly
negative means "only if nothing else fits". No library does this for Chinese
government tables, hence our own small scorer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .roles import Role
from .departments import _split_department_names, is_branch_name, looks_like_department, read_departments, split_department_names
from .markers import is_dotted, is_marker_only, is_seq, is_sub_seq, split_marker
from .text import Cell, compact

IMPOSSIBLE = float("-inf")

_SENTENCE_END_RE = re.compile(r"[。;!?]")
_PERCENT_RE = re.compile(r"[<>≥≤约]?\s*\d+(?:\.\d+)?\s*%")
_EMPTY_MARK_RE = re.compile(r"[/\\\-—–无]+|N/?A", re.IGNORECASE)
_PERSON_RE = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_FIGURE_RE = re.compile(
    r"(?:[<>≥≤=约达超]|不低于|不少于|不高于|不超过|增长|下降|提高|降低|新增)?\s*[-+]?\d[\d,]*(?:\.\d+)?\s*"
    r"(?:%|‰|个百分点|[\u4e00-\u9fffA-Za-z/²³]{0,6})(?:以上|以内|以下|左右)?"
)
# A whole cell that is a status: "已完成", "序时推进", "滞后".
_STATUS_WORD_RE = re.compile(
    r"(?:已|未|尚未)?(?:完成|开工|竣工|启动)|(?:正常|有序|按序时|序时|按计划|超序时|加快)?推进(?:中)?|滞后|超序时|"
    r"达序时|未达序时|进行中|实施中|已达标|未达标|超额完成|基本完成|正常|良好"
)
# Words that say how a task stands; a group label does not.
_STATUS_PHRASE_RE = re.compile(
    r"^(?:已|未|尚未|正在|超额|序时|按序时|按计划|滞后|提前|控制在|基本)|"
    r"(?:完成|推进|推进中|进行中|实施中|滞后|达标|开工|竣工|封顶|投用|达到)$|已"
)
# "张三副市长牵头重点工作", "李四区长牵头", "由王五同志负责": a group led by someone.
_LEADER_GROUP_RE = re.compile(r"(?:市长|区长|县长|镇长|乡长|书记|主任|同志)(?:牵头|负责|分管|领衔|联系)")


@lru_cache(maxsize=4096)
def _prose_penalty(key: str) -> float:
    """How unlike prose one paragraph is: 0 for ordinary text, more for labels and names."""
    if is_seq(key) or is_marker_only(key):
        return IMPOSSIBLE
    penalty = 0.0
    names = _split_department_names(key)
    if names and len(key) <= 60 and all(looks_like_department(n) for n in names):
        penalty -= 5.0
    if split_marker(key)[0] is not None:
        penalty -= 4.0  # "(三)强化平台项目支撑" is a group label, not prose
    return penalty


def _text_score(cells: list[Cell]) -> float:
    """Free prose (content, progress): anything but numbers, group markers and department lists."""
    first = _prose_penalty(cells[0].key)
    if first == IMPOSSIBLE:
        return -8.0 if len(cells) == 1 else IMPOSSIBLE
    score = first
    for cell in cells[1:]:
        penalty = _prose_penalty(cell.key)
        if penalty == IMPOSSIBLE:
            return IMPOSSIBLE
        score += penalty - 2.5  # a second paragraph in one cell is possible but unusual
    return score


def _theme_score(cells: list[Cell]) -> float:
    if len(cells) > 1 and not is_marker_only(cells[0].key):
        return IMPOSSIBLE  # a label is one paragraph, or a marker then the label
    joined = "".join(c.key for c in cells)
    number, name = split_marker(joined)
    if not name:
        return -2.0 if number else IMPOSSIBLE
    if is_seq(name):
        return IMPOSSIBLE
    score = 4.0 if number else 0.5
    if _SENTENCE_END_RE.search(name) or len(name) > 30:
        score -= 7.0
    if _STATUS_PHRASE_RE.search(name):
        score -= 3.0  # "超额完成", "序时推进": a 备注 or progress word, not a group
    names = split_department_names(name)
    if all(looks_like_department(n) for n in names):
        score -= 4.0
    return score


def _department_score(cells: list[Cell]) -> float:
    return _department_score_of_paragraphs(tuple(cell.key for cell in cells))


@lru_cache(maxsize=4096)
def _department_score_of_paragraphs(paragraphs: tuple[str, ...]) -> float:
    if any(is_seq(p) or _SENTENCE_END_RE.search(p) or split_marker(p)[0] is not None for p in paragraphs):
        return IMPOSSIBLE
    reading = read_departments(paragraphs)
    if not reading.names:
        return IMPOSSIBLE
    guessed_joins = [pieces for pieces, _ in reading.joined_fragments if not is_branch_name(pieces[-1])]
    score = -0.5 * (len(paragraphs) - 1) - 0.75 * len(guessed_joins)
    if is_branch_name(paragraphs[0]):
        score -= 2.5  # "清溪分局" alone: the branch of the bureau named in the cell above, split off
    for name in reading.names:
        if looks_like_department(name):
            score += 2.0
        elif len(name) <= 8 and not any(ch.isdigit() for ch in name):
            score -= 1.5  # "拱投发": a short name without a usual ending, possible
        else:
            score -= 8.0
    return score


def _leader_score(cells: list[Cell]) -> float:
    names = [n for c in cells for n in split_department_names(c.key)]
    if names and all(_PERSON_RE.fullmatch(n) for n in names):
        return 2.0 - 0.5 * (len(cells) - 1)
    return -6.0


def _completion_score(cells: list[Cell]) -> float:
    if len(cells) > 1:
        return IMPOSSIBLE
    key = compact(cells[0].key)
    if _PERCENT_RE.fullmatch(key) or _EMPTY_MARK_RE.fullmatch(key) or _STATUS_WORD_RE.fullmatch(key):
        return 2.0
    if is_figure(key):
        return 1.5  # "109.2" under 完成目标(%)
    return -1.0 if len(key) <= 10 else -6.0


def _note_score(cells: list[Cell]) -> float:
    # A small number is a fine note ("5" 分), but rather not the next row's 序号.
    seq_like = -2.5 if any(is_seq(c.key) for c in cells) else 0.0
    return seq_like - 1.5 * (len(cells) - 1)


def _other_score(cells: list[Cell]) -> float:
    """A column we have no label for: anything fits, but less readily than a column we know."""
    return _note_score(cells) - 1.0


def _seq_score(cells: list[Cell]) -> float:
    if len(cells) != 1:
        return IMPOSSIBLE
    if is_seq(cells[0].key):
        return 3.0
    if not is_sub_seq(cells[0].key):
        return IMPOSSIBLE
    return 0.5 if is_dotted(cells[0].key) else 2.5  # "1-1", "(1)": a row numbered under its group; "1.1" may be a figure


def _figure_score(cells: list[Cell]) -> float:
    """A target or actual column: a figure ("3000", "101.1%", "468亿元"), or a mark for none."""
    if len(cells) > 1:
        return IMPOSSIBLE
    key = compact(cells[0].key)
    if is_figure(key) or _EMPTY_MARK_RE.fullmatch(key):
        return 2.0
    return -1.0 if len(key) <= 12 else -6.0


def _ignored_score(cells: list[Cell]) -> float:
    return -1.5 * (len(cells) - 1)


@lru_cache(maxsize=4096)
def is_figure(key: str) -> bool:
    """A cell that is one figure: a number with at most a short unit or comparator ("≥80%", "468亿元", "6%左右")."""
    return bool(_FIGURE_RE.fullmatch(key))


def group_row_score(key: str) -> float:
    """A paragraph that is a group label spanning the table ("(一)张三副市长牵头重点工作", "二、民生保障").

    IMPOSSIBLE unless it carries a group marker or names a leader's group; such a
    label between two rows sets the theme of the rows below it.
    """
    number, name = split_marker(key)
    if not name or len(name) > 40 or _SENTENCE_END_RE.search(name) or is_seq(name):
        return IMPOSSIBLE
    if number is not None:
        return 1.0
    if _LEADER_GROUP_RE.search(name):
        return 0.5
    return IMPOSSIBLE


# Per role: (fewest cells, most cells, score when the column is empty in a row).
# Empty scores: a merged theme cell is normal; a row without progress is a doubt.
ROLE_SHAPES: dict[Role, tuple[int, int, float]] = {
    Role.SEQ: (0, 1, -6.0),
    Role.THEME: (0, 2, 0.0),
    Role.CONTENT: (1, 4, IMPOSSIBLE),
    Role.LEAD: (0, 4, -4.0),
    Role.RESPONSIBLE: (0, 4, -4.0),
    Role.CO: (0, 4, -0.5),
    Role.LEADER: (0, 3, -0.5),
    Role.PROGRESS: (0, 6, -3.0),
    Role.COMPLETION: (0, 1, -0.5),
    Role.NOTE: (0, 2, 0.0),
    Role.OTHER: (0, 2, 0.0),
    Role.TARGET: (0, 1, -0.5),
    Role.ACTUAL: (0, 1, -0.5),
    Role.IGNORE: (0, 3, 0.0),
}

_SCORERS = {
    Role.SEQ: _seq_score,
    Role.THEME: _theme_score,
    Role.CONTENT: _text_score,
    Role.LEAD: _department_score,
    Role.RESPONSIBLE: _department_score,
    Role.CO: _department_score,
    Role.LEADER: _leader_score,
    Role.PROGRESS: _text_score,
    Role.COMPLETION: _completion_score,
    Role.NOTE: _note_score,
    Role.OTHER: _other_score,
    Role.TARGET: _figure_score,
    Role.ACTUAL: _figure_score,
    Role.IGNORE: _ignored_score,
}


def score_cells(role: Role, cells: list[Cell]) -> float:
    """How well these consecutive cells fit as one cell of a column with this role."""
    if not cells:
        return ROLE_SHAPES[role][2]
    return _SCORERS[role](cells)

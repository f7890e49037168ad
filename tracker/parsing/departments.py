"""Department names in a cell: split on 、 and commas (never inside brackets), told from prose,
and names broken over two paragraphs joined again ("生态环境" / "拱墅分局")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .text import compact

_SENTENCE_END_RE = re.compile(r"[。;!?]")

# Department name endings. A name that ends so is a department; "区综合行政" is not
# (yet): it is the first half of a name broken over two paragraphs.
_DEPARTMENT_SUFFIX_RE = re.compile(
    r"(局|办|委|会|院|队|部|处|室|所|站|中心|公司|集团|街道|镇|乡|社区|指挥部|政府|银行|联|馆|厅|园|"
    r"单位|主体|专班|小组|平台|团|组|台|社|校|司|署|关|厂|分局|大队|支队|中队|管委会)$"
)
# Collective names: 各街道, 相关街道, 各建设指挥部, 各项目单位.
_DEPARTMENT_COLLECTIVE_RE = re.compile(r"^(各|相关|有关|其他)")
_DEPARTMENT_SEPARATORS = "、,;/"
# A department name is a noun phrase: one that starts with a verb ("打造…馆", "办好…会")
# or holds one of these words is a task or a progress note that happens to end like a name.
_NOT_DEPARTMENT_RE = re.compile(
    r"^(推进|加快|开展|实施|建设|建成|打造|完成|开放|创建|举办|办好|培育|争创|新增|新建|改造|提升|启动|落实|深化|"
    r"加强|完善|探索|持续|全面|积极|做好|召开|组织|引进|已|正在|计划|累计|共|按|对|在|与|将|为|由|通过|确保|力争|"
    r"保障|推动|推出|促进|支持|鼓励|围绕|坚持|聚焦|强化|优化|规范|严格|扎实|抓好|构建|形成|发挥|服务|协调)"
    r"|停办|暂停|取消|完成|推进|进行|正在|已经|目前|情况|工作$"
)
# "区委统战部(区民宗局)": the bracket holds another name of the same body.
_TRAILING_BRACKET_RE = re.compile(r"\([^()]*\)$")
# Words that are only the tail of a name: a paragraph holding just one continues
# the name above it ("区数产园" / "管委会"), even when that one could end a name.
_GENERIC_TAIL_RE = re.compile(r"(管委会|管理委员会|委员会|执法局|执法大队|大队|支队|中队|分局|办公室|指挥部|服务中心|中心|集团|有限公司|公司)")


# A place's branch of the bureau named above it: "市生态环境局" / "清溪分局".
_BRANCH_RE = re.compile(r"[\u4e00-\u9fff]{2,4}分局")
_SEPARATOR_RE = re.compile(r"[、,;/]")
_WHITESPACE_RE = re.compile(r"\s+")


def _spaces_between_names(text: str) -> str:
    """"区城管局 区环卫中心" names two departments: a space between two whole names separates them
    (made a "、"); a space inside one name ("区综合行政 执法局") is a stray space, dropped later."""
    if " " not in text and "\u3000" not in text and "\t" not in text:
        return text
    parts = _WHITESPACE_RE.split(text.strip())
    if len(parts) < 2:
        return text
    merged = [parts[0]]
    for part in parts[1:]:
        if looks_like_department(compact(merged[-1]).rstrip("、,;/")) and looks_like_department(compact(part)):
            merged.append(part)
        else:
            merged[-1] += part
    return "、".join(merged)


def split_department_names(text: str) -> list[str]:
    """Split a department cell on 、 , ; / but never inside brackets: "区委统战部(区民宗局)" stays whole."""
    return list(_split_department_names(text))


@lru_cache(maxsize=4096)  # the row search asks about the same cells many times
def _split_department_names(text: str) -> tuple[str, ...]:
    text = _spaces_between_names(text)
    text = compact(text)
    if "(" not in text and "[" not in text:
        return tuple(name for name in _SEPARATOR_RE.split(text) if name)
    names, current, depth = [], [], 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char in _DEPARTMENT_SEPARATORS and depth == 0:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return tuple(name for name in names if name)


@lru_cache(maxsize=4096)
def looks_like_department(name: str) -> bool:
    if not 2 <= len(name) <= 30 or _SENTENCE_END_RE.search(name) or any(ch.isdigit() for ch in name):
        return False
    if _NOT_DEPARTMENT_RE.search(name) or any(mark in name for mark in "《》%:"):
        return False
    if any(mark in name for mark in "“”\"") and not (name[0] in "区市省县" and len(name) <= 12):
        return False  # quotes belong to prose, except in a few names like 区“三改一拆”办
    name = _TRAILING_BRACKET_RE.sub("", name)
    return bool(_DEPARTMENT_SUFFIX_RE.search(name) or _DEPARTMENT_COLLECTIVE_RE.match(name))


@dataclass(frozen=True)
class DepartmentReading:
    names: list[str]
    joined_fragments: list[tuple[list[str], str]]  # (pieces as printed, joined name)


def read_departments(paragraphs: Sequence[str]) -> DepartmentReading:
    """Rebuild department names from a cell's paragraphs (normalised text).

    A paragraph that does not end like a department name ("区综合行政", "生态环境")
    is the first part of a name broken over lines, and is joined to the next one.
    A paragraph that does ("区财政局") ends its name, unless the next paragraph is
    only a name's tail ("管委会").
    """
    names: list[str] = []
    joined: list[tuple[list[str], str]] = []
    pending: list[str] = []  # pieces of a name broken across paragraphs
    closed_by_separator = True  # the previous paragraph ended with 、 or a comma
    last_index = len(paragraphs) - 1
    for index, paragraph in enumerate(paragraphs):
        pieces = list(_split_department_names(paragraph))
        if not pieces:
            continue
        ends_with_separator = paragraph.rstrip()[-1:] in _DEPARTMENT_SEPARATORS
        if not pending and names and not closed_by_separator and (
            _GENERIC_TAIL_RE.fullmatch(pieces[0]) or (_BRANCH_RE.fullmatch(pieces[0]) and names[-1].endswith("局"))
            # "县住房和城乡" / "建设局": a line that is no name alone but completes the one above into a name
            or (not looks_like_department(pieces[0]) and looks_like_department(names[-1] + pieces[0]))
        ):
            pending = [names.pop()]
        if pending:
            joined.append((pending + [pieces[0]], "".join(pending) + pieces[0]))
            pieces[0] = joined[-1][1]
            pending = []
        if not ends_with_separator and index < last_index and not looks_like_department(pieces[-1]):
            pending = [pieces.pop()]
        names.extend(pieces)
        closed_by_separator = ends_with_separator
    if pending:
        names.append("".join(pending))
    return DepartmentReading(names, joined)


# Collective names: they co-operate, never lead ("各有关单位", "各街道", "县各有关单位", "市直相关部门").
_COLLECTIVE_RE = re.compile(r"^(?:[省市区县镇乡]|[市区县]直|[市区县]级)?(?:各|相关|有关|其他|其它)")
# Prose, status words and figures in a department column: "已完成", "正常推进", "3034", "完成率98%".
_NOT_A_NAME_RE = re.compile(r"[。;!?%:]|\d|^(?:已|未|正在|完成|推进|暂无|无)|(?:完成|推进中|进行中|实施中|已开工|已竣工)$")
_MAX_NAME = 30


def is_branch_name(text: str) -> bool:
    """"清溪分局": a place's branch, whose bureau is named before it."""
    return bool(_BRANCH_RE.fullmatch(compact(text)))


def is_collective(name: str) -> bool:
    """各街道, 相关单位, 县各有关单位: named together, they co-operate."""
    return bool(_COLLECTIVE_RE.match(name))


def is_not_a_department(name: str) -> bool:
    """Text in a department column that is surely not a department's name (progress, a figure, a status)."""
    if looks_like_department(name):
        return False
    if _DEPARTMENT_SUFFIX_RE.search(name) and len(name) <= 20 and not _SENTENCE_END_RE.search(name) and "%" not in name \
            and not _NOT_DEPARTMENT_RE.search(name):
        return False  # "市120急救指挥中心", "12345热线办": a name with figures in it
    return len(name) > _MAX_NAME or bool(_NOT_A_NAME_RE.search(name)) or bool(_NOT_DEPARTMENT_RE.search(name))

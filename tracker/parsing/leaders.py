"""People in a table: leader cells ("王五 赵六", "王五、赵六") and group labels naming a leader
("(一)张三副市长牵头重点工作", "一、李四区长牵头工作")."""

from __future__ import annotations

import re

_SEPARATORS_RE = re.compile(r"[、,，;；/]+")
# "张三副市长牵头…", "李四、王五副区长牵头…", "由赵六同志负责…": the names before the title.
_GROUP_LEADER_RE = re.compile(
    r"^(?:由)?(?P<names>[\u4e00-\u9fff·]{2,4}?(?:[、,，和及][\u4e00-\u9fff·]{2,4}?)*?)"
    r"(?:同志)?(?:常务)?(?:副)?(?:省长|市长|区长|县长|镇长|乡长|书记|主任|秘书长|同志)"
    r"(?:牵头|负责|分管|领衔|联系|主抓)"
)
# Job titles after a name in a leader cell ("张三副区长"): the person is 张三.
_TITLE_RE = re.compile(r"(?:同志|(?:常务)?副?(?:省长|市长|区长|县长|镇长|乡长|书记|主任|秘书长))$")


def split_leader_names(text: str) -> list[str]:
    """"王五 赵六", "王五、赵六" -> ["王五", "赵六"]; a name keeps its title only if it is nothing but one."""
    names = []
    for part in _SEPARATORS_RE.split(text.strip()):
        pieces = part.split()
        if not pieces:
            continue
        # "王五 赵六" is two people; "王  五" is one two-character name spaced to the width of three.
        people = pieces if all(len(piece) >= 2 for piece in pieces) else ["".join(pieces)]
        for person in people:
            bare = _TITLE_RE.sub("", person)
            names.append(bare if len(bare) >= 2 else person)
    return names


# "经济发展(牵头领导:张三)", "(一)副区长张三牵头": the title before the names.
_TITLED_LEADER_RE = re.compile(
    r"^(?:(?:牵头|分管|责任|联系)(?:[省市区县镇乡])?领导\s*[:：]\s*|(?:常务)?副?(?:省长|市长|区长|县长|镇长|乡长)\s*)"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}?(?:[、,，和及][\u4e00-\u9fff·]{2,4}?)*?)(?:同志)?(?:牵头|负责|分管|领衔|联系|主抓)?(?:的)?$"
)


def _names(text: str) -> list[str]:
    return [name for name in re.split(r"[、,，和及]", text) if name]


def split_group_label(label: str) -> tuple[str, list[str]]:
    """(theme, leaders) of a group label: "张三副市长牵头重点工作" -> ("重点工作", ["张三"]);
    "城乡建设(刘芳副县长牵头)" -> ("城乡建设", ["刘芳"]); a label naming nobody is its own theme."""
    compact_label = label.replace(" ", "").replace("\u3000", "")
    for bracketed in re.finditer(r"[(（]([^()（）]*)[)）]", compact_label):
        inner = _GROUP_LEADER_RE.match(bracketed.group(1)) or _TITLED_LEADER_RE.match(bracketed.group(1))
        if inner:
            theme = (compact_label[: bracketed.start()] + compact_label[bracketed.end() :]).strip()
            return theme or compact_label, _names(inner.group("names"))
    match = _GROUP_LEADER_RE.match(compact_label)
    if not match:
        return label, []
    rest = compact_label[match.end() :].lstrip("的")
    return rest or label, _names(match.group("names"))


def group_leaders(label: str) -> list[str]:
    """The leaders a group label names ("张三副市长牵头重点工作" -> ["张三"]), or []."""
    return split_group_label(label)[1]

"""Header labels: the vocabulary that maps what a table calls a column to its role, as data.

Governments name the same column many ways: 牵头单位, 牵头责任单位, 市级牵头责任单位,
业主单位; 完成情况, 截至6月底完成情况, 1-8月实际完成情况, 本月进展情况. A label is
normalised before it is looked up, so the table below lists each word once:

- width folded and spaces removed ("重 点 工 作 任 务" is 重点工作任务);
- a parenthetical suffix dropped ("重点工作任务(配合工作2项)"), except that "(%)" or a
  "%" says the column holds rates, and "(配合单位)" after a lead label says the cell
  names the co-operating departments too;
- a leading year, period or level dropped ("2022年预期目标", "截至6月底完成情况",
  "1-8月实际完成情况", "本月进展情况", "市级牵头责任单位").

Some labels name a column whose cells may be prose or figures (目标任务 "新增停车泊位
3500个" or "3000"; 实际完成 "已完成3034户" or "3034"): `NUMERIC_ALTERNATIVES` gives
the other reading, and the reader picks the one the cells fit (see `reader.py`).

Extend the tables here, not the code.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from .markers import is_seq, split_marker
from .roles import Role
from .text import compact

# Label (normalised: NFKC, no spaces, no parenthetical, no year/period/level prefix) -> role.
HEADER_SYNONYMS: dict[str, Role] = {
    **dict.fromkeys(["序号", "编号", "序", "No.", "NO.", "排序", "任务序号", "项目序号", "序列号"], Role.SEQ),
    **dict.fromkeys(
        [
            "项目名称", "项目", "类别", "项目类别", "工作类别", "板块", "工作板块", "领域", "专项", "分类", "重点领域",
            "任务类别", "工程名称", "大类", "方面", "工作领域", "所属领域", "工作方面", "篇章", "指标类别", "类型类别",
            "项目分类", "任务分类", "重点工作类别", "工作分类", "专项名称", "行动名称",
        ],
        Role.THEME,
    ),
    **dict.fromkeys(
        [
            "主要工作内容", "工作内容", "项目内容", "年度目标任务", "目标任务", "内容与要求", "主要目标任务",
            "任务内容", "工作任务", "主要任务", "重点任务", "具体内容", "任务名称", "具体任务", "工作目标",
            "年度目标", "目标要求", "任务", "主要内容", "目标任务内容", "工作要求", "重点工作",
            "重点工作任务", "目标与任务", "内容及要求", "指标要求", "承担的重点工作", "预期目标", "重点工作内容",
            "主要目标", "目标任务及要求", "工作目标任务", "任务及目标", "目标及任务", "具体工作任务", "工作事项",
            "事项", "重点事项", "建设内容", "建设内容及规模", "建设规模及内容", "主要建设内容", "指标名称", "指标",
            "主要指标", "目标内容", "工作内容及目标", "分解任务", "任务分解", "具体措施", "工作措施", "主要措施",
            "年度工作目标", "年度任务", "全年目标任务", "攻坚目标任务", "承担的重点工作任务", "主要工作任务",
            "重点任务内容", "目标", "全年目标", "主要工作", "工作举措", "重点工作事项", "任务目标", "主要目标任务及措施",
            "目标任务分解", "具体工作内容", "工作任务及目标", "民生实事项目", "实事项目", "项目及内容", "内容",
            "目标任务及工作内容", "主要预期目标", "预期目标任务", "重点项目", "项目建设内容", "目标值及内容",
        ],
        Role.CONTENT,
    ),
    **dict.fromkeys(
        [
            "牵头单位", "牵头部门", "主责单位", "主责部门", "牵头责任单位", "主办单位", "牵头责任部门",
            "第一责任单位", "牵头处室", "牵头科室", "主办部门", "牵头",
            "牵头实施单位", "牵头落实单位", "主体责任单位",
        ],
        Role.LEAD,
    ),
    **dict.fromkeys(
        [
            "责任单位", "责任部门", "承办单位", "实施单位", "责任主体", "落实单位", "负责单位", "责任科室", "责任处室",
            "承担单位", "牵头单位及责任单位", "牵头及责任单位", "牵头及配合单位", "牵头单位和配合单位",
            "责任单位及配合单位", "牵头单位/配合单位", "牵头单位/责任单位", "牵头/配合单位", "实施主体",
            "责任单位(部门)", "责任部门(单位)", "主办及协办单位", "牵头单位、配合单位", "牵头单位,配合单位",
        ],
        Role.RESPONSIBLE,
    ),
    **dict.fromkeys(
        [
            "配合单位", "配合部门", "协办单位", "协同单位", "参与单位", "协助单位", "主要参与单位", "协作单位",
            "配合责任单位", "协办部门", "参与部门", "协同部门", "配合", "责任配合单位", "参与", "协办",
            "业主单位", "建设单位", "项目业主", "项目单位", "实施主体单位",
        ],
        Role.CO,
    ),
    **dict.fromkeys(
        ["牵头领导", "分管领导", "责任领导", "联系领导", "区领导", "分管区领导", "牵头区领导", "领导", "包保领导",
         "挂钩领导", "包抓领导", "主抓领导", "督办领导", "领衔领导", "分管负责同志", "牵头负责同志", "责任领导及单位"],
        Role.LEADER,
    ),
    **dict.fromkeys(
        [
            "累计完成情况", "完成情况", "进展情况", "当前进度", "工作进展", "推进情况", "进度情况", "执行情况",
            "落实情况", "目前进展", "进展", "完成情况说明", "工作推进情况", "累计进展情况", "目标执行情况",
            "进展及成效", "完成进展", "工作进展情况", "实际完成情况", "进度", "进展情况说明", "完成情况及进度",
            "推进情况及成效", "工作完成情况", "目标完成情况", "任务完成情况", "工作推进", "实施进度", "工作进度",
            "当前工作进展", "进展成效", "工作成效", "完成情况及成效", "进展及完成情况", "推进落实情况", "工作落实情况",
            "项目进展情况", "建设进展", "建设进度", "项目进展", "工程进展", "进展情况及成效", "任务进展情况",
            "完成情况和进展", "工作开展情况", "开展情况", "实施情况", "贯彻落实情况", "目标任务完成情况",
            "进展完成情况", "完成进度情况", "工作进展及成效", "推进情况及下步打算", "进度完成情况", "项目推进情况",
            "当前进展", "最新进展", "进展及下步打算", "完成情况及下步打算", "进展说明", "进展情况说明及成效",
        ],
        Role.PROGRESS,
    ),
    **dict.fromkeys(
        ["完成进度", "完成比例", "完成率", "完成百分比", "形象进度", "实际完成率", "完成状态", "是否完成", "状态",
         "进展状态", "推进状态", "完成程度", "目标完成率", "任务完成率", "完成度", "进度比例", "完成进度比例",
         "执行进度", "完成占比", "占年度目标比例", "占年度计划比例", "完成年度目标比例", "完成年度计划比例"],
        Role.COMPLETION,
    ),
    **dict.fromkeys(
        ["目标值", "年度目标值", "计划数", "计划值", "年度计划数", "全年目标值", "目标数", "预期目标值", "年计划",
         "计划投资", "年度计划投资", "年度计划", "计划完成", "全年计划", "目标数值", "指标值", "年度指标",
         "计划任务", "计划目标"],
        Role.TARGET,
    ),
    **dict.fromkeys(
        ["实际完成", "完成值", "完成数", "实际完成值", "实际完成数", "累计完成", "完成额", "完成投资", "实际值", "累计完成值",
         "完成", "实绩", "累计完成数", "累计完成投资", "实际完成投资", "完成数值", "实际完成额", "完成量"],
        Role.ACTUAL,
    ),
    **dict.fromkeys(["备注", "说明", "备注说明"], Role.NOTE),
}

# Columns we know and keep as notes ("完成时限: 12月底"), so no "unknown column" warning is given for them.
SIDE_LABELS = frozenset(
    [
        "完成时限", "时间节点", "完成时间", "时限要求", "时限", "计划完成时间", "责任人", "联系人", "联系电话",
        "存在问题", "存在的问题", "问题及建议", "下一步计划", "下步计划", "下一步工作计划", "下步打算", "下一步打算",
        "目标类型", "类型", "任务类型", "指标类型", "指标属性", "属性", "单位", "计量单位", "分值", "权重",
        "总投资", "计划总投资", "建设性质", "建设年限", "建设起止年限", "起止年限", "建设地点", "所在地",
        "进度安排", "时序进度", "序时进度", "工作计划", "季度目标", "季度计划", "责任科室负责人", "督查意见",
        "评价", "考核评价", "存在困难", "困难问题", "完成标准", "工作标准", "验收标准", "备注栏",
    ]
)

# Labels whose column may hold prose or figures: the other readings of the label (the cells decide).
NUMERIC_ALTERNATIVES: dict[str, tuple[Role, ...]] = {
    **dict.fromkeys(
        ["目标任务", "年度目标", "预期目标", "目标", "年度目标任务", "全年目标", "全年目标任务", "主要目标",
         "工作目标", "指标要求", "预期目标任务", "主要预期目标", "攻坚目标任务", "任务目标"],
        (Role.TARGET,),
    ),
    **dict.fromkeys(["年度计划", "计划完成", "全年计划", "计划任务", "计划目标"], (Role.CONTENT,)),
    **dict.fromkeys(["实际完成", "累计完成", "完成", "完成值", "完成数", "实际完成数", "累计完成数"], (Role.PROGRESS,)),
    **dict.fromkeys(["进度", "当前进度", "工作进度"], (Role.ACTUAL, Role.COMPLETION)),
    **dict.fromkeys(["完成进度", "形象进度", "完成状态", "状态"], (Role.PROGRESS,)),
}

# People: 分管县领导, 牵头副区长, 市领导, 责任县长, 分管负责同志.
_LEADER_LABEL_RE = re.compile(
    r"^(?:分管|牵头|责任|联系|包保|挂钩|包抓|主抓|督办|领衔)?(?:省|市|区|县|镇|乡|街道)?级?(?:政府)?"
    r"(?:领导|负责同志|常务副(?:省|市|区|县|镇|乡)长|副?(?:省|市|区|县|镇|乡)长)$"
)
# Leading words that only say which period, year or level the column is about.
_PREFIX_RE = re.compile(
    r"^(?:20\d{2}年度?|截[至止](?:20\d{2}年)?\d{1,2}月(?:份|底|末)?(?:\d{1,2}日)?(?:前)?|截[至止]目前|截[至止]|"
    r"\d{1,2}[-—–~至到]\d{1,2}月(?:份|底|末)?|\d{1,2}月(?:份|底|末)?|第?[一二三四1-4]季度(?:末)?|前三季度|"
    r"[上下]半年|全年|本月|本季度?|本年度?|当月|当前|目前|今年|年度|月度|季度|(?:省|市|区|县|镇|乡)级)"
)
_BRACKET_RE = re.compile(r"[(\[【〔<]([^()\[\]【】〔〕<>]*)[)\]】〕>]")
_MARKS_RE = re.compile(r"[*※★:]")
_PERCENT_WORDS_RE = re.compile(r"%|百分比|百分率")
# A label that says its column holds rates: "完成目标(%)", "实际完成率%", "完成比例(百分比)".
_PERCENT_END_RE = re.compile(r"(?:%|百分比|百分率)[)\]】〕]?$")
_CO_IN_BRACKET_RE = re.compile(r"配合|协办|协助|参与|责任单位")
# Words a column heading ends with; a short cell ending so is a label even when it is not in the tables above.
_HEADING_NOUN_RE = re.compile(
    r"(类型|类别|时限|时间|节点|分值|权重|名称|内容|情况|单位|部门|领导|目标|任务|进度|措施|要求|指标|备注|说明|负责人|"
    r"责任人|联系人|电话|依据|来源|级别|属性|性质|金额|投资|规模|期限|成效|问题|计划|安排|方式|标准|结果|数量|评价|得分|"
    r"状态|序号|进展|事项|举措|打算|比例|完成率|完成值|目标值|手续|阶段|年限|地点|科室|处室)$"
)
_SENTENCE_RE = re.compile(r"[。;!?]")
_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"\d+")

# A header cell is short; longer cells are never tried as labels.
MAX_LABEL_LENGTH = 16


def label_key(label: str) -> str:
    """The label as matched: NFKC, no spaces, no trailing colon or marks."""
    return _MARKS_RE.sub("", compact(label))


@lru_cache(maxsize=4096)
def _forms(key: str) -> tuple[str, str, str, bool, str]:
    """(key, without brackets, without brackets and prefixes, says %, bracket texts)."""
    brackets = "".join(_BRACKET_RE.findall(key))
    percent = bool(_PERCENT_END_RE.search(key))
    base = _BRACKET_RE.sub("", key)
    base = _PERCENT_WORDS_RE.sub("", base).strip("/、,")
    stripped = base
    while (match := _PREFIX_RE.match(stripped)) and match.end() < len(stripped):
        stripped = stripped[match.end() :]
    return key, base, stripped, percent, brackets


@lru_cache(maxsize=4096)
def _lookup(key: str) -> tuple[Role | None, str]:
    """(role, the form that matched) of a normalised label."""
    whole, base, stripped, percent, brackets = _forms(key)
    role, matched = None, ""
    for form in dict.fromkeys((whole, base, stripped)):
        if form in HEADER_SYNONYMS:
            role, matched = HEADER_SYNONYMS[form], form
            break
        if _LEADER_LABEL_RE.match(form):
            role, matched = Role.LEADER, form
            break
        if form in SIDE_LABELS:
            role, matched = Role.OTHER, form
            break
    if percent and (role is None or role in (Role.CONTENT, Role.PROGRESS, Role.COMPLETION, Role.ACTUAL)):
        if role is not None or len(base) <= 8:
            return Role.COMPLETION, matched  # "" when only the % said so: "完成目标(%)"
    if role is Role.LEAD and brackets and _CO_IN_BRACKET_RE.search(brackets):
        return Role.RESPONSIBLE, matched  # 牵头单位(配合单位): one cell, the lead named first
    return role, matched


def role_for_label(label: str) -> Role | None:
    """The role a header label names, or None for a label we have no synonym for.

    Known side columns (完成时限, 目标类型...) are Role.OTHER: kept as notes, not reported as unknown.
    """
    return _lookup(label_key(label))[0]


def is_named_label(label: str) -> bool:
    """The label is in the vocabulary (maybe after normalising), not only guessed from a "%"."""
    return bool(_lookup(label_key(label))[1])


def is_exact_label(label: str) -> bool:
    """A label in the vocabulary as it stands, with no prefix or bracket taken off."""
    key = label_key(label)
    return key in HEADER_SYNONYMS or key in SIDE_LABELS


def is_known_side_label(label: str) -> bool:
    """完成时限, 责任人...: columns we know and keep as notes."""
    role, matched = _lookup(label_key(label))
    return role is Role.OTHER and bool(matched)


def numeric_alternatives(label: str) -> tuple[Role, ...]:
    """The other readings of a label whose column may hold prose or figures (目标任务: content or target)."""
    role, matched = _lookup(label_key(label))
    return tuple(alternative for alternative in NUMERIC_ALTERNATIVES.get(matched, ()) if alternative is not role)


def is_label_prefix(key: str) -> bool:
    """A paragraph that is only the period or year of the label that follows it ("二季度" / "工作安排")."""
    match = _PREFIX_RE.match(key)
    return bool(match) and match.end() == len(key)


@lru_cache(maxsize=4096)
def looks_like_label(key: str) -> bool:
    """A short heading: no sentence, no number of its own (a year or a period in front is fine), not a 序号."""
    if not key or is_seq(key) or _SENTENCE_RE.search(key) or "、" in key or "," in key:
        return False
    if split_marker(key)[0] is not None:
        return False
    stripped = _forms(key)[2]
    if not stripped or len(stripped) > MAX_LABEL_LENGTH or _DIGIT_RE.search(stripped):
        return False
    return not any(mark in stripped for mark in "《》“”\"")


def looks_like_heading_word(key: str) -> bool:
    """A label that ends like a column heading (…类型, …时限, …情况): safe to take as a column we do not know."""
    if not looks_like_label(key):
        return False
    return bool(_lookup(key)[0]) or bool(_HEADING_NOUN_RE.search(_forms(key)[2]))


def signature_of_labels(labels: list[str]) -> str:
    """A stable name for a header layout: sha256 of its labels (normalised, digits folded) in order and their count.

    "截至6月底完成情况" and "截至9月底完成情况" give the same signature, so next
    quarter's file from the same publisher matches a mapping an admin confirmed.
    """
    keys = [_DIGITS_RE.sub("#", label_key(label)) for label in labels]
    while keys and not keys[-1]:
        keys.pop()  # an empty cell at the row's end is the sheet's width, not a column
    text = "\n".join(["header-v1", str(len(keys)), *keys])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

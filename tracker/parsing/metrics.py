"""Figures in a task: the targets its content sets and the actuals its progress reports.

`extract_metrics(content, progress, period_end_month=9)` returns one `Metric` per
target, e.g. "建设生态绿道10公里、山水连廊2条,新增绿地60万平方米" gives three. A
target's actual is looked for in the progress by what is counted and its unit,
never by position, and a doubtful match is dropped: a missing bar on a chart is
better than a wrong one. Plain Python, no Django.

How a figure is read:
- numbers: Arabic digits, Chinese numerals via cn2an ("百场" -> 100), magnitude
  words multiplied out ("60万平方米" -> 600000 平方米, "6亿美元" -> 600000000 美元);
- units folded to one spelling (万方 = 平方米, 名 = 人, 场次 = 场), so that a target
  in 名 meets an actual in 人; 平方公里 stays distinct from 平方米;
- figures inside quotation marks are names ("最后一公里"), ordinals (第8位) and
  dates (5月31日, 2022年, 1-8月) carry no unit we count, so none is a target;
- growth rates ("增长7%", "保持7%以上增长", "零增长", "压减10%") are kind "growth";
  a reduction is a negative growth.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import cn2an

COUNT, AMOUNT, PERCENT, GROWTH = "count", "amount", "percent", "growth"
AT_LEAST, AT_MOST, EQUAL = ">=", "<=", "="

# Printed unit -> (normalised unit, kind). Longer spellings are tried first.
_UNITS: dict[str, tuple[str, str]] = {
    "平方公里": ("平方公里", AMOUNT),
    "平方米": ("平方米", AMOUNT),
    "平方": ("平方米", AMOUNT),
    "㎡": ("平方米", AMOUNT),
    "方": ("平方米", AMOUNT),  # 万方: the reports' shorthand for 万平方米
    "立方米": ("立方米", AMOUNT),
    "公里": ("公里", AMOUNT),
    "千米": ("公里", AMOUNT),
    "公顷": ("公顷", AMOUNT),
    "亩": ("亩", AMOUNT),
    "吨": ("吨", AMOUNT),
    "美元": ("美元", AMOUNT),
    "元": ("元", AMOUNT),
    "%": ("%", PERCENT),
    "％": ("%", PERCENT),
    "‰": ("‰", PERCENT),
    "个百分点": ("百分点", PERCENT),
    "人次": ("人次", COUNT),
    "人": ("人", COUNT),
    "名": ("人", COUNT),
    "户次": ("户次", COUNT),
    "户": ("户", COUNT),
    "家次": ("家次", COUNT),
    "家": ("家", COUNT),
    "个": ("个", COUNT),
    "条": ("条", COUNT),
    "处": ("处", COUNT),
    "座": ("座", COUNT),
    "所": ("所", COUNT),
    "张": ("张", COUNT),
    "台": ("台", COUNT),
    "场次": ("场", COUNT),
    "场": ("场", COUNT),
    "件": ("件", COUNT),
    "宗": ("宗", COUNT),
    "项": ("项", COUNT),
    "套": ("套", COUNT),
    "幢": ("幢", COUNT),
    "栋": ("幢", COUNT),
    "次": ("次", COUNT),
    "辆": ("辆", COUNT),
    "间": ("间", COUNT),
}
# After a Chinese numeral these are words, not units: 二次供水, 三方协同.
_ARABIC_ONLY_UNITS = {"次", "方", "平方"}

_CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
_QUANTITY_RE = re.compile(
    r"(?P<num>\d+(?:\.\d+)?(?:万亿|千万|百万|万|亿)?|[" + _CHINESE_DIGITS + r"]+[万亿]?)"
    r"(?P<approx>余|多)?"
    r"(?P<unit>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")"
    r"(?P<suffix>以上|以下|以内|左右)?"
)
# A bare number after 达到/为 that the progress prints without its unit ("拥有量达到112").
_UNITLESS_RE = re.compile(r"(?:达到|达|为)(?P<num>\d+(?:\.\d+)?)(?![\d.%‰％万亿]|[个家条处座所张台场件宗项套幢次人名户元亩吨方米])")
_ZERO_GROWTH_RE = re.compile(r"(?P<word>零增长|正增长)(?P<suffix>以上|以下|以内)?")
_PROGRESS_GROWTH_RE = re.compile(
    r"(?P<word>增长|下降|增速|增幅|降低|减少|回落)(?:了|为|达到|达)?(?P<num>-?\d+(?:\.\d+)?)[%％]"
)
# Explicit ratios for the whole task or one figure: 完成率97.4%, 完成总工程量的30%, 任务完成进度为105%.
_RATIO_RE = re.compile(
    r"(?P<word>完成率|开工率|任务完成进度为?|完成总工程量的|总进度|总体进度|"
    r"完成(?:本年度|全年|年度|市下达)?(?:化解)?(?:目标)?任务的)(?:达到|达|为)?(?P<num>\d+(?:\.\d+)?)[%％]"
)
# A year's target stated in the progress: "完成市下达年度目标任务20万平方米的92.4%", "超额完成全年81.5亿元的目标数".
_PROGRESS_TARGET_RE = re.compile(
    r"完成(?:市下达|省下达|上级下达)?(?:全年度|全年|年度|本年度)?(?:目标任务|目标|任务)?(?=\d)"
)
# A task list counted in the progress: "共2815项任务,已完成2256项".
_TASK_TOTAL_RE = re.compile(r"(?:共|共计|任务)(?P<num>\d+)项(?:工作)?(?:任务)?|(?P<num2>\d+)项[^,,;;。]{0,6}任务")
_TASK_DONE_RE = re.compile(r"已完成(?P<num>\d+)项")
_TARGET_SHARE_RE = re.compile(r"的(?P<num>\d+(?:\.\d+)?)[%％]")

# Year-to-date spans that give a figure its own period: 1-8月, 上半年, 截至8月底.
_SPAN_RE = re.compile(r"1[-—~至](?P<end>\d{1,2})月|(?P<half>上半年)|(?P<three>前三季度)|截至(?P<upto>\d{1,2})月")

_SENTENCE_END = "。;；\n"
_CLAUSE_END = ",，:：" + _SENTENCE_END
_SENTENCE_END_RE = re.compile(f"[{_SENTENCE_END}]")
_CLAUSE_END_RE = re.compile(f"[{_CLAUSE_END}]")
_QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
_PARENS = {"(": ")", "（": "）"}

# Verbs and fillers that open or close a phrase but are not what is counted.
_GENERIC_LEAD_RE = re.compile(
    r"^(?:其中|我区|本区|全年|全区|全面|计划|累计|目前|今年以来|确保|力争|争取|持续|加快|深入|积极|大力|着力|进一步|已经|已|"
    r"共计|共|合计|总计|新增|新建|建成|建设|完成|实施|创建|开展|引进|培育|推进|实现|打造|安排|争创|招引|盯引|落地|"
    r"培养|保持|达到|新创|创成|更新|申报|按期|如期|顺利|基本|正式|为|对|再|均|和|及|与|、|等|的|\s)+"
)
_GENERIC_TAIL_RE = re.compile(
    r"(?:已经|已|目前|均|全部|共计|共|合计|累计|总计|达到|达|增至|提升至|提高至|至|不低于|不少于|不超过|不高于|"
    r"超过|超|约|近|控制在|保持|为|是|分别|实现|新增|完成|建成|完工|竣工|开工|投用|引进|培养|的|、|\s)+$"
)
# What is done to the thing counted; a target with one is only met by a figure with a matching one.
_ACTION_FAMILIES: dict[str, frozenset[str]] = {
    "竣工交付": frozenset({"竣工", "交付", "完工", "建成", "完成"}),
    "开工及续建": frozenset({"开工", "续建"}),
    "开工": frozenset({"开工"}),
    "续建": frozenset({"续建"}),
    "竣工": frozenset({"竣工", "完工", "建成", "完成"}),
    "完工": frozenset({"竣工", "完工", "建成", "完成"}),
    "交付": frozenset({"交付"}),
    "投用": frozenset({"投用", "投入使用"}),
    "出让": frozenset({"出让"}),
    "收储": frozenset({"收储"}),
}
_ACTION_RE = re.compile("|".join(sorted(_ACTION_FAMILIES, key=len, reverse=True)))
_FIGURE_ACTION_RE = re.compile(r"竣工|完工|建成|完成|开工|续建|交付|投入使用|投用|出让|收储")
# Stages short of done: a target without an action is not met by a figure of started works.
_STAGE_ACTIONS = frozenset({"开工", "续建"})
_COMPLETION_ACTIONS = frozenset({"竣工", "完工", "建成", "完成", "交付", "投用", "投入使用"})

# Words that make a figure something other than an achievement: a plan, a recommendation,
# works under way, a scope restated or changed, a result awaiting acceptance.
_NOT_ACHIEVED_BEFORE_RE = re.compile(
    r"计划|预计|拟|推荐|申报|上报|组织|参加|筛选|排摸|监测|涉及|正在|推进|统筹|梳理|预期|意向|约定|争取|洽谈|调整为|"
    r"施工中|招标中|设计中|前期|通过方案|目标"
)
_NOT_ACHIEVED_AFTER_RE = re.compile(
    r"施工中|在建|招标|设计中|前期|进场施工|正在|待|评审|审查|审核|验收|洽谈|推荐|申报|参加|办理|初步|调整"
)
_PENDING_RE = re.compile(r"等待|待|验收中|评审中|审核中|验收准备")
_ALL_DONE_AFTER_RE = re.compile(r"^均已(?:开工|完成|完工|建成|投用|落地)")
# Achieved, said with a verb: needed before a figure equal to its target counts as an actual.
_ACHIEVED_RE = re.compile(r"完成|建成|完工|竣工|新增|累计|签约|开工|投用|交付|出让|收储|拆除|引进|招引|培养|集聚|覆盖")
_TOTAL_RE = re.compile(r"(?:合计|共计|总计|累计|共)$")
_SUBSET_RE = re.compile(r"其中")
# A level in front of what is counted: 省级 of a target without one is only part of it.
_LEVEL_RE = re.compile(r"^(?:国家级|国家|省级|市级|区级|省|市|区)")
_GROWTH_BEFORE_RE = re.compile(r"(?:同比|比上年|较上年)?(?:增长|增速|增幅)(?:保持在|保持|达到|达)?$")
_REDUCTION_BEFORE_RE = re.compile(r"(?:再)?(?:压减|下降|降低|减少)$")
_GROWTH_AFTER_RE = re.compile(r"^(?:的)?增长")
_AT_LEAST_BEFORE_RE = re.compile(r"(?:不低于|不少于|至少|超过|不小于)$")
_AT_MOST_BEFORE_RE = re.compile(r"(?:不超过|不高于|控制在|低于)$")
# Two-character words too common to tell one thing counted from another.
_GENERIC_BIGRAMS = frozenset(
    "项目 企业 单位 工作 建设 社区 小区 街道 全区 新增 完成 省级 市级 区级 以上 重点 提升 改造 实施 推进 "
    "开展 活动 服务 管理 任务 情况 规模 工程 目前 累计 已经 新建".split()
)
# A figure that equals its target but has no verb of achievement is the target restated.
_STRICT_ACHIEVED_RE = re.compile(r"已完成|已建成|已完工|已竣工|完成|建成|完工|竣工|新增|累计|签约|已开工|已投用|投用|引进|招引")
_PLAUSIBLE_WEAK_RATIO = (0.1, 3.0)
# A Chinese numeral counts something to do only after a verb: "开展百场…", not "中央八项规定".
_VERB_BEFORE_NUMERAL_RE = re.compile(r"(?:开展|举办|新增|新建|建设|建成|完成|创建|实施|引进|培育|培养|打造|推出|安排|组织|招引|达到|达|超过|超|近|约|共|等|为|、)$")
# A phrase ending in one of these is followed by what it acts on: "有序推进94条道路建设".
_VERB_END_RE = re.compile(
    r"(?:推进|完成|建设|建成|实施|新增|新建|新创|开展|举办|引进|招引|培养|培育|创建|拆除|出让|收储|开工|竣工|完工|交付|"
    r"投用|续建|覆盖|集聚|签约|落地|累计|为|达|达到|安排|提升|改造)$"
)
_MADE_INTO_RE = re.compile(r"打造为|打造成|建设为|建设成|建成为|提升为")


@dataclass
class Metric:
    """One target of a task, with the actual the progress reports for it (if any)."""

    label: str  # what is counted, e.g. "停车泊位"
    target: float | None  # None for an explicit ratio without a stated target ("完成任务的112.47%")
    unit: str  # normalised: 个, 公里, 平方米, 元, 美元, %
    comparator: str  # "=", ">=" (以上, 不低于), "<=" (以下, 控制在)
    kind: str  # count, amount, percent, growth
    actual: float | None = None
    actual_unit: str | None = None
    completion: float | None = None  # actual/target, or the ratio the progress states
    target_span: tuple[int, int] | None = None  # offsets into content
    actual_span: tuple[int, int] | None = None  # offsets into progress
    period_end_month: int | None = None  # the actual's own period, e.g. 8 for "1-8月"; None: the report's

    def to_json(self) -> dict:
        return {
            "label": self.label,
            "target": self.target,
            "unit": self.unit,
            "comparator": self.comparator,
            "kind": self.kind,
            "actual": self.actual,
            "actual_unit": self.actual_unit,
            "completion": self.completion,
            "period_end_month": self.period_end_month,
            "evidence": {
                "target": list(self.target_span) if self.target_span else None,
                "actual": list(self.actual_span) if self.actual_span else None,
            },
        }


@dataclass
class _Quantity:
    start: int
    end: int
    value: float
    unit: str
    kind: str
    comparator: str = EQUAL


@dataclass
class _Target:
    quantity: _Quantity
    noun: str  # what is counted, without the action
    action: str  # "开工", "出让"...; "" when the target names none
    label: str
    span: tuple[int, int]
    sentence: int


@dataclass
class _Figure:
    """A figure in the progress that might be an actual."""

    quantity: _Quantity
    noun: str
    noun_inherited: bool
    actions: frozenset[str]
    text: str  # the figure's own stretch of clause, for similarity
    sentence: int
    clause: int
    excluded: bool = False  # a plan, work under way, pending acceptance, or parenthesised
    achieved: bool = False  # a verb of achievement in its stretch or sentence so far
    strictly_achieved: bool = False
    subset: bool = False  # after 其中
    total: bool = False  # 合计/共计 of the figures before it
    heading: bool = False  # "新建26个站点:" introducing a breakdown
    period_end_month: int | None = None
    unitless: bool = False


@dataclass
class _Ratio:
    value: float  # as a ratio, 0.974 for 97.4%
    start: int
    end: int
    sentence: int
    clause: int
    hint: str  # "按面积" and the like, when the progress says what the ratio is of
    word: str  # "完成率", "总进度"
    text: str
    period_end_month: int | None = None


@dataclass
class _Segments:
    """Sentence and clause boundaries of a text, as start offsets."""

    text: str
    sentence_starts: list[int] = field(default_factory=list)
    clause_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _Segments:
        sentence_starts = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        clause_starts = [0] + [m.end() for m in _CLAUSE_END_RE.finditer(text)]
        return cls(text, sentence_starts, clause_starts)

    def sentence_of(self, position: int) -> int:
        return _index_at(self.sentence_starts, position)

    def clause_of(self, position: int) -> int:
        return _index_at(self.clause_starts, position)

    def clause_bounds(self, clause: int) -> tuple[int, int]:
        start = self.clause_starts[clause]
        end = self.clause_starts[clause + 1] - 1 if clause + 1 < len(self.clause_starts) else len(self.text)
        return start, end

    def sentence_bounds(self, sentence: int) -> tuple[int, int]:
        start = self.sentence_starts[sentence]
        end = self.sentence_starts[sentence + 1] - 1 if sentence + 1 < len(self.sentence_starts) else len(self.text)
        return start, end


def _index_at(starts: list[int], position: int) -> int:
    return bisect.bisect_right(starts, position) - 1


def extract_metrics(content: str, progress: str, *, period_end_month: int | None) -> list[Metric]:
    """The task's targets, each with its actual from the progress when one can be told for sure.

    `period_end_month` is the report's; a figure's own "1-8月" overrides it on that Metric.
    """
    targets = _read_targets(content)
    progress_segments = _Segments.of(progress)
    figures = _read_figures(progress, progress_segments)
    ratios = _read_ratios(progress, progress_segments)

    metrics = [
        Metric(
            label=target.label,
            target=target.quantity.value,
            unit=target.quantity.unit,
            comparator=target.quantity.comparator,
            kind=target.quantity.kind,
            target_span=target.span,
        )
        for target in targets
    ]
    used_figures: set[int] = set()
    if progress:
        assignment = _match(targets, figures)
        for target_index, figure_index in assignment.items():
            figure = figures[figure_index]
            _set_actual(metrics[target_index], figure)
            used_figures.add(figure_index)
        metrics.extend(_progress_targets(progress, progress_segments, figures, used_figures, metrics))
        _apply_ratios(metrics, figures, ratios, progress_segments)
    for metric in metrics:
        if metric.completion is None:
            metric.completion = _computed_completion(metric)
    return metrics


# --- numbers and quantities -------------------------------------------------------------


@lru_cache(maxsize=2048)
def _number_value(text: str) -> float | None:
    """'57.82万' -> 578200.0, '百' -> 100.0; None when cn2an cannot read it."""
    if text.replace(".", "", 1).isdigit():
        return float(text)
    if text[0] in "百千":  # 百场, 千万: cn2an wants the leading 一
        text = "一" + text
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _masked_ranges(text: str, pairs: dict[str, str]) -> bytearray:
    """1 for every character inside the given bracket pairs (the brackets included)."""
    mask = bytearray(len(text))
    if not any(opening in text for opening in pairs):
        return mask  # most texts quote nothing: skip the walk
    closing_for: list[str] = []
    for index, char in enumerate(text):
        if closing_for and char == closing_for[-1]:
            mask[index] = 1
            closing_for.pop()
            continue
        if char in pairs:
            closing_for.append(pairs[char])
        if closing_for:
            mask[index] = 1
    return mask


def _quantities(text: str, mask: bytearray) -> list[_Quantity]:
    found = []
    for match in _QUANTITY_RE.finditer(text):
        start = match.start()
        if mask[start]:
            continue
        before = text[start - 1] if start else ""
        if before and (before.isascii() and (before.isalnum() or before in ".-/") or before in "第周"):
            continue  # part of a code (LOFT49, GS0202-51), an ordinal or a date range
        number, printed_unit = match["num"], match["unit"]
        is_arabic = number[0].isdigit()
        if not is_arabic and printed_unit in _ARABIC_ONLY_UNITS:
            continue
        value = _number_value(number)
        if value is None:
            continue
        unit, kind = _UNITS[printed_unit]
        comparator = {"以上": AT_LEAST, "以下": AT_MOST, "以内": AT_MOST}.get(match["suffix"] or "", EQUAL)
        found.append(_Quantity(start, match.end(), value, unit, kind, comparator))
    return found


# --- targets in the content -------------------------------------------------------------


def _read_targets(content: str) -> list[_Target]:
    if not content:
        return []
    segments = _Segments.of(content)
    mask = _masked_ranges(content, _QUOTES)
    quantities = [q for q in _quantities(content, mask) if _may_be_target(content, q, segments)]
    for match in _ZERO_GROWTH_RE.finditer(content):
        if not mask[match.start()]:
            comparator = AT_MOST if match["suffix"] in ("以下", "以内") else AT_LEAST
            quantities.append(_Quantity(match.start(), match.end(), 0.0, "%", GROWTH, comparator))
    quantities.sort(key=lambda q: q.start)

    targets: list[_Target] = []
    by_clause: dict[int, list[_Quantity]] = {}
    for quantity in quantities:
        by_clause.setdefault(segments.clause_of(quantity.start), []).append(quantity)
    for clause, clause_quantities in by_clause.items():
        clause_start, clause_end = segments.clause_bounds(clause)
        groups = _compound_groups(content, clause_quantities)
        previous_end = clause_start
        for index, group in enumerate(groups):
            more_follow = index + 1 < len(groups)
            following = groups[index + 1][0].start if more_follow else clause_end
            after = content[group[-1].end : following]
            if more_follow and _is_qualifier(after):
                continue  # "10亿元以上重大产业项目20个": the first figure says which projects
            if more_follow:
                after = after.split("、")[0]  # "20座公厕、16个…": the 、 ends this item
            before = content[previous_end : group[0].start]
            if previous_end > clause_start and "、" in before:
                before = before.split("、", 1)[1]  # the item before ended at its 、
            targets.extend(_targets_of_group(content, group, before, after, segments))
            previous_end = group[-1].end
    _inherit_nouns(targets)
    return targets


def _may_be_target(content: str, quantity: _Quantity, segments: _Segments) -> bool:
    """Figures that only name or delimit things: "一项一码", "中央八项规定", "把…8项赛事打造为…"."""
    number = content[quantity.start]
    if number in _CHINESE_DIGITS:
        clause_start, _ = segments.clause_bounds(segments.clause_of(quantity.start))
        if quantity.value == 1:
            return False  # 一 before a measure word is an article
        if quantity.start > clause_start and not _VERB_BEFORE_NUMERAL_RE.search(content[clause_start : quantity.start]):
            return False
    sentence_start, sentence_end = segments.sentence_bounds(segments.sentence_of(quantity.start))
    if "把" in content[sentence_start : quantity.start] and _MADE_INTO_RE.search(content[quantity.end : sentence_end]):
        return False  # the object of 把…打造为: the things to be made better, not a number to reach
    return True


def _compound_groups(text: str, quantities: list[_Quantity]) -> list[list[_Quantity]]:
    """Figures printed back to back ("20宗584亩", "97条55.5公里") share one label."""
    groups: list[list[_Quantity]] = []
    for quantity in quantities:
        if groups and groups[-1][-1].end == quantity.start:
            groups[-1].append(quantity)
        else:
            groups.append([quantity])
    return groups


def _is_qualifier(after: str) -> bool:
    """The text between two figures names a thing without a break: the first figure qualifies it."""
    stripped = after.removeprefix("以上").removeprefix("以下")
    return bool(_clean(stripped)) and "、" not in stripped and not _GROWTH_AFTER_RE.match(stripped)


def _targets_of_group(content: str, group: list[_Quantity], before: str, after: str, segments: _Segments) -> list[_Target]:
    before = before.lstrip("、和及与 ")
    growth = _growth_comparator(before, after)
    comparator_prefix = ""
    if growth is None:
        for pattern, comparator in ((_AT_LEAST_BEFORE_RE, AT_LEAST), (_AT_MOST_BEFORE_RE, AT_MOST)):
            found = pattern.search(before)
            if found:
                comparator_prefix = found.group(0)
                for quantity in group:
                    if quantity.comparator == EQUAL:
                        quantity.comparator = comparator
                break
        before = before.removesuffix(comparator_prefix)
    phrase_before = _GROWTH_BEFORE_RE.sub("", _REDUCTION_BEFORE_RE.sub("", before)) if growth else before
    phrase_after = _GROWTH_AFTER_RE.sub("", after.removeprefix("以上").removeprefix("以下")) if growth else after

    action, action_follows = "", False
    lead_stripped = _GENERIC_LEAD_RE.sub("", phrase_before)
    if _clean(phrase_after) and _names_what_follows(phrase_before):
        noun = _clean(phrase_after)  # "创建3个体育文化社区", "131个小区全面开工"
        found = _ACTION_RE.match(lead_stripped)
        if not found and _ACTION_RE.search(phrase_after):
            found, action_follows = _ACTION_RE.search(phrase_after), True
    elif _clean(phrase_after) and not growth and group[0].kind == PERCENT:
        noun, found = _clean(phrase_before) + _clean(phrase_after), None  # "工业用地100%按“标准地”出让"
    else:
        noun, found = _clean(phrase_before), _ACTION_RE.match(lead_stripped)  # "建设生态绿道10公里"
    if found:
        action = found.group(0)
        noun = _clean(noun.removeprefix(action).removesuffix(action).removesuffix("全面"))

    span_start = group[0].start - len(comparator_prefix)
    sentence = segments.sentence_of(group[0].start)
    nouns = [noun]
    if growth and "均" in before and "、" in noun:
        nouns = [part for part in (_clean(p) for p in noun.split("、")) if part]  # "A、B均增长10%以上"
    targets = []
    for quantity in group:
        if growth:
            sign, comparator = growth
            quantity.kind, quantity.unit, quantity.value = GROWTH, "%", quantity.value * sign
            if quantity.comparator == EQUAL or sign < 0:
                quantity.comparator = comparator
        for each_noun in nouns:
            targets.append(
                _Target(
                    quantity=quantity if len(nouns) == 1 else _Quantity(**vars(quantity)),
                    noun=each_noun,
                    action=action,
                    label=_label(action, each_noun, action_follows=action_follows),
                    span=(span_start if quantity is group[0] else quantity.start, quantity.end),
                    sentence=sentence,
                )
            )
    return targets


def _names_what_follows(phrase_before: str) -> bool:
    """Whether the counted thing comes after the figure: the text before is only a verb or a list of names."""
    cleaned = _clean(phrase_before)
    if not cleaned or phrase_before.rstrip().endswith("等") or _VERB_END_RE.search(phrase_before):
        return True
    if len(phrase_before.strip("、 ")) <= 2:
        return True  # "保障4条轨道交通线路": two characters before a figure are a verb
    last_item = cleaned.rsplit("、", 1)[-1]
    return "、" in cleaned and len(last_item) <= 3  # "庆隆、上塘2家社区卫生服务中心"


def _growth_comparator(before: str, after: str) -> tuple[int, str] | None:
    """(sign, comparator) when the figure is a growth rate, None otherwise."""
    if _REDUCTION_BEFORE_RE.search(before):
        return -1, AT_MOST  # "压减10%以上": growth of -10% or less
    if _GROWTH_BEFORE_RE.search(before) or _GROWTH_AFTER_RE.match(after.removeprefix("以上").removeprefix("以下")):
        return 1, EQUAL
    return None


def _clean(phrase: str) -> str:
    """What is counted: the phrase without leading verbs, trailing fillers and quotation marks."""
    phrase = phrase.strip()
    for _ in range(3):
        before = phrase
        phrase = _GENERIC_TAIL_RE.sub("", _GENERIC_LEAD_RE.sub("", phrase)).strip()
        if phrase == before:
            break
    return phrase


def _label(action: str, noun: str, *, action_follows: bool = False) -> str:
    if not action:
        return noun
    return f"{noun}{action}" if action_follows else f"{action}{noun}"


def _inherit_nouns(targets: list[_Target]) -> None:
    """"开工项目14个,投用3个": a target that names only its action counts the thing named before it."""
    for index, target in enumerate(targets):
        if target.noun:
            continue
        for earlier in reversed(targets[:index]):
            if earlier.sentence == target.sentence and earlier.noun:
                target.noun = earlier.noun
                target.label = _label(target.action, target.noun)
                break


# --- figures in the progress -------------------------------------------------------------


def _read_figures(progress: str, segments: _Segments) -> list[_Figure]:
    if not progress:
        return []
    quote_mask = _masked_ranges(progress, _QUOTES)
    # Figures in parentheses are breakdowns or headings: "(其中B类4名…)", "开工(18条):".
    paren_mask = _masked_ranges(progress, _PARENS)
    spans = [(m.start(), _span_month(m)) for m in _SPAN_RE.finditer(progress)]
    quantities = [q for q in _quantities(progress, quote_mask) if not paren_mask[q.start]]
    growth, taken_starts = [], set()
    for match in _PROGRESS_GROWTH_RE.finditer(progress):
        if quote_mask[match.start()] or paren_mask[match.start()]:
            continue
        value = float(match["num"])
        if match["word"] in ("下降", "降低", "减少", "回落"):
            value = -value
        growth.append(_Quantity(match.start(), match.end(), value, "%", GROWTH))  # "同比下降2.63%" as evidence
        taken_starts.add(match.start("num"))
    # A percentage that is a ratio or a growth rate is read as one, not as a level.
    taken_starts |= {m.start("num") for m in _RATIO_RE.finditer(progress)}
    quantities = [q for q in quantities if q.start not in taken_starts] + growth
    for match in _UNITLESS_RE.finditer(progress):
        if not quote_mask[match.start("num")] and not paren_mask[match.start("num")]:
            quantities.append(_Quantity(match.start("num"), match.end("num"), float(match["num"]), "", COUNT))
    quantities.sort(key=lambda q: q.start)

    figures: list[_Figure] = []
    by_clause: dict[int, list[_Quantity]] = {}
    for quantity in quantities:
        by_clause.setdefault(segments.clause_of(quantity.start), []).append(quantity)
    for clause, clause_quantities in by_clause.items():
        clause_start, clause_end = segments.clause_bounds(clause)
        groups = _compound_groups(progress, clause_quantities)
        previous_end = clause_start
        for index, group in enumerate(groups):
            following = groups[index + 1][0].start if index + 1 < len(groups) else clause_end
            between = _without_parentheses(progress[group[-1].end : following], paren_mask, group[-1].end)
            if index + 1 < len(groups) and _is_qualifier(between):
                continue  # "11个项目3207个泊位": the first figure says which 泊位
            before = _without_parentheses(progress[previous_end : group[0].start], paren_mask, previous_end)
            if previous_end > clause_start and "、" in before:
                before = before.split("、", 1)[1]  # the item before ended at its 、
            after = between.split("、")[0] if index + 1 < len(groups) else between
            for quantity in group:
                figures.append(_figure(progress, segments, quantity, clause, before, after, spans))
            previous_end = group[-1].end
    _inherit_figure_nouns(figures)
    _drop_parts_of_totals(figures)
    return figures


def _figure(progress: str, segments: _Segments, quantity: _Quantity, clause: int, before: str, after: str, spans: list[tuple[int, int]]) -> _Figure:
    clause_start, clause_end = segments.clause_bounds(clause)
    sentence = segments.sentence_of(quantity.start)
    sentence_start, _ = segments.sentence_bounds(sentence)
    stretch = before + after
    before_item = before.rsplit("、", 1)[-1]
    if before_item.rstrip().endswith("等"):
        before_item = ""  # "科西路二期等16条": names given as examples, not what is counted
    pre_nominal = bool(_clean(after)) and _names_what_follows(before_item)
    noun = _clean(_strip_digits(after if pre_nominal else before_item))
    action = _ACTION_RE.match(noun)
    if action:
        noun = _clean(noun[action.end() :])  # the action is compared on its own
    figure = _Figure(
        quantity=quantity,
        noun=_figure_noun(noun),
        noun_inherited=False,
        actions=frozenset(_FIGURE_ACTION_RE.findall(stretch)),
        text=_clean(_strip_digits(stretch)),
        sentence=sentence,
        clause=clause,
        unitless=quantity.unit == "",
    )
    next_clause_text = progress[clause_end + 1 : segments.clause_bounds(clause + 1)[1]] if clause_end < len(progress) else ""
    clause_text = progress[clause_start:clause_end]
    figure.excluded = _not_achieved(before, after, next_clause_text, clause_text)
    if figure.excluded and _not_achieved_only_by_report(before) and _ALL_DONE_AFTER_RE.match(next_clause_text):
        figure.excluded = False  # "已上报…5个,均已开工": reported and all started
    bare = not _clean(_strip_digits(stretch)) and not _STRICT_ACHIEVED_RE.search(stretch)
    if not figure.excluded and bare and clause > 0 and segments.sentence_of(clause_start - 1) == sentence:
        # A bare "共102家" refers back: the clause before says what was done with them.
        previous_start, previous_end = segments.clause_bounds(clause - 1)
        previous_text = progress[previous_start:previous_end]
        figure.excluded = bool(_NOT_ACHIEVED_BEFORE_RE.search(previous_text) or _NOT_ACHIEVED_AFTER_RE.search(previous_text))
    figure.achieved = bool(_ACHIEVED_RE.search(progress[sentence_start : quantity.end] + after))
    figure.strictly_achieved = bool(_STRICT_ACHIEVED_RE.search(clause_text))
    figure.subset = bool(_SUBSET_RE.search(progress[sentence_start : quantity.start]))
    figure.total = bool(_TOTAL_RE.search(before))
    figure.heading = progress[clause_end : clause_end + 1] in (":", "：")  # "新建26个站点:" then its breakdown
    figure.period_end_month = _period_before(progress, spans, quantity.start)
    return figure


def _without_parentheses(text: str, paren_mask: bytearray, offset: int) -> str:
    return "".join(char for index, char in enumerate(text) if not paren_mask[offset + index])


def _strip_digits(text: str) -> str:
    """Dates and other numbers left in a label ("9月份11类事件") say nothing of what is counted."""
    return re.sub(r"\d+(?:\.\d+)?(?:月份|月|日|年|类|号)?|[-—]", "", text)


def _figure_noun(noun: str) -> str:
    return noun.replace("“", "").replace("”", "").replace("‘", "").replace("’", "")


def _not_achieved(before: str, after: str, next_clause: str, clause_text: str) -> bool:
    if _NOT_ACHIEVED_BEFORE_RE.search(before) or _NOT_ACHIEVED_AFTER_RE.search(after):
        return True
    # "3个…均已达标,等待验收": a short clause without a figure of its own continues this one.
    continues = bool(next_clause) and len(next_clause) <= 12 and not _QUANTITY_RE.search(next_clause)
    return continues and bool(_PENDING_RE.search(next_clause)) and not _STRICT_ACHIEVED_RE.search(clause_text)


def _not_achieved_only_by_report(before: str) -> bool:
    found = {m.group(0) for m in _NOT_ACHIEVED_BEFORE_RE.finditer(before)}
    return found == {"上报"}


def _inherit_figure_nouns(figures: list[_Figure]) -> None:
    """"留用地目前已开工2个、投用4个": a figure without a noun counts what the one before it counts."""
    for index, figure in enumerate(figures):
        if figure.noun:
            continue
        for earlier in reversed(figures[:index]):
            if earlier.sentence != figure.sentence:
                break
            if earlier.noun:
                figure.noun, figure.noun_inherited = earlier.noun, True
                break


def _drop_parts_of_totals(figures: list[_Figure]) -> None:
    """"15.69万方、27.51万方合计43.2万方": the parts before a total are not actuals of their own."""
    for index, figure in enumerate(figures):
        if not figure.total:
            continue
        for earlier in figures[:index]:
            if earlier.sentence == figure.sentence and earlier.quantity.unit == figure.quantity.unit:
                earlier.excluded = True


def _span_month(match: re.Match) -> int:
    if match["end"]:
        return int(match["end"])
    if match["half"]:
        return 6
    if match["three"]:
        return 9
    return int(match["upto"])


def _period_before(progress: str, spans: list[tuple[int, int]], position: int) -> int | None:
    """The last year-to-date span before the figure in its sentence; a ";" does not end its reach."""
    sentence_start = max(progress.rfind("。", 0, position), progress.rfind("\n", 0, position)) + 1
    month = None
    for start, end_month in spans:
        if sentence_start <= start < position and 1 <= end_month <= 12:
            month = end_month
    return month


def _read_ratios(progress: str, segments: _Segments) -> list[_Ratio]:
    ratios = []
    spans = [(m.start(), _span_month(m)) for m in _SPAN_RE.finditer(progress)]
    quote_mask = _masked_ranges(progress, _QUOTES)
    for match in _RATIO_RE.finditer(progress):
        if quote_mask[match.start()]:
            continue
        following = progress[match.end() : match.end() + 2]
        if following.startswith(("、", "和")):
            continue  # "分别完成年度任务的74.89%、77.08%": ratios of several things at once
        sentence = segments.sentence_of(match.start())
        clause = segments.clause_of(match.start())
        clause_start, _ = segments.clause_bounds(clause)
        hint_match = re.match(r"\s*[(（](按[^)）]{1,6})[)）]", progress[match.end() :])
        ratios.append(
            _Ratio(
                value=round(float(match["num"]) / 100, 6),
                start=match.start(),
                end=match.end(),
                sentence=sentence,
                clause=clause,
                hint=hint_match.group(1) if hint_match else "",
                word=match["word"].removesuffix("为"),
                text=progress[clause_start : match.start()],
                period_end_month=_period_before(progress, spans, match.start()),
            )
        )
    return ratios


# --- matching targets to figures -------------------------------------------------------


def _bigrams(text: str) -> set[str]:
    text = _figure_noun(text).replace("、", "")
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _is_subsequence(short: str, long: str) -> bool:
    remaining = iter(long)
    return all(char in remaining for char in short)


def _similarity(target: _Target, figure: _Figure) -> tuple[str, float]:
    """("strong" | "weak" | "", score) for how surely the figure counts what the target counts."""
    target_noun = _figure_noun(target.noun).replace("、", "")
    figure_noun = figure.noun.replace("、", "")
    if not target_noun or not figure_noun:
        return "", 0.0
    if _level_added(target_noun, figure_noun):
        return "", 0.0
    target_bigrams, figure_bigrams = _bigrams(target_noun), _bigrams(figure.text or figure_noun) | _bigrams(figure_noun)
    overlap = target_bigrams & figure_bigrams
    share = len(overlap) / max(1, len(target_bigrams))
    discount = 0.9 if figure.noun_inherited else 1.0  # a noun of its own beats one carried over
    if target_noun == figure_noun:
        return "strong", 3.0 * discount
    contained = (figure_noun in target_noun and len(figure_noun) >= 3 and not _bigrams(figure_noun) <= _GENERIC_BIGRAMS) or (
        target_noun in figure_noun and len(target_noun) >= 2 and not _bigrams(target_noun) <= _GENERIC_BIGRAMS
    )
    if contained or (len(figure_noun) >= 3 and _is_subsequence(figure_noun, target_noun)) or share >= 0.6:
        return "strong", (2.0 + 0.9 * share) * discount  # below an exact name, whatever the overlap
    if overlap - _GENERIC_BIGRAMS:
        return "weak", (1.0 + share) * discount
    return "", 0.0


def _level_added(target_noun: str, figure_noun: str) -> bool:
    """The figure counts only one level (省级…) of a target that names none."""
    figure_level = _LEVEL_RE.match(figure_noun)
    if not figure_level:
        return False
    level = figure_level.group(0)
    return level not in target_noun and level[0] not in target_noun[:4]


def _compatible(target: _Target, figure: _Figure) -> bool:
    quantity = figure.quantity
    if figure.excluded or figure.heading:
        return False
    if figure.unitless:
        if target.quantity.kind not in (COUNT, AMOUNT):
            return False
    elif quantity.unit != target.quantity.unit or (quantity.kind == GROWTH) != (target.quantity.kind == GROWTH):
        return False
    if target.action:
        if not (figure.actions & _ACTION_FAMILIES[target.action]):
            return False
    elif figure.actions & _STAGE_ACTIONS and not figure.actions & _COMPLETION_ACTIONS:
        return False  # "13条道路已开工" does not count roads built
    if quantity.value == target.quantity.value and target.quantity.kind in (COUNT, AMOUNT) and not figure.strictly_achieved:
        return False  # the target restated: "3个体育文化社区创建标准均已达标"
    return True


def _scope_changed(target: _Target, figures: list[_Figure]) -> bool:
    """The progress counts the work against another total ("共计133个项目"): its parts are no actual."""
    return any(
        (f.total or f.heading)
        and f.quantity.unit == target.quantity.unit
        and f.quantity.value != target.quantity.value
        and not f.achieved
        for f in figures
    )


def _plausible(target: _Target, figure: _Figure) -> bool:
    if target.quantity.value <= 0 or figure.quantity.value <= 0:
        return True
    low, high = _PLAUSIBLE_WEAK_RATIO
    return low <= figure.quantity.value / target.quantity.value <= high


def _match(targets: list[_Target], figures: list[_Figure]) -> dict[int, int]:
    """Target index -> figure index. Sure matches first; a doubtful one only when nothing else fits."""
    assignment: dict[int, int] = {}
    taken: set[int] = set()

    def assign_unique(candidates: dict[int, dict[int, float]]) -> None:
        # Highest score first; a target whose best two figures tie with different values gets none.
        ranked = sorted(
            ((score, t, f) for t, scored in candidates.items() for f, score in scored.items()),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        for score, target_index, figure_index in ranked:
            if target_index in assignment or figure_index in taken:
                continue
            rivals = [
                figures[f].quantity.value
                for f, s in candidates[target_index].items()
                if f not in taken and f != figure_index and abs(s - score) < 1e-9
            ]
            if any(value != figures[figure_index].quantity.value for value in rivals):
                continue
            assignment[target_index] = figure_index
            taken.add(figure_index)

    compatible = {
        t: [f for f, figure in enumerate(figures) if _compatible(target, figure)] for t, target in enumerate(targets)
    }
    # 1. The figure names what the target counts.
    strong: dict[int, dict[int, float]] = {}
    for t, target in enumerate(targets):
        for f in compatible[t]:
            tier, score = _similarity(target, figures[f])
            if figures[f].unitless and tier != "strong":
                continue
            if tier == "strong":
                bonus = 0.5 if target.action and figures[f].actions & _ACTION_FAMILIES[target.action] else 0.0
                penalty = 0.3 if figures[f].subset else 0.0
                strong.setdefault(t, {})[f] = score + bonus - penalty
    assign_unique(strong)

    # 2. The same action on the same unit, once each: "开工18条" and "16条已开工".
    by_action: dict[tuple[str, str], list[int]] = {}
    for t, target in enumerate(targets):
        if t not in assignment and target.action:
            by_action.setdefault((target.action, target.quantity.unit), []).append(t)
    for (action, unit), target_indexes in by_action.items():
        if len(target_indexes) != 1:
            continue
        t = target_indexes[0]
        if _scope_changed(targets[t], figures):
            continue
        matching = [
            f
            for f in compatible[t]
            if f not in taken and not figures[f].unitless and _may_count_the_same(targets[t], figures[f])
        ]
        _assign_if_single(t, matching, figures, assignment, taken)

    # 3. Growth: one growth target and one growth figure in the task are the pair.
    growth_targets = [t for t, target in enumerate(targets) if target.quantity.kind == GROWTH]
    growth_figures = [f for f, figure in enumerate(figures) if figure.quantity.kind == GROWTH and not figure.excluded]
    if len(growth_targets) == 1 and len(growth_figures) == 1 and growth_targets[0] not in assignment:
        t, f = growth_targets[0], growth_figures[0]
        if f not in taken and _compatible(targets[t], figures[f]):
            assignment[t] = f
            taken.add(f)

    # 4. A weaker likeness (a shared word), when it is the only one either way and the size is plausible.
    remaining = [t for t in range(len(targets)) if t not in assignment]
    weak: dict[int, list[int]] = {}
    for t in remaining:
        target = targets[t]
        if target.quantity.kind in (PERCENT, GROWTH) or _scope_changed(target, figures):
            continue  # rates with another name are another measure: 需求满足率 is not 共享率
        for f in compatible[t]:
            if f in taken or figures[f].unitless:
                continue
            tier, _ = _similarity(target, figures[f])
            if tier == "weak" and _plausible(target, figures[f]):
                weak.setdefault(t, []).append(f)
    for t, candidates in weak.items():
        claimed_elsewhere = any(set(candidates) & set(other) for u, other in weak.items() if u != t)
        if not claimed_elsewhere:
            _assign_if_single(t, candidates, figures, assignment, taken)

    # 5. A figure without a noun ("已完工57台"), when the target is the only one left in that unit.
    remaining = [t for t in range(len(targets)) if t not in assignment]
    for t in remaining:
        target = targets[t]
        if target.quantity.kind in (PERCENT, GROWTH) or _scope_changed(target, figures):
            continue
        same_unit_left = [u for u in remaining if targets[u].quantity.unit == target.quantity.unit and u != t]
        if same_unit_left:
            continue
        candidates = [
            f
            for f in compatible[t]
            if f not in taken
            and not figures[f].unitless
            and (figures[f].achieved or figures[f].total)
            and _nameless_for(target, figures[f])
            and _plausible(target, figures[f])
        ]
        whole = [f for f in candidates if not figures[f].subset]
        _assign_if_single(t, whole or candidates, figures, assignment, taken)
    return assignment


def _may_count_the_same(target: _Target, figure: _Figure) -> bool:
    """Nothing says the figure counts something else: it names nothing, or something like the target."""
    return not figure.noun or not target.noun or bool(_similarity(target, figure)[0])


def _nameless_for(target: _Target, figure: _Figure) -> bool:
    """The figure names nothing of its own, or only a generic word the target's noun contains ("8个小区")."""
    own = figure.noun if not figure.noun_inherited else ""
    if not own:
        return True
    own_bigrams = _bigrams(own)
    return own_bigrams <= _GENERIC_BIGRAMS and own in target.noun


def _assign_if_single(t: int, candidates: list[int], figures: list[_Figure], assignment: dict[int, int], taken: set[int]) -> None:
    values = {figures[f].quantity.value for f in candidates}
    if len(values) == 1:
        f = candidates[0]
        assignment[t] = f
        taken.add(f)


def _set_actual(metric: Metric, figure: _Figure) -> None:
    metric.actual = figure.quantity.value
    metric.actual_unit = figure.quantity.unit or metric.unit
    metric.actual_span = (figure.quantity.start, figure.quantity.end)
    metric.period_end_month = figure.period_end_month


# --- targets stated in the progress, and explicit ratios --------------------------------


def _progress_targets(progress: str, segments: _Segments, figures: list[_Figure], used: set[int], metrics: list[Metric]) -> list[Metric]:
    """Targets the progress itself states: "完成市下达年度目标任务20万平方米的92.4%", "共2815项任务,已完成2256项"."""
    found: list[Metric] = []
    units_with_target = {m.unit for m in metrics}
    for match in _PROGRESS_TARGET_RE.finditer(progress):
        quantity = next((f.quantity for f in figures if f.quantity.start == match.end()), None)
        if quantity is None:
            quantity = next((q for q in _quantities(progress, bytearray(len(progress))) if q.start == match.end()), None)
        if quantity is None or quantity.unit in units_with_target:
            continue
        tail = progress[quantity.end : quantity.end + 4]
        if not tail.startswith("的") and "目标" not in tail:
            continue
        sentence = segments.sentence_of(match.start())
        actual = _figure_near(figures, used, quantity, sentence)
        metric = Metric(label="", target=quantity.value, unit=quantity.unit, comparator=EQUAL, kind=quantity.kind)
        if actual is not None:
            _set_actual(metric, figures[actual])
            used.add(actual)
            metric.label = figures[actual].noun
        ratio = _TARGET_SHARE_RE.match(progress, quantity.end)
        if ratio:  # "…20万平方米的92.4%": the share of the target done, as the report says it
            metric.completion = round(float(ratio["num"]) / 100, 6)
        metric.label = metric.label or _clean(_strip_digits(progress[segments.clause_bounds(segments.clause_of(match.start()))[0] : match.start()])) or "目标任务"
        found.append(metric)
        units_with_target.add(quantity.unit)
    if "项" not in units_with_target:
        for match in _TASK_TOTAL_RE.finditer(progress):
            sentence = segments.sentence_of(match.start())
            sentence_start, sentence_end = segments.sentence_bounds(sentence)
            done = _TASK_DONE_RE.search(progress, match.end(), sentence_end)
            if not done:
                continue
            total_text = match["num"] or match["num2"]
            clause_start, _ = segments.clause_bounds(segments.clause_of(match.start()))
            label = _clean(_strip_digits(progress[clause_start : match.start()]).split("涉及")[0]) or "任务"
            metric = Metric(
                label=label if label.endswith("任务") else f"{label}任务",
                target=float(total_text),
                unit="项",
                comparator=EQUAL,
                kind=COUNT,
                actual=float(done["num"]),
                actual_unit="项",
                actual_span=(done.start("num"), done.end("num") + 1),
                period_end_month=_period_before(progress, [(m.start(), _span_month(m)) for m in _SPAN_RE.finditer(progress)], done.start()),
            )
            found.append(metric)
            for index, figure in enumerate(figures):
                if figure.quantity.start == done.start("num"):
                    used.add(index)
            break
    return found


def _figure_near(figures: list[_Figure], used: set[int], target: _Quantity, sentence: int) -> int | None:
    """The achieved figure in the target's unit and sentence: the last before it, else the first after."""
    candidates = [
        index
        for index, figure in enumerate(figures)
        if index not in used
        and not figure.excluded
        and figure.sentence == sentence
        and figure.quantity.unit == target.unit
        and figure.quantity.start != target.start
    ]
    before = [index for index in candidates if figures[index].quantity.end <= target.start]
    after = [index for index in candidates if figures[index].quantity.start >= target.end]
    return before[-1] if before else (after[0] if after else None)


def _apply_ratios(metrics: list[Metric], figures: list[_Figure], ratios: list[_Ratio], segments: _Segments) -> None:
    """Give each explicit ratio to the metric it speaks of; a ratio of no metric becomes one of its own."""
    for ratio in ratios:
        metric = _metric_for_ratio(metrics, ratio, segments)
        if metric is not None:
            metric.completion = ratio.value
            continue
        if any(m.target is not None for m in metrics):
            continue  # a ratio of some part of the work, while the task has figures of its own
        if any(m.target is None for m in metrics):
            continue  # one whole-task ratio is enough
        metrics.append(
            Metric(
                label=_clean(_strip_digits(ratio.text)) or ratio.word,
                target=None,
                unit="%",
                comparator=EQUAL,
                kind=PERCENT,
                completion=ratio.value,
                actual_span=(ratio.start, ratio.end),
                period_end_month=ratio.period_end_month,
            )
        )


def _metric_for_ratio(metrics: list[Metric], ratio: _Ratio, segments: _Segments) -> Metric | None:
    with_actual = [m for m in metrics if m.actual_span and m.kind in (COUNT, AMOUNT)]
    if ratio.hint:  # "(按面积)": the metric counted in an area
        area = [m for m in with_actual if m.unit in ("平方米", "亩", "公顷", "平方公里") and segments.sentence_of(m.actual_span[0]) == ratio.sentence]
        if len(area) == 1:
            return area[0]
    # The figure in the same or the clause just before: "已完成回迁安置588户,完成率58.8%".
    near = [
        m
        for m in with_actual
        if segments.sentence_of(m.actual_span[0]) == ratio.sentence and ratio.clause - segments.clause_of(m.actual_span[0]) in (0, 1)
    ]
    if near:
        return near[-1]
    without_actual = [m for m in metrics if m.actual is None and m.target is not None and m.kind in (COUNT, AMOUNT)]
    if without_actual and with_actual:
        return without_actual[0]  # "已完工2条,…,完成总工程量的30%": the whole work, shown where no count is
    countable = [m for m in metrics if m.target is not None and m.kind in (COUNT, AMOUNT)]
    return countable[0] if len(countable) == 1 else None


def _computed_completion(metric: Metric) -> float | None:
    if metric.actual is None or metric.target is None or metric.target <= 0:
        return None
    if metric.kind == GROWTH or metric.comparator == AT_MOST:
        return None  # a ratio of two growth rates, or of a ceiling, means nothing
    if metric.actual_unit and metric.actual_unit != metric.unit:
        return None
    return round(metric.actual / metric.target, 4)

"""Which progress figure is the actual of which content target, and how sure that is.

Matched by what is counted, its unit and its action, never by position: sure
matches first, a weaker one only when nothing else fits, none when two candidates
tie with different values. A figure never pairs with a target it contradicts: an
earlier stage (拟上市, 入库, 签约 for 上市, 开工), a part (named under 其中, a season,
a component) for the whole, another level (省级 of all levels), another named
statistical indicator (规上工业总产值 for 规上工业增加值). A figure that names the same
kind of thing for another subject ("战略性新兴产业…占比" for "四大新兴产业…占比"), or
the only growth rate when it names something else, pairs only as doubtful.
Reads no text; it works on the targets and figures already read, and writes the
chosen figure, with its confidence, onto its `Metric`.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from .figures import _Figure
from .metric import CONFIDENT, DOUBTFUL, Metric
from .phrases import _figure_noun
from .targets import _Target
from .vocabulary import (
    AMOUNT,
    COUNT,
    GROWTH,
    PERCENT,
    _ACTION_FAMILIES,
    _BRING_IN_RE,
    _COMPLETION_ACTIONS,
    _COMPONENT_RE,
    _EARLY_STAGE_RE,
    _GENERIC_BIGRAMS,
    _GENERIC_MODIFIER_RE,
    _INDICATORS,
    _INDICATOR_RE,
    _LATE_STAGE_RE,
    _LEVEL_RE,
    _NOUN_FILLER_RE,
    _NOUN_MARKS_RE,
    _PLAUSIBLE_WEAK_RATIO,
    _SEASON_PART_RE,
    _STAGE_ACTIONS,
    _STATISTICS_ENTRY_RE,
)


@dataclass(frozen=True)
class _Pair:
    """The figure chosen as a target's actual, with how sure the choice is and why, in Chinese."""

    figure: int
    confidence: str
    reason: str


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


def _core(noun: str) -> str:
    """What a noun names, without fillers that say nothing of which thing it is (全区, 累计, dates)."""
    return _NOUN_FILLER_RE.sub("", _NOUN_MARKS_RE.sub("", noun))


def _stage_conflict(target: _Target, figure: _Figure) -> bool:
    """The figure counts another stage of the thing: candidates, plans or signings for a thing done, or the reverse."""
    target_text = target.noun + target.action
    figure_text = figure.noun + figure.text
    target_early = set(_EARLY_STAGE_RE.findall(target_text))
    figure_early = set(_EARLY_STAGE_RE.findall(figure_text))
    target_late = set(_LATE_STAGE_RE.findall(target_text))
    figure_late = set(_LATE_STAGE_RE.findall(figure_text))
    earlier = figure_early - target_early
    if earlier == {"入库"} and _STATISTICS_ENTRY_RE.search(figure_text):
        earlier = set()  # "新增入库规上工业企业97家": entering the statistics is the thing itself
    if earlier == {"签约"} and not target_late and _BRING_IN_RE.search(target.context):
        earlier = set()  # "引进…项目10个" met by "已签约…10个"
    if earlier:
        return True  # "入选拟上市企业库" for 上市企业, "签约" for 开工项目 or 征迁
    return bool(target_early - figure_early) and bool(figure_late)  # "签约项目" met by "开工项目"


def _subject_conflict(target_noun: str, figure_noun: str, *, shared: int = 2) -> str:
    """The same kind of thing for another subject: "四大新兴产业增加值占比" / "战略性新兴产业增加值占比".

    The nouns differ before a part they share (`shared` characters or more), and the differing
    words are more than one character against one: "实际利用外资" / "实际使用外资" or
    "讲堂" / "课堂" are one thing said two ways. Returns the reason, or "".
    """
    target_core, figure_core = _core(target_noun), _core(figure_noun)
    if not target_core or not figure_core or target_core == figure_core:
        return ""
    opcodes = SequenceMatcher(None, target_core, figure_core, autojunk=False).get_opcodes()
    for index, (tag, t_start, t_end, f_start, f_end) in enumerate(opcodes[:-1]):
        following = opcodes[index + 1]
        shared_after = following[0] == "equal" and following[2] - following[1] >= shared
        target_words, figure_words = target_core[t_start:t_end], figure_core[f_start:f_end]
        generic = _GENERIC_MODIFIER_RE.match(target_words) and _GENERIC_MODIFIER_RE.match(figure_words)
        if tag == "replace" and shared_after and len(target_words) + len(figure_words) >= 3 and not generic:
            return f"所指不同:目标为“{target_core}”,进度为“{figure_core}”"
    return ""


def _part_of_whole(target: _Target, figure: _Figure) -> bool:
    """A figure that names a part of what the target counts: under 其中 ("其中高校毕业生就业…"), a season's
    (夏粮 of 粮食) or a component's (路基工程 of 农村公路)."""
    target_core, figure_core = _core(_figure_noun(target.noun)), _core(figure.noun)
    season = _SEASON_PART_RE.match(figure_core)
    if season and season.group(0) not in target_core:
        return True
    component = _COMPONENT_RE.search(figure_core)
    if component and component.group(0) not in target_core and not figure.total:
        return True
    if not figure.subset or figure.noun_inherited:
        return False
    # "其中出口" is a part of 进出口总额 though written in it; "其中高效节水灌溉" is the 高效节水灌溉面积 targeted.
    return bool(figure_core) and not target_core.startswith(figure_core)


def _other_indicator(target: _Target, figure: _Figure) -> bool:
    """Both name a known statistical indicator, and not the same one: 规上工业总产值 is not 规上工业增加值."""
    return _other_indicator_named(target, figure.noun) or _other_indicator_named(target, figure.text)


def _other_indicator_named(target: _Target, text: str) -> bool:
    target_found = _INDICATOR_RE.search(target.noun)
    found = _INDICATOR_RE.search(text)
    return bool(target_found and found) and _INDICATORS[target_found.group(0)] != _INDICATORS[found.group(0)]


def _growth_subject(figures: list[_Figure], index: int) -> str:
    """What a growth figure is the growth of: its own noun, or for a bare "同比增长8%" the figure before it
    in its sentence ("实现工业总产值300亿元,同比增长8%" is the growth of 工业总产值)."""
    figure = figures[index]
    if _core(figure.noun):
        return figure.noun
    for earlier in reversed(figures[:index]):
        if earlier.sentence != figure.sentence:
            break
        if earlier.quantity.kind != GROWTH and earlier.noun:
            return earlier.noun
    return figure.noun


def _compatible(target: _Target, figure: _Figure) -> bool:
    quantity = figure.quantity
    if figure.excluded or figure.heading:
        return False
    if _stage_conflict(target, figure) or _part_of_whole(target, figure) or _other_indicator(target, figure):
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


def _match(targets: list[_Target], figures: list[_Figure]) -> dict[int, _Pair]:
    """Target index -> its pair. Sure matches first; a weaker or doubtful one only when nothing else fits."""
    pairs: dict[int, _Pair] = {}
    taken: set[int] = set()

    def assign(t: int, f: int, confidence: str, reason: str) -> None:
        pairs[t] = _Pair(f, confidence, reason)
        taken.add(f)

    def assign_unique(candidates: dict[int, dict[int, float]], confidence: str, reason_of) -> None:
        # Highest score first; a target whose best two figures tie with different values gets none.
        ranked = sorted(
            ((score, t, f) for t, scored in candidates.items() for f, score in scored.items()),
            key=lambda item: (-item[0], item[1], item[2]),
        )
        for score, target_index, figure_index in ranked:
            if target_index in pairs or figure_index in taken:
                continue
            rivals = [
                figures[f].quantity.value
                for f, s in candidates[target_index].items()
                if f not in taken and f != figure_index and abs(s - score) < 1e-9
            ]
            if any(value != figures[figure_index].quantity.value for value in rivals):
                continue
            assign(target_index, figure_index, confidence, reason_of(target_index, figure_index))

    def assign_if_single(t: int, candidates: list[int], confidence: str, reason: str) -> None:
        if len({figures[f].quantity.value for f in candidates}) == 1:
            assign(t, candidates[0], confidence, reason)

    compatible = {
        t: [f for f, figure in enumerate(figures) if _compatible(target, figure)] for t, target in enumerate(targets)
    }
    # 1. The figure names what the target counts. One that names it for another subject is only doubtful.
    strong: dict[int, dict[int, float]] = {}
    other_subject: dict[int, dict[int, float]] = {}
    for t, target in enumerate(targets):
        for f in compatible[t]:
            tier, score = _similarity(target, figures[f])
            if figures[f].unitless and tier != "strong":
                continue
            if tier == "strong":
                bonus = 0.5 if target.action and figures[f].actions & _ACTION_FAMILIES[target.action] else 0.0
                penalty = 0.3 if figures[f].subset else 0.0
                chosen = other_subject if _subject_conflict(target.noun, figures[f].noun) else strong
                chosen.setdefault(t, {})[f] = score + bonus - penalty
    assign_unique(strong, CONFIDENT, lambda t, f: "进度所列名称、单位与目标一致")

    # 2. The same action on the same unit, once each: "开工18条" and "16条已开工".
    by_action: dict[tuple[str, str], list[int]] = {}
    for t, target in enumerate(targets):
        if t not in pairs and target.action:
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
        assign_if_single(t, matching, CONFIDENT, f"进度中唯一“{action}”的{unit}数")

    # 3. Growth: one growth target and one growth figure in the task are the pair, unless the
    #    figure names another indicator ("规上工业增加值增长8%" for 地区生产总值).
    growth_targets = [t for t, target in enumerate(targets) if target.quantity.kind == GROWTH]
    growth_figures = [f for f, figure in enumerate(figures) if figure.quantity.kind == GROWTH and not figure.excluded]
    if len(growth_targets) == 1 and growth_targets[0] not in pairs:
        # A growth figure of a part ("其中出口增长2.1%") is not one of the task's growth figures.
        growth_figures = [f for f in growth_figures if not _part_of_whole(targets[growth_targets[0]], figures[f])]
    if len(growth_targets) == 1 and len(growth_figures) == 1 and growth_targets[0] not in pairs:
        t, f = growth_targets[0], growth_figures[0]
        subject = _growth_subject(figures, f)
        if f not in taken and _compatible(targets[t], figures[f]) and not _other_indicator_named(targets[t], subject):
            named = _core(figures[f].noun)
            # The task's only growth figure is its actual unless it plainly names the indicator for
            # another subject ("农村居民人均可支配收入" for 城镇…): a longer shared name is asked for.
            other = _subject_conflict(targets[t].noun, subject, shared=3)
            if other:
                assign(t, f, DOUBTFUL, other)
            elif not named or _similarity(targets[t], figures[f])[0] == "strong" or _both_declines(targets[t], figures[f]):
                assign(t, f, CONFIDENT, "进度中唯一的增速")
            else:
                assign(t, f, DOUBTFUL, f"进度中唯一的增速,但所指为“{named}”")

    # 4. A weaker likeness (a shared word), when it is the only one either way and the size is plausible.
    remaining = [t for t in range(len(targets)) if t not in pairs]
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
            assign_if_single(t, candidates, CONFIDENT, "进度中唯一名称相近、单位相同的数")

    # 5. A figure without a noun ("已完工57台"), when the target is the only one left in that unit.
    remaining = [t for t in range(len(targets)) if t not in pairs]
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
        assign_if_single(t, whole or candidates, CONFIDENT, f"进度中唯一未另指他物的{target.quantity.unit}数")

    # 6. What is left may take a figure naming the same kind of thing for another subject, as doubtful.
    leftover = {t: {f: score for f, score in scored.items() if f not in taken} for t, scored in other_subject.items() if t not in pairs}
    assign_unique(
        {t: scored for t, scored in leftover.items() if scored},
        DOUBTFUL,
        lambda t, f: _subject_conflict(targets[t].noun, figures[f].noun),
    )
    return pairs


def _both_declines(target: _Target, figure: _Figure) -> bool:
    """A reduction target ("支出再压减10%") and the only decline reported, of something sharing a word ("支出预算下降11%").

    A named growth figure that only shares a word with a growth target is doubtful ("贸易额" / "交易额"):
    progress prose reports many rates. A reduction target is about the one thing said to fall.
    """
    return target.quantity.value < 0 and figure.quantity.value < 0 and _similarity(target, figure)[0] == "weak"


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


def _set_actual(metric: Metric, figure: _Figure, *, confidence: str = CONFIDENT, reason: str = "") -> None:
    metric.confidence, metric.confidence_reason = confidence, reason
    metric.actual = figure.quantity.value
    metric.actual_unit = figure.quantity.unit or metric.unit
    metric.actual_span = (figure.quantity.start, figure.quantity.end)
    metric.period_end_month = figure.period_end_month

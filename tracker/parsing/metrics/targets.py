"""The targets a task's content sets.

"建设生态绿道10公里、山水连廊2条" gives 10 公里 of 生态绿道 and 2 条 of 山水连廊, each
with its comparator (以上, 不低于, 控制在), its sign when it is a growth rate
("压减10%" is -10%), and its action when it names one (开工, 出让...). Targets keep how
they are written: approximate (左右), a floor (确保5%以上), a range (3-5个), an aim that
stretches the target before it (力争7.5%). A conjunction or a verb between two figures
ends the first item ("建成18个应急广播并安装752个喇叭"). Figures that only name or
delimit things ("一项一码", "中央八项规定", "50万元以上的村") are not targets. Does not
read the progress; which figure meets which target is `pairing`'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import _clean, _first_item, _is_qualifier, _names_what_follows, _next_item
from .quantities import _compound_groups, _Quantity, _quantities, _ranges
from .segments import _masked_ranges, _Segments
from .vocabulary import (
    AT_LEAST,
    AT_MOST,
    EQUAL,
    GROWTH,
    PERCENT,
    _ACTION_RE,
    _AT_LEAST_BEFORE_RE,
    _AT_MOST_BEFORE_RE,
    _BOUND_BETWEEN_RE,
    _CHINESE_DIGITS,
    _FLOOR_WORD_RE,
    _GENERIC_LEAD_RE,
    _GROWTH_AFTER_RE,
    _GROWTH_BEFORE_RE,
    _MADE_INTO_RE,
    _QUOTES,
    _REDUCTION_BEFORE_RE,
    _TARGET_LEAD_RE,
    _TOTAL_NOUNS,
    _VERB_BEFORE_NUMERAL_RE,
    _VERB_LED_CLAUSE_RE,
    _ZERO_GROWTH_RE,
)


@dataclass
class _Target:
    quantity: _Quantity
    noun: str  # what is counted, without the action
    action: str  # "开工", "出让"...; "" when the target names none
    label: str
    span: tuple[int, int]
    sentence: int
    main: _Target | None = None  # an aim ("力争7.5%") shares the actual of the target it stretches
    context: str = ""  # the words before the figure in its item, verbs included ("引进外籍人才项目")


def _read_targets(content: str) -> list[_Target]:
    if not content:
        return []
    segments = _Segments.of(content)
    mask = _masked_ranges(content, _QUOTES)
    quantities = _ranges(content, mask, _quantities(content, mask))
    quantities = _merge_bounds(content, [q for q in quantities if _may_be_target(content, q, segments)])
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
            if more_follow and groups[index + 1][0].main is group[-1]:
                after = ""  # "5.5%左右(力争6%)": the aim follows, nothing is named between
            elif more_follow and _is_qualifier(after):
                continue  # "10亿元以上重大产业项目20个": the first figure says which projects
            if more_follow:
                after = _first_item(after)  # "20座公厕、16个…", "18个应急广播并安装…": this item ends there
            before = content[previous_end : group[0].start]
            if previous_end > clause_start:
                before = _next_item(before)  # the item before ended at its 、, conjunction or verb
            targets.extend(_targets_of_group(content, group, before, after, segments))
            previous_end = group[-1].end
    _distribute_respectively(content, targets, segments)
    _inherit_nouns(targets)
    _link_aims(targets)
    return targets


def _may_be_target(content: str, quantity: _Quantity, segments: _Segments) -> bool:
    """Figures that only name or delimit things: "一项一码", "中央八项规定", "把…8项赛事打造为…"."""
    number = content[quantity.start]
    if number in _CHINESE_DIGITS:
        clause_start, _ = segments.clause_bounds(segments.clause_of(quantity.start))
        if quantity.value == 1:
            return False  # 一 before a measure word is an article
        before = content[clause_start : quantity.start]
        if quantity.start > clause_start and not (_VERB_BEFORE_NUMERAL_RE.search(before) or _VERB_LED_CLAUSE_RE.match(before)):
            return False
    if quantity.comparator != EQUAL and content[quantity.end : quantity.end + 1] == "的":
        return False  # "50万元以上的村": a threshold that says which things, not a number to reach
    sentence_start, sentence_end = segments.sentence_bounds(segments.sentence_of(quantity.start))
    if "把" in content[sentence_start : quantity.start] and _MADE_INTO_RE.search(content[quantity.end : sentence_end]):
        return False  # the object of 把…打造为: the things to be made better, not a number to reach
    return True


def _merge_bounds(content: str, quantities: list[_Quantity]) -> list[_Quantity]:
    """A target and its floor are one target: "5.5%左右(确保5%以上)" is 5.5 with a floor of 5.

    The merged quantity's span covers both, so the label is read around the whole. An aim after a
    target ("7%左右,力争7.5%", "确保5%、力争6%") is a target of its own, linked to the one it stretches.
    """
    merged: list[_Quantity] = []
    for quantity in quantities:
        previous = merged[-1] if merged else None
        found = _BOUND_BETWEEN_RE.match(content, previous.end, quantity.start) if previous else None
        if previous is None or found is None or (quantity.unit, quantity.kind) != (previous.unit, previous.kind):
            merged.append(quantity)
            continue
        if found["floor"] and quantity.value <= previous.value:
            previous.floor = quantity.value
        elif found["aim"] and quantity.value >= previous.value:
            lead = _GROWTH_BEFORE_RE.sub("", content[max(0, previous.start - 8) : previous.start])
            if _FLOOR_WORD_RE.search(lead[-3:]):  # "确保5%、力争6%": the first is a floor of its own
                previous.floor, previous.comparator = previous.value, AT_LEAST
            quantity.main = previous  # a target of its own, read with its 力争 and the main target's noun
            merged.append(quantity)
            continue
        else:
            merged.append(quantity)
            continue
        previous.end = quantity.end
        if content[found.start() : found.start() + 1] in "(（" and content[quantity.end : quantity.end + 1] in ")）":
            previous.end += 1  # the closing bracket of "(确保5%以上)"
    return merged


def _targets_of_group(content: str, group: list[_Quantity], before: str, after: str, segments: _Segments) -> list[_Target]:
    before = before.lstrip("、和及与 ")
    comparator_prefix = ""
    for pattern, comparator in ((_AT_LEAST_BEFORE_RE, AT_LEAST), (_AT_MOST_BEFORE_RE, AT_MOST)):
        found = pattern.search(before)
        if found:
            comparator_prefix = found.group(0)  # "不低于24.5%", "增长不低于6%", "总量突破500亿元"
            for quantity in group:
                if quantity.comparator == EQUAL:
                    quantity.comparator = comparator
            break
    before = before.removesuffix(comparator_prefix)
    growth = _growth_comparator(before, after)
    if growth and comparator_prefix:
        comparator_prefix = ""  # "增长不低于6%": the span stays the figure
    lead = _TARGET_LEAD_RE.search(_GROWTH_BEFORE_RE.sub("", before) if growth else before)
    if lead:
        for quantity in group:
            if lead["floor"] and quantity.floor is None:
                quantity.floor = quantity.value
                quantity.comparator = AT_LEAST if quantity.comparator == EQUAL else quantity.comparator
            quantity.approx = quantity.approx or bool(lead["approx"])
        if not growth:  # "力争6%": the word is part of the target as written
            comparator_prefix = lead.group(0) + comparator_prefix
            before = before[: lead.start()]
    phrase_before = _GROWTH_BEFORE_RE.sub("", _REDUCTION_BEFORE_RE.sub("", before)) if growth else before
    phrase_after = _GROWTH_AFTER_RE.sub("", after.removeprefix("以上").removeprefix("以下")) if growth else after

    action, action_follows = "", False
    lead_stripped = _GENERIC_LEAD_RE.sub("", phrase_before)
    if lead_stripped.startswith("新") and _ACTION_RE.match(lead_stripped, 1):
        lead_stripped = lead_stripped[1:]  # "新开工保障性租赁住房": the action is 开工
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
        noun = _clean(noun.removeprefix("新" + action).removeprefix(action).removesuffix(action).removesuffix("全面"))
    if noun in _TOTAL_NOUNS:
        noun = ""  # "总量突破500亿元": the total of what the target before it counts

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
            if sign < 0:  # a reduction's "以上" is a ceiling on growth, not a floor
                quantity.floor = None
                quantity.high = None
        if quantity.comparator == AT_LEAST and quantity.floor is None:
            quantity.floor = quantity.value  # "15家以上", "不低于24.5%": the target is its own floor
        for each_noun in nouns:
            targets.append(
                _Target(
                    quantity=quantity if len(nouns) == 1 else _Quantity(**vars(quantity)),
                    noun=each_noun,
                    action=action,
                    label=_label(action, each_noun, action_follows=action_follows),
                    span=(span_start if quantity is group[0] else quantity.start, quantity.end),
                    sentence=sentence,
                    context=before,
                )
            )
    return targets


def _growth_comparator(before: str, after: str) -> tuple[int, str] | None:
    """(sign, comparator) when the figure is a growth rate, None otherwise."""
    if _REDUCTION_BEFORE_RE.search(before):
        return -1, AT_MOST  # "压减10%以上": growth of -10% or less
    if _GROWTH_BEFORE_RE.search(before) or _GROWTH_AFTER_RE.match(after.removeprefix("以上").removeprefix("以下")):
        return 1, EQUAL
    return None


def _distribute_respectively(content: str, targets: list[_Target], segments: _Segments) -> None:
    """"城乡居民人均可支配收入分别增长6%、7.5%": the figures after 分别 go to the things listed, in order.

    The things are the parts of the first target's noun split at 、/和/与/及, or 城镇 and 农村 for 城乡.
    The figures after the first take its kind (a growth rate) and its sign.
    """
    for index, first in enumerate(targets):
        clause = segments.clause_of(first.span[0])
        clause_start, _ = segments.clause_bounds(clause)
        if "分别" not in content[clause_start : first.span[0]] or not first.noun:
            continue
        followers = []
        for later in targets[index + 1 :]:
            if later.noun or segments.clause_of(later.span[0]) != clause:
                break
            followers.append(later)
        if not followers:
            continue
        parts = [part for part in re.split(r"[、和与及]", first.noun) if part]
        if len(parts) == 1 and first.noun.startswith("城乡") and len(followers) == 1:
            rest = first.noun.removeprefix("城乡")
            parts = [f"城镇{rest}", f"农村{rest}"]
        if len(parts) != len(followers) + 1:
            continue
        main = first.quantity
        for target, noun in zip([first, *followers], parts):
            target.noun = target.label = noun
            if main.kind == GROWTH and target.quantity.kind != GROWTH:
                target.quantity.kind, target.quantity.unit = GROWTH, "%"
                target.quantity.value *= -1 if main.value < 0 else 1
                target.quantity.comparator = main.comparator if main.value < 0 else target.quantity.comparator


def _link_aims(targets: list[_Target]) -> None:
    """An aim counts what its main target counts, in the same kind, and is held to that target as its floor."""
    for target in targets:
        main_quantity = target.quantity.main
        if main_quantity is None:
            continue
        main = next((t for t in targets if t.quantity is main_quantity), None)
        if main is None:
            continue
        target.main, target.noun, target.label = main, main.noun, main.label
        if main_quantity.kind == GROWTH and target.quantity.kind != GROWTH:
            target.quantity.kind, target.quantity.unit = GROWTH, "%"
            target.quantity.value *= -1 if main_quantity.value < 0 else 1
        target.quantity.floor = main_quantity.floor if main_quantity.floor is not None else main_quantity.value


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

"""Which progress figure is the actual of which content target.

Matched by what is counted, its unit and its action, never by position: sure
matches first, a doubtful one only when nothing else fits, none when two candidates
tie with different values. Reads no text; it works on the targets and figures
already read, and writes the chosen figure onto its `Metric`.
"""

from __future__ import annotations

from .figures import _Figure
from .metric import Metric
from .phrases import _figure_noun
from .targets import _Target
from .vocabulary import (
    AMOUNT,
    COUNT,
    GROWTH,
    PERCENT,
    _ACTION_FAMILIES,
    _COMPLETION_ACTIONS,
    _GENERIC_BIGRAMS,
    _LEVEL_RE,
    _PLAUSIBLE_WEAK_RATIO,
    _STAGE_ACTIONS,
)


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

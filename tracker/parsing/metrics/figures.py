"""The figures a task's progress reports, each a candidate actual.

For each figure: what it counts, what was done (开工, 竣工...), whether it is achieved
or only planned, under way, partly done, awaiting acceptance, last year's or in
parentheses, whether it is a part (其中) or a total (合计), and its own period
("1-8月"). A figure named only by what was done to it ("已建成运营4个") names nothing.
Decides nothing about which target a figure belongs to; that is `pairing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .phrases import _clean, _figure_noun, _first_item, _is_qualifier, _names_what_follows, _next_item, _strip_digits
from .quantities import _compound_groups, _Quantity, _quantities
from .segments import _masked_ranges, _Segments
from .vocabulary import (
    COUNT,
    GROWTH,
    _ACHIEVED_RE,
    _ACTION_RE,
    _ALL_DONE_AFTER_RE,
    _DATA_PENDING_RE,
    _DECLINE_WORDS,
    _FIGURE_ACTION_RE,
    _LAST_YEAR_RE,
    _LEADING_PREDICATE_RE,
    _NOT_ACHIEVED_AFTER_RE,
    _NOT_ACHIEVED_BEFORE_RE,
    _PARENS,
    _PARTLY_DONE_RE,
    _PENDING_RE,
    _PREDICATE_ONLY_RE,
    _PROGRESS_GROWTH_RE,
    _QUANTITY_RE,
    _QUOTES,
    _RATIO_RE,
    _SPAN_RE,
    _STRICT_ACHIEVED_RE,
    _SUBSET_RE,
    _TOTAL_RE,
    _TRAILING_PREDICATE_RE,
    _UNITLESS_RE,
)


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
        if match["word"] in _DECLINE_WORDS:
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
            if previous_end > clause_start:
                before = _next_item(before)  # the item before ended at its 、, conjunction or verb
            after = _first_item(between) if index + 1 < len(groups) else between
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
    if _PREDICATE_ONLY_RE.fullmatch(noun):
        noun = ""  # "1家已完成装修并试运营": what was done, not what is counted
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
    figure.excluded = _not_achieved(before, after, next_clause_text, clause_text, growth=quantity.kind == GROWTH)
    if not figure.excluded and quantity.kind != GROWTH and quantity.unit != "%":
        figure.excluded = bool(_PARTLY_DONE_RE.search(progress, quantity.end, clause_end))
    if not figure.excluded and quantity.kind != GROWTH:
        figure.excluded = bool(_LAST_YEAR_RE.search(progress, clause_start, quantity.start))
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
    if 1 not in paren_mask[offset : offset + len(text)]:
        return text
    return "".join(char for index, char in enumerate(text) if not paren_mask[offset + index])


def _not_achieved(before: str, after: str, next_clause: str, clause_text: str, *, growth: bool = False) -> bool:
    if _NOT_ACHIEVED_BEFORE_RE.search(before) or _NOT_ACHIEVED_AFTER_RE.search(after):
        return True
    if growth or _DATA_PENDING_RE.search(next_clause):
        return False  # "…增长9.6%,三季度数据待统计部门发布": the pending data is another period's
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
            # "…企业申报41家,已认定22家", "签约重大项目52个,新开工29个": the other figure's stage stays with it
            inherited = _LEADING_PREDICATE_RE.sub("", _TRAILING_PREDICATE_RE.sub("", earlier.noun))
            if inherited:
                figure.noun, figure.noun_inherited = inherited, True
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
    if match["first"]:
        return 3
    return int(match["upto"])


def _period_before(progress: str, spans: list[tuple[int, int]], position: int) -> int | None:
    """The last year-to-date span before the figure in its sentence; a ";" does not end its reach."""
    sentence_start = max(progress.rfind("。", 0, position), progress.rfind("\n", 0, position)) + 1
    month = None
    for start, end_month in spans:
        if sentence_start <= start < position and 1 <= end_month <= 12:
            month = end_month
    return month

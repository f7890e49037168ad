"""What the progress states outright, and how much of each target is done.

Explicit ratios ("完成率97.4%") go to the metric they speak of, or become a
whole-task metric of their own; targets the progress states itself ("完成市下达年度
目标任务20万平方米的92.4%", "共2815项任务,已完成2256项") become metrics with their
actual; any other metric's completion is actual/target. Does not pair the content's
targets with figures; that is `pairing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import _Figure, _period_before, _span_month
from .metric import Metric
from .pairing import _set_actual
from .phrases import _clean, _strip_digits
from .quantities import _Quantity, _quantities
from .segments import _masked_ranges, _Segments
from .vocabulary import (
    AMOUNT,
    AT_MOST,
    COUNT,
    EQUAL,
    GROWTH,
    PERCENT,
    _PROGRESS_TARGET_RE,
    _QUOTES,
    _RATIO_RE,
    _SPAN_RE,
    _TARGET_SHARE_RE,
    _TASK_DONE_RE,
    _TASK_TOTAL_RE,
)


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
        metric = Metric(
            label="",
            target=quantity.value,
            unit=quantity.unit,
            comparator=EQUAL,
            kind=quantity.kind,
            target_text=progress[quantity.start : quantity.end],
            confidence_reason="进度写明年度目标,未写完成数",
        )
        if actual is not None:
            _set_actual(metric, figures[actual], reason="进度写明年度目标及完成数")
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
                target_text=progress[match.start() : match.end()],
                confidence_reason="进度写明任务总数与已完成数",
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
                confidence_reason="进度写明完成比例",
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
    """actual / target, or actual / floor where the target gives one ("确保…以上", "3-5个")."""
    goal = metric.floor if metric.floor is not None else metric.target
    if metric.actual is None or goal is None or goal <= 0:
        return None
    if metric.kind == GROWTH or metric.comparator == AT_MOST:
        return None  # a ratio of two growth rates, or of a ceiling, means nothing
    if metric.actual_unit and metric.actual_unit != metric.unit:
        return None
    return round(metric.actual / goal, 4)

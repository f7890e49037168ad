"""`extract_metrics`, the entry point: a task's content and progress in, its `Metric`s out.

It only runs the steps in turn (a pair from numeric columns, targets, figures and
ratios read, targets paired with figures, what the progress states itself added,
completion filled in); each step's rules live in its own module.
"""

from __future__ import annotations

import re

from .columns import _column_metric
from .completion import _apply_ratios, _computed_completion, _progress_targets, _read_ratios
from .figures import _read_figures
from .metric import DOUBTFUL, Metric
from .pairing import _match, _set_actual
from .segments import _Segments
from .targets import _read_targets

_UNPAIRED_REASON = "进度中没有可确认为此项的数字"
# A real cell states a few dozen figures. Pairing compares the figures of a cell with one another, so a crafted
# cell of thousands ("7%7%7%…", 32,767 characters) held a worker for minutes; past this many numbers in the
# content or the progress no pair is read at all (and none would be trusted in such a cell).
MAX_NUMBERS_PER_CELL = 200
_NUMBER_RE = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两零〇]+")


def _too_many_numbers(text: str) -> bool:
    if len(text) < MAX_NUMBERS_PER_CELL:
        return False
    count = 0
    for _ in _NUMBER_RE.finditer(text):
        count += 1
        if count > MAX_NUMBERS_PER_CELL:
            return True
    return False


def extract_metrics(
    content: str,
    progress: str,
    *,
    period_end_month: int | None,
    target_text: str = "",
    actual_text: str = "",
    completion_text: str = "",
) -> list[Metric]:
    """The task's targets, each with its actual from the progress when one can be told for sure.

    `period_end_month` is the report's; a figure's own "1-8月" overrides it on that Metric.
    `target_text` / `actual_text`: the cells of a table's numeric target and actual columns, if any,
    and `completion_text` its rate column ("101.1%"): they pair directly, as a Metric of source
    "columns", and a target in the content with the same value is that metric, not another.
    A cell with more than MAX_NUMBERS_PER_CELL numbers gives no metrics.
    """
    if _too_many_numbers(content) or _too_many_numbers(progress):
        return []
    targets = _read_targets(content)
    metrics = [
        Metric(
            label=target.label,
            target=target.quantity.value,
            unit=target.quantity.unit,
            comparator=target.quantity.comparator,
            kind=target.quantity.kind,
            target_span=target.span,
            target_text=content[target.span[0] : target.span[1]],
            floor=target.quantity.floor,
            approx=target.quantity.approx,
            range_high=target.quantity.high,
            confidence_reason=_UNPAIRED_REASON,
        )
        for target in targets
    ]
    column_metric = _column_metric(content, target_text, actual_text, completion_text, metrics)
    if column_metric is not None:
        # The columns say what the target's actual is; the same target read from the words is that metric.
        kept = [i for i, m in enumerate(metrics) if not _same_target(m, column_metric)]
        targets = [targets[i] for i in kept]
        metrics = [metrics[i] for i in kept]

    progress_segments = _Segments.of(progress)
    figures = _read_figures(progress, progress_segments)
    ratios = _read_ratios(progress, progress_segments)
    used_figures: set[int] = set()
    if progress:
        # An aim ("力争7.5%") is not matched on its own: it shares the actual of the target it stretches.
        matched = [i for i, target in enumerate(targets) if target.main is None]
        for index, pair in _match([targets[i] for i in matched], figures).items():
            _set_actual(metrics[matched[index]], figures[pair.figure], confidence=pair.confidence, reason=pair.reason)
            used_figures.add(pair.figure)
        for target, metric in zip(targets, metrics):
            main = next((m for t, m in zip(targets, metrics) if t is target.main), None)
            if main is not None and main.actual is not None:
                metric.actual, metric.actual_unit, metric.actual_span = main.actual, main.actual_unit, main.actual_span
                metric.period_end_month, metric.confidence = main.period_end_month, main.confidence
                metric.confidence_reason = f"与同一指标的目标共用完成数:{main.confidence_reason}"
        metrics.extend(_progress_targets(progress, progress_segments, figures, used_figures, metrics))
        _apply_ratios(metrics, figures, ratios, progress_segments)
    if column_metric is not None:
        # The row's measure is its columns: a ratio the progress states is of that, not a metric of its own.
        metrics = [column_metric] + [m for m in metrics if m.target is not None]
    for metric in metrics:
        if metric.confidence == DOUBTFUL:
            metric.completion = None  # counts nowhere until an admin accepts the pair
        elif metric.completion is None:
            metric.completion = _computed_completion(metric)
    return metrics


def _same_target(metric: Metric, column_metric: Metric) -> bool:
    return metric.target == column_metric.target and metric.unit in (column_metric.unit, "")

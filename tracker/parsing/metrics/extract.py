"""`extract_metrics`, the entry point: a task's content and progress in, its `Metric`s out.

It only runs the steps in turn (targets, figures and ratios read, targets paired
with figures, what the progress states itself added, completion filled in); each
step's rules live in its own module.
"""

from __future__ import annotations

from .completion import _apply_ratios, _computed_completion, _progress_targets, _read_ratios
from .figures import _read_figures
from .metric import Metric
from .pairing import _match, _set_actual
from .segments import _Segments
from .targets import _read_targets


def extract_metrics(
    content: str,
    progress: str,
    *,
    period_end_month: int | None,
    target_text: str = "",
    actual_text: str = "",
) -> list[Metric]:
    """The task's targets, each with its actual from the progress when one can be told for sure.

    `period_end_month` is the report's; a figure's own "1-8月" overrides it on that Metric.
    `target_text` / `actual_text`: the cells of a table's numeric target and actual columns, if any
    (not read yet: see issue 12, "figures from numeric columns").
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

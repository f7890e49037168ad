"""Chart data builders: plain dicts in, plain dicts out, ready for `json_script`.

No queries here: selectors count, these functions only shape the counts for the
JS files in static/js/ (one per chart kind) and for the tables that stand in for
the charts when printing or with a screen reader.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy as _

from tracker.models import Task
from tracker.parsing.periods import elapsed_share  # noqa: F401  (views read it from here)

# Labels of Task.Status, translatable (the model's choice labels are plain Chinese strings).
STATUS_LABELS = {
    Task.Status.COMPLETED: _("已完成"),
    Task.Status.ON_TRACK: _("正常推进"),
    Task.Status.BEHIND: _("滞后"),
    Task.Status.NOT_STARTED: _("未开工"),
    Task.Status.SUSPENDED: _("暂停"),
    Task.Status.UNKNOWN: _("未知"),
}
STATUS_ORDER = list(STATUS_LABELS)


@dataclass(frozen=True)
class StatusMix:
    """How many tasks have each status; `known` leaves out `unknown`."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def completed(self) -> int:
        return self.counts.get(Task.Status.COMPLETED, 0)

    @property
    def known(self) -> int:
        return self.total - self.counts.get(Task.Status.UNKNOWN, 0)

    @property
    def completion_ratio(self) -> float | None:
        """Completed tasks over all tasks; None without tasks."""
        return self.completed / self.total if self.total else None

    def rows(self) -> list[dict]:
        """One row per status in the fixed order, for figures and tables."""
        return [
            {"status": status.value, "label": str(STATUS_LABELS[status]), "count": self.counts.get(status, 0)}
            for status in STATUS_ORDER
        ]


def status_mix(statuses: Mapping[str, int] | Iterable[str]) -> StatusMix:
    """A `StatusMix` from a {status: count} mapping or from an iterable of status values."""
    if isinstance(statuses, Mapping):
        counts = {status: int(count) for status, count in statuses.items()}
    else:
        counts = {}
        for status in statuses:
            counts[status] = counts.get(status, 0) + 1
    return StatusMix(counts={status.value: counts.get(status.value, 0) for status in STATUS_ORDER})


def status_chart(mix: StatusMix) -> dict:
    """Doughnut data: statuses with at least one task, in the fixed order."""
    rows = [row for row in mix.rows() if row["count"]]
    return {
        "labels": [row["label"] for row in rows],
        "statuses": [row["status"] for row in rows],
        "values": [row["count"] for row in rows],
        "total": mix.total,
    }


def completion_chart(rows: Iterable[Mapping], *, elapsed: float | None = None) -> dict:
    """Bar data for completion per theme or department.

    Each row has `label`, `total`, `completed` and `known` (tasks whose status was read).
    When no row has a known status the shares would all be a meaningless 0%, so the
    chart shows plain task counts instead (`mode` "count") and draws no 序时进度 line.
    """
    rows = list(rows)
    has_figures = any(row["known"] for row in rows)
    labels = [str(row["label"]) for row in rows]
    if has_figures:
        values = [round(100 * row["completed"] / row["total"], 1) if row["total"] else 0 for row in rows]
        return {
            "mode": "share",
            "labels": labels,
            "values": values,
            "value_label": gettext("已完成任务占比 (%)"),
            "elapsed": round(100 * elapsed, 1) if elapsed is not None else None,
            "elapsed_label": gettext("序时进度"),
        }
    return {
        "mode": "count",
        "labels": labels,
        "values": [row["total"] for row in rows],
        "value_label": gettext("任务数"),
        "elapsed": None,
        "elapsed_label": gettext("序时进度"),
    }


def _number(value) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def target_actual_chart(metrics: Iterable[Mapping]) -> dict:
    """Bar data for target against actual, from a list of {label, target, actual, unit}.

    Metrics differ in units, so each actual is drawn as a percentage of its own target
    (target = 100%); the raw numbers travel along for tooltips and the table. A metric
    without a positive numeric target cannot be scaled and is left out of the chart.
    """
    labels, actual_percent, targets, actuals, units = [], [], [], [], []
    for metric in metrics:
        target = _number(metric.get("target"))
        actual = _number(metric.get("actual"))
        if target is None or target <= 0:
            continue
        labels.append(str(metric.get("label", "")))
        targets.append(target)
        actuals.append(actual)
        units.append(str(metric.get("unit") or ""))
        actual_percent.append(round(100 * actual / target, 1) if actual is not None else None)
    return {
        "labels": labels,
        "target_percent": [100] * len(labels),
        "actual_percent": actual_percent,
        "targets": targets,
        "actuals": actuals,
        "units": units,
        "target_label": gettext("目标"),
        "actual_label": gettext("实际"),
    }

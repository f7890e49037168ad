"""Chart data builders: plain dicts in, plain dicts out, ready for `json_script`.

No queries here: selectors count, these functions only shape the counts for the
JS files in static/js/ (one per chart kind) and for the tables that stand in for
the charts when printing or with a screen reader.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_lazy as _

from tracker.models import AT_MOST, LEVEL_KINDS, Task
from tracker.parsing.periods import elapsed_share  # noqa: F401  (views read it from here)

# Labels of Task.Status on the public pages, translatable. "unknown" is named for what it means: the
# report's words and figures do not say how far the task is (the admin still calls it 未知).
STATUS_LABELS = {
    Task.Status.COMPLETED: _("已完成"),
    Task.Status.ON_TRACK: _("正常推进"),
    Task.Status.BEHIND: _("滞后"),
    Task.Status.NOT_STARTED: _("未开工"),
    Task.Status.SUSPENDED: _("暂停"),
    Task.Status.UNKNOWN: _("无法从原文判断"),
}
STATUS_ORDER = list(STATUS_LABELS)

# The headline's four groups, each a value of the task list's `status` filter: a reader asks "how many are on
# schedule, how many behind", and completed and on-track tasks are both on schedule.
STATUS_GROUPS = {
    "on_schedule": (Task.Status.COMPLETED, Task.Status.ON_TRACK),
    "behind": (Task.Status.BEHIND,),
    "stalled": (Task.Status.NOT_STARTED, Task.Status.SUSPENDED),
    "unknown": (Task.Status.UNKNOWN,),
}
STATUS_GROUP_LABELS = {
    "on_schedule": _("按期推进"),
    "behind": _("滞后"),
    "stalled": _("未开工或暂停"),
    "unknown": _("无法从原文判断"),
}


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
    def on_track(self) -> int:
        return self.counts.get(Task.Status.ON_TRACK, 0)

    @property
    def known(self) -> int:
        return self.total - self.counts.get(Task.Status.UNKNOWN, 0)

    def group_count(self, group: str) -> int:
        return sum(self.counts.get(status, 0) for status in STATUS_GROUPS[group])

    @property
    def on_schedule(self) -> int:
        return self.group_count("on_schedule")

    @property
    def behind(self) -> int:
        return self.group_count("behind")

    @property
    def stalled(self) -> int:
        return self.group_count("stalled")

    @property
    def unknown(self) -> int:
        return self.group_count("unknown")

    @property
    def completion_ratio(self) -> float | None:
        """Completed tasks over all tasks; None without tasks."""
        return self.completed / self.total if self.total else None

    @property
    def on_schedule_ratio(self) -> float | None:
        """Tasks on schedule (completed or on track) over the tasks whose status could be judged; None when none could."""
        return self.on_schedule / self.known if self.known else None

    def rows(self) -> list[dict]:
        """One row per status in the fixed order, for figures and tables."""
        return [
            {"status": status.value, "label": str(STATUS_LABELS[status]), "count": self.counts.get(status, 0)}
            for status in STATUS_ORDER
        ]

    def groups(self) -> list[dict]:
        """The headline: one row per group (`group`, `label`, `count`, `statuses`: the rows of its statuses)."""
        by_status = {row["status"]: row for row in self.rows()}
        return [
            {
                "group": group,
                "label": str(STATUS_GROUP_LABELS[group]),
                "count": self.group_count(group),
                "statuses": [by_status[status.value] for status in statuses],
            }
            for group, statuses in STATUS_GROUPS.items()
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


def status_bars_chart(rows: Sequence[Mapping], *, value_label: str = "") -> dict:
    """Stacked bars of tasks by status, one bar per row (a theme, a department or a report period).

    Each row has a `label` (the full name: the chart shortens it on the axis only, tooltips show it
    whole) and a `mix` (StatusMix). Statuses no row has are left out of the legend.
    """
    rows = list(rows)
    series = []
    for status in STATUS_ORDER:
        values = [row["mix"].counts.get(status.value, 0) for row in rows]
        if any(values):
            series.append({"status": status.value, "label": str(STATUS_LABELS[status]), "values": values})
    return {
        "labels": [str(row["label"]) for row in rows],
        "series": series,
        "totals": [row["mix"].total for row in rows],
        "value_label": value_label or gettext("任务数"),
        "total_label": gettext("共"),
    }


def is_cumulative(metric: Mapping) -> bool:
    """Whether a metric's actual adds up over the year towards its target, so the 序时进度 is its yardstick."""
    return (
        _number(metric.get("target")) is not None
        and _number(metric.get("actual")) is not None
        and metric.get("kind") not in LEVEL_KINDS
        and metric.get("comparator") != AT_MOST
    )


def median_completion(completions: Iterable[float]) -> float | None:
    """The median of completion ratios (actual / target), None without any."""
    values = [value for value in completions if value is not None]
    return statistics.median(values) if values else None


def measured_completions(targets: Iterable[Mapping], *, key: str) -> dict[str, list[float]]:
    """Measurable targets' completions grouped by `key` ("theme_id" or "department_id"): {str(group id): [completion]}.

    Each target is a dict with `metric_id`, `completion` and the key; a target counts once per group even when
    it comes twice (a task with two departments). The services keep this per report (Report.stats["measured"]).
    """
    grouped: dict[str, dict[int, float]] = {}
    for target in targets:
        if target.get(key) is None or target.get("completion") is None:
            continue
        grouped.setdefault(str(target[key]), {})[target["metric_id"]] = float(target["completion"])
    return {group_id: list(completions.values()) for group_id, completions in grouped.items()}


def measured_completion_rows(completions: Mapping[str, list[float]], *, labels: Mapping, elapsed: float | None) -> list[dict]:
    """A row per group of `completions` (measured_completions), in the order of `labels` ({id: name}): `id`, `label`,
    `count`, `median`, `at_pace` (targets whose completion reaches the 序时进度 share; None when the period is unknown)."""
    rows = []
    for group_id, label in labels.items():
        values = completions.get(str(group_id))
        if not values:
            continue
        rows.append(
            {
                "id": group_id,
                "label": label,
                "count": len(values),
                "median": median_completion(values),
                "at_pace": sum(value >= elapsed for value in values) if elapsed is not None else None,
            }
        )
    return rows


def measured_completion_chart(rows: Sequence[Mapping], *, elapsed: float | None) -> dict:
    """Horizontal bars: the median completion (actual as % of target) per theme or department, and the 序时进度 line."""
    return {
        "labels": [str(row["label"]) for row in rows],
        "values": [round(100 * row["median"], 1) for row in rows],
        "counts": [row["count"] for row in rows],
        "value_label": gettext("实际占目标的中位数 (%)"),
        "count_label": gettext("可量化目标"),
        "elapsed": round(100 * elapsed, 1) if elapsed is not None else None,
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


def timeline_chart(entries: Sequence[Mapping]) -> dict:
    """Lines over the reports of a task's series: each measurable target's actual as % of its target, and the pace.

    `entries`, oldest first, each with `period` (the axis label), `elapsed` (序时进度 share or None) and
    `metrics` (dicts with `label`, `target`, `actual`, `kind`, `comparator`). A target is followed by its label;
    only targets that add up over the year (`is_cumulative`) are drawn, a growth rate beside the pace line would
    mislead. The chart is empty (no labels) unless some such target has an actual in at least one report.
    """
    labels = [str(entry["period"]) for entry in entries]
    lines: dict[str, list[float | None]] = {}
    for position, entry in enumerate(entries):
        for metric in entry["metrics"]:
            target, actual = _number(metric.get("target")), _number(metric.get("actual"))
            if not is_cumulative(metric) or target <= 0:
                continue
            line = lines.setdefault(str(metric.get("label", "")), [None] * len(entries))
            if line[position] is None:
                line[position] = round(100 * actual / target, 1)
    if not lines:
        labels = []
    return {
        "labels": labels,
        "lines": [{"label": label, "values": values} for label, values in lines.items()],
        "pace": [round(100 * entry["elapsed"], 1) if entry["elapsed"] is not None else None for entry in entries] if lines else [],
        "pace_label": gettext("序时进度"),
        "target_label": gettext("目标"),
    }

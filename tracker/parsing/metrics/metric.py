"""`Metric`, what `extract_metrics` returns: one target with its actual and completion.

Holds the record and its JSON form only; how the fields are read is elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass


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

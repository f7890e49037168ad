"""`Metric`, what `extract_metrics` returns: one target with its actual and completion.

Holds the record and its JSON form only; how the fields are read is elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

CONFIDENT, DOUBTFUL = "confident", "doubtful"
TEXT, COLUMNS = "text", "columns"


@dataclass
class Metric:
    """One target of a task, with the actual the progress reports for it (if any).

    Where it was read (`source`), and so what the evidence offsets index:
    - "text": the target in the task's content and the actual in its progress;
      `target_span` indexes `content` (None when the progress states the target itself,
      "完成市下达年度目标任务20万平方米的92.4%"), `actual_span` indexes `progress`;
    - "columns": a table's numeric target and actual columns; `target_span` indexes the
      target cell (`ParsedTask.target_text`), `actual_span` the actual cell (`actual_text`).

    `confidence` is "confident" when nothing casts doubt on the pair, "doubtful" when the
    figure may count something else (another subject's share, only a shared word, ...);
    `confidence_reason` says which, in Chinese for the admins. A doubtful pair keeps its
    actual for an admin to accept or reject, but has no completion and never drives a status.
    """

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
    target_text: str = ""  # the target as written: "5.5%左右(确保5%以上)", "不低于24.5%", "3-5个", "3000"
    floor: float | None = None  # the least that meets the target ("确保5%以上" -> 5, "15家以上" -> 15, "3-5个" -> 3)
    approx: bool = False  # "左右", "约", "近"
    range_high: float | None = None  # the upper end of a range: "3-5个" -> 5
    source: str = TEXT  # TEXT or COLUMNS, see above
    confidence: str = CONFIDENT
    confidence_reason: str = ""

    @property
    def confident(self) -> bool:
        return self.confidence == CONFIDENT

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
            "target_text": self.target_text,
            "floor": self.floor,
            "approx": self.approx,
            "range_high": self.range_high,
            "source": self.source,
            "confidence": self.confidence,
            "confidence_reason": self.confidence_reason,
        }

"""Each task's status — completed, on track, behind, not started, suspended — with its reason.

The yardstick is the share of the year elapsed at the report's period end (序时进度:
75% for a Q3 report); a figure reported for its own span ("1-8月") is held to that
span (8/12). Figures decide over words when both exist, and the reason, in Chinese
for the admins, says which decided: "回迁安置完成率58.8%,低于序时进度75%".
Only confident pairs are figures here: a doubtful one waits for an admin, and its
target counts as one without an actual. A target with a floor ("5.5%左右(确保5%以上)")
is met at its floor. Plain Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .metrics import AT_MOST, COLUMNS, GROWTH, PERCENT, Metric, extract_metrics
from .periods import elapsed_share
from .types import ParsedTask, Status

# Words about the whole task. Partial phrases ("已完成示范项目评审") are deliberately not here.
_SUSPENDED_RE = re.compile(r"停办|暂停|取消")
_MIXED_WITH_SUSPENDED_RE = re.compile(r"完成|举行|举办|开展|推进")
_BEHIND_RE = re.compile(r"未能完成|滞后|慢于序时进度|低于序时进度|进度偏慢")
_COMPLETED_RE = re.compile(
    r"^已完成(?=[。;；,，]|$)|^已(?:正常|按期|顺利)?(?:开放|投用|完工|建成|竣工|开通|上线)[。]?$|全部完成|已完成[^。;；]{0,30}各项工作"
)
_NOT_STARTED_RE = re.compile(r"未开工|尚未开工|未启动|尚未启动|准备[^,，;；。]{0,8}招标|前期(?:工作|阶段|准备|手续)")
# Signs that work has begun, which overrule a mention of preparation elsewhere in the text.
_STARTED_RE = re.compile(r"(?<![未没])(?:开工|施工|完工|建成|投用|运行|开放|举办|开展|启动)|完成(?!方案)")
_ON_TRACK_RE = re.compile(r"正常进行|正常推进|有序推进|进展顺利|快于序时进度|超序时进度|按计划推进")
# Work under way: telling when it is all the progress says, not as one clause of a long account.
_UNDER_WAY_RE = re.compile(r"实施中|推进中|施工中|建设中|进行中|编制中|创编中|筹备中|正在")
_SENTENCE_RE = re.compile(r"[^。;；]+")
_PERCENT_TEXT_RE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")

_REACHED, _ON_PACE, _BEHIND = "reached", "on_pace", "behind"
_AMOUNTS_IN_WAN = ("元", "美元", "平方米", "亩", "吨")


@dataclass(frozen=True)
class _Verdict:
    """How one metric stands against its target or the elapsed share of the year."""

    standing: str  # _REACHED, _ON_PACE or _BEHIND
    reason: str


def judge_tasks(tasks: list[ParsedTask], *, period_end_month: int | None) -> None:
    """Read each task's figures into `task.metrics` and set `task.status` and `task.status_reason`."""
    for task in tasks:
        task.metrics = extract_metrics(
            task.content,
            task.progress,
            period_end_month=period_end_month,
            target_text=task.target_text,
            actual_text=task.actual_text,
            completion_text=task.completion_text,
        )
        task.status, task.status_reason = judge_status(
            content=task.content,
            progress=task.progress,
            completion_text=task.completion_text,
            metrics=task.metrics,
            period_end_month=period_end_month,
        )


def judge_status(
    *, content: str, progress: str, completion_text: str, metrics: list[Metric], period_end_month: int | None
) -> tuple[Status, str]:
    """(status, reason). `content` is accepted for symmetry with the extractor; the progress and figures decide."""
    progress = progress.strip()
    suspended = _SUSPENDED_RE.search(progress)
    if suspended and not _MIXED_WITH_SUSPENDED_RE.search(progress):
        return Status.SUSPENDED, f"进度写明“{_phrase_around(progress, suspended)}”"

    verdicts = [v for v in (_verdict(m, period_end_month) for m in metrics if m.confident) if v is not None]
    # A row whose numeric columns made a metric has its rate column in that metric already.
    column_ratio = None if any(m.source == COLUMNS for m in metrics) else _completion_column_ratio(completion_text)
    if column_ratio is not None:
        verdicts.append(_ratio_verdict("完成进度", column_ratio, elapsed_share(period_end_month)))
    words = _status_from_words(progress, completion_text)

    if verdicts:
        behind = [v for v in verdicts if v.standing == _BEHIND]
        if behind:
            reason = _join_reasons(behind)
            if words and words[0] is Status.COMPLETED:
                reason += f"(进度虽写“{words[1]}”,以数字为准)"
            return Status.BEHIND, reason
        every_metric_judged = len(verdicts) >= len(metrics) + (column_ratio is not None)
        if every_metric_judged and all(v.standing == _REACHED for v in verdicts):
            return Status.COMPLETED, "各项指标均已完成:" + _join_reasons(verdicts)
        if words and words[0] is Status.COMPLETED:
            return Status.COMPLETED, f"进度写明“{words[1]}”;" + _join_reasons(verdicts)
        return Status.ON_TRACK, _join_reasons(verdicts)
    if words:
        status, phrase = words
        return status, f"进度写明“{phrase}”"
    return Status.UNKNOWN, "进度未写明完成数或状态"


def _verdict(metric: Metric, period_end_month: int | None) -> _Verdict | None:
    label = metric.label or "指标"
    if metric.kind == GROWTH or (metric.kind == PERCENT and metric.target is not None) or (
        metric.comparator == AT_MOST and metric.target is not None
    ):
        return _level_verdict(metric, label)
    if metric.completion is None:
        return None
    elapsed = elapsed_share(metric.period_end_month or period_end_month)
    verdict = _ratio_verdict(label, metric.completion, elapsed, metric.period_end_month)
    if verdict.standing == _REACHED and metric.actual is not None and metric.target is not None:
        return _Verdict(_REACHED, f"{label}{_quantity(metric.actual, metric.unit)},达到目标{_quantity(metric.target, metric.unit)}")
    return verdict


def _level_verdict(metric: Metric, label: str) -> _Verdict | None:
    """Rates and ceilings are compared with their target as they stand, not with the elapsed share.

    A floor below the target ("5.5%左右(确保5%以上)") is what must be met: between the two is on pace.
    """
    if metric.actual is None or metric.target is None:
        return None
    goal = metric.floor if metric.floor is not None and metric.comparator != AT_MOST else metric.target
    met = metric.actual <= metric.target if metric.comparator == AT_MOST else metric.actual >= goal
    what = "增长" if metric.kind == GROWTH else ""
    actual, target = _quantity(metric.actual, metric.unit), _quantity(metric.target, metric.unit)
    if metric.comparator == AT_MOST:
        judged = f"高于上限{target}" if not met else f"不高于上限{target}"
    elif goal != metric.target:
        floor = _quantity(goal, metric.unit)
        if not met:
            judged = f"低于保底目标{floor}"
        elif metric.actual >= metric.target:
            judged = f"达到目标{target}"
        else:
            judged = f"未达目标{target},不低于保底目标{floor}"
            return _Verdict(_ON_PACE, f"{label}{what}{actual},{judged}")
    else:
        judged = f"低于目标{target}" if not met else f"达到目标{target}"
    if not met:
        return _Verdict(_BEHIND, f"{label}{what}{actual},{judged}")
    # A growth rate or a ceiling holds only so far; the year's figure is not final until it ends.
    standing = _ON_PACE if metric.kind == GROWTH or metric.comparator == AT_MOST else _REACHED
    return _Verdict(standing, f"{label}{what}{actual},{judged}")


def _ratio_verdict(label: str, ratio: float, elapsed: float | None, own_month: int | None = None) -> _Verdict:
    done = f"{label}{_percent(ratio)}" if label.endswith(("进度", "率")) else f"{label}完成率{_percent(ratio)}"
    if ratio >= 1:
        return _Verdict(_REACHED, done)
    if elapsed is None:
        return _Verdict(_ON_PACE, f"{done}(报告期不明,未比序时进度)")
    span = f"(1-{own_month}月)" if own_month else ""
    if ratio >= elapsed:
        return _Verdict(_ON_PACE, f"{done},不低于序时进度{_percent(elapsed)}{span}")
    return _Verdict(_BEHIND, f"{done},低于序时进度{_percent(elapsed)}{span}")


def _completion_column_ratio(completion_text: str) -> float | None:
    """A 完成进度 column's "75%"; "/" and words give no ratio."""
    found = _PERCENT_TEXT_RE.fullmatch(completion_text.strip()) if completion_text else None
    return float(found.group(1)) / 100 if found else None


def _status_from_words(progress: str, completion_text: str) -> tuple[Status, str] | None:
    """(status, the words that say it), checked from the most to the least telling."""
    text = progress or ""
    column = (completion_text or "").strip()
    if column in ("已完成", "完成"):
        return Status.COMPLETED, column
    for pattern, status in ((_BEHIND_RE, Status.BEHIND), (_COMPLETED_RE, Status.COMPLETED)):
        found = pattern.search(text)
        if found:
            return status, _phrase_around(text, found)
    found = _NOT_STARTED_RE.search(text)
    if found and not _STARTED_RE.search(text):
        return Status.NOT_STARTED, _phrase_around(text, found)
    found = _ON_TRACK_RE.search(text)
    if not found and len(_SENTENCE_RE.findall(text)) == 1:
        found = _UNDER_WAY_RE.search(text)
    if found:
        return Status.ON_TRACK, _phrase_around(text, found)
    return None


def _phrase_around(text: str, found: re.Match) -> str:
    """The clause holding the match, so the reason quotes what the report says."""
    start = max((text.rfind(mark, 0, found.start()) for mark in ",，;；。:："), default=-1) + 1
    ends = [index for index in (text.find(mark, found.end()) for mark in ",，;；。") if index != -1]
    phrase = text[start : min(ends) if ends else len(text)].strip()
    return phrase if len(phrase) <= 30 else found.group(0)


def _join_reasons(verdicts: list[_Verdict]) -> str:
    shown = ";".join(v.reason for v in verdicts[:2])
    return f"{shown}(共{len(verdicts)}项)" if len(verdicts) > 2 else shown


def _percent(ratio: float) -> str:
    return f"{_number(ratio * 100)}%"


def _quantity(value: float, unit: str) -> str:
    """468亿元, 57.82万平方米, 1120人: large amounts in 万/亿 as the reports print them."""
    if unit in _AMOUNTS_IN_WAN:
        for size, word in ((1e8, "亿"), (1e4, "万")):
            if abs(value) >= size:
                return f"{_number(value / size)}{word}{unit}"
    return f"{_number(value)}{unit}"


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


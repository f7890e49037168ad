"""A pair read from a table's numeric columns: the target cell, the actual cell and the rate cell.

The row itself says which actual belongs to which target, so nothing is matched by
words: "3000" and "3034" in a 目标任务 / 实际完成 row are a pair, and "101.1%" in its
完成率 column is the completion as the report states it. A unit or magnitude printed
only in the indicator's name ("城镇新增就业(人)", "地区生产总值增长(%)", "固定资产投资(亿元)")
applies to bare cells. The label is the content's own target with the same value when
it has one, else the indicator's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .metric import COLUMNS, CONFIDENT, DOUBTFUL, Metric
from .phrases import _clean, _strip_digits
from .quantities import _number_value, _quantities
from .segments import _masked_ranges
from .targets import _read_targets
from .vocabulary import AT_LEAST, AT_MOST, COUNT, EQUAL, GROWTH, PERCENT, _DECLINE_WORDS, _PARENS, _PROGRESS_GROWTH_RE, _UNITS

# "(人)", "(亿元)", "（%）", "(万平方米)" at the end of an indicator's name.
_UNIT_IN_NAME_RE = re.compile(r"[(（](?P<magnitude>万亿|千万|百万|万|亿|千)?(?P<unit>[^()（）\d]{1,4})[)）]\s*$")
_MAGNITUDES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "万": 1e4, "亿": 1e8, "千": 1e3}
_BARE_NUMBER_RE = re.compile(
    r"(?P<before>不低于|不少于|≥|>=|大于|约|≤|<=|不超过|不高于|低于|小于)?\s*(?P<num>-?\d+(?:\.\d+)?)"
    r"(?P<magnitude>万亿|千万|百万|万|亿)?\s*(?P<after>以上|左右|以下|以内)?"
)
_AT_LEAST_WORDS = ("不低于", "不少于", "≥", ">=", "大于")
_AT_MOST_WORDS = ("≤", "<=", "不超过", "不高于", "低于", "小于")
_GROWTH_NAME_RE = re.compile(r"增长|增速|增幅|涨幅")
# Without a unit anywhere, an indicator named a growth or a rate is in percent: "地区生产总值增速", "城镇调查失业率".
_GROWTH_NAME_END_RE = re.compile(r"(?:增长|增速|增幅|涨幅)$")
_RATE_NAME_END_RE = re.compile(r"(?:率|比重|占比|比例)$")
# A comparator printed in the indicator's name: "城镇登记失业率低于(%)".
_NAME_COMPARATOR_RE = re.compile(r"(?P<least>不低于|不少于|以上|高于|超过)$|(?P<most>低于|不超过|不高于|控制在|以内|以下)$")
_EMPTY_CELL_RE = re.compile(r"^[\s/／\\—\-–无]*$")
_RATE_RE = re.compile(r"(?P<num>\d+(?:\.\d+)?)\s*[%％]")


@dataclass
class _Cell:
    value: float
    unit: str  # "" when the cell prints none
    kind: str
    comparator: str
    span: tuple[int, int]
    floor: float | None = None
    approx: bool = False
    high: float | None = None


def _column_metric(content: str, target_text: str, actual_text: str, completion_text: str, text_metrics: list[Metric]) -> Metric | None:
    """The Metric of a row's numeric columns, or None when its target cell holds no figure."""
    target = _target_cell(target_text)
    if target is None:
        return None
    actual = _actual_cell(actual_text)
    name_unit = _UNIT_IN_NAME_RE.search(content)
    name = (content[: name_unit.start()] if name_unit else content).strip()
    name_comparator = _NAME_COMPARATOR_RE.search(name)
    if name_comparator:
        name = name[: name_comparator.start()]
        if target.comparator == EQUAL:
            target.comparator = AT_LEAST if name_comparator["least"] else AT_MOST
            target.floor = target.value if name_comparator["least"] else None
    unit, kind = target.unit, target.kind
    if name_unit and name_unit["unit"] in _UNITS:
        scale = _MAGNITUDES.get(name_unit["magnitude"] or "", 1.0)
        unit, kind = _UNITS[name_unit["unit"]]
        for cell in (target, actual):
            if cell is not None and not cell.unit:
                cell.value *= scale
                cell.floor = cell.floor * scale if cell.floor is not None else None
                cell.high = cell.high * scale if cell.high is not None else None
    if not unit and actual is not None:
        unit, kind = actual.unit, actual.kind
    if not unit and _GROWTH_NAME_END_RE.search(name):
        unit, kind = "%", GROWTH
    elif not unit and _RATE_NAME_END_RE.search(name):
        unit, kind = "%", PERCENT
    if unit == "%" and _GROWTH_NAME_RE.search(name) and kind != GROWTH:
        kind = GROWTH
    kind = kind if unit else COUNT

    same = [m for m in text_metrics if m.target == target.value and (not unit or m.unit == unit)]
    label = same[0].label if len(same) == 1 else _name_label(name)
    unit = unit or (same[0].unit if len(same) == 1 else "")
    kind = same[0].kind if len(same) == 1 and not target.unit else kind

    metric = Metric(
        label=label,
        target=target.value,
        unit=unit,
        comparator=target.comparator,
        kind=kind,
        target_span=target.span,
        target_text=target_text[target.span[0] : target.span[1]],
        floor=target.floor,
        approx=target.approx,
        range_high=target.high,
        source=COLUMNS,
        confidence=CONFIDENT,
        confidence_reason="目标列与完成列同一行",
    )
    if actual is not None:
        metric.actual, metric.actual_unit = actual.value, actual.unit or unit
        metric.actual_span = actual.span
        if actual.unit and target.unit and actual.unit != target.unit:
            metric.confidence, metric.confidence_reason = DOUBTFUL, f"目标列单位为{target.unit},完成列单位为{actual.unit}"
    rate = _RATE_RE.fullmatch(completion_text.strip()) if completion_text else None
    if rate and kind != GROWTH and metric.comparator != AT_MOST:
        metric.completion = round(float(rate["num"]) / 100, 6)  # as the report states it
        metric.confidence_reason += ",完成率列写明比例" if actual is not None else ""
    if actual is None and not rate:
        metric.confidence_reason = "完成列为空"
    return metric


def _target_cell(text: str) -> _Cell | None:
    if not text or _EMPTY_CELL_RE.match(text):
        return None
    targets = _read_targets(text)
    if len(targets) == 1:
        quantity = targets[0].quantity
        return _Cell(
            quantity.value, quantity.unit, quantity.kind, quantity.comparator, targets[0].span,
            quantity.floor, quantity.approx, quantity.high,
        )  # fmt: skip
    if targets:
        return None  # several figures in one cell: not a single target
    return _bare_cell(text)


def _actual_cell(text: str) -> _Cell | None:
    if not text or _EMPTY_CELL_RE.match(text):
        return None
    growth = list(_PROGRESS_GROWTH_RE.finditer(text))
    if len(growth) == 1:
        match = growth[0]
        sign = -1 if match["word"] in _DECLINE_WORDS else 1
        return _Cell(sign * float(match["num"]), "%", GROWTH, EQUAL, (match.start("num"), match.end()))
    # What is in brackets is a remark on the figure ("3034人(占101.1%)"), blanked so offsets still hold.
    brackets = _masked_ranges(text, _PARENS)
    text = "".join(" " if brackets[index] else char for index, char in enumerate(text)) if 1 in brackets else text
    quantities = _quantities(text, bytearray(len(text)))
    if len(quantities) == 1:
        quantity = quantities[0]
        return _Cell(quantity.value, quantity.unit, quantity.kind, EQUAL, (quantity.start, quantity.end))
    if quantities:
        return None
    return _bare_cell(text)


def _bare_cell(text: str) -> _Cell | None:
    """A cell holding one number and at most a comparator: "3000", "≥95", "6.5左右", "1.2万"."""
    numbers = list(_BARE_NUMBER_RE.finditer(text))
    if len(numbers) != 1:
        return None
    match = numbers[0]
    value = _number_value(match["num"].lstrip("-") + (match["magnitude"] or ""))
    if value is None:
        return None
    value = -value if match["num"].startswith("-") else value
    comparator = AT_LEAST if match["before"] in _AT_LEAST_WORDS or match["after"] == "以上" else EQUAL
    comparator = AT_MOST if match["before"] in _AT_MOST_WORDS or match["after"] in ("以下", "以内") else comparator
    start = match.start("before") if match["before"] else match.start("num")
    end = match.end("after") if match["after"] else match.end("magnitude") if match["magnitude"] else match.end("num")
    cell = _Cell(value, "", COUNT, comparator, (start, end), approx=match["before"] == "约" or match["after"] == "左右")
    cell.floor = value if comparator == AT_LEAST else None
    return cell


def _name_label(name: str) -> str:
    """The indicator's name as a label: its first clause, without verbs, fillers and a trailing 增长."""
    first = re.split(r"[,，;；。:：]", name.strip(), maxsplit=1)[0]
    return _clean(_GROWTH_NAME_RE.sub("", _strip_digits(first)) if _GROWTH_NAME_RE.search(first[-3:]) else _strip_digits(first))


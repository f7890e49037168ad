"""Numbers with a unit: "60万平方米" -> 600000 平方米, "百场" -> 100 场, "以上" -> at least.

Also reads ranges ("3-5个") and groups figures printed back to back ("20宗584亩"). Reads no labels and decides
nothing about targets or actuals; the caller passes the mask of quoted text to skip.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import cn2an

from .vocabulary import (
    AT_LEAST,
    AT_MOST,
    EQUAL,
    _ARABIC_ONLY_UNITS,
    _QUANTITY_RE,
    _RANGE_RE,
    _UNITS,
)


@dataclass
class _Quantity:
    start: int
    end: int
    value: float
    unit: str
    kind: str
    comparator: str = EQUAL
    approx: bool = False  # "5.5%左右", "约10万人"
    high: float | None = None  # the upper end of a range, "3-5个" -> 5
    floor: float | None = None  # the least that meets the target: "确保5%以上", "不低于", "以上", a range's low end
    main: _Quantity | None = None  # for an aim ("7%左右,力争7.5%"): the target it stretches


@lru_cache(maxsize=2048)
def _number_value(text: str) -> float | None:
    """'57.82万' -> 578200.0, '百' -> 100.0; None when cn2an cannot read it."""
    if text.replace(".", "", 1).isdigit():
        return float(text)
    if text[0] in "百千":  # 百场, 千万: cn2an wants the leading 一
        text = "一" + text
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _quantities(text: str, mask: bytearray) -> list[_Quantity]:
    found = []
    for match in _QUANTITY_RE.finditer(text):
        start = match.start()
        if mask[start]:
            continue
        before = text[start - 1] if start else ""
        if before and (before.isascii() and (before.isalnum() or before in ".-/") or before in "第周"):
            continue  # part of a code (LOFT49, GS0202-51), an ordinal or a date range
        number, printed_unit = match["num"], match["unit"]
        is_arabic = number[0].isdigit()
        if not is_arabic and printed_unit in _ARABIC_ONLY_UNITS:
            continue
        value = _number_value(number)
        if value is None:
            continue
        unit, kind = _UNITS[printed_unit]
        comparator = {"以上": AT_LEAST, "以下": AT_MOST, "以内": AT_MOST}.get(match["suffix"] or "", EQUAL)
        found.append(_Quantity(start, match.end(), value, unit, kind, comparator, approx=match["suffix"] == "左右"))
    return found


def _ranges(text: str, mask: bytearray, quantities: list[_Quantity]) -> list[_Quantity]:
    """Ranges read as one quantity: "3-5个" is 3 at least, up to 5; the figures inside them are dropped.

    A magnitude printed once applies to both ends ("5-10万元" is 50000 to 100000).
    """
    ranges = []
    for match in _RANGE_RE.finditer(text):
        if mask[match.start()]:
            continue
        high_group = "high" if match["high"] else "cn_high"
        high_match = _QUANTITY_RE.match(text, match.start(high_group))
        if high_match is None or high_match.start("unit") != match.end(high_group):
            continue
        low_text, high_text = match["low"] or match["cn_low"], match[high_group]
        magnitude = high_text[-1] if high_text[-1] in "万亿" else ""
        if magnitude and low_text[-1] not in "万亿":
            low_text += magnitude  # "5-10万元", "两到三万个": the magnitude is printed once
        low, high = _number_value(low_text), _number_value(high_text)
        if low is None or high is None or not low < high:
            continue
        unit, kind = _UNITS[high_match["unit"]]
        approx = high_match["suffix"] == "左右"
        ranges.append(_Quantity(match.start(), high_match.end(), low, unit, kind, AT_LEAST, approx=approx, high=high, floor=low))
    if not ranges:
        return quantities
    kept = [q for q in quantities if not any(r.start <= q.start < r.end for r in ranges)]
    return sorted(kept + ranges, key=lambda q: q.start)


def _compound_groups(text: str, quantities: list[_Quantity]) -> list[list[_Quantity]]:
    """Figures printed back to back ("20宗584亩", "97条55.5公里") share one label."""
    groups: list[list[_Quantity]] = []
    for quantity in quantities:
        if groups and groups[-1][-1].end == quantity.start:
            groups[-1].append(quantity)
        else:
            groups.append([quantity])
    return groups

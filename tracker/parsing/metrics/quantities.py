"""Numbers with a unit: "60万平方米" -> 600000 平方米, "百场" -> 100 场, "以上" -> at least.

Also groups figures printed back to back ("20宗584亩"). Reads no labels and decides
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
        found.append(_Quantity(start, match.end(), value, unit, kind, comparator))
    return found


def _compound_groups(text: str, quantities: list[_Quantity]) -> list[list[_Quantity]]:
    """Figures printed back to back ("20宗584亩", "97条55.5公里") share one label."""
    groups: list[list[_Quantity]] = []
    for quantity in quantities:
        if groups and groups[-1][-1].end == quantity.start:
            groups[-1].append(quantity)
        else:
            groups.append([quantity])
    return groups

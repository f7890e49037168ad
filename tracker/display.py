"""How periods and figures read on the public pages, in the reader's language (the template filters wrap these).

Plain functions of a report or a number, no queries: views use them for chart labels, templates through
`tracker_tags` (`period`, `report_name`, `figure`).
"""

from __future__ import annotations

import calendar
from decimal import Decimal, InvalidOperation

from django.utils.numberformat import format as number_format
from django.utils.translation import get_language, gettext


def _english() -> bool:
    return (get_language() or "").startswith("en")


def period_name(report) -> str:
    """The report's period in the reader's language: "2022年 三季度" in Chinese, "2022 Q3" in English.

    English names a quarter "Q3" when the period ends with it, else the months it covers ("2022 Jan–Aug");
    a label it cannot read (an unusual wording) stays as the report wrote it.
    """
    if report is None:
        return ""
    if not _english():
        return report.period_text
    year, month, quarter = report.year, report.period_end_month, report.quarter
    if quarter and month == quarter * 3:
        label = f"Q{quarter}"
    elif month == 12:
        label = gettext("全年")
    elif month == 6 and "半年" in (report.period_label or ""):
        label = "H1"
    elif month:
        label = f"Jan–{calendar.month_abbr[month]}" if month > 1 else "Jan"
    else:
        label = report.period_label
    return " ".join(str(part) for part in (year, label) if part)


def report_name(report) -> str:
    """The report's period, or its title when the period is unknown: the short name tables and links use."""
    return period_name(report) or report.title


def _decimal(value) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _plain_figure(number: Decimal) -> str:
    """Up to two decimals, none that are zero, thousands grouped: 600000 -> "600,000", 23.60 -> "23.6"."""
    rounded = number.quantize(Decimal("0.01")).normalize()
    decimals = max(0, -rounded.as_tuple().exponent)
    return number_format(rounded, ".", decimal_pos=decimals, grouping=3, thousand_sep=",", force_grouping=True)


# Large figures in Chinese are written in 万 (10⁴) and 亿 (10⁸); the parser stores them as plain numbers.
CHINESE_LARGE_UNITS = (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4))


def figure_text(value, written: str = "") -> str:
    """A figure as the pages show it: "—" for none; up to two decimals, thousands grouped (600,000; 23.6).

    `written`: the words the figure was read from. In Chinese, a figure the source wrote in 万 or 亿
    ("57.82万方") is shown so again ("57.82万"), which reads better than 578,200; English has no such word.
    """
    number = _decimal(value)
    if number is None:
        return "—"
    if written and not _english():
        for word, size in CHINESE_LARGE_UNITS:
            if word in written and abs(number) >= size:
                return f"{_plain_figure(number / size)}{word}"
    return _plain_figure(number)

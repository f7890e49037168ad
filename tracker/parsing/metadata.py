"""The page's metadata block: title, year and period, publisher, index number, date."""

from __future__ import annotations

import datetime as dt
import re

from . import errors
from .text import Cell
from .types import Diagnostic, ReportMeta, Severity

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_INDEX_NO_RE = re.compile(r"索引号\s*[::]?\s*([A-Za-z0-9][A-Za-z0-9\-/_.]*)")
_PUBLISHER_RE = re.compile(r"(?:发布机构|发布单位|发文机关)\s*[::]?\s*(\S+)")
_DATE_RE = re.compile(r"(?:发布日期|公布日期|成文日期|生成日期)\s*[::]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")

_YEAR_RE = re.compile(r"(20\d{2})\s*年?")
_QUARTER_RE = re.compile(r"(?:第)?([一二三四1-4])\s*季度")
_MONTH_SPAN_RE = re.compile(r"(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月")
_HALF_YEAR_RE = re.compile(r"上半年|半年度|半年")
_FIRST_THREE_QUARTERS_RE = re.compile(r"前三季度")
_FULL_YEAR_RE = re.compile(r"全年|20\d{2}\s*年度(?!目标)")

# A title names a year and is about progress; metadata labels are not titles.
_TITLE_HINT_RE = re.compile(r"(情况|进展|报告|任务|目标|清单|台账)")
_METADATA_LABEL_RE = re.compile(r"^(信息)?索引号|^发布|^生成日期|^备注|^公开|^文号|^附件|^点击")


def _period(title: str) -> tuple[int | None, int | None, str]:
    """(quarter, period_end_month, label) from a title; any may be None/''."""
    if match := _FIRST_THREE_QUARTERS_RE.search(title):
        return 3, 9, match.group(0)
    if match := _QUARTER_RE.search(title):
        quarter = _CN_DIGITS[match.group(1)]
        return quarter, quarter * 3, match.group(0)
    if match := _MONTH_SPAN_RE.search(title):
        end = int(match.group(2))
        if 1 <= end <= 12:
            return (end // 3 if end % 3 == 0 else None), end, match.group(0)
    if match := _HALF_YEAR_RE.search(title):
        return 2, 6, match.group(0)
    if match := _FULL_YEAR_RE.search(title):
        return 4, 12, match.group(0)
    return None, None, ""


def _find_title(cells: list[Cell]) -> Cell | None:
    candidates = [
        c
        for c in cells
        if _YEAR_RE.search(c.key) and _TITLE_HINT_RE.search(c.key) and not _METADATA_LABEL_RE.search(c.key)
        and len(c.key) <= 80
    ]
    if not candidates:
        return None
    # Prefer a title that also names its period.
    with_period = [c for c in candidates if _period(c.key)[1] is not None]
    return (with_period or candidates)[0]


def read_metadata(cells: list[Cell]) -> tuple[ReportMeta, list[Diagnostic], Cell | None]:
    """Read the cells before the table's header. Returns the title cell too (it marks the print copy)."""
    meta = ReportMeta()
    diagnostics: list[Diagnostic] = []
    for cell in cells:
        if not meta.index_no and (match := _INDEX_NO_RE.search(cell.key)):
            meta.index_no = match.group(1)
        if not meta.publisher and (match := _PUBLISHER_RE.search(cell.key)):
            meta.publisher = match.group(1)
        if match := _DATE_RE.search(cell.key):
            label_is_publish = "发布" in match.group(0) or "公布" in match.group(0)
            if meta.published_on is None or label_is_publish:
                try:
                    date = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
                except ValueError:
                    date = None
                if date and (meta.published_on is None or label_is_publish and "发布" in match.group(0)):
                    meta.published_on = date

    title_cell = _find_title(cells)
    first_line = cells[0].line if cells else 1
    if title_cell is None:
        diagnostics.append(Diagnostic(first_line, Severity.WARNING, errors.METADATA_NO_TITLE, errors.MSG_METADATA_NO_TITLE))
        return meta, diagnostics, None

    meta.title = title_cell.text
    if match := _YEAR_RE.search(title_cell.key):
        meta.year = int(match.group(1))
    else:
        diagnostics.append(
            Diagnostic(title_cell.line, Severity.WARNING, errors.METADATA_NO_YEAR, errors.MSG_METADATA_NO_YEAR.format(title=meta.title))
        )
    meta.quarter, meta.period_end_month, meta.period_label = _period(title_cell.key)
    if meta.period_end_month is None:
        diagnostics.append(
            Diagnostic(
                title_cell.line, Severity.WARNING, errors.METADATA_NO_PERIOD, errors.MSG_METADATA_NO_PERIOD.format(title=meta.title)
            )
        )
    return meta, diagnostics, title_cell

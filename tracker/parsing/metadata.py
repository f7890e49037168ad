"""The page's metadata block: title, year and period, publisher, index number, date."""

from __future__ import annotations

import datetime as dt
import re

from . import errors
from .departments import looks_like_department
from .text import Cell
from .types import Diagnostic, ReportMeta, Severity

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_INDEX_NO_RE = re.compile(r"索引号\s*[::]?\s*([A-Za-z0-9][A-Za-z0-9\-/_.]*)")
_PUBLISHER_RE = re.compile(r"(?:发布机构|发布单位|发文机关)\s*[::]?\s*(\S+)")
_DATE_RE = re.compile(r"(?:发布日期|公布日期|成文日期|生成日期)\s*[::]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")

_YEAR_RE = re.compile(r"(20\d{2})\s*年?")
_QUARTER_RE = re.compile(r"(?:第)?([一二三四1-4])\s*季度")
_MONTH_SPAN_RE = re.compile(r"(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月")
# "截至10月31日", "截至6月底", "截止2022年9月30日": the period ends with that month.
_AS_OF_RE = re.compile(r"截[至止]\s*(?:20\d{2}\s*年)?\s*(\d{1,2})\s*月\s*(?:\d{1,2}\s*日|底|末|份)?")
_HALF_YEAR_RE = re.compile(r"上半年|半年度|半年")
_FIRST_THREE_QUARTERS_RE = re.compile(r"前三季度")
_FULL_YEAR_RE = re.compile(r"全年|20\d{2}\s*年度(?!目标)")

# A title names a year and the table's kind (…完成情况, …进度表, …分解表, …执行情况); metadata labels are not titles.
_TITLE_HINT_RE = re.compile(r"(情况|进展|报告|任务|目标|清单|台账|进度|分解|执行|一览|通报|表)")
_METADATA_LABEL_RE = re.compile(r"^(信息)?索引号|^发布|^生成日期|^备注|^公开|^文号|^附件|^点击|^名称(?:\s|[::])|^来源|^主题分类|^标题(?:\s|[::])")
# A notice about the table ("关于2023年1-7月…落实情况的通报"), printed above the table's own title.
_NOTICE_RE = re.compile(r"^关于.*(?:的)?(?:通报|通知|报告|公告|说明)$|(?:通报|通知|公告)$")
# A title ends with the table's kind, maybe followed by its period in brackets: "…完成情况(截至6月底)".
_KIND_END_RE = re.compile(r"(?:情况|进度|进展|清单|台账|一览|分解|表|目标任务|重点任务)(?:\([^()]*\))?$")
# An item of the attachment list printed above the title: "1. 2022年主要预期目标完成情况".
_LIST_ITEM_RE = re.compile(r"^\s*(?:附件\s*)?\d{1,2}\s*[.、．]\s*(?!\d)")


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
    if match := _AS_OF_RE.search(title):
        end = int(match.group(1))
        if 1 <= end <= 12:
            return (end // 3 if end % 3 == 0 else None), end, match.group(0)
    if match := _HALF_YEAR_RE.search(title):
        return 2, 6, match.group(0)
    if match := _FULL_YEAR_RE.search(title):
        return 4, 12, match.group(0)
    return None, None, ""


def period_end_of(text: str) -> int | None:
    """The last month a label or line speaks of ("二季度进展" 6, "1-8月完成" 8, "截至9月底" 9), or None."""
    return _period(text)[1]


def _partial_period(text: str) -> tuple[int | None, int | None, str]:
    """A period said outside the title ("截至6月底", "1-7月", "三季度"), never a bare year."""
    quarter, month, label = _period(text)
    if month is None or _FULL_YEAR_RE.fullmatch(label):
        return None, None, ""
    return quarter, month, label


def _find_title(cells: list[Cell]) -> Cell | None:
    candidates = [
        c
        for c in cells
        if _YEAR_RE.search(c.key) and _TITLE_HINT_RE.search(c.key) and not _METADATA_LABEL_RE.search(c.key)
        and len(c.key) <= 80
    ]
    if not candidates:
        return None
    # An attachment list item above the title names the same table; the title itself is not numbered;
    # a notice ("关于…的通报") is about the table, not its title.
    candidates = [c for c in candidates if not _LIST_ITEM_RE.match(c.key)] or candidates
    candidates = [c for c in candidates if not _NOTICE_RE.search(c.key)] or candidates
    candidates = [c for c in candidates if _KIND_END_RE.search(c.key)] or candidates
    # Prefer a title that also names its period.
    with_period = [c for c in candidates if _period(c.key)[1] is not None]
    return (with_period or candidates)[0]


def read_metadata(cells: list[Cell], *, header_cells: list[Cell] = ()) -> tuple[ReportMeta, list[Diagnostic], Cell | None]:
    """Read the cells before the table's header. Returns the title cell too (it marks the print copy).

    When the title names no period, the lines after it ("(截至2022年6月底)") and the
    header's labels ("截至6月底完成情况", "1-8月实际完成") are asked.
    """
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
        later = [c for c in cells if c.line > title_cell.line and len(c.key) <= 40 and not _METADATA_LABEL_RE.search(c.key)]
        # Of the header's labels, the latest period: 一季度进展 | 二季度进展 is a report of the second quarter.
        header_periods = sorted(header_cells, key=lambda c: -(_partial_period(c.key)[1] or 0))
        for cell in [*later, *header_periods]:
            quarter, month, label = _partial_period(cell.key)
            if month is not None:
                meta.quarter, meta.period_end_month, meta.period_label = quarter, month, label
                diagnostics.append(
                    Diagnostic(cell.line, Severity.INFO, errors.METADATA_PERIOD_ELSEWHERE,
                               errors.MSG_METADATA_PERIOD_ELSEWHERE.format(line=cell.line, words=label, month=month))
                )
                break
    if meta.period_end_month is None:
        diagnostics.append(
            Diagnostic(
                title_cell.line, Severity.WARNING, errors.METADATA_NO_PERIOD, errors.MSG_METADATA_NO_PERIOD.format(title=meta.title)
            )
        )
    return meta, diagnostics, title_cell


# "填报单位(盖章):区教育局    填报时间:…": the department whose own report this is.
_REPORTING_RE = re.compile(r"(?:填报单位|报送单位|责任单位)(?:\(盖章\))?\s*[::]\s*([^\s::]+?)(?=\s|填报|报送|日期|时间|$)")


def reporting_department(cells: list[Cell], title: str = "") -> str | None:
    """The department a report is by, when it is one department's own report: its 填报单位 line,
    or the department its title starts with ("区教育局2023年…推进情况")."""
    for cell in cells:
        if match := _REPORTING_RE.search(cell.key):
            name = match.group(1)
            if looks_like_department(name):
                return name
    if match := re.match(r"^(\S{2,15}?)(?=20\d{2}年)", title.replace(" ", "")):
        if looks_like_department(match.group(1)):
            return match.group(1)
    return None

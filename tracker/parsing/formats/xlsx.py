"""An Excel workbook (.xlsx): the sheet holding the progress table, read as a grid.

Sheets are tried in order, visible ones first; the first whose rows include a
header that maps to column roles is read (a diagnostic names it when the
workbook has several). Rows above the header (the title, "填报单位", a date) are
the metadata. Merged cells are laid out as in `grid.py`.

Values are shown as the sheet shows them: 0.75 formatted as a percentage is
"75%", 3.0 is "3", 160.594 with two decimals is "160.59", a literal suffix in the
format ("0.00亿元") is kept. Dates are written 2022-10-25. Formulas give the value
Excel last saved with them (a workbook never opened in Excel has none: "").

"Line" in diagnostics: the row number in the sheet, as Excel shows it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from .. import errors
from .source import TableSource
from ..types import Diagnostic, ParseError, Severity
from .grid import RawTable, Slot, clean_lines, find_header, to_source

_WHAT = "Excel 文件"
# Parts of a number format that print nothing: colours, conditions, locales, padding and fill.
_FORMAT_NOISE_RE = re.compile(r"\[[^\]]*\]|_.|\*.")
_FORMAT_TOKEN_RE = re.compile(r'"([^"]*)"|\\(.)|([0#?,.]+)|(%)|([Ee][+-][0#]+)|(.)')


def read_xlsx_source(data: bytes, *, source_name: str, header_line: int | None = None) -> TableSource:
    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it drops (data validation, slicers): none hold the table.
            warnings.simplefilter("ignore", UserWarning)
            # data_only: a formula cell's saved value, not its formula text.
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many types (zip, XML, key, value errors) for one cause: a damaged file
        raise ParseError(
            errors.CORRUPT_FILE, errors.MSG_CORRUPT_FILE.format(what=_WHAT, app="Excel 或 WPS", suffix=".xlsx"), source_name=source_name
        ) from None
    sheets = sorted(workbook.worksheets, key=lambda sheet: sheet.sheet_state != "visible")
    for sheet in sheets:
        table = _lay_out(sheet)
        found = find_header(table, header_line=header_line)
        if found is None:
            continue
        diagnostics = []
        if len(workbook.worksheets) > 1:
            diagnostics.append(
                Diagnostic(table.lines[found.row], Severity.INFO, errors.SHEET_CHOSEN,
                           errors.MSG_SHEET_CHOSEN.format(sheet=sheet.title, count=len(workbook.worksheets)))
            )
        # A workbook that opens is whole: an empty last cell is blank, not a cut-off file.
        return to_source(table, found, before=[], after=[], diagnostics=diagnostics, may_be_cut_off=False)
    names = "、".join(f"“{sheet.title}”" for sheet in workbook.worksheets)
    raise ParseError(
        errors.NO_TABLE, errors.MSG_NO_TABLE_IN_FILE.format(what=_WHAT, searched=f"（已查看工作表：{names}）"), source_name=source_name
    )


def _lay_out(sheet: Worksheet) -> RawTable:
    """Sheet rows 1..last used row as a table; row and column indexes are 0-based (sheet row = index + 1)."""
    origins: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                origins[(row - 1, column - 1)] = (merged.min_row - 1, merged.min_col - 1)
    texts: dict[tuple[int, int], str] = {}
    for row in sheet.iter_rows():
        for cell in row:
            text = clean_lines(display_value(cell.value, cell.number_format))
            if text:
                texts[(cell.row - 1, cell.column - 1)] = text
    # A merged cell counts as used over its whole area: a theme merged down past the last text still covers those rows.
    used = list(texts) + [position for position, origin in origins.items() if origin in texts]
    if not used:
        return RawTable()
    height = max(row for row, _ in used) + 1
    width = max(column for _, column in used) + 1
    table = RawTable()
    for row in range(height):
        slots = []
        for column in range(width):
            origin = origins.get((row, column), (row, column))
            slots.append(Slot(texts.get(origin, ""), origin))
        table.add_row(row + 1, slots)
    return table


def display_value(value, number_format: str = "General") -> str:
    """A cell's value as Excel shows it (the common formats; anything unusual falls back to plain digits)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S") if value.time() != dt.time() else value.strftime("%Y-%m-%d")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _format_number(value, number_format or "General")
    return str(value)


def _general(value: int | float) -> str:
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return f"{value:.10g}"  # Excel's General shows about ten significant digits


def _format_number(value: int | float, number_format: str) -> str:
    sections = number_format.split(";")
    section = sections[1] if value < 0 and len(sections) > 1 else sections[0]
    if value < 0 and len(sections) > 1:
        value = -value  # the negative section prints its own sign, if any
    section = _FORMAT_NOISE_RE.sub("", section)
    if section.strip().lower() in ("general", "", "@"):
        return _general(value)
    pieces: list[str] = []
    number_pattern = None
    percent = 0
    for literal, escaped, digits, percent_sign, exponent, other in _FORMAT_TOKEN_RE.findall(section):
        if digits and any(ch in digits for ch in "0#?"):
            if number_pattern is None:
                number_pattern = digits
                pieces.append("\0")  # where the number goes
            else:
                return _general(value)  # fractions and other multi-part formats: not worth imitating
        elif exponent:
            return _general(value)
        elif percent_sign:
            percent += 1
            pieces.append("%")
        else:
            pieces.append(literal or escaped or digits or other)
    if number_pattern is None:
        return "".join(pieces) or _general(value)
    integer_part, _, decimals = number_pattern.partition(".")
    places = sum(1 for ch in decimals if ch in "0#?")
    grouping = "," if "," in integer_part.strip(",") else ""
    # Excel rounds halves away from zero (0.125 -> "0.13"); Python's float formatting would not.
    scaled = (Decimal(str(value)) * 100**percent).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    number = f"{scaled:{grouping}.{places}f}"
    if places and "0" not in decimals:
        number = number.rstrip("0").rstrip(".")  # "#.##" shows no trailing zeros
    return "".join(number if piece == "\0" else piece for piece in pieces)

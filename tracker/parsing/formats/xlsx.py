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
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from .. import errors
from . import limits
from .source import TableSource
from ..types import Diagnostic, ParseError, Severity
from .grid import FoundHeader, RawTable, Slot, clean_lines, find_header, to_source

_WHAT = "Excel 文件"
# Parts of a number format that print nothing: colours, conditions, locales, padding and fill.
_FORMAT_NOISE_RE = re.compile(r"\[[^\]]*\]|_.|\*.")
_FORMAT_TOKEN_RE = re.compile(r'"([^"]*)"|\\(.)|([0#?,.]+)|(%)|([Ee][+-][0#]+)|(.)')


def read_xlsx_source(data: bytes, *, source_name: str, header_line: int | None = None) -> TableSource:
    workbook, limit_diagnostics = open_workbook(data, source_name=source_name)
    sheets = sorted(workbook.worksheets, key=lambda sheet: sheet.sheet_state != "visible")
    read: list[tuple[Worksheet, RawTable, FoundHeader]] = []
    diagnostics = list(limit_diagnostics)
    for sheet in sheets:
        if read and (sheet.sheet_state != "visible" or header_line is not None):
            break  # a hidden sheet is read only when no visible one holds a table; a header pointed at is one table
        table = _lay_out(sheet)
        found = find_header(table, header_line=header_line)
        if found is None:
            continue
        copy_of = next((other for other, other_table, _ in read if _repeats(table, found, other_table)), None)
        if copy_of is not None:
            diagnostics.append(
                Diagnostic(table.lines[found.row], Severity.WARNING, errors.SHEET_REPEATS_TABLE,
                           errors.MSG_SHEET_REPEATS_TABLE.format(sheet=sheet.title, other=copy_of.title))
            )
            continue
        read.append((sheet, table, found))
    if read:
        sheet, table, found = read[0]
        if len(read) > 1:
            diagnostics.append(
                Diagnostic(table.lines[found.row], Severity.INFO, errors.SHEETS_READ,
                           errors.MSG_SHEETS_READ.format(count=len(read), sheets="、".join(f"“{s.title}”" for s, _, _ in read)))
            )
        elif len(workbook.worksheets) > 1:
            diagnostics.append(
                Diagnostic(table.lines[found.row], Severity.INFO, errors.SHEET_CHOSEN,
                           errors.MSG_SHEET_CHOSEN.format(sheet=sheet.title, count=len(workbook.worksheets)))
            )
        # Every sheet holding a table contributes its rows, in sheet order (as the tables of one page do).
        more = [(other_table, other_found, []) for _, other_table, other_found in read[1:]]
        # A workbook that opens is whole: an empty last cell is blank, not a cut-off file.
        return to_source(table, found, before=[], after=[], diagnostics=diagnostics, may_be_cut_off=False, more=more)
    names = "、".join(f"“{sheet.title}”" for sheet in workbook.worksheets)
    raise ParseError(
        errors.NO_TABLE, errors.MSG_NO_TABLE_IN_FILE.format(what=_WHAT, searched=f"（已查看工作表：{names}）"), source_name=source_name
    )


# Share of a table's cell texts found in an earlier sheet's table for it to be a copy (next month's version of the
# same tasks, a sheet kept for printing), not more rows.
_COPY_SHARE = 0.5


# Cells this long are task or progress text (a 序号, a unit's name or a figure is shared by unrelated tables).
_LONG_TEXT = 8


def _repeats(table: RawTable, found: FoundHeader, earlier: RawTable) -> bool:
    """The sheet's table holds mostly the texts of an earlier sheet's table: the same tasks again."""
    texts = {slot.text for row in table.rows[found.row + 1 :] for slot in row if len(slot.text) >= _LONG_TEXT}
    if not texts:
        return False
    seen = {slot.text for row in earlier.rows for slot in row if len(slot.text) >= _LONG_TEXT}
    return len(texts & seen) >= _COPY_SHARE * len(texts)


def open_workbook(data: bytes, *, source_name: str) -> tuple[openpyxl.Workbook, list[Diagnostic]]:
    """The workbook as openpyxl loads it, and the warnings of what was clipped to load it within the limits.

    Checked before openpyxl inflates the package and makes an object per cell and per merged position.
    """
    limits.check_package(data, source_name=source_name, what=_WHAT, app="Excel 或 WPS", suffix=".xlsx")
    data, limit_diagnostics = _within_cell_limits(data)
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
    return workbook, limit_diagnostics


def _lay_out(sheet: Worksheet) -> RawTable:
    """Sheet rows 1..last used row as a table; row and column indexes are 0-based (sheet row = index + 1)."""
    used_rows, used_columns = sheet.max_row, sheet.max_column
    if used_rows * used_columns > limits.MAX_CELLS:
        # iter_rows() below makes a cell for every position of the used range: one far-away value
        # (or formatted cell) at XFD1048576 would be 17 billion of them.
        raise limits.refuse(
            errors.TOO_MANY_CELLS, errors.MSG_SHEET_TOO_WIDE, sheet=sheet.title, range=sheet.dimensions,
            rows=used_rows, columns=used_columns, count=used_rows * used_columns, limit=limits.MAX_CELLS,
        )
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


# Cells and merged ranges as the sheet's XML writes them, found without parsing it: <c r="B7" ...>
# (self-closing when it holds no value) and <mergeCell ref="C10:XFD1048576"/>, any namespace prefix.
_CELL_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?=[\s/>])([^>]*?)(/?)>")
_CELL_REF_RE = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7})["']""")
# Merged ranges and hyperlinks, whose ranges openpyxl also lays out cell by cell.
_MERGE_REF_RE = re.compile(rb"""<(?:[A-Za-z_][\w.-]*:)?(?:mergeCell|hyperlink)\b[^>]*?\bref\s*=\s*["']([^"']*)""")
_ROW_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])")
_COMMENT_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?comment(?=[\s/>])")
_LAST_ROW, _LAST_COLUMN = 1_048_576, 16_384  # an Excel sheet's size: "A:A" and "3:3" reach its edge


def _within_cell_limits(data: bytes) -> tuple[bytes, list[Diagnostic]]:
    """The workbook, checked for what openpyxl would make of it, and with merged ranges clipped if they must be.

    openpyxl makes an object for every cell, row and comment the XML writes, for every element of
    the style sheet and, on loading, for every position of every merged range and hyperlink range:
    counted here first (formats/limits.py). Runs after `check_package`, so every part inflates to
    its declared size, within the limits.
    """
    cells = rows = comments = 0
    clipped_parts: dict[str, bytes] = {}
    diagnostics: list[Diagnostic] = []
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for part in package.infolist():
            xml = package.read(part)
            if b"styleSheet" in xml:
                count = limits.node_count(xml)
                if count > limits.MAX_STYLE_NODES:
                    raise limits.refuse(errors.TOO_MANY_ELEMENTS, errors.MSG_TOO_MANY_STYLES, count=count, limit=limits.MAX_STYLE_NODES)
            if b"commentList" in xml:
                comments += sum(1 for _ in _COMMENT_RE.finditer(xml))
                if comments > limits.MAX_COMMENTS:
                    raise limits.refuse(errors.TOO_MANY_ELEMENTS, errors.MSG_TOO_MANY_COMMENTS, count=comments, limit=limits.MAX_COMMENTS)
            if b"sheetData" not in xml and b"mergeCell" not in xml and b"hyperlink" not in xml:
                continue  # not a worksheet (one without cells may still hold merged ranges)
            cells += sum(1 for _ in _CELL_RE.finditer(xml))
            if cells > limits.MAX_CELLS:
                raise limits.refuse(
                    errors.TOO_MANY_CELLS, errors.MSG_TOO_MANY_CELLS,
                    found=f"工作簿中写有 {cells:,} 个单元格，含只有格式的空单元格", limit=limits.MAX_CELLS,
                )
            rows += sum(1 for _ in _ROW_RE.finditer(xml))
            if rows > limits.MAX_WORKBOOK_ROWS:
                raise limits.refuse(errors.TOO_MANY_ROWS, errors.MSG_WORKBOOK_ROWS, count=rows, limit=limits.MAX_WORKBOOK_ROWS)
            clipped = _clip_merges(xml, diagnostics)
            if clipped is not None:
                clipped_parts[part.filename] = clipped
        if not clipped_parts:
            return data, diagnostics
        # Write the package again with the clipped sheets; openpyxl then never sees the big ranges.
        rewritten = io.BytesIO()
        with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
            for part in package.infolist():
                target.writestr(part.filename, clipped_parts.get(part.filename) or package.read(part))
    return rewritten.getvalue(), diagnostics


def _merge_bounds(ref: bytes) -> tuple[int, int, int, int] | None:
    """(min_col, min_row, max_col, max_row) of a merged range's ref, None when openpyxl could not read it either."""
    try:
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode("ascii").strip())
    except (ValueError, UnicodeDecodeError):
        return None
    return min_col or 1, min_row or 1, max_col or _LAST_COLUMN, max_row or _LAST_ROW


def _area(bounds: tuple[int, int, int, int]) -> int:
    min_col, min_row, max_col, max_row = bounds
    return max(max_col - min_col + 1, 0) * max(max_row - min_row + 1, 0)


def _clip_merges(xml: bytes, diagnostics: list[Diagnostic]) -> bytes | None:
    """The sheet with its merged ranges clipped to the last row and column holding a value, or None when
    their area is within MAX_MERGED_AREA as written (real sheets: nothing changes). Refuses when even
    the clipped ranges cover more than the limit."""
    merges = [(match, bounds) for match in _MERGE_REF_RE.finditer(xml) if (bounds := _merge_bounds(match.group(1)))]
    if sum(_area(bounds) for _, bounds in merges) <= limits.MAX_MERGED_AREA:
        return None
    last_row = last_column = 1
    for cell in _CELL_RE.finditer(xml):
        ref = None if cell.group(2) else _CELL_REF_RE.search(cell.group(1))  # "<c .../>" holds no value
        if ref:
            last_row = max(last_row, int(ref.group(2)))
            last_column = max(last_column, column_index_from_string(ref.group(1).decode("ascii").upper()))
    extent = f"{get_column_letter(last_column)}{last_row}"
    pieces, done, area, widest = [], 0, 0, None
    for match, (min_col, min_row, max_col, max_row) in merges:
        # At least the top-left cell stays merged, so every <mergeCell> element stays valid.
        clipped = (min_col, min_row, max(min_col, min(max_col, last_column)), max(min_row, min(max_row, last_row)))
        area += _area(clipped)
        if widest is None or _area((min_col, min_row, max_col, max_row)) > widest[0]:
            widest = (_area((min_col, min_row, max_col, max_row)), match.group(1).decode("ascii", "replace"), clipped)
        pieces += [xml[done : match.start(1)], _range_ref(clipped).encode("ascii")]
        done = match.end(1)
    pieces.append(xml[done:])
    _, written, clipped = widest
    if area > limits.MAX_MERGED_AREA:
        raise limits.refuse(
            errors.MERGE_TOO_LARGE, errors.MSG_MERGE_TOO_LARGE, area=area, extent=f"A1:{extent}", limit=limits.MAX_MERGED_AREA, range=written
        )
    others = sum(1 for _, bounds in merges if bounds[2] > last_column or bounds[3] > last_row) - 1
    more = f"（另有 {others} 个合并区域同样截短）" if others > 0 else ""
    message = errors.MSG_MERGE_CLIPPED.format(range=written, extent=extent, clipped=_range_ref(clipped), more=more)
    diagnostics.append(Diagnostic(None, Severity.WARNING, errors.MERGE_CLIPPED, message))
    return b"".join(pieces)


def _range_ref(bounds: tuple[int, int, int, int]) -> str:
    min_col, min_row, max_col, max_row = bounds
    return f"{get_column_letter(min_col)}{min_row}:{get_column_letter(max_col)}{max_row}"


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

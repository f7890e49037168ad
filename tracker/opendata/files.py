"""A download's bytes: CSV (UTF-8 with a BOM, so Excel reads the Chinese right) and XLSX, and its file names.

The CSV is written row by row as it is sent: a download of every task never sits whole in
memory. The XLSX is built in openpyxl's write-only mode (rows go to a temporary file, not to
a tree of cell objects), then sent.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from django.conf import settings
from django.utils import translation

from tracker.opendata.selectors import ExportTask
from tracker.opendata.table import COLUMN_WIDTHS, COLUMNS, LONG_TEXT_COLUMNS, csv_safe, task_cells

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {"csv": CSV_CONTENT_TYPE, "xlsx": XLSX_CONTENT_TYPE}
SHEET_TITLE = "任务"
# CSV rows written per piece sent.
_CSV_ROWS_PER_PIECE = 200


@dataclass(frozen=True)
class Heading:
    """What an XLSX says above its table: the title row, then `details` (发布机构, 发布日期, 信息索引号), one per cell.

    For a report, the report's title with its year and period: the importer reads them from it.
    """

    title: str
    details: tuple[str, ...] = ()


def csv_pieces(tasks: Iterable[ExportTask]) -> Iterator[bytes]:
    """The CSV, in pieces: a BOM and the header, then the rows; cells with commas, quotes or line breaks quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; Excel keeps a quoted cell's "\n" inside the cell
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    # The rows are written while the response is sent, after the view has returned: the labels' language is set here.
    with translation.override(settings.LANGUAGE_CODE):
        for number, task in enumerate(tasks, start=1):
            writer.writerow([csv_safe(cell) for cell in task_cells(task)])
            if number % _CSV_ROWS_PER_PIECE == 0:
                yield _take(buffer)
    yield _take(buffer)


def _take(buffer: io.StringIO) -> bytes:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode("utf-8")


def xlsx_bytes(tasks: Iterable[ExportTask], heading: Heading) -> bytes:
    """One sheet: the heading, the header row (bold, frozen, with filter buttons), one row per task."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    header_row = 3 if heading.details else 2
    sheet.freeze_panes = f"A{header_row + 1}"
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, heading.title, font=Font(bold=True, size=14))])
    if heading.details:
        sheet.append([_text_cell(sheet, detail) for detail in heading.details])
    sheet.append([_text_cell(sheet, label, font=bold) for label in COLUMNS])
    wrapped = Alignment(wrap_text=True, vertical="top")
    alignments = [wrapped if label in LONG_TEXT_COLUMNS else None for label in COLUMNS]
    last_row = header_row
    for task in tasks:
        sheet.append([
            _text_cell(sheet, cell, alignment=alignment) if isinstance(cell, str) else cell
            for cell, alignment in zip(task_cells(task), alignments)
        ])
        last_row += 1
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(COLUMNS))}{last_row}"
    workbook.properties.creator = "进度看板"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text_cell(sheet, text: str, *, font: Font | None = None, alignment: Alignment | None = None) -> WriteOnlyCell:
    # Control characters (a vertical tab pasted from Word) are not allowed in an XLSX; openpyxl would refuse the file.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text))
    # Always a string: openpyxl would store a text starting with "=" as a formula, which Excel then runs.
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell



# File names.

_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_NAME_MAX_CHARACTERS = 120


def content_disposition(*, ascii_name: str, name: str) -> str:
    """An attachment header with both names: `filename` (ASCII, for old clients) and `filename*` (UTF-8, RFC 5987/6266)."""
    readable = _UNSAFE_IN_NAME.sub("_", name).strip()[:_NAME_MAX_CHARACTERS] or ascii_name
    plain = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(readable, safe='')}"


def period_slug(*, year: int | None, quarter: int | None, period_end_month: int | None) -> str:
    """The period in ASCII for a file name: "2022-q3", "2022-m8" (January to August), "2022", or ""."""
    if year is None:
        return ""
    if quarter:
        return f"{year}-q{quarter}"
    if period_end_month:
        return f"{year}-m{period_end_month}"
    return str(year)

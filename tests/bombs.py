"""Files built to take a worker down, each around a small real table, for the limit tests and the bombs benchmark.

Every builder is cheap: the big numbers are in the file's own claims (a merged range to XFD1048576,
a gridSpan of a billion, a zip part that inflates to 2 GB), never in memory here. Found by the
security sweep of issue 18; `tracker/parsing/formats/limits.py` says which are refused and which
are clamped and read.
"""

from __future__ import annotations

import functools
import io
import random
import struct
import zipfile
import zlib
from html import escape

import docx
import openpyxl

TITLE = "2023年三季度《政府工作报告》主要目标任务完成情况"
HEADER = ("序号", "主要工作内容", "牵头单位", "累计完成情况")
ROWS = [
    ("1", "新增停车泊位3500个", "区住建局", "已新增11494个"),
    ("2", "加固修缮道路8条", "区城管局", "已完成8条"),
    ("3", "新增养老床位200张", "区民政局", "已新增150张"),
]
GIGABYTES_2 = 2 * 1024**3


# --- Excel ------------------------------------------------------------------------------------------


def small_workbook(header: tuple[str, ...] = HEADER) -> bytes:
    """Title in A1, header in row 3, three tasks in rows 4–6: a real table, columns A–D."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "完成情况"
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(list(header))
    for row in ROWS:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def replace_part(package: bytes, name: str, change) -> bytes:
    """The package with part `name` replaced by change(its bytes)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, change(data) if info.filename == name else data)
    return buffer.getvalue()


def _add_merges(sheet_xml: bytes, refs: list[str]) -> bytes:
    merges = f'<mergeCells count="{len(refs)}">' + "".join(f'<mergeCell ref="{ref}"/>' for ref in refs) + "</mergeCells>"
    return sheet_xml.replace(b"</sheetData>", b"</sheetData>" + merges.encode(), 1)


def xlsx_merged_area() -> bytes:
    """The sweep's 5 KB workbook: one <mergeCell ref="C10:XFD1048576"/>, 17 billion cells, below a real table."""
    return replace_part(small_workbook(), "xl/worksheets/sheet1.xml", lambda xml: _add_merges(xml, ["C10:XFD1048576"]))


def xlsx_merged_area_without_header() -> bytes:
    """The merged-area bomb in a workbook whose header no label maps: no table, so its rows are offered
    as candidates for the header (read again, within the limits)."""
    package = small_workbook(header=("甲", "乙", "丙", "丁"))
    return replace_part(package, "xl/worksheets/sheet1.xml", lambda xml: _add_merges(xml, ["C10:XFD1048576"]))


def xlsx_hyperlink_range() -> bytes:
    """A hyperlink over the whole sheet: openpyxl gives every cell of its range a copy."""

    def change(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'</sheetData><hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>', 1)

    return replace_part(small_workbook(), "xl/worksheets/sheet1.xml", change)


def xlsx_merged_area_over_data() -> bytes:
    """A value at Z5000 and A1:Z5000 merged: clipped to the data it is still 130,000 cells."""

    def change(xml: bytes) -> bytes:
        far = b'<row r="5000"><c r="Z5000" t="inlineStr"><is><t>\xe5\xa4\x87\xe6\xb3\xa8</t></is></c></row>'
        return _add_merges(xml.replace(b"</sheetData>", far + b"</sheetData>", 1), ["A7:Z5000"])

    return replace_part(small_workbook(), "xl/worksheets/sheet1.xml", change)


def xlsx_far_cell() -> bytes:
    """A real table and one value at XFD1048576, the sheet's last cell."""
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return replace_part(small_workbook(), "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", far + b"</sheetData>", 1))


# --- zip packages that inflate to 2 GB --------------------------------------------------------------


@functools.lru_cache(maxsize=2)
def _spaces_stream(prefix: bytes, suffix: bytes, size: int) -> tuple[bytes, int, int]:
    """(deflate stream, inflated size, CRC) of prefix + `size` spaces + suffix, built without holding the spaces.

    After a full flush the compressor starts afresh, so every 1 MB block of spaces compresses to the
    same ~1 KB: computed once, repeated. ~0.4 s (the CRC of 2 GB).
    """
    block = b" " * (1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    compressed_block = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = size // len(block)
    tail = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    for _ in range(blocks):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    return head + compressed_block * blocks + tail, len(prefix) + blocks * len(block) + len(suffix), crc


def _zip(parts: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, deflate stream, inflated size, CRC), written by hand so a stream can be given compressed."""
    body, directory = bytearray(), bytearray()
    for name, stream, size, crc in parts:
        encoded, offset = name.encode(), len(body)
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, len(stream), size, len(encoded), 0)
        body += encoded + stream
        directory += struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, len(stream), size, len(encoded), 0, 0, 0, 0, 0, offset
        )
        directory += encoded
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(parts), len(parts), len(directory), len(body), 0)
    return bytes(body + directory + end)


def _deflated(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(), len(data), zlib.crc32(data)


def xlsx_inflating_to_2gb(*, declared_size: int | None = None) -> bytes:
    """The small workbook whose sheet is padded with 2 GB of spaces inside <sheetData>: ~2 MB on disk.

    `declared_size`: what the zip's directory claims the sheet inflates to (a lie, when given).
    """
    return xlsx_padded_with_spaces(GIGABYTES_2, declared_size=declared_size)


def xlsx_padded_with_spaces(padding: int, *, declared_size: int | None = None) -> bytes:
    """The small workbook with `padding` bytes of spaces (whole megabytes) in its sheet's <sheetData>."""
    package = zipfile.ZipFile(io.BytesIO(small_workbook()))
    sheet = package.read("xl/worksheets/sheet1.xml")
    cut = sheet.index(b"</sheetData>")
    stream, size, crc = _spaces_stream(sheet[:cut], sheet[cut:], padding)
    parts = []
    for info in package.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            parts.append((info.filename, stream, declared_size or size, crc))
        else:
            parts.append((info.filename, *_deflated(package.read(info))))
    return _zip(parts)


# --- Word ---------------------------------------------------------------------------------------------


def small_document(*, grid_spans: dict[tuple[int, int], int] | None = None) -> bytes:
    """Title, then the table (header and three tasks); `grid_spans` sets w:gridSpan on cells (row, column)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    cells = [row.cells for row in table.rows]
    for row_index, row in enumerate([HEADER, *ROWS]):
        for column, text in enumerate(row):
            cells[row_index][column].text = text
    for (row_index, column), span in (grid_spans or {}).items():
        cells[row_index][column]._tc.grid_span = span
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_grid_span_clamped() -> bytes:
    """The last cell of a task row claims to span a billion columns: clamped, the row still reads."""
    return small_document(grid_spans={(1, 3): 10**9})


def docx_grid_span() -> bytes:
    """The sweep's document: every cell of a row spans a billion columns (4 × the span limit > the column limit)."""
    return small_document(grid_spans={(2, column): 10**9 for column in range(len(HEADER))})


def docx_attributes(paragraphs: int = 35_000, attributes: int = 30) -> bytes:
    """Empty paragraphs with 30 attributes each before the table: 14 MB of XML that compresses only ~4×
    (random values), ~300 MB as python-docx's tree."""
    values = random.Random(18)

    def change(xml: bytes) -> bytes:
        extra = "".join(
            "<w:p " + " ".join(f'w:a{index}="{values.getrandbits(16):04X}"' for index in range(attributes)) + "/>"
            for _ in range(paragraphs)
        )
        return xml.replace(b"<w:body>", b"<w:body>" + extra.encode(), 1)

    return replace_part(small_document(), "word/document.xml", change)


# --- web pages ----------------------------------------------------------------------------------------


def _page(rows_html: str) -> bytes:
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head><body>\n"
        f"<h1>{TITLE}</h1>\n<table border=\"1\">\n{rows_html}\n</table>\n</body></html>\n"
    ).encode("utf-8")


def _row(cells, tag: str = "td") -> str:
    return "<tr>" + "".join(f"<{tag}>{escape(text)}</{tag}>" for text in cells) + "</tr>"


def html_colspan_title() -> bytes:
    """A real table under a title cell with colspan="1000" (a "whole width" cell): clamped, the table reads."""
    return _page("\n".join([f'<tr><td colspan="1000">{TITLE}</td></tr>', _row(HEADER, "th"), *(_row(row) for row in ROWS)]))


def html_colspan_rowspan(rows: int = 5_000) -> bytes:
    """A real header, then a cell spanning a million columns and a billion rows above `rows` rows."""
    body = [_row(HEADER, "th"), '<tr><td colspan="1000000" rowspan="1000000000">x</td><td>1</td></tr>']
    body += ["<tr><td>1</td></tr>"] * rows
    return _page("\n".join(body))


def html_wide_row() -> bytes:
    """A real table and a row of 20,000 empty cells (HTML's "far-away cell")."""
    return _page("\n".join([_row(HEADER, "th"), *(_row(row) for row in ROWS), "<tr>" + "<td></td>" * 20_000 + "</tr>"]))


def html_nested_tables(depth: int = 80, filler_rows: int = 20_000) -> bytes:
    """The real table inside `depth` nested layout tables, with a table of `filler_rows` rows beside it."""
    real = "<table>" + "".join([_row(HEADER, "th"), *(_row(row) for row in ROWS)]) + "</table>"
    filler = "<table>" + "<tr><td>x</td></tr>" * filler_rows + "</table>"
    return _page("<tr><td>" + "<table><tr><td>" * depth + real + filler + "</td></tr></table>" * depth + "</td></tr>")


def html_many_elements(count: int = 400_000) -> bytes:
    """A page of 400,000 <br> (1.6 MB): each a paragraph for the page reader."""
    return _page(_row(HEADER, "th") + "<tr><td>" + "<br>" * count + "</td></tr>")


# --- text ---------------------------------------------------------------------------------------------


def tabbed_rows(count: int) -> bytes:
    """A table of `count` short rows as Excel copies it (tab-separated): the sweep's 0.5 MB, 11,915-row file."""
    lines = [TITLE, "\t".join(HEADER)]
    lines += [f"{index}\t完成第{index}项重点工程\t区发改经信局\t已完成投资{index}亿元" for index in range(1, count + 1)]
    return "\n".join(lines).encode("utf-8")


def flattened_rows(count: int) -> bytes:
    """A table of `count` rows flattened to text, one cell per line, as a saved page reads."""
    lines = [TITLE, "", *HEADER]
    for index in range(1, count + 1):
        lines += [str(index), f"完成第{index}项重点工程建设任务。", "区发改经信局", f"1-9月已完成投资{index}亿元。"]
    return "\n".join(lines).encode("utf-8")


# A second header, so that consecutive tables are tables of their own (not one header printed again).
OTHER_HEADER = ("序号", "重点工作任务", "责任单位", "进展情况")


def _table_rows(count: int):
    """(header, row) of `count` one-row tables, headers alternating, rows all different."""
    for index in range(1, count + 1):
        yield (HEADER if index % 2 else OTHER_HEADER), ("1", f"完成第{index}项重点工程建设任务。", "区发改经信局", f"1-9月已完成投资{index}亿元。")


def flattened_tables(count: int) -> bytes:
    """`count` tables of one row each, flattened to text: the several-tables reader finds `count` headers."""
    lines = [TITLE, ""]
    for header, row in _table_rows(count):
        lines += [*header, *row]
    return "\n".join(lines).encode("utf-8")


def html_tables(count: int) -> bytes:
    """A page of `count` tables of one row each, every one with its header."""
    tables = [f"<table>{_row(header, 'th')}{_row(row)}</table>" for header, row in _table_rows(count)]
    return (
        f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head><body>\n"
        f"<h1>{TITLE}</h1>\n" + "\n".join(tables) + "\n</body></html>\n"
    ).encode("utf-8")


def long_paste(characters: int) -> str:
    """Pasted text of `characters` characters that are not whitespace, plus a table, in ASCII (1 byte each)."""
    filler = "ab" * (characters // 2) + "a" * (characters % 2)
    return "\n".join([TITLE, *HEADER, *(cell for row in ROWS for cell in row), filler])


BOMBS = {
    # name: (file name, builder)
    "xlsx merged area C10:XFD1048576": ("merged.xlsx", xlsx_merged_area),
    "xlsx merged area over data": ("merged-data.xlsx", xlsx_merged_area_over_data),
    "xlsx far cell XFD1048576": ("far.xlsx", xlsx_far_cell),
    "xlsx merged area C10:XFD1048576, no header": ("merged-no-header.xlsx", xlsx_merged_area_without_header),
    "xlsx hyperlink A1:XFD1048576": ("link.xlsx", xlsx_hyperlink_range),
    "xlsx inflating to 2 GB": ("zip-2gb.xlsx", xlsx_inflating_to_2gb),
    "xlsx 2 GB, size declared 10 KB": ("zip-2gb-lying.xlsx", lambda: xlsx_inflating_to_2gb(declared_size=10_000)),
    "xlsx 12 MB of spaces (ratio ~1000)": ("zip-ratio.xlsx", lambda: xlsx_padded_with_spaces(12 * 1024 * 1024)),
    "docx gridSpan 1e9 (one cell)": ("span-one.docx", docx_grid_span_clamped),
    "docx gridSpan 1e9 (whole row)": ("span-row.docx", docx_grid_span),
    "docx 1 million attributes": ("attributes.docx", docx_attributes),
    "html colspan=1000 title": ("title.html", html_colspan_title),
    "html colspan 1e6 x rowspan 1e9": ("spans.html", html_colspan_rowspan),
    "html row of 20,000 cells": ("wide.html", html_wide_row),
    "html 400,000 elements": ("elements.html", html_many_elements),
    "html 80 nested layout tables": ("nested.html", html_nested_tables),
    "text 12,000 rows (tabs)": ("rows-12k.txt", lambda: tabbed_rows(12_000)),
    "text 16,000 rows (flattened)": ("rows-16k.txt", lambda: flattened_rows(16_000)),
    "text 2,000,001 characters": ("paste.txt", lambda: long_paste(2_000_001).encode()),
    "text 25,000 one-row tables (flattened)": ("tables-25k.txt", lambda: flattened_tables(25_000)),
    "html 20,000 one-row tables": ("tables-20k.html", lambda: html_tables(20_000)),
}

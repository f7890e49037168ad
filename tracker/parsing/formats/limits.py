"""How much work one file may make the parser do, so that no file can take a worker down.

A report is small: the real ones are ~100 KB, 100–500 rows of 4–12 columns, and
parse in ~40 ms. A hostile or broken file can be tiny and still ask for
gigabytes: one `<mergeCell ref="C10:XFD1048576"/>` in a 5 KB workbook is 17
billion cells, a Word cell with a huge `gridSpan` is a row of millions of slots,
a 2 MB zip of zeros inflates to 2 GB. Every such cost is bounded here, and each
bound is checked *while* reading, before the memory is spent: declared zip sizes
are checked and then every part is inflated in chunks and counted (declared
sizes can lie), merged ranges are measured before openpyxl lays them out, spans
are clamped as cells are read, rows stop being laid out past the cap, and the
row search of flattened text is sized before it starts.

The values leave real files far inside (10–100×) and a 6,000-row table
(issue 17) inside with room to spare, while every bomb is far outside. Measured
peaks per file are in `benchmarks/bombs_benchmark.py` (a worker stays < 300 MB).

Refused (a `ParseError`, nothing imported; codes and messages in `errors.py`):
- MAX_FILE_BYTES, inflated MAX_PACKAGE_BYTES / MAX_PART_BYTES, MAX_PACKAGE_PARTS,
  MAX_COMPRESSION_RATIO: `file-too-large` (a part whose inflated size differs
  from its declared size: `corrupt-file`);
- MAX_TEXT_CHARS, MAX_CELL_CHARS: `text-too-long`;
- MAX_XML_NODES (packages), MAX_HTML_NODES (pages): `too-many-elements`;
  MAX_HTML_BYTES: `file-too-large`;
- MAX_ROWS (rows of the tables read): `too-many-rows`; MAX_COLUMNS: `too-many-columns`;
- MAX_CELLS (cells laid out in grids, paragraphs of a page or document, a
  sheet's used range, cells written in a workbook, lines of flattened text) and
  MAX_SEGMENT_WORK: `too-many-cells`;
- MAX_MERGED_AREA, still exceeded after clipping: `merge-too-large`;
- MAX_WORKBOOK_ROWS: `too-many-rows`; MAX_COMMENTS, MAX_STYLE_NODES: `too-many-elements`;
- MAX_PARSE_SECONDS: `parse-too-slow` (a backstop: the limits above keep every
  file well inside it; checked as rows are laid out and searched, so it stops a
  runaway loop there, not inside lxml or openpyxl, whose input the limits bound).

Clamped and read, with a warning diagnostic:
- a column span (HTML colspan, Word gridSpan / gridBefore / gridAfter) over
  MAX_COLUMN_SPAN is read as MAX_COLUMN_SPAN (`span-clamped`): a title cell with
  colspan="1000" above a real table still reads the table;
- a row span (HTML rowspan) is clamped to the rows the table has, as browsers do
  (so never more than MAX_ROWS), silently: that is what it means;
- merged ranges and hyperlink ranges of a sheet (openpyxl makes an object for
  each cell they cover) whose total area is over MAX_MERGED_AREA are clipped to
  the last row and column that hold a value (`merge-clipped`); only when the
  clipped area is still over the limit is the file refused.

Not bounded here: the targets/actuals extraction (`tracker/parsing/metrics`, run by
`status.judge_tasks` after the table is read) costs more than linearly in the
figures of one cell (a 32,767-character cell of "7%7%…" takes ~7 s), and the time
budget is not checked inside it.

The helpers keep the per-file state (the file's name for messages, the cells laid
out so far by the current reading of the file, the deadline) in a context variable
set by `parse_budget()`, so the readers need no extra arguments and concurrent
parses (threads) do not mix.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import PurePath

from .. import errors
from ..types import Diagnostic, ParseError, Severity

MB = 1024 * 1024

# Bytes of any input. Twice the admin's default upload cap (TRACKER_MAX_UPLOAD_BYTES, 5 MB), so that
# setting can be raised a little; beyond it even decoding the text costs more than a report is worth.
MAX_FILE_BYTES = 10 * MB
# Characters of text in a text file or paste, not counting whitespace (blank lines cost almost nothing).
# A real report has 15–40 thousand; the 6,000-row table ~0.9 million; 2 million is ~13,000 real rows.
MAX_TEXT_CHARS = 2_000_000

# Zip packages (.xlsx, .docx). Real ones inflate to 0.1–2 MB, a 6,000-row workbook to ~8 MB (its
# sheet ~7.7 MB), a 6,000-row Word table ~6 MB. The package and each part (the sheet, document.xml)
# are capped separately; python-docx holds every part in memory, XML parts also as trees.
MAX_PACKAGE_BYTES = 32 * MB
MAX_PART_BYTES = 16 * MB
# Parts in a package: Excel and Word write 10–40, a document with pictures a few hundred.
MAX_PACKAGE_PARTS = 2_000
# Inflated / compressed size of one part, checked for parts of at least RATIO_CHECKED_FROM bytes: XML
# compresses 5–30×, zeros ~1000× (a small part may be repetitive: styles.xml reaches 30×).
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 1 * MB
# Nodes of a parsed tree: XML elements and attributes over a package (python-docx parses every XML
# part into an lxml tree: 960,000 nodes measured 215 MB), HTML elements and attributes of a page.
# libxml2 keeps ~110–250 bytes per node, so a tree stays under ~140 MB. A Word file of the 108-task
# sample has ~50,000 (python-docx's template styles are most of them), a 6,000-row Word table ~290,000
# (200,000 elements, 90,000 attributes), a 6,000-row page ~100,000. Counted from the markup: "<" not
# followed by "/" "!" "?", and "=" (an upper bound).
MAX_XML_NODES = 600_000
MAX_HTML_NODES = 300_000
# Bytes of a web page: the attributes without "=" (`<p a b c …>`) escape the count above, and cost
# ~110 bytes each in the tree, so the page's size bounds them (the admin's default upload cap).
MAX_HTML_BYTES = 5 * MB

# Table rows. Issue 17: a 6,000-row table must import; issue 18: the 11,915-row text table of the
# security sweep is valid and must preview in < 5 s. Import time grows linearly with rows, so the
# limit is what keeps an import well inside gunicorn's 60 s timeout. Counted over the tables read (a
# file may hold several), from their headers down; a long table without a header (a layout or data
# table beside the report) is not read and costs only its cells.
MAX_ROWS = 15_000
# Columns of one row. Progress tables have 4–12; a sheet with some notes to the right a few dozen.
MAX_COLUMNS = 200
# Cells laid out for one reading of a file (a grid's rows × columns, over every table tried), cells written in a
# workbook (openpyxl keeps ~440 bytes per cell: 110 MB at this limit), lines of flattened text.
# 6,000 rows × 10 columns is 60,000.
MAX_CELLS = 250_000
# Cells covered by merged ranges in one sheet (openpyxl makes an object for each). A 6,000-row
# table with its themes and departments merged down covers ~18,000.
MAX_MERGED_AREA = 100_000
# What else openpyxl makes objects of while loading a workbook, before the parser sees a cell. Rows the
# sheets write (a row with its own height or format is ~800 bytes; a 6,000-row table writes 6,000),
# comments (~2.5 KB each with their cell; progress tables have a handful) and the nodes (elements and
# attributes) of the style sheet: a cell format is ~6 nodes and ~1.9 KB, and openpyxl's style list is
# quadratic (200,000 formats took 14 s and 430 MB). Excel itself allows 64,000 cell formats; real
# workbooks have a few hundred, 60,000 nodes is ~10,000.
MAX_WORKBOOK_ROWS = 40_000
MAX_COMMENTS = 5_000
MAX_STYLE_NODES = 60_000
# Columns one cell may span: Word tables have at most 63 columns; a wider HTML colspan is a
# "whole width" title cell at best. Clamped, not refused.
MAX_COLUMN_SPAN = 64
# Rows one cell may span: clamped to the rows the table has (HTML's rule), and to MAX_ROWS.
MAX_ROW_SPAN = MAX_ROWS

# Characters of one table cell (or one line of flattened text): Excel's own limit for a cell. Real
# progress cells have up to ~2,000; a table squeezed onto one line (no line breaks) has more.
MAX_CELL_CHARS = 32_767

# Flattened text (one cell per line): the row search (rows.py) tries every span of every column at every
# cell, so its work is cells × the span lengths of all columns (~14–35 per cell), summed over the tables
# of the text and the column layouts tried on each (a header with ambiguous labels is read up to 8 ways).
# The 12,000-row table of issue 18 needs ~0.7–1.1 million steps (1–2 s); 2.5 million is 6,000 rows of 10
# columns.
MAX_SEGMENT_WORK = 2_500_000

# Wall time of one parse. Real reports take ~40 ms and a 6,000-row Word table ~3 s; everything the
# limits above admit stays well inside 15 s even on a busy machine, and the import (another parse and
# the database writes) inside gunicorn's 60 s.
MAX_PARSE_SECONDS = 15.0

_CHUNK = 64 * 1024
_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")  # a zip local file header: 30 bytes
_LOCAL_SIGNATURE = b"PK\x03\x04"


@dataclass
class _Budget:
    source_name: str
    deadline: float
    cells: int = 0


_BUDGET: ContextVar[_Budget | None] = ContextVar("tracker_parse_budget", default=None)


@contextmanager
def parse_budget(source_name: str = ""):
    """One file's budget (deadline and cells laid out) for everything read inside the block.

    A nested call (read_source or candidate_rows inside parse_report_bytes, which may read the file
    again: with a remembered layout, for the rows offered as its header) keeps the outer deadline and
    counts the cells of its own reading: the tables one reading lays out are gone before the next.
    """
    outer = _BUDGET.get()
    if outer is None:
        budget = _Budget(source_name, time.monotonic() + MAX_PARSE_SECONDS)
    else:
        budget = _Budget(outer.source_name, outer.deadline)
    token = _BUDGET.set(budget)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def file_label(source_name: str | None = None) -> str:
    """The file as the messages name it: “2022q3.xlsx”, or “粘贴的文本”."""
    if source_name is None:
        budget = _BUDGET.get()
        source_name = budget.source_name if budget else ""
    name = PurePath(source_name).name if source_name else ""
    return f"“{name}”" if name else "文件"


def refuse(code: str, template: str, *, source_name: str | None = None, line: int | None = None, **values) -> ParseError:
    """The ParseError for a limit: `template` gets the file's label as {name}; raise what this returns."""
    if source_name is None:
        budget = _BUDGET.get()
        source_name = budget.source_name if budget else ""
    return ParseError(code, template.format(name=file_label(source_name), line=line, **values), line=line, source_name=source_name)


def size_text(size: int) -> str:
    if size >= 1024 * MB:
        return f"{size / (1024 * MB):.1f} GB"
    if size >= MB:
        return f"{size / MB:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


# --- time and cells, checked as rows are laid out ---------------------------------------------------


def check_time(where: str = "") -> None:
    """Refuse once the file's parse has run past MAX_PARSE_SECONDS (no-op outside `parse_budget`)."""
    budget = _BUDGET.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise refuse(errors.PARSE_TOO_SLOW, errors.MSG_PARSE_TOO_SLOW, limit=MAX_PARSE_SECONDS, where=where or "读取表格时")


def take_cells(count: int, *, line: int | None = None) -> None:
    """Count `count` more laid-out cells against MAX_CELLS for this reading of the file (per call outside `parse_budget`)."""
    budget = _BUDGET.get()
    total = count + (budget.cells if budget else 0)
    if budget is not None:
        budget.cells = total
    if total > MAX_CELLS:
        found = f"读到第 {line} 行时已有 {total:,} 个" if line else f"已有 {total:,} 个"
        raise refuse(errors.TOO_MANY_CELLS, errors.MSG_TOO_MANY_CELLS, found=found, limit=MAX_CELLS)


def check_rows(count: int, *, found: str) -> None:
    if count > MAX_ROWS:
        raise refuse(errors.TOO_MANY_ROWS, errors.MSG_TOO_MANY_ROWS, limit=MAX_ROWS, found=found)


def check_columns(count: int, *, line: int | None) -> None:
    if count > MAX_COLUMNS:
        raise refuse(errors.TOO_MANY_COLUMNS, errors.MSG_TOO_MANY_COLUMNS, line=line, count=count, limit=MAX_COLUMNS)


def clamp_column_span(span: int, *, line: int | None, diagnostics: list[Diagnostic]) -> int:
    """`span` at most MAX_COLUMN_SPAN; the first clamp in a table leaves a warning in `diagnostics` (the table's)."""
    if span <= MAX_COLUMN_SPAN:
        return span
    if not any(d.code == errors.SPAN_CLAMPED for d in diagnostics):
        message = errors.MSG_SPAN_CLAMPED.format(span=span, limit=MAX_COLUMN_SPAN)
        diagnostics.append(Diagnostic(line, Severity.WARNING, errors.SPAN_CLAMPED, message))
    return MAX_COLUMN_SPAN


# --- text ---------------------------------------------------------------------------------------------

_WHITESPACE = " \t\r\n\u3000\u00a0\f\v"


def check_file_size(data: bytes, *, source_name: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise refuse(
            errors.FILE_TOO_LARGE, errors.MSG_FILE_TOO_LARGE,
            source_name=source_name, size=size_text(len(data)), limit=size_text(MAX_FILE_BYTES),
        )


def check_text(text: str, *, source_name: str) -> None:
    """Refuse text with more than MAX_TEXT_CHARS characters that are not whitespace."""
    if len(text) <= MAX_TEXT_CHARS:
        return
    count = len(text) - sum(text.count(space) for space in _WHITESPACE)
    if count > MAX_TEXT_CHARS:
        raise refuse(errors.TEXT_TOO_LONG, errors.MSG_TEXT_TOO_LONG, source_name=source_name, count=count, limit=MAX_TEXT_CHARS)


def check_text_lines(count: int, *, source_name: str) -> None:
    """Non-blank lines of flattened text are its cells: refuse more than MAX_CELLS before making them."""
    if count > MAX_CELLS:
        raise refuse(
            errors.TOO_MANY_CELLS, errors.MSG_TOO_MANY_CELLS,
            source_name=source_name, found=f"有 {count:,} 个非空行，每行算一个", limit=MAX_CELLS,
        )


def node_count(markup: str | bytes) -> int:
    """Elements and attributes in XML or HTML, from its "<" (closing tags, comments and declarations left
    out) and its "="; an upper bound (an "=" in the text counts too)."""
    lt, close, bang, question, equals = ("<", "</", "<!", "<?", "=") if isinstance(markup, str) else (b"<", b"</", b"<!", b"<?", b"=")
    return markup.count(lt) - markup.count(close) - markup.count(bang) - markup.count(question) + markup.count(equals)


def check_nodes(count: int, *, limit: int | None = None, source_name: str | None = None) -> None:
    """Refuse more than `limit` nodes (MAX_XML_NODES unless given)."""
    limit = MAX_XML_NODES if limit is None else limit
    if count > limit:
        raise refuse(errors.TOO_MANY_ELEMENTS, errors.MSG_TOO_MANY_ELEMENTS, source_name=source_name, count=count, limit=limit)


def check_page(text: str, *, source_name: str | None = None) -> None:
    """A web page's size and nodes within MAX_HTML_BYTES and MAX_HTML_NODES, before lxml parses it."""
    size = len(text.encode("utf-8"))
    if size > MAX_HTML_BYTES:
        raise refuse(
            errors.FILE_TOO_LARGE, errors.MSG_FILE_TOO_LARGE, source_name=source_name, size=size_text(size), limit=size_text(MAX_HTML_BYTES)
        )
    check_nodes(node_count(text), limit=MAX_HTML_NODES, source_name=source_name)


def check_cell_text(text: str, *, line: int | None) -> None:
    """Refuse a cell (or a line of flattened text) longer than MAX_CELL_CHARS."""
    if len(text) > MAX_CELL_CHARS:
        raise refuse(errors.TEXT_TOO_LONG, errors.MSG_CELL_TOO_LONG, line=line, count=len(text), limit=MAX_CELL_CHARS)


def checked_cells(cells: list) -> list:
    """`cells` (text.Cell), each checked by `check_cell_text`."""
    for cell in cells:
        check_cell_text(cell.text, line=cell.line)
    return cells


def check_segment_work(*, cells: int, columns: str, rows: int, work: int) -> None:
    """Size the row search of flattened text (rows.check_search_size) before it starts: the rows and the
    steps of every table and every column layout tried; `columns`: the tables' widths, for the message."""
    check_rows(rows, found=f"{cells:,} 个段落、{columns} 列，约 {rows:,} 行")
    if work > MAX_SEGMENT_WORK:
        raise refuse(
            errors.TOO_MANY_CELLS, errors.MSG_SEGMENT_TOO_LARGE, cells=cells, columns=columns, work=work, limit=MAX_SEGMENT_WORK
        )


# --- zip packages ---------------------------------------------------------------------------------------


class _Corrupt(Exception):
    pass


def check_package(data: bytes, *, source_name: str, what: str, app: str, suffix: str) -> None:
    """Refuse a package (.xlsx, .docx) that inflates past the limits, before any library opens it.

    First the sizes the zip's directory declares (a 2 GB part is refused without inflating a
    byte), then every part is inflated here in 64 KB chunks, counted and dropped: its size must be
    what the directory says (a liar would make zipfile's one-shot read() inflate the whole
    stream), and its elements are counted for the XML limit. Costs ~10 ms per MB inflated.
    """
    corrupt = refuse(
        errors.CORRUPT_FILE, errors.MSG_CORRUPT_FILE.format(what=what, app=app, suffix=suffix), source_name=source_name
    )
    named = dict(source_name=source_name, app=app, suffix=suffix)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise corrupt from None
    if len(parts) > MAX_PACKAGE_PARTS:
        raise refuse(errors.FILE_TOO_LARGE, errors.MSG_TOO_MANY_PARTS, count=len(parts), limit=MAX_PACKAGE_PARTS, **named)
    for part in parts:
        _check_declared(part, named)
    declared = sum(part.file_size for part in parts)
    if declared > MAX_PACKAGE_BYTES:
        raise refuse(
            errors.FILE_TOO_LARGE, errors.MSG_PACKAGE_TOO_LARGE,
            size=size_text(declared), packed=size_text(len(data)), limit=size_text(MAX_PACKAGE_BYTES), **named,
        )
    nodes = 0
    for part in parts:
        size = 0
        try:
            for chunk in _inflate(data, part, limit=part.file_size):
                size += len(chunk)
                nodes += node_count(chunk)  # a "</" cut at a chunk's end counts once too often: fine
        except _Corrupt:
            raise corrupt from None
        if size != part.file_size:
            raise refuse(errors.CORRUPT_FILE, errors.MSG_PART_SIZE_WRONG, part=part.filename, **named)
        check_nodes(nodes, source_name=source_name)


def _check_declared(part: zipfile.ZipInfo, named: dict) -> None:
    if part.file_size > MAX_PART_BYTES:
        raise refuse(
            errors.FILE_TOO_LARGE, errors.MSG_PART_TOO_LARGE,
            part=part.filename, size=size_text(part.file_size), limit=size_text(MAX_PART_BYTES), **named,
        )
    if part.file_size >= RATIO_CHECKED_FROM and part.file_size > MAX_COMPRESSION_RATIO * max(part.compress_size, 1):
        raise refuse(
            errors.FILE_TOO_LARGE, errors.MSG_COMPRESSION_TOO_HIGH,
            part=part.filename, ratio=part.file_size // max(part.compress_size, 1), packed=size_text(part.compress_size),
            size=size_text(part.file_size), limit=MAX_COMPRESSION_RATIO, **named,
        )


def _inflate(data: bytes, part: zipfile.ZipInfo, *, limit: int):
    """The part's bytes in chunks of at most 64 KB; stops once more than `limit` bytes came out.

    Read from the package's bytes directly (zipfile's reader would stop at the declared size and
    so could not tell a part that holds more).
    """
    if part.flag_bits & 0x1:
        raise _Corrupt  # encrypted: Excel and Word never encrypt single parts
    header = data[part.header_offset : part.header_offset + _LOCAL_HEADER.size]
    if len(header) != _LOCAL_HEADER.size or header[:4] != _LOCAL_SIGNATURE:
        raise _Corrupt
    fields = _LOCAL_HEADER.unpack(header)
    start = part.header_offset + _LOCAL_HEADER.size + fields[-2] + fields[-1]  # + name and extra field lengths
    raw = memoryview(data)[start : start + part.compress_size]
    if len(raw) != part.compress_size:
        raise _Corrupt
    if part.compress_type == zipfile.ZIP_STORED:
        for offset in range(0, len(raw), _CHUNK):
            yield bytes(raw[offset : offset + _CHUNK])
        return
    if part.compress_type != zipfile.ZIP_DEFLATED:
        raise _Corrupt  # bzip2, LZMA...: not what Office writes
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    try:
        for offset in range(0, len(raw), _CHUNK):
            pending = raw[offset : offset + _CHUNK]
            while pending and not inflater.eof:
                chunk = inflater.decompress(pending, _CHUNK)
                produced += len(chunk)
                yield chunk
                if produced > limit:
                    return
                pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        raise _Corrupt from None
    if not inflater.eof:
        raise _Corrupt  # the stream is cut short

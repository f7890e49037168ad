"""A Word document (.docx): the progress table among the document's tables, read as a grid.

The first table whose rows include a header that maps to column roles is read.
A long table is often several tables in the file (split at page breaks, each
maybe starting with the header again): tables that follow with the same number
of columns are read as its continuation, and a header row repeated at the top of
a page is skipped by the table reader. Paragraphs before the table (title, date)
are the metadata. Merged cells (vertical merge, grid span) are laid out as in
`grid.py`; paragraphs and line breaks inside a cell become line breaks.

"Line" in diagnostics: Word has no line numbers, so the document body is counted
from the top, one number per non-blank paragraph and per table row; line 12 is
the twelfth such paragraph or row.

Only the document body is read: headers, footers, text boxes and tables nested
in a cell are not.
"""

from __future__ import annotations

import io

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .. import errors
from . import limits
from .source import TableSource
from ..text import Cell
from ..types import Diagnostic, ParseError, Severity
from .grid import RawTable, Slot, clean_lines, find_header, make_cell, to_source

_WHAT = "Word 文件"


def read_docx_source(data: bytes, *, source_name: str, header_line: int | None = None) -> TableSource:
    blocks = body_blocks(open_document(data, source_name=source_name))
    tables = [block for block in blocks if isinstance(block, RawTable)]
    for position, block in enumerate(blocks):
        if not isinstance(block, RawTable):
            continue
        found = find_header(block, header_line=header_line)
        if found is None:
            continue
        return _source(blocks, position, found, len(tables))
    searched = f"（文档中有 {len(tables)} 个表格，都没有可识别的表头）" if tables else "（文档中没有表格）"
    raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE_IN_FILE.format(what=_WHAT, searched=searched), source_name=source_name)


def open_document(data: bytes, *, source_name: str):
    """The python-docx document, once the package is within the limits (sizes and elements checked
    before python-docx inflates and parses every part)."""
    limits.check_package(data, source_name=source_name, what=_WHAT, app="Word 或 WPS", suffix=".docx")
    try:
        return docx.Document(io.BytesIO(data))
    except Exception:  # python-docx raises zip, XML, key and value errors alike for a damaged file
        raise ParseError(
            errors.CORRUPT_FILE, errors.MSG_CORRUPT_FILE.format(what=_WHAT, app="Word 或 WPS", suffix=".docx"), source_name=source_name
        ) from None


def body_blocks(document) -> list[Cell | RawTable]:
    """The body in reading order: paragraphs as cells, tables laid out; one running number for both."""
    blocks: list[Cell | RawTable] = []
    line = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = clean_lines(block.text)
            if text:
                line += 1
                limits.take_cells(1, line=line)
                blocks.append(make_cell(line, text))
        elif isinstance(block, Table):
            table = _lay_out(block, first_line=line + 1)
            line += len(table.rows)
            blocks.append(table)
    return blocks


def _source(blocks: list, position: int, found, table_count: int) -> TableSource:
    """The table at `position` with the same-width tables after it; paragraphs before it as meta."""
    table: RawTable = blocks[position]
    joined = RawTable()
    joined.extend(table)
    count, end = 1, position + 1
    for index in range(position + 1, len(blocks)):
        block = blocks[index]
        if isinstance(block, RawTable):
            if block.width != table.width:
                break
            joined.extend(block)
            count, end = count + 1, index + 1
    diagnostics = []
    if count > 1:
        first = table.lines[found.row]
        diagnostics.append(Diagnostic(first, Severity.INFO, errors.TABLES_JOINED, errors.MSG_TABLES_JOINED.format(count=count, first=first)))
    elif table_count > 1:
        line = table.lines[found.row]
        index = sum(1 for block in blocks[: position + 1] if isinstance(block, RawTable))
        diagnostics.append(
            Diagnostic(line, Severity.INFO, errors.TABLE_CHOSEN,
                       errors.MSG_TABLE_CHOSEN.format(what=_WHAT, count=table_count, index=index, line=line))
        )
    before = [block for block in blocks[:position] if isinstance(block, Cell)]
    # Later tables with a header of their own are read too, each with the paragraphs above it as its caption.
    more, caption = [], []
    for index in range(end, len(blocks)):
        block = blocks[index]
        if isinstance(block, Cell):
            caption.append(block)
            continue
        other = find_header(block)
        if other is not None:
            more.append((block, other, caption[-2:]))
            end = index + 1
        caption = []
    # Paragraphs between joined tables ("续表") are neither table nor metadata: left out.
    after = [block for block in blocks[end:] if isinstance(block, Cell)]
    # A document that opens is whole: an empty last cell is blank, not a cut-off file.
    return to_source(joined, found, before=before, after=after, diagnostics=diagnostics, may_be_cut_off=False, more=more)


def _lay_out(table: Table, *, first_line: int) -> RawTable:
    """The table's rows with grid spans and vertical merges laid out."""
    laid_out = RawTable()
    for row_index, row in enumerate(table._tbl.tr_lst):  # the XML rows: python-docx's row.cells hides how cells merge
        line = first_line + row_index
        slots: list[Slot] = []
        for _ in range(_span(row, "grid_before", width=0, line=line, table=laid_out)):
            slots.append(Slot("", (row_index, len(slots))))
        for tc in row.tc_lst:
            start = len(slots)
            grid_span = _span(tc, "grid_span", width=start, line=line, table=laid_out)
            above = laid_out.rows[row_index - 1] if row_index else []
            if tc.vMerge == "continue" and start < len(above):
                origin_slot = above[start]  # merged down: the cell above covers this one
                slots.extend(above[start : start + grid_span])
                slots.extend(Slot(origin_slot.text, origin_slot.origin) for _ in range(len(slots), start + grid_span))
                continue
            text = clean_lines("\n".join(paragraph.text for paragraph in _Cell(tc, table).paragraphs))
            slots.extend(Slot(text, (row_index, start)) for _ in range(grid_span))
        for _ in range(_span(row, "grid_after", width=len(slots), line=line, table=laid_out)):
            slots.append(Slot("", (row_index, len(slots))))
        laid_out.add_row(line, slots)
    return laid_out.pad()


def _span(element, attribute: str, *, width: int, line: int, table: RawTable) -> int:
    """A cell's grid_span (a row's grid_before, grid_after) within the limits, checked before its slots are
    made: a gridSpan can say a billion, or be no number at all."""
    try:
        value = getattr(element, attribute)
    except ValueError:  # "abc", or thousands of digits: python-docx reads the attribute only now
        raise limits.refuse(errors.CORRUPT_FILE, errors.MSG_CORRUPT_FILE.format(what=_WHAT, app="Word 或 WPS", suffix=".docx")) from None
    value = limits.clamp_column_span(value, line=line, diagnostics=table.diagnostics)
    limits.check_columns(width + value, line=line)
    return value

"""The first rows of a file in which no header was found: what an admin may point at as the header.

Each candidate is the line a diagnostic would name (`header_line` takes it back)
and the cells of that line or table row, as printed: a paragraph of flattened
text is one cell; a pipe or tab row, an HTML, Excel or Word table row, several.
"""

from __future__ import annotations

import re

from ..text import decode, split_lines, split_pipe_row, to_cells
from ..types import Candidate, ParseError
from . import detect_format

_PIPE_ROW_RE = re.compile(r"\|.*\|")


def candidate_rows(data: bytes, *, source_name: str = "", limit: int = 40) -> list[Candidate]:
    """Up to `limit` non-blank lines or table rows of the file, in order; [] when it cannot be read at all."""
    try:
        format_name = detect_format(data, source_name)
        if format_name == "html":
            rows = _html_rows(data, source_name)
        elif format_name == "xlsx":
            rows = _xlsx_rows(data)
        elif format_name == "docx":
            rows = _docx_rows(data)
        else:
            rows = _text_rows(data, source_name)
    except (ParseError, Exception):  # a file no reader opens has nothing to point at
        return []
    return [row for row in rows if any(cell.strip() for cell in row.cells)][:limit]


def _text_rows(data: bytes, source_name: str) -> list[Candidate]:
    text, _ = decode(data, source_name=source_name)
    rows = []
    for cell in to_cells(split_lines(text)):
        if "\t" in cell.text:
            cells = [part.strip() for part in cell.text.split("\t")]
        elif _PIPE_ROW_RE.search(cell.text):
            cells = [part.text for part in split_pipe_row(cell)]
        else:
            cells = [cell.text.rstrip("| ").strip() or cell.text]
        rows.append(Candidate(cell.line, cells))
    return rows


def _distinct(slots) -> list[str]:
    """A laid-out row's cells, a merged cell once."""
    cells, seen = [], set()
    for slot in slots:
        if slot.origin in seen:
            continue
        seen.add(slot.origin)
        cells.append(slot.text)
    return cells


def _html_rows(data: bytes, source_name: str) -> list[Candidate]:
    import lxml.html

    from .html import _body, _lay_out, _paragraphs

    text, _ = decode(data, source_name=source_name)
    root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    rows = []
    for table_element in root.iter("table"):
        if next(table_element.iterdescendants("table"), None) is not None:
            continue  # a layout table around others: its rows are the inner tables'
        table = _lay_out(table_element)
        rows.extend(Candidate(line, _distinct(row)) for line, row in zip(table.lines, table.rows))
    if not rows:
        rows = [Candidate(cell.line, [cell.text]) for cell in _paragraphs(_body(root), cells_inline=False) if cell is not None]
    return sorted(rows, key=lambda row: row.line)


def _xlsx_rows(data: bytes) -> list[Candidate]:
    import io

    import openpyxl

    from .xlsx import _lay_out

    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    sheets = sorted(workbook.worksheets, key=lambda sheet: sheet.sheet_state != "visible")
    table = _lay_out(sheets[0]) if sheets else None
    return [Candidate(line, _distinct(row)) for line, row in zip(table.lines, table.rows)] if table else []


def _docx_rows(data: bytes) -> list[Candidate]:
    import io

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .docx import _lay_out
    from .grid import clean_lines

    document = docx.Document(io.BytesIO(data))
    rows, line = [], 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = clean_lines(block.text)
            if text:
                line += 1
                rows.append(Candidate(line, [text]))
        elif isinstance(block, Table):
            table = _lay_out(block, first_line=line + 1)
            line += len(table.rows)
            rows.extend(Candidate(row_line, _distinct(row)) for row_line, row in zip(table.lines, table.rows))
    return rows

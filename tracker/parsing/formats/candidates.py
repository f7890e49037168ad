"""The first rows of a file in which no header was found: what an admin may point at as the header.

Each candidate is the line a diagnostic would name (`header_line` takes it back)
and the cells of that line or table row, as printed: a paragraph of flattened
text is one cell; a pipe or tab row, an HTML, Excel or Word table row, several.
"""

from __future__ import annotations

import re

from .. import errors
from ..text import decode, split_lines, split_pipe_row, to_cells
from ..types import Candidate, ParseError
from . import detect_format, limits

_PIPE_ROW_RE = re.compile(r"\|.*\|")


def candidate_rows(data: bytes, *, source_name: str = "", limit: int = 40) -> list[Candidate]:
    """Up to `limit` non-blank lines or table rows of the file, in order; [] when it cannot be read at all.

    Read within the limits, as the readers read (formats/limits.py): past one, there is nothing to point
    at, and once the file's time is up the parse is refused.
    """
    try:
        with limits.parse_budget(source_name):
            limits.check_file_size(data, source_name=source_name)
            format_name = detect_format(data, source_name)
            if format_name == "html":
                rows = _html_rows(data, source_name)
            elif format_name == "xlsx":
                rows = _xlsx_rows(data, source_name)
            elif format_name == "docx":
                rows = _docx_rows(data, source_name)
            else:
                rows = _text_rows(data, source_name)
    except ParseError as error:
        if error.code == errors.PARSE_TOO_SLOW:
            raise
        return []
    except Exception:  # a file no reader opens has nothing to point at
        return []
    return [row for row in rows if any(cell.strip() for cell in row.cells)][:limit]


def _text_rows(data: bytes, source_name: str) -> list[Candidate]:
    text, _ = decode(data, source_name=source_name)
    limits.check_text(text, source_name=source_name)
    lines = split_lines(text)
    limits.check_text_lines(len(lines) - lines.count(""), source_name=source_name)
    rows = []
    for cell in to_cells(lines):
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
    from .html import _body, _lay_out, _paragraphs, _rows_by_table, open_page

    root, _ = open_page(data, source_name=source_name)
    rows_by_table = _rows_by_table(root)
    rows = []
    for table_element in root.iter("table"):
        if next(table_element.iterdescendants("table"), None) is not None:
            continue  # a layout table around others: its rows are the inner tables'
        table = _lay_out(table_element, rows_by_table.get(table_element, []))
        rows.extend(Candidate(line, _distinct(row)) for line, row in zip(table.lines, table.rows))
    if not rows:
        rows = [Candidate(cell.line, [cell.text]) for cell in _paragraphs(_body(root), cells_inline=False) if cell is not None]
    return sorted(rows, key=lambda row: row.line)


def _xlsx_rows(data: bytes, source_name: str) -> list[Candidate]:
    from .xlsx import _lay_out, open_workbook

    workbook, _ = open_workbook(data, source_name=source_name)
    sheets = sorted(workbook.worksheets, key=lambda sheet: sheet.sheet_state != "visible")
    table = _lay_out(sheets[0]) if sheets else None
    return [Candidate(line, _distinct(row)) for line, row in zip(table.lines, table.rows)] if table else []


def _docx_rows(data: bytes, source_name: str) -> list[Candidate]:
    from .docx import body_blocks, open_document
    from .grid import RawTable

    rows = []
    for block in body_blocks(open_document(data, source_name=source_name)):
        if isinstance(block, RawTable):
            rows.extend(Candidate(line, _distinct(row)) for line, row in zip(block.lines, block.rows))
        else:
            rows.append(Candidate(block.line, [block.text]))
    return rows

"""Rows separated by tabs: what copying a table out of Excel or a browser gives, pasted or saved as text.

Excel writes one row per line, cells separated by tabs, and wraps a cell that
holds a line break, tab or quote in double quotes; Python's csv module reads
exactly that. Lines without tabs above the header (a title copied along) are the
metadata. Used only when the text has tab-separated rows with a header that maps
to column roles; anything else is read as flattened text.

"Line" in diagnostics: the line of the text where the row starts.
"""

from __future__ import annotations

import csv
import io

from .. import errors
from . import limits
from .source import TableSource
from ..text import decode, decoding_diagnostics
from ..types import Diagnostic, Severity
from .grid import RawTable, Slot, align_rows, clean_lines, find_header, to_source

# Rows with at least this many cells make the text a tab-separated table worth trying.
_MIN_CELLS = 3
_MIN_ROWS = 2


def read_tabbed_source(data: bytes, *, source_name: str, header_line: int | None = None) -> TableSource | None:
    """The tab-separated table in the text, or None when the text is not one."""
    text, encoding = decode(data, source_name=source_name)
    if text.count("\t") < (_MIN_CELLS - 1) * _MIN_ROWS:
        return None
    table = RawTable()
    records = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"')
    line = 1
    try:
        for record in records:
            if any(cell.strip() for cell in record):
                limits.check_columns(len(record), line=line)  # before a slot is made
                row = len(table.rows)
                table.add_row(line, [Slot(clean_lines(cell), (row, column)) for column, cell in enumerate(record)])
            line = records.line_num + 1
    except csv.Error:
        return None  # a stray quote broke the rows: leave it to the flattened-text reader
    cut_line = _unclosed_quote_line(text, table)
    if sum(1 for row in table.rows if len(row) >= _MIN_CELLS) < _MIN_ROWS:
        return None
    found = find_header(table, header_line=header_line)
    if found is None:
        return None
    diagnostics = decoding_diagnostics(encoding)
    if cut_line is not None:
        diagnostics.append(Diagnostic(cut_line, Severity.ERROR, errors.ROW_TRUNCATED, errors.MSG_ROW_CUT_IN_QUOTES.format(line=cut_line)))
    # A row copied from under a merged cell lacks that cell: put its cells in their columns before padding.
    align_rows(table, found, diagnostics)
    table.pad()
    return to_source(table, found, before=[], after=[], diagnostics=diagnostics, may_be_cut_off=True, merges_blank=True)


def _unclosed_quote_line(text: str, table: RawTable) -> int | None:
    """The line of the last row when the text ends inside a quoted cell (a file cut short), else None."""
    try:
        for _ in csv.reader(io.StringIO(text, newline=""), delimiter="\t", quotechar='"', strict=True):
            pass
    except csv.Error as error:
        if "unexpected end of data" in str(error) and table.lines:
            return table.lines[-1]
    return None

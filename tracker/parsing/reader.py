"""The parser's entry point: bytes of a flattened progress page -> ParsedReport.

Steps: decode; number the lines; read the metadata above the header; find the
header and map its labels to column roles; take the table body once (a page
prints it twice: page view and print view); rebuild rows; assemble tasks.
"""

from __future__ import annotations

import hashlib
import re

from . import errors
from .assemble import assemble_tasks
from .columns import Header, find_headers
from .metadata import read_metadata
from .rows import RawRow, read_single_row, segment
from .text import Cell, decode, split_lines, split_pipe_row, to_cells
from .types import Diagnostic, ParsedReport, ParseError, Severity

# A row written as "a | b | c": at least two separators.
_PIPE_ROW_RE = re.compile(r"\|.*\|")
# Cells compared to tell a second printing of the table from a header repeated at a page break.
_COPY_PROBE_CELLS = 3
# Share of the shorter copy that must agree before the longer one's tail is treated as page furniture.
_COPY_AGREEMENT = 0.9


def parse_report_bytes(data: bytes, *, source_name: str = "") -> ParsedReport:
    text, encoding = decode(data, source_name=source_name)
    cells = to_cells(split_lines(text))
    diagnostics: list[Diagnostic] = []
    if encoding == "gb18030":
        diagnostics.append(Diagnostic(None, Severity.INFO, errors.DECODED_GB18030, errors.MSG_DECODED_GB18030))

    pipe_rows = sum(1 for cell in cells if _PIPE_ROW_RE.search(cell.text))
    if pipe_rows >= 2:
        stream = [part for cell in cells for part in (split_pipe_row(cell) if _PIPE_ROW_RE.search(cell.text) else [cell])]
        stream = [part for part in stream if part.key]
    else:
        stream = cells

    headers = find_headers(stream)
    if not headers:
        raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE, source_name=source_name)
    header = headers[0]
    meta, meta_diagnostics, title_cell = read_metadata(stream[: header.start])
    diagnostics.extend(meta_diagnostics)

    if pipe_rows >= 2:
        rows, ends_file = _pipe_rows(cells, header, diagnostics)
    else:
        body = _table_body(stream, headers, title_cell, diagnostics)
        segmentation = segment(body, header.columns)
        rows = segmentation.rows
        ends_file = body[-1] is stream[-1] if body else True
        _report_skipped(segmentation.skipped, rows, ends_file, diagnostics)
    if not rows:
        raise ParseError(
            errors.NO_TABLE, errors.MSG_NO_ROWS.format(line=header.first_line), line=header.first_line, source_name=source_name
        )

    _note_header_conventions(header, diagnostics)
    tasks = assemble_tasks(rows, header.columns, ends_file=ends_file, diagnostics=diagnostics)
    diagnostics.sort(key=lambda d: (d.line or 0))
    return ParsedReport(
        meta=meta,
        layout="|".join(role.value for role in header.roles),
        columns=[column.label for column in header.columns],
        tasks=tasks,
        diagnostics=diagnostics,
        source_name=source_name,
        content_hash=hashlib.sha256(data).hexdigest(),
    )


def _same_start(cells: list[Cell], first: int, second: int) -> bool:
    probe_a = [c.key for c in cells[first : first + _COPY_PROBE_CELLS]]
    probe_b = [c.key for c in cells[second : second + _COPY_PROBE_CELLS]]
    return len(probe_a) == _COPY_PROBE_CELLS and probe_a == probe_b


def _table_body(cells: list[Cell], headers: list[Header], title_cell: Cell | None, diagnostics: list[Diagnostic]) -> list[Cell]:
    """The cells of the table's first printing, without repeated headers or page furniture."""
    first = headers[0]
    body_end, copy_header = len(cells), None
    repeated: list[Header] = []
    for header in headers[1:]:
        if header.roles != first.roles:
            body_end = header.start  # another table follows; this one ends here
            break
        if _same_start(cells, first.end, header.end):
            body_end, copy_header = header.start, header
            break
        repeated.append(header)  # the header printed again at a page break

    excluded = {index for h in repeated for index in range(h.start, h.end)}
    for header in repeated:
        diagnostics.append(Diagnostic(header.first_line, Severity.INFO, errors.HEADER_REPEATED, errors.MSG_HEADER_REPEATED.format(line=header.first_line)))
    body = [cell for index, cell in enumerate(cells[first.end : body_end], start=first.end) if index not in excluded]
    if copy_header is None:
        return body

    diagnostics.append(
        Diagnostic(copy_header.first_line, Severity.INFO, errors.PRINT_COPY_SKIPPED, errors.MSG_PRINT_COPY_SKIPPED.format(line=copy_header.first_line))
    )
    # The print view starts with the title again: everything from there on is not table.
    if title_cell is not None:
        title_positions = [i for i, cell in enumerate(body) if cell.key == title_cell.key]
        if title_positions:
            body = body[: title_positions[-1]]
    # Whatever still follows the last row (site navigation) is not in the print copy.
    following = [h.start for h in headers if h.start > copy_header.start]
    copy_body = cells[copy_header.end : following[0] if following else len(cells)]
    agree = 0
    for page_cell, copy_cell in zip(body, copy_body):
        if page_cell.key != copy_cell.key:
            break
        agree += 1
    shorter = min(len(body), len(copy_body))
    if agree < shorter:
        line = body[agree].line if agree < len(body) else None
        diagnostics.append(Diagnostic(line, Severity.WARNING, errors.PRINT_COPY_DIFFERS, errors.MSG_PRINT_COPY_DIFFERS.format(line=line)))
    if agree >= _COPY_AGREEMENT * shorter and agree < len(body):
        trailer = body[agree:]
        diagnostics.append(
            Diagnostic(
                trailer[0].line,
                Severity.INFO,
                errors.TRAILER_SKIPPED,
                errors.MSG_TRAILER_SKIPPED.format(
                    first=trailer[0].line, last=trailer[-1].line, text=" / ".join(c.text for c in trailer)[:60]
                ),
            )
        )
        body = body[:agree]
    return body


def _pipe_rows(cells: list[Cell], header: Header, diagnostics: list[Diagnostic]) -> tuple[list[RawRow], bool]:
    """Rows written one per line, "a | b | c": cells map by position when the count matches."""
    header_line = header.columns[-1].last_line
    lines = [cell for cell in cells if cell.line > header_line and _PIPE_ROW_RE.search(cell.text)]
    rows: list[RawRow] = []
    for line in lines:
        parts = split_pipe_row(line)
        if [p.key for p in parts if p.key] == [c.label for c in header.columns]:
            continue  # header repeated
        if len(parts) == len(header.columns):
            rows.append(RawRow([[part] if part.key else [] for part in parts], 0.0))
            continue
        row = read_single_row([part for part in parts if part.key], header.columns)
        if row is None:
            diagnostics.append(
                Diagnostic(line.line, Severity.WARNING, errors.ROW_UNCERTAIN, errors.MSG_ROW_UNCERTAIN.format(seq=len(rows) + 1, first=line.line, last=line.line))
            )
            continue
        rows.append(row)
    ends_file = bool(lines) and lines[-1] is cells[-1]
    return rows, ends_file


def _report_skipped(skipped: list[Cell], rows: list[RawRow], ends_file: bool, diagnostics: list[Diagnostic]) -> None:
    last_row_line = rows[-1].all_cells[-1].line if rows else 0
    for cell in skipped:
        if cell.line > last_row_line and ends_file:
            diagnostics.append(
                Diagnostic(cell.line, Severity.ERROR, errors.ROW_TRUNCATED, errors.MSG_ROW_TRUNCATED.format(seq=len(rows) + 1, missing="其余各列"))
            )
            return
        diagnostics.append(Diagnostic(cell.line, Severity.WARNING, errors.CELL_SKIPPED, errors.MSG_CELL_SKIPPED.format(text=cell.text[:40])))


def _note_header_conventions(header: Header, diagnostics: list[Diagnostic]) -> None:
    from .columns import Role

    for column in header.columns:
        if column.role is Role.RESPONSIBLE:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.INFO, errors.HEADER_RESPONSIBLE_ORDER, errors.MSG_HEADER_RESPONSIBLE_ORDER.format(name=column.label))
            )
        elif column.role is Role.OTHER:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.WARNING, errors.HEADER_UNKNOWN_COLUMN, errors.MSG_HEADER_UNKNOWN_COLUMN.format(name=column.label))
            )

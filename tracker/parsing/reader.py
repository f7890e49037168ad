"""The parser's entry point: bytes of a flattened progress page -> ParsedReport.

Steps: decode; number the lines; read the metadata above the header; find the
header and map its labels to column roles; take the table body once (a page
prints it twice: page view and print view); rebuild rows; assemble tasks.
"""

from __future__ import annotations

import hashlib

from . import errors
from .assemble import assemble_tasks
from .columns import Header, Role, find_headers, header_at
from .formats import TableSource, read_source
from .formats.limits import parse_budget
from .metadata import read_metadata
from .status import judge_tasks
from .rows import RawRow, read_single_row, segment
from .text import Cell, normalise
from .types import Diagnostic, ParsedReport, ParseError, Severity

# Cells compared to tell a second printing of the table from a header repeated at a page break.
_COPY_PROBE_CELLS = 3
# Share of the shorter copy that must agree before the longer one's tail is treated as page furniture.
_COPY_AGREEMENT = 0.9


def parse_report_bytes(data: bytes, *, source_name: str = "") -> ParsedReport:
    """Read a published report file (text, web page, Excel or Word). Raises ParseError when there is no table to read."""
    with parse_budget(source_name):  # one deadline and cell count for the whole file (formats/limits.py)
        source = read_source(data, source_name=source_name)
        return parse_source(source, source_name=source_name, content_hash=hashlib.sha256(data).hexdigest())


def parse_report_text(text: str, *, source_name: str = "粘贴的文本") -> ParsedReport:
    """Text pasted into the admin's box, read like an uploaded UTF-8 text file."""
    return parse_report_bytes(text.encode("utf-8"), source_name=source_name)


def parse_source(source: TableSource, *, source_name: str = "", content_hash: str = "") -> ParsedReport:
    """The table reader proper, shared by every input format."""
    diagnostics = list(source.diagnostics)
    if source.grid is not None:
        header, rows, ends_file, meta_cells = _read_grid(source, diagnostics, source_name)
        meta, meta_diagnostics, _ = read_metadata(meta_cells)
    else:
        headers = find_headers(source.cells)
        if not headers:
            raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE, source_name=source_name)
        header = headers[0]
        meta, meta_diagnostics, title_cell = read_metadata(source.cells[: header.start])
        body = _table_body(source.cells, headers, title_cell, diagnostics)
        segmentation = segment(body, header.columns)
        rows = segmentation.rows
        ends_file = body[-1] is source.cells[-1] if body else True
        _report_skipped(segmentation.skipped, rows, ends_file, diagnostics)
    diagnostics.extend(meta_diagnostics)
    if not rows:
        raise ParseError(
            errors.NO_TABLE, errors.MSG_NO_ROWS.format(line=header.first_line), line=header.first_line, source_name=source_name
        )

    _note_header_conventions(header, diagnostics)
    tasks = assemble_tasks(rows, header.columns, ends_file=ends_file, diagnostics=diagnostics)
    judge_tasks(tasks, period_end_month=meta.period_end_month)
    diagnostics.sort(key=lambda d: (d.line or 0))
    return ParsedReport(
        meta=meta,
        layout="|".join(role.value for role in header.roles),
        columns=[column.label for column in header.columns],
        tasks=tasks,
        diagnostics=diagnostics,
        source_name=source_name,
        content_hash=content_hash,
    )


def _read_grid(source: TableSource, diagnostics: list[Diagnostic], source_name: str) -> tuple[Header, list[RawRow], bool, list[Cell]]:
    """Rows known by the format: find the header row, then map each later row's cells to columns."""
    for header_index, grid_row in enumerate(source.grid):
        header = header_at([cell for cell in grid_row if cell.key], 0)
        if header is not None:
            break
    else:
        raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE, source_name=source_name)
    header_keys = [c.key for c in source.grid[header_index] if c.key]
    rows: list[RawRow] = []
    for grid_row in source.grid[header_index + 1 :]:
        filled = [cell for cell in grid_row if cell.key]
        if not filled:
            continue
        if [c.key for c in filled] == header_keys:
            diagnostics.append(Diagnostic(filled[0].line, Severity.INFO, errors.HEADER_REPEATED, errors.MSG_HEADER_REPEATED.format(line=filled[0].line)))
            continue
        if len(grid_row) == len(header.columns):
            cells_by_column = [_cell_paragraphs(cell, column.role) for cell, column in zip(grid_row, header.columns)]
            if not any(cells for cells, column in zip(cells_by_column, header.columns) if column.role is Role.CONTENT):
                # A task is its content; a row without it is a sub-heading or a stray line.
                diagnostics.append(
                    Diagnostic(filled[0].line, Severity.WARNING, errors.ROW_WITHOUT_CONTENT,
                               errors.MSG_ROW_WITHOUT_CONTENT.format(text=" / ".join(c.text for c in filled)[:60]))
                )
                continue
            rows.append(RawRow(cells_by_column, 0.0))
            continue
        row = read_single_row(filled, header.columns)
        if row is None:
            diagnostics.append(
                Diagnostic(filled[0].line, Severity.WARNING, errors.ROW_UNCERTAIN,
                           errors.MSG_ROW_UNCERTAIN.format(seq=len(rows) + 1, first=filled[0].line, last=filled[-1].line))
            )
            continue
        rows.append(row)
    last_cell = next((cell for cell in reversed(source.grid[-1]) if cell.key), None)
    ends_file = source.may_be_cut_off and bool(source.cells) and last_cell is not None and last_cell.line == source.cells[-1].line
    header_line = header.first_line
    meta_cells = source.meta_cells or [cell for cell in source.cells if cell.line < header_line]
    return header, rows, ends_file, meta_cells


def _cell_paragraphs(cell: Cell, role: Role) -> list[Cell]:
    """A grid cell as the assembler reads it: prose whole, names and labels line by line.

    In a department or theme cell a line break separates names ("区民政局" / "各街道")
    or breaks one ("生态环境" / "拱墅分局"); the assembler tells which from paragraphs.
    Prose keeps its line breaks in one cell: the grid says where the cell is, so
    its paragraphs were not joined by guess and need no diagnostic.
    """
    if not cell.key:
        return []
    if role in (Role.CONTENT, Role.PROGRESS) or "\n" not in cell.text:
        return [cell]
    return [Cell(cell.line, part.strip(), normalise(part)) for part in cell.text.split("\n") if normalise(part)]


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
    for column in header.columns:
        if column.theme_read_as_content:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.WARNING, errors.HEADER_THEME_AS_CONTENT, errors.MSG_HEADER_THEME_AS_CONTENT.format(name=column.label))
            )
        if column.role is Role.RESPONSIBLE:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.INFO, errors.HEADER_RESPONSIBLE_ORDER, errors.MSG_HEADER_RESPONSIBLE_ORDER.format(name=column.label))
            )
        elif column.role is Role.OTHER:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.WARNING, errors.HEADER_UNKNOWN_COLUMN, errors.MSG_HEADER_UNKNOWN_COLUMN.format(name=column.label))
            )

"""The parser's entry point: bytes of a published progress table -> ParsedReport.

Steps: read the format (text, web page, Excel, Word) into cells or a grid; find
every table's header and map its labels to column roles; read the metadata above
the first header; take each table's body once (a page may print it twice, and
hold several tables); rebuild rows; refuse page furniture; assemble tasks; check
that the columns can be trusted; judge each task's status.

An admin can steer the reader when it is unsure (`columns`: the role of each
header column; `header_line`: where the header is), and a layout confirmed once
is read the same way next time (`known_layouts`, by `ParsedReport.header_signature`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from . import errors
from .assemble import add_reporting_department, assemble_tasks
from .audit import audit_columns
from .columns import Column, Header, Role
from .formats import TableSource, read_source
from .formats.candidates import candidate_rows
from .formats.limits import parse_budget
from .furniture import is_furniture_row
from .grid_tables import locate_header_rows, read_grid_tables
from .labels import is_known_side_label, signature_of_labels
from .metadata import period_end_of, read_metadata, reporting_department
from .roles import ROLE_NAMES
from .status import judge_tasks
from .tables import TableRows, is_caption, with_numbered_groups
from .text import Cell, normalise
from .text_tables import locate_headers, read_text_tables, report_skipped
from .types import Candidate, Diagnostic, ParsedReport, ParsedTask, ParseError, Severity, TableInfo
from .wrapping import is_wrapped

# Rows shown to an admin who must point at the header.
CANDIDATE_ROWS = 40
# Rows searched for a header an admin confirmed before.
_REMEMBERED_SEARCH_ROWS = 300
# "...,", "...、": a last cell that stops where a sentence goes on.
_MID_SENTENCE_END_RE = re.compile(r"[,，、;；:：(（“《]$")
_SENTENCE_RE = re.compile(r"[。;!?,]")
# The metadata line and the page-view line of sites that print every table twice (page view, then print view).
_TWO_PRINTINGS_RE = re.compile(r"索引号.*公开方式")
_PAGE_VIEW_RE = re.compile(r"点击(?:率|数|量)")


def parse_report_bytes(
    data: bytes,
    *,
    source_name: str = "",
    columns: Sequence[str] | None = None,
    header_line: int | None = None,
    known_layouts: Mapping[str, Sequence[str]] | None = None,
    judge: bool = True,
) -> ParsedReport:
    """Read a published report file (text, web page, Excel or Word). Raises ParseError when there is no table to read.

    `columns`: the role of each header column, in order (role names: `ROLE_NAMES`,
    e.g. ["seq", "content", "progress", "lead"]); applied to every table with that many
    columns. `header_line`: the line (1-based, as diagnostics number lines) of the
    header when none was found. `known_layouts`: {header_signature: columns} confirmed
    by admins; a file whose header has one of these signatures is read with its columns.
    `judge=False` leaves the targets, actuals and status unread (`status.judge_tasks` reads them, for the rows
    wanted): about 40 % of reading a long table, which the admin's preview shows only the first rows of.

    Every reading of the file (a remembered layout read again, the candidate rows) is inside one budget of
    time (formats/limits.py); each reading counts its own cells.
    """
    with parse_budget(source_name):
        return _parse_report(data, source_name, columns, header_line, known_layouts, judge)


def _parse_report(
    data: bytes,
    source_name: str,
    columns: Sequence[str] | None,
    header_line: int | None,
    known_layouts: Mapping[str, Sequence[str]] | None,
    judge: bool = True,
) -> ParsedReport:
    roles = parse_column_roles(columns, source_name=source_name) if columns is not None else None
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        report = _parse(data, source_name, content_hash, roles, header_line, judge)
    except ParseError as error:
        if error.code != errors.NO_TABLE or roles is not None and header_line is not None:
            raise
        if known_layouts and header_line is None:
            remembered = _remembered_header(data, source_name, known_layouts)
            if remembered is not None:
                line, mapping = remembered
                report = _parse(data, source_name, content_hash, parse_column_roles(mapping, source_name=source_name), line, judge)
                return _noted_as_remembered(report)
        if not error.candidates:
            error.candidates = candidate_rows(data, source_name=source_name, limit=CANDIDATE_ROWS)
        if error.candidates and errors.MSG_NO_TABLE_CANDIDATES not in error.message:
            raise ParseError(
                error.code, f"{error.message}{errors.MSG_NO_TABLE_CANDIDATES}", line=error.line,
                source_name=error.source_name, candidates=error.candidates,
            ) from None
        raise
    if known_layouts and roles is None and report.header_signature in known_layouts:
        mapping = parse_column_roles(known_layouts[report.header_signature], source_name=source_name)
        try:
            return _noted_as_remembered(_parse(data, source_name, content_hash, mapping, header_line, judge))
        except ParseError as error:
            if error.code in errors.LIMIT_CODES:
                raise  # out of time, or a search too big with these columns: refused, not a mapping that no longer fits
            return report  # the remembered mapping no longer fits: the reader's own reading stands
    return report


def parse_report_text(
    text: str,
    *,
    source_name: str = "粘贴的文本",
    columns: Sequence[str] | None = None,
    header_line: int | None = None,
    known_layouts: Mapping[str, Sequence[str]] | None = None,
    judge: bool = True,
) -> ParsedReport:
    """Text pasted into the admin's box, read like an uploaded UTF-8 text file."""
    return parse_report_bytes(
        text.encode("utf-8"), source_name=source_name, columns=columns, header_line=header_line, known_layouts=known_layouts,
        judge=judge,
    )


def parse_column_roles(columns: Sequence[str], *, source_name: str = "") -> list[Role]:
    """Role names ("seq", "content", ...) to roles; ParseError(bad-columns) for a name we do not know."""
    roles = []
    for name in columns:
        role = ROLE_NAMES.get(str(name).strip().lower())
        if role is None:
            raise ParseError(
                errors.BAD_COLUMNS, errors.MSG_BAD_COLUMN_ROLE.format(name=name, roles=", ".join(ROLE_NAMES)), source_name=source_name
            )
        roles.append(role)
    return roles


def header_signature(labels: Sequence[str]) -> str:
    """The signature of a header with these labels, as `ParsedReport.header_signature` gives it."""
    return signature_of_labels(list(labels))


def _parse(
    data: bytes, source_name: str, content_hash: str, roles: list[Role] | None, header_line: int | None, judge: bool = True
) -> ParsedReport:
    source = read_source(data, source_name=source_name, header_line=header_line)
    return parse_source(
        source, source_name=source_name, content_hash=content_hash, roles=roles, header_line=header_line, judge=judge
    )


def _noted_as_remembered(report: ParsedReport) -> ParsedReport:
    report.diagnostics.append(
        Diagnostic(None, Severity.INFO, errors.LAYOUT_REMEMBERED, errors.MSG_LAYOUT_REMEMBERED.format(layout=report.layout))
    )
    report.diagnostics.sort(key=lambda d: d.line or 0)
    return report


def _remembered_header(data: bytes, source_name: str, known_layouts: Mapping[str, Sequence[str]]) -> tuple[int, Sequence[str]] | None:
    """(line, columns) of the first row or run of lines whose labels have a remembered signature."""
    rows = candidate_rows(data, source_name=source_name, limit=_REMEMBERED_SEARCH_ROWS)
    widths = {len(mapping) for mapping in known_layouts.values()}
    for index, row in enumerate(rows):
        if len(row.cells) > 1:
            labels_tried = [row.cells]
        else:
            labels_tried = [[r.cells[0] for r in rows[index : index + width]] for width in widths if index + width <= len(rows)]
        for labels in labels_tried:
            mapping = known_layouts.get(signature_of_labels(labels))
            if mapping is not None and len(mapping) == len(labels):
                return row.line, mapping
    return None


def parse_source(
    source: TableSource,
    *,
    source_name: str = "",
    content_hash: str = "",
    roles: list[Role] | None = None,
    header_line: int | None = None,
    judge: bool = True,
) -> ParsedReport:
    """The table reader proper, shared by every input format."""
    diagnostics = list(source.diagnostics)
    if source.grid is not None:
        header_rows = locate_header_rows(source.grid, header_line=header_line, diagnostics=diagnostics, source_name=source_name)
        if not header_rows:
            raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE, source_name=source_name)
        tables = read_grid_tables(source.grid, header_rows, roles=roles, diagnostics=diagnostics, last_row_cut=source.ends_mid_line)
        first_line = header_rows[0][1].first_line
        meta_cells = source.meta_cells or [cell for cell in source.cells if cell.line < first_line]
        if tables[0].caption is None:
            tables[0].caption = _caption_above(meta_cells, first_line)
        _mark_grid_end(tables[-1], source)
    else:
        headers = locate_headers(source.cells, roles=roles, header_line=header_line, diagnostics=diagnostics, source_name=source_name)
        if not headers:
            raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE, source_name=source_name)
        if roles is not None and header_line is None:
            headers = [_forced(header, roles, diagnostics) for header in headers]
        meta_cells = source.cells[: headers[0].start]
        _, _, title_cell = read_metadata(meta_cells)
        tables = read_text_tables(source.cells, headers, title_cell=title_cell, diagnostics=diagnostics)
        for table in tables:
            table.forced = any(column.forced for column in table.header.columns)
            report_skipped(table, diagnostics)
    if roles is not None:
        _check_forced(tables, roles, source_name)
        diagnostics.append(
            Diagnostic(tables[0].header.first_line, Severity.INFO, errors.COLUMNS_FORCED,
                       errors.MSG_COLUMNS_FORCED.format(layout="|".join(r.value for r in roles)))
        )
    header_cells = [Cell(c.first_line, c.label, normalise(c.label)) for c in tables[0].header.columns]
    meta, meta_diagnostics, title_cell = read_metadata(meta_cells, header_cells=header_cells)
    diagnostics.extend(meta_diagnostics)
    for table in tables:
        table.rows = _without_furniture_rows(table.rows, title_cell, diagnostics)
    if not any(row.group is None for table in tables for row in table.rows):
        line = tables[0].header.first_line
        raise ParseError(errors.NO_TABLE, errors.MSG_NO_ROWS.format(line=line), line=line, source_name=source_name)

    tasks: list[ParsedTask] = []
    infos: list[TableInfo] = []
    tables = [table for table in tables if any(row.group is None for row in table.rows)]
    reporter = reporting_department(meta_cells, meta.title)
    for table in tables:
        table.rows = with_numbered_groups(table.rows, table.header)
        table.header = _with_label_column_as_theme(table)
        table.header = _progress_of_the_period(table.header, meta.period_end_month, diagnostics)
        _note_header_conventions(table.header, diagnostics)
        wrapped = source.grid is None and is_wrapped(table.rows, table.header.columns)
        if wrapped:
            diagnostics.append(
                Diagnostic(table.header.first_line, Severity.INFO, errors.TEXT_WRAPPED, errors.MSG_TEXT_WRAPPED)
            )
        table_tasks = assemble_tasks(
            table.rows, table.header.columns, ends_file=table.ends_file, diagnostics=diagnostics,
            first_seq=len(tasks) + 1,
            # A caption tells the rows of one table from another's: only on a page of several tables.
            caption=table.caption if len(tables) > 1 else None,
            # Flattened text prints a merged unit cell once; so does text copied from a sheet (its lead units only:
            # a blank co-operator cell is as often simply blank).
            carry_departments=source.grid is None or source.merges_blank,
            carry_co=source.grid is None,
            wrapped=wrapped,
        )
        add_reporting_department(table_tasks, table.header.columns, reporter, diagnostics)
        audit_columns(table.header.columns, table.rows, diagnostics, wrapped=wrapped)
        tasks.extend(table_tasks)
        infos.append(_table_info(table, len(table_tasks)))
    if len(infos) > 1:
        diagnostics.append(
            Diagnostic(infos[0].header_line, Severity.INFO, errors.TABLES_READ,
                       errors.MSG_TABLES_READ.format(count=len(infos), lines="、".join(str(info.header_line) for info in infos)))
        )
    _warn_if_incomplete(tasks, tables, source, meta_cells, diagnostics)
    if judge:
        judge_tasks(tasks, period_end_month=meta.period_end_month)
    diagnostics.sort(key=lambda d: (d.line or 0))
    first = infos[0]
    return ParsedReport(
        meta=meta,
        layout=first.layout,
        columns=list(first.columns),
        tasks=tasks,
        diagnostics=diagnostics,
        source_name=source_name,
        content_hash=content_hash,
        header_signature=first.header_signature,
        tables=infos,
    )


# A per-row label is short: no sentence, a few words.
_MAX_ROW_LABEL = 20


def _with_label_column_as_theme(table: TableRows) -> Header:
    """Two task columns and no group column: a first one of short labels (重点工作 "小城镇环境综合整治")
    names each row's group, the second (攻坚目标任务) is the task."""
    columns = table.header.columns
    positions = [i for i, column in enumerate(columns) if column.role is Role.CONTENT]
    if len(positions) < 2 or any(column.role is Role.THEME for column in columns):
        return table.header
    first = positions[0]
    task_rows = [row for row in table.rows if row.group is None]
    labels = [row.cells_by_column[first] for row in task_rows if row.cells_by_column[first]]
    if not labels or any(len(cells) > 1 or len(cells[0].key) > _MAX_ROW_LABEL or _SENTENCE_RE.search(cells[0].key) for cells in labels):
        return table.header
    if any(not any(row.cells_by_column[p] for p in positions[1:]) for row in task_rows):
        return table.header  # some row's only task text is the label: it is the task
    changed = tuple(replace(column, role=Role.THEME) if i == first else column for i, column in enumerate(columns))
    return table.header.with_columns(changed)


def _progress_of_the_period(header: Header, period_end_month: int | None, diagnostics: list[Diagnostic]) -> Header:
    """Progress split by period (一季度进展 | 二季度进展, each quarter's report adding a column): the progress is
    the column of the period the report covers, or else the latest; the earlier ones are history, kept as notes."""
    columns = header.columns
    positions = [i for i, column in enumerate(columns) if column.role is Role.PROGRESS and not column.forced]
    months = [period_end_of(normalise(columns[i].label)) for i in positions]
    if len(positions) < 2 or None in months or len(set(months)) < len(months):
        return header
    chosen = months.index(period_end_month) if period_end_month in months else months.index(max(months))
    changed = list(columns)
    for order, position in enumerate(positions):
        if order != chosen:
            changed[position] = replace(columns[position], role=Role.OTHER)
    kept = columns[positions[chosen]]
    diagnostics.append(
        Diagnostic(kept.first_line, Severity.INFO, errors.PROGRESS_OF_PERIOD,
                   errors.MSG_PROGRESS_OF_PERIOD.format(column=kept.label,
                                                        others="、".join(columns[p].label for i, p in enumerate(positions) if i != chosen)))
    )
    return header.with_columns(tuple(changed))


def _caption_above(meta_cells: list[Cell], header_line: int) -> Cell | None:
    """The heading printed right above a grid's first table ("表1 主要经济指标完成情况"), not the report's title."""
    _, _, title_cell = read_metadata(meta_cells)
    above = [cell for cell in meta_cells if cell.line <= header_line and cell is not title_cell]
    if not above:
        return None
    nearest = max(above, key=lambda cell: cell.line)
    if title_cell is not None and (nearest.key == title_cell.key or nearest.line < title_cell.line):
        return None
    return nearest if is_caption(nearest.key) else None


def _table_info(table: TableRows, task_count: int) -> TableInfo:
    columns = table.header.columns
    return TableInfo(
        layout="|".join(column.role.value for column in columns),
        columns=[column.label for column in columns],
        header_signature=signature_of_labels([column.label for column in columns]),
        header_line=table.header.first_line,
        caption=table.caption.text if table.caption is not None else "",
        task_count=task_count,
    )


def _forced(header: Header, roles: list[Role], diagnostics: list[Diagnostic]) -> Header:
    """A found header with the roles an admin gave, when it has as many columns."""
    if len(header.columns) != len(roles):
        diagnostics.append(
            Diagnostic(header.first_line, Severity.WARNING, errors.COLUMNS_NOT_FORCED,
                       errors.MSG_COLUMNS_NOT_FORCED.format(line=header.first_line, found=len(header.columns), given=len(roles)))
        )
        return header
    columns = tuple(replace(c, role=role, forced=True, alternatives=(), known=True, theme_read_as_content=False)
                    for c, role in zip(header.columns, roles))
    return Header(columns, header.start, header.end)


def _check_forced(tables: list[TableRows], roles: list[Role], source_name: str) -> None:
    if any(table.forced for table in tables):
        return
    header = tables[0].header
    raise ParseError(
        errors.BAD_COLUMNS,
        errors.MSG_COLUMNS_COUNT.format(
            given=len(roles), found=len(header.columns), line=header.first_line, labels=" / ".join(c.label for c in header.columns)
        ),
        line=header.first_line,
        source_name=source_name,
    )


def _mark_grid_end(table: TableRows, source: TableSource) -> None:
    """Whether the last table's last row is the last thing in the file (so an empty last cell may be a cut)."""
    last_cells = [cell for row in source.grid[-1:] for cell in row if cell.key]
    table.ends_file = (
        source.may_be_cut_off and bool(source.cells) and bool(last_cells) and last_cells[-1].line == source.cells[-1].line
    )


def _without_furniture_rows(rows, title_cell: Cell | None, diagnostics: list[Diagnostic]):
    """Rows made of the site's furniture (索引号, 发布机构, 规划计划...) are refused, never tasks."""
    kept = []
    title_key = title_cell.key if title_cell is not None else None
    for row in rows:
        cells = row.all_cells
        if row.group is None and is_furniture_row([cell.key for cell in cells], title_key=title_key):
            diagnostics.append(
                Diagnostic(cells[0].line, Severity.WARNING, errors.FURNITURE_ROW_SKIPPED,
                           errors.MSG_FURNITURE_ROW_SKIPPED.format(first=cells[0].line, last=cells[-1].line,
                                                                   text=" / ".join(c.text for c in cells)[:60]))
            )
            continue
        if row.group is not None and is_furniture_row([row.group.key], title_key=title_key):
            continue
        kept.append(row)
    return kept


def _warn_if_incomplete(
    tasks: list[ParsedTask], tables: list[TableRows], source: TableSource, meta_cells: list[Cell], diagnostics: list[Diagnostic]
) -> None:
    """A table that may have been cut short gets a warning on its last row ("表格可能不完整")."""
    if not tasks or not tables[-1].ends_file:
        return
    codes = {d.code for d in diagnostics}
    if errors.ROW_TRUNCATED in codes:
        return  # already an error on that row
    last_cell = next((row.all_cells[-1] for row in reversed(tables[-1].rows) if row.group is None), None)
    why = None
    if errors.FILE_CUT_MID_CHARACTER in codes:
        why = errors.MSG_WHY_CUT_MID_CHARACTER
    elif last_cell is not None and _MID_SENTENCE_END_RE.search(last_cell.text.strip()):
        why = errors.MSG_WHY_MID_SENTENCE.format(tail=last_cell.text.strip()[-12:])
    elif (
        source.grid is None
        and errors.PRINT_COPY_SKIPPED not in codes
        and any(_TWO_PRINTINGS_RE.search(cell.key) for cell in meta_cells)
        and any(_PAGE_VIEW_RE.search(cell.key) for cell in meta_cells)
    ):
        why = errors.MSG_WHY_NO_SECOND_PRINTING
    if why is not None:
        line = tasks[-1].last_line
        diagnostics.append(Diagnostic(line, Severity.WARNING, errors.TABLE_MAY_BE_INCOMPLETE, errors.MSG_TABLE_MAY_BE_INCOMPLETE.format(why=why)))


def _note_header_conventions(header: Header, diagnostics: list[Diagnostic]) -> None:
    for column in header.columns:
        if column.forced:
            continue
        if column.theme_read_as_content:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.WARNING, errors.HEADER_THEME_AS_CONTENT, errors.MSG_HEADER_THEME_AS_CONTENT.format(name=column.label))
            )
        if column.role is Role.RESPONSIBLE:
            diagnostics.append(
                Diagnostic(column.first_line, Severity.INFO, errors.HEADER_RESPONSIBLE_ORDER, errors.MSG_HEADER_RESPONSIBLE_ORDER.format(name=column.label))
            )
        elif column.role is Role.OTHER and column.label and not column.known and not is_known_side_label(column.label):
            diagnostics.append(
                Diagnostic(column.first_line, Severity.WARNING, errors.HEADER_UNKNOWN_COLUMN, errors.MSG_HEADER_UNKNOWN_COLUMN.format(name=column.label))
            )


__all__ = ["CANDIDATE_ROWS", "Candidate", "Column", "header_signature", "parse_column_roles", "parse_report_bytes", "parse_report_text", "parse_source"]

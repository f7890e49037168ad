"""Tables in a flattened page (one cell per paragraph): headers found, bodies cut, rows rebuilt.

A page may hold several tables (a 预期目标 table, then a 工作任务 table, each with
its own header and caption), a header printed again at each page break, and the
whole table printed twice (page view, then print view, with the site's furniture
in between). The first printing of every table is read; the rest is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import errors
from .columns import Column, Header, Role, find_headers, forced_header, header_at
from .furniture import furniture_tail_start
from .markers import is_seq
from .rows import check_search_size, segment
from .tables import TableRows, is_caption
from .text import Cell
from .types import Diagnostic, ParseError, Severity

# Cells compared to tell a second printing of the table from a header repeated at a page break.
_COPY_PROBE_CELLS = 3
# Share of the shorter copy that must agree before the longer one's tail is treated as page furniture.
_COPY_AGREEMENT = 0.9


@dataclass
class _Span:
    header: Header
    repeated: list[Header] = field(default_factory=list)


def locate_headers(
    cells: list[Cell], *, roles: list[Role] | None, header_line: int | None, diagnostics: list[Diagnostic], source_name: str
) -> list[Header]:
    """Every header in the stream; with `header_line`, the first is the one on that line."""
    if header_line is not None:
        start = next((index for index, cell in enumerate(cells) if cell.line >= header_line), None)
        if start is None:
            raise ParseError(errors.NO_TABLE, errors.MSG_HEADER_LINE_MISSING.format(line=header_line), source_name=source_name)
        if roles is not None:
            first = forced_header(cells, roles, start=start)
        else:
            first = header_at(cells, start) or forced_header(cells, None, start=start)
        diagnostics.append(
            Diagnostic(first.first_line, Severity.INFO, errors.HEADER_FORCED,
                       errors.MSG_HEADER_FORCED.format(line=first.first_line, labels=" / ".join(c.label for c in first.columns)))
        )
        return [first, *find_headers(cells, first.end)]
    return find_headers(cells)


def _probe(cells: list[Cell], start: int) -> tuple[str, ...] | None:
    """The first cells from `start`, compared to tell a second printing; None when too few are left."""
    probe = tuple(c.key for c in cells[start : start + _COPY_PROBE_CELLS])
    return probe if len(probe) == _COPY_PROBE_CELLS else None


def _same_start(cells: list[Cell], first: int, second: int) -> bool:
    probe = _probe(cells, first)
    return probe is not None and probe == _probe(cells, second)


def _copy_start(cells: list[Cell], headers: list[Header]) -> int | None:
    """The index of the header where the print copy starts (a header whose rows repeat an earlier one's), or None.

    One pass (text of thousands of headers is compared in linear time, within the limits)."""
    seen: set[tuple] = set()
    for index, header in enumerate(headers):
        probe = _probe(cells, header.end)
        if probe is None:
            continue
        key = (header.labels, probe)
        if key in seen:
            return index
        seen.add(key)
    return None


def _starts_new_table(cells: list[Cell], span: _Span, header: Header, body_start: int) -> bool:
    """A header with the labels of the table above starts a new table when its rows count from 1 again,
    or when a caption stands right above it; otherwise it was printed again at a page break."""
    if header.labels != span.header.labels:
        return True
    first_seq = _first_seq(cells, header.end)
    caption_above = header.start > body_start and is_caption(cells[header.start - 1].key)
    if caption_above and Role.THEME not in span.header.roles:
        return first_seq in (None, 1)
    return first_seq == 1 and _first_seq(cells, span.header.end) == 1


def _first_seq(cells: list[Cell], index: int) -> int | None:
    if index >= len(cells) or not is_seq(cells[index].key):
        return None
    return int(cells[index].key.rstrip(".、"))


def read_text_tables(
    cells: list[Cell], headers: list[Header], *, title_cell: Cell | None, diagnostics: list[Diagnostic]
) -> list[TableRows]:
    """Each table's body (first printing only), its caption, and its rows rebuilt."""
    copy_index = _copy_start(cells, headers)
    own = headers[:copy_index] if copy_index is not None else headers
    spans: list[_Span] = [_Span(own[0])]
    for header in own[1:]:
        body_start = spans[-1].repeated[-1].end if spans[-1].repeated else spans[-1].header.end
        if _starts_new_table(cells, spans[-1], header, body_start):
            spans.append(_Span(header))
        else:
            spans[-1].repeated.append(header)
            diagnostics.append(
                Diagnostic(header.first_line, Severity.INFO, errors.HEADER_REPEATED, errors.MSG_HEADER_REPEATED.format(line=header.first_line))
            )
    end_of_tables = headers[copy_index].start if copy_index is not None else len(cells)

    bodies: list[list[Cell]] = []
    for position, span in enumerate(spans):
        end = spans[position + 1].header.start if position + 1 < len(spans) else end_of_tables
        excluded = {index for h in span.repeated for index in range(h.start, h.end)}
        bodies.append([cell for index, cell in enumerate(cells[span.header.end : end], start=span.header.end) if index not in excluded])

    captions: list[Cell | None] = [_first_caption(cells, spans[0].header, title_cell)]
    for position in range(1, len(spans)):
        previous = bodies[position - 1]
        captions.append(previous.pop() if previous and is_caption(previous[-1].key) else None)

    if copy_index is not None:
        copy = headers[copy_index]
        diagnostics.append(
            Diagnostic(copy.first_line, Severity.INFO, errors.PRINT_COPY_SKIPPED, errors.MSG_PRINT_COPY_SKIPPED.format(line=copy.first_line))
        )
        bodies[-1] = _without_print_copy_tail(cells, headers, copy_index, spans[-1].header, bodies[-1], title_cell, diagnostics)
    bodies[-1] = _without_furniture(bodies[-1], title_cell, diagnostics)

    readings = [span.header.readings() for span in spans]
    # Every search sized before the first starts: a file too big to search is refused at once.
    check_search_size([(body, len(span.header.columns), tried) for span, body, tried in zip(spans, bodies, readings)])
    tables = []
    for position, (span, body, caption) in enumerate(zip(spans, bodies, captions)):
        header, segmentation = _best_reading(span.header, readings[position], body, diagnostics)
        is_last = position == len(spans) - 1
        ends_file = is_last and (body[-1] is cells[-1] if body else True)
        tables.append(TableRows(header, segmentation.rows, caption, ends_file, segmentation.skipped))
    return tables


def _first_caption(cells: list[Cell], header: Header, title_cell: Cell | None) -> Cell | None:
    """A heading between the report's title and the first header ("一、主要预期目标")."""
    if header.start == 0:
        return None
    candidate = cells[header.start - 1]
    if candidate is title_cell or (title_cell is not None and candidate.line <= title_cell.line):
        return None
    return candidate if is_caption(candidate.key) else None


def _without_print_copy_tail(
    cells: list[Cell], headers: list[Header], copy_index: int, last_header: Header, body: list[Cell],
    title_cell: Cell | None, diagnostics: list[Diagnostic],
) -> list[Cell]:
    """The last table's body without what follows its last row before the print copy (site furniture)."""
    # The print view starts with the title again: everything from there on is not table.
    if title_cell is not None:
        title_positions = [i for i, cell in enumerate(body) if cell.key == title_cell.key]
        if title_positions:
            body = body[: title_positions[-1]]
    # The last table's own copy: its rows, up to the next header or the end.
    copies = [h for h in headers[copy_index:] if h.labels == last_header.labels]
    copy_header = next((h for h in copies if _same_start(cells, last_header.end, h.end)), copies[0] if copies else headers[copy_index])
    following = [h.start for h in headers if h.start > copy_header.start]
    copy_body = cells[copy_header.end : following[0] if following else len(cells)]
    agree = 0
    for page_cell, copy_cell in zip(body, copy_body):
        if page_cell.key != copy_cell.key:
            break
        agree += 1
    shorter = min(len(body), len(copy_body))
    tail_start = furniture_tail_start([cell.key for cell in body], title_key=title_cell.key if title_cell else None)
    if tail_start is not None and tail_start <= agree:
        shorter = min(shorter, agree)  # they part only where the page's furniture starts: no difference
    if agree < shorter:
        line = body[agree].line if agree < len(body) else None
        diagnostics.append(Diagnostic(line, Severity.WARNING, errors.PRINT_COPY_DIFFERS, errors.MSG_PRINT_COPY_DIFFERS.format(line=line)))
    # What the page shows past the point where the copies part is page furniture only when the copy has no
    # table left there either; when the copy goes on with rows, the two simply differ (a line lost from one
    # printing), and cutting the page there would lose its last rows.
    copy_rest = [cell.key for cell in copy_body[agree:]]
    copy_rest_furniture = furniture_tail_start(copy_rest, title_key=title_cell.key if title_cell else None)
    copy_has_rows_left = (len(copy_rest) if copy_rest_furniture is None else copy_rest_furniture) > 0
    if agree >= _COPY_AGREEMENT * shorter and agree < len(body) and not copy_has_rows_left:
        _report_trailer(body[agree:], diagnostics)
        body = body[:agree]
    return body


def _without_furniture(body: list[Cell], title_cell: Cell | None, diagnostics: list[Diagnostic]) -> list[Cell]:
    """The body without the site's furniture after its last row (索引号, 规划计划, 发布机构...)."""
    start = furniture_tail_start([cell.key for cell in body], title_key=title_cell.key if title_cell else None)
    if start is None or start == 0:
        return body
    _report_trailer(body[start:], diagnostics)
    return body[:start]


def _report_trailer(trailer: list[Cell], diagnostics: list[Diagnostic]) -> None:
    diagnostics.append(
        Diagnostic(
            trailer[0].line,
            Severity.INFO,
            errors.TRAILER_SKIPPED,
            errors.MSG_TRAILER_SKIPPED.format(first=trailer[0].line, last=trailer[-1].line, text=" / ".join(c.text for c in trailer)[:60]),
        )
    )


def _best_reading(header: Header, readings: list[tuple[Column, ...]], body: list[Cell], diagnostics: list[Diagnostic]):
    """Of the header's column layouts (`Header.readings`: one for most headers), the one the cells fit best."""
    best = None
    for columns in readings:
        group_rows = not any(column.role is Role.THEME for column in columns)
        segmentation = segment(body, columns, group_rows=group_rows)
        if best is None or segmentation.score > best[1].score:
            best = (columns, segmentation)
    columns, segmentation = best
    if columns != header.columns:
        _report_reading(header.columns, columns, diagnostics)
    return header.with_columns(columns), segmentation


_WHAT = {Role.TARGET: "目标数值", Role.ACTUAL: "完成数值", Role.COMPLETION: "完成比例或状态", Role.CONTENT: "文字", Role.PROGRESS: "文字"}
_ROLE_WORDS = {
    Role.TARGET: "目标", Role.ACTUAL: "实际完成", Role.COMPLETION: "完成进度", Role.CONTENT: "工作内容", Role.PROGRESS: "进展情况",
}


def _report_reading(printed: tuple[Column, ...], chosen: tuple[Column, ...], diagnostics: list[Diagnostic]) -> None:
    if len(printed) != len(chosen):
        children = [c for c in chosen if "/" in c.label]
        parent = children[0].label.split("/")[0] if children else ""
        diagnostics.append(
            Diagnostic(printed[0].first_line, Severity.INFO, errors.HEADER_TWO_ROWS,
                       errors.MSG_HEADER_TWO_ROWS.format(parent=parent, children=" / ".join(c.label.split("/", 1)[-1] for c in children)))
        )
        return
    for before, after in zip(printed, chosen):
        if before.role is not after.role:
            diagnostics.append(
                Diagnostic(after.first_line, Severity.INFO, errors.HEADER_GUESSED_ROLE,
                           errors.MSG_HEADER_GUESSED_ROLE.format(
                               name=after.label, what=_WHAT.get(after.role, after.role.value), role=_ROLE_WORDS.get(after.role, after.role.value)))
            )


def report_skipped(table: TableRows, diagnostics: list[Diagnostic]) -> None:
    """Cells no row took: a warning each; one after the last row of a cut file is an error."""
    rows = [row for row in table.rows if row.group is None]
    last_row_line = rows[-1].all_cells[-1].line if rows else 0
    for cell in table.skipped:
        if cell.line > last_row_line and table.ends_file:
            diagnostics.append(
                Diagnostic(cell.line, Severity.ERROR, errors.ROW_TRUNCATED, errors.MSG_ROW_TRUNCATED.format(seq=len(rows) + 1, missing="其余各列"))
            )
            return
        diagnostics.append(Diagnostic(cell.line, Severity.WARNING, errors.CELL_SKIPPED, errors.MSG_CELL_SKIPPED.format(text=cell.text[:40])))


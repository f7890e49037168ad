"""Tables whose rows the format knows (pipe lines, tabs, HTML, Excel, Word): cells mapped by position.

Each header row starts a table; its columns are its positions. A second header
row right under it (sub-labels under a parent merged across: 本月进展情况 over
前期手续 | 在建形象进度) names the positions under the parent. A row of one cell is
a group label ("(一)张三副市长牵头重点工作", the theme of the rows below) or, right
above a header, that table's caption. A row with fewer cells than the header
lacks its merged cells (`align.py`), never shifting every column.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import errors
from .align import align_short_row, cut_at_end
from .columns import Column, Header, Role, forced_header, header_of_row
from .labels import label_key, looks_like_label, numeric_alternatives, role_for_label
from .markers import is_any_seq, is_dotted, is_seq
from .rows import RawRow, read_single_row
from .scoring import IMPOSSIBLE, group_row_score, is_figure, score_cells
from .tables import TableRows, is_caption
from .text import Cell, normalise
from .types import Diagnostic, ParseError, Severity

# Share of a column's cells that must be figures for an ambiguous label to be read as a figure column.
_FIGURE_SHARE = 0.6
_BLANK = Cell(0, "", "")


def _filled(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if cell.key]


def _is_rule(row: list[Cell]) -> bool:
    return bool(_filled(row)) and all(set(cell.key) <= set("-:—–=+ ") for cell in _filled(row))


def locate_header_rows(
    grid: list[list[Cell]], *, header_line: int | None, diagnostics: list[Diagnostic], source_name: str
) -> list[tuple[int, Header]]:
    """(row index, header) of every table's header row; with `header_line`, the first is that row."""
    found: list[tuple[int, Header]] = []
    start = 0
    if header_line is not None:
        index = next((i for i, row in enumerate(grid) if _filled(row) and _filled(row)[0].line == header_line), None)
        if index is None:
            raise ParseError(errors.NO_TABLE, errors.MSG_HEADER_LINE_MISSING.format(line=header_line), source_name=source_name)
        cells = _filled(grid[index])
        header = header_of_row(cells) or forced_header(cells, None, whole=True)
        diagnostics.append(
            Diagnostic(header.first_line, Severity.INFO, errors.HEADER_FORCED,
                       errors.MSG_HEADER_FORCED.format(line=header.first_line, labels=" / ".join(c.label for c in header.columns)))
        )
        found.append((index, header))
        start = index + 1
    for index in range(start, len(grid)):
        if found and found[-1][0] == index - 1:
            continue  # the second row of a two-row header
        if found and _repeats_second_header_row(grid, found[-1][0], index):
            continue  # a two-row header printed again in the table: its second row is no new table
        header = header_of_row(_filled(grid[index]))
        if header is not None and (not found or _starts_new_table(grid, found[-1], index, header)):
            found.append((index, header))
    return found


def _keys(row: list[Cell]) -> tuple[str, ...]:
    return tuple(cell.key for cell in _filled(row))


def _repeats_second_header_row(grid: list[list[Cell]], header_index: int, index: int) -> bool:
    """The row at `index` is the second row of the header at `header_index`, printed again under a copy of its first."""
    if index < 1 or header_index + 1 >= len(grid) or not _keys(grid[index]):
        return False
    return _keys(grid[index - 1]) == _keys(grid[header_index]) and _keys(grid[index]) == _keys(grid[header_index + 1])


def _first_seq_below(grid: list[list[Cell]], index: int) -> str | None:
    for row in grid[index + 1 : index + 3]:
        filled = _filled(row)
        if filled:
            return filled[0].key.rstrip(".、") if is_seq(filled[0].key) else None
    return None


def _starts_new_table(grid: list[list[Cell]], current: tuple[int, Header], index: int, header: Header) -> bool:
    """A header row with the labels of the table above is that table's header printed again at a page
    break, unless its rows count from 1 again or a caption stands right above it."""
    current_index, current_header = current
    if header.labels != current_header.labels:
        return True
    above = _filled(grid[index - 1]) if index > 0 else []
    if len(above) == 1 and is_caption(above[0].key):
        return True
    return _first_seq_below(grid, index) == "1" and _first_seq_below(grid, current_index) == "1"


def _positional_columns(grid: list[list[Cell]], index: int, header: Header, end: int) -> tuple[list[Column], int]:
    """The header's column at each position of its row, and the index of the first data row.

    A blank header cell over 序号-like cells is the 序号; other blank ones take the
    label on their left (a cell merged across) unless a sub-header row names them.
    """
    row = grid[index]
    width = len(row)
    named = iter(header.columns)
    columns: list[Column | None] = [next(named, None) if cell.key else None for cell in row]
    first_data = index + 1
    sub = _sub_header(grid, index, end)
    if sub is not None:
        first_data = index + 2
        parent: Column | None = None
        for position in range(width):
            own = columns[position]
            if own is not None:
                parent = own
            child = sub[position] if position < len(sub) else _BLANK
            if not child.key or (own is not None and child.key == label_key(own.label)):
                if own is None and parent is not None:
                    columns[position] = replace(parent, label=parent.label)
                continue
            base = own or parent
            child_role = role_for_label(child.key)
            child_alternatives = numeric_alternatives(child.text) if child_role is not None else ()
            if base is None:
                columns[position] = Column(child_role or Role.OTHER, child.text, child.line, child.line,
                                           known=child_role is not None, alternatives=child_alternatives)
            elif base.known and base.role is not Role.OTHER and child_role in (None, Role.OTHER, base.role):
                columns[position] = replace(base, label=f"{base.label}/{child.text}", alternatives=(), known=True)
            elif base.known and base.role is not Role.OTHER:
                # 责任单位 over 牵头单位 | 配合单位: a sub-label with a role of its own names its column.
                columns[position] = replace(base, role=child_role, label=f"{base.label}/{child.text}",
                                            alternatives=child_alternatives, known=True)
            else:
                # "2023年" over 目标 | 1-9月完成: the parent names no role, each child its own.
                columns[position] = replace(base, role=child_role or base.role, label=f"{base.label}/{child.text}",
                                            alternatives=child_alternatives, known=child_role is not None)
    header_keys = [cell.key for cell in _filled(row)]
    data_rows = [r for r in range(first_data, end) if [cell.key for cell in _filled(grid[r])] != header_keys]
    for position in range(width):
        if columns[position] is None:
            values = [grid[r][position] for r in data_rows if position < len(grid[r]) and grid[r][position].key]
            if values and sum(is_any_seq(cell.key) and not is_dotted(cell.key) for cell in values) >= 0.8 * len(values) and not any(c and c.role is Role.SEQ for c in columns):
                columns[position] = Column(Role.SEQ, "", row[position].line, row[position].line, known=False)
            elif values:
                columns[position] = Column(Role.OTHER, "", row[position].line, row[position].line, known=False)
            else:
                columns[position] = Column(Role.IGNORE, "", row[position].line, row[position].line, known=False)
    return list(columns), first_data


def _sub_header(grid: list[list[Cell]], index: int, end: int) -> list[Cell] | None:
    """The row under a header that names the parts of a merged header cell, if there is one.

    Its cells are sub-labels (前期手续 / 在建形象进度) or copies of the header cells
    merged down over both rows (序号, 牵头单位).
    """
    if index + 1 >= end:
        return None
    header_row, below = grid[index], grid[index + 1]
    copies, new = 0, []
    for position, cell in enumerate(below):
        if not cell.key:
            continue
        if position < len(header_row) and cell.key == header_row[position].key:
            copies += 1
            continue
        parts = [normalise(part) for part in cell.text.split("\n") if normalise(part)]
        if any(is_seq(part) or not looks_like_label(part.replace(" ", "")) for part in parts):
            return None
        new.append(cell)
    if not new:
        return None
    if len(new) >= 2 or copies >= 1 or "\n" in new[0].text:
        return below
    return None


def read_grid_tables(
    grid: list[list[Cell]], header_rows: list[tuple[int, Header]], *, roles: list[Role] | None, diagnostics: list[Diagnostic],
    last_row_cut: bool = False,
) -> list[TableRows]:
    """Each header row's table: rows mapped by position, group rows and captions told apart.

    `last_row_cut`: the file stops in the middle of its last line, so a short last row lacks its last cells."""
    tables: list[TableRows] = []
    next_caption: Cell | None = None
    starts = [index for index, _ in header_rows]
    for position, (index, header) in enumerate(header_rows):
        end = starts[position + 1] if position + 1 < len(starts) else len(grid)
        columns, first_data = _positional_columns(grid, index, header, end)
        data = [row for row in grid[first_data:end] if _filled(row) and not _is_rule(row)]
        caption = None
        if position + 1 < len(header_rows):
            while data and len(_filled(data[-1])) == 1 and is_caption(_filled(data[-1])[0].key):
                caption = _filled(data.pop())[0]  # the next table's caption
        if first_data > index + 1:
            parents = [c.label for c in columns if "/" in c.label]
            diagnostics.append(
                Diagnostic(header.first_line, Severity.INFO, errors.HEADER_TWO_ROWS,
                           errors.MSG_HEADER_TWO_ROWS.format(parent=parents[0].split("/")[0] if parents else "",
                                                             children=" / ".join(p.split("/", 1)[1] for p in parents)))
            )
        header_keys = {_keys(row) for row in grid[index:first_data]}
        if roles is None or len(roles) != len(columns):
            columns, data = _tick_columns(columns, data, header_keys, diagnostics)
        forced = roles is not None and len(roles) == len(columns)
        if forced:
            columns = [replace(c, role=role, forced=True, alternatives=(), known=True) for c, role in zip(columns, roles)]
        elif roles is not None:
            diagnostics.append(
                Diagnostic(header.first_line, Severity.WARNING, errors.COLUMNS_NOT_FORCED,
                           errors.MSG_COLUMNS_NOT_FORCED.format(line=header.first_line, found=len(columns), given=len(roles)))
            )
        columns = _decide_roles(columns, data, header, diagnostics)
        is_last_table = position == len(header_rows) - 1
        rows = _rows(data, tuple(columns), header, diagnostics, header_rows=header_keys, last_row_cut=last_row_cut and is_last_table)
        tables.append(TableRows(header.with_columns(tuple(columns)), rows, next_caption, forced=forced))
        next_caption = caption
    return tables


# A mark saying "this one" in a column of statuses (已完成 | 推进中 | 未启动).
_TICK_RE = re.compile(r"[√✓✔☑■★▲]|[Vv]")
# Labels of status sub-columns: 已完成, 推进中, 未启动, 序时推进, 滞后, 未完成.
_STATUS_LABEL_RE = re.compile(r"(?:已|未|尚未)?(?:完成|启动|开工)|(?:正常|序时|按序时|有序)?推进(?:中)?|滞后|进行中|超序时|达序时")
# Fewest rows ticked before columns of ticks are read as one status column.
_MIN_TICKED_SHARE = 0.5


def _tick_columns(
    columns: list[Column], data: list[list[Cell]], header_keys: set[tuple[str, ...]], diagnostics: list[Diagnostic]
) -> tuple[list[Column], list[list[Cell]]]:
    """Side-by-side columns holding only ticks, one per row (完成情况 over 已完成 | 推进中 | 未启动, a √ in one):
    one status column, whose cell is the label of the ticked column ("已完成"), never the "√" as progress."""
    rows = [row for row in data if len(_filled(row)) > 1 and _keys(row) not in header_keys]
    if not rows:
        return columns, data

    def values(position: int) -> list[str]:
        return [row[position].key for row in rows if position < len(row) and row[position].key]

    def parent_of(position: int) -> str | None:
        return columns[position].label.split("/", 1)[0] if "/" in columns[position].label else None

    ticked = {p for p in range(len(columns)) if values(p) and all(_TICK_RE.fullmatch(v) for v in values(p))}
    tick_parents = {parent_of(p) for p in ticked} - {None}

    def may_be_ticked(position: int) -> bool:
        # A status sub-column nobody ticked is empty: 未启动 when every task has started.
        status = label_key(columns[position].label.split("/", 1)[-1])
        return not values(position) and (parent_of(position) in tick_parents or bool(_STATUS_LABEL_RE.fullmatch(status)))

    runs: list[list[int]] = []
    for position in range(len(columns)):
        if columns[position].label and (position in ticked or may_be_ticked(position)):
            if runs and runs[-1][-1] == position - 1:
                runs[-1].append(position)
            else:
                runs.append([position])
    runs = [run for run in runs if len(run) >= 2 and any(p in ticked for p in run)]
    for run in reversed(runs):
        ticks = [sum(1 for p in run if p < len(row) and row[p].key) for row in rows]
        if any(count > 1 for count in ticks) or sum(1 for count in ticks if count) < _MIN_TICKED_SHARE * len(rows):
            continue  # one tick per row, on most rows: a status, not a checklist
        labels = [columns[p].label.split("/", 1)[-1] for p in run]
        parents = {parent_of(p) for p in run} - {None}
        parent = parents.pop() if len(parents) == 1 else "完成情况"
        has_completion = any(c.role is Role.COMPLETION for i, c in enumerate(columns) if i not in run)
        first = columns[run[0]]
        status = Column(Role.OTHER if has_completion else Role.COMPLETION, parent, first.first_line, first.last_line)
        columns = columns[: run[0]] + [status] + columns[run[-1] + 1 :]
        data = [row if _keys(row) in header_keys else _collapsed(row, run, labels) for row in data]
        diagnostics.append(
            Diagnostic(first.first_line, Severity.INFO, errors.TICK_COLUMNS_READ,
                       errors.MSG_TICK_COLUMNS_READ.format(labels=" / ".join(labels), column=parent))
        )
    return columns, data


def _collapsed(row: list[Cell], run: list[int], labels: list[str]) -> list[Cell]:
    """The row with the ticked columns as one cell: the label of the column ticked, or empty."""
    ticked = [label for position, label in zip(run, labels) if position < len(row) and row[position].key]
    line = next((cell.line for cell in row if cell.key), 0)
    cell = Cell(line, ticked[0], normalise(ticked[0])) if ticked else Cell(line, "", "")
    return row[: run[0]] + [cell] + row[run[-1] + 1 :]


_FIGURE_ROLES = (Role.TARGET, Role.ACTUAL, Role.COMPLETION)
# A status cell is a few words ("序时推进", "已完成"); longer text in a 完成状态 column is prose.
_MAX_STATUS = 12


def _decide_roles(columns: list[Column], data: list[list[Cell]], header: Header, diagnostics: list[Diagnostic]) -> list[Column]:
    """Labels that may name prose or figures (目标任务, 实际完成, 进度) read as the cells show."""
    decided = list(columns)
    for position, column in enumerate(columns):
        values = [row[position].key for row in data if position < len(row) and row[position].key and len(_filled(row)) > 1]
        if not values or column.forced:
            continue
        figures = [value for value in values if is_figure(value) or value in ("/", "-", "—", "无")]
        numeric = len(figures) >= _FIGURE_SHARE * len(values)
        rates = numeric and all("%" in value for value in figures if is_figure(value))
        roles_now = [c.role for c in decided]
        readings = (column.role, *column.alternatives)
        new_role = None
        if column.alternatives:
            if numeric:
                options = [role for role in readings if role in _FIGURE_ROLES]
                if rates and Role.COMPLETION in options and Role.COMPLETION not in roles_now:
                    options = [Role.COMPLETION]
                elif Role.ACTUAL in options and Role.TARGET in roles_now:
                    options = [Role.ACTUAL]
                wanted = options[0] if options else column.role
            elif column.role is Role.COMPLETION and all(len(value) <= _MAX_STATUS for value in values):
                wanted = column.role  # "序时推进", "已完成": a status, not prose
            else:
                taken = {c.role for c in decided if c is not decided[position]} & {Role.PROGRESS, Role.CONTENT}
                options = [role for role in readings if role not in _FIGURE_ROLES and role not in taken]
                wanted = options[0] if options else column.role
            if wanted is Role.TARGET and column.role is Role.CONTENT and roles_now.count(Role.CONTENT) < 2 \
                    and Role.THEME not in roles_now:
                wanted = Role.CONTENT  # the only task column stays the task
            if wanted is not column.role:
                new_role = wanted
        elif column.role is Role.PROGRESS and numeric and rates and Role.COMPLETION not in roles_now:
            new_role = Role.COMPLETION
        if new_role is not None:
            decided[position] = replace(column, role=new_role)
            what = {Role.TARGET: "目标数值", Role.ACTUAL: "完成数值", Role.COMPLETION: "完成比例或状态"}.get(new_role, "文字")
            diagnostics.append(
                Diagnostic(column.first_line, Severity.INFO, errors.HEADER_GUESSED_ROLE,
                           errors.MSG_HEADER_GUESSED_ROLE.format(name=column.label, what=what, role=new_role.value))
            )
    roles_now = [c.role for c in decided]
    if Role.CONTENT not in roles_now and Role.THEME in roles_now:
        # 项目名称 beside a 年度目标 of figures: the project's name is the task.
        index = roles_now.index(Role.THEME)
        decided[index] = replace(decided[index], role=Role.CONTENT, theme_read_as_content=True)
    return decided


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


def _group_cell(row: list[Cell], columns: tuple[Column, ...]) -> Cell | None:
    """The label of a row that is one cell spanning the table (a group or a caption), if it is one."""
    filled = _filled(row)
    if len(filled) != 1 and not (len(filled) > 1 and len({c.key for c in filled}) == 1):
        return None
    cell = filled[0]
    position = next(i for i, c in enumerate(row) if c.key)
    role = columns[position].role if position < len(columns) else Role.OTHER
    if group_row_score(cell.key) > float("-inf"):
        return cell
    if len(row) == 1 and len(columns) > 1:
        return cell  # a line of its own between rows: a heading
    if role in (Role.SEQ, Role.THEME) and not is_seq(cell.key) and len(cell.key) <= 40:
        return cell
    return None


# A row that is a note about the table: "注：…", "备注：…", "说明：…", "单位：万元", "数据来源：…".
_TABLE_NOTE_RE = re.compile(r"^(?:注|备注|附注|说明|填报说明|单位|计量单位|金额单位|数据来源|资料来源)\s*\d?\s*[:：]")
# How much better a row must fit read by content than by position before it is read by content.
_REREAD_MARGIN = 4.0


def _fit(cells_by_column: list[list[Cell]], columns: tuple[Column, ...]) -> float:
    return sum(max(score_cells(column.role, cells), -12.0) for cells, column in zip(cells_by_column, columns))


def _reread_if_misplaced(cells: list[Cell], filled: list[Cell], columns: tuple[Column, ...]) -> RawRow | None:
    """A row whose cells do not sit under their headers (a merged cell the page drew wrong): read by content.

    Only when a cell is impossible where it stands (text in the 序号 column, a 序号 in
    the content column) and reading the row's cells by what they look like fits clearly better.
    """
    whole = [[cell] if cell.key else [] for cell in cells]
    if all(not cell_list or score_cells(column.role, cell_list) > IMPOSSIBLE for cell_list, column in zip(whole, columns)):
        return None
    if any(column.forced for column in columns):
        return None
    single = read_single_row(filled, columns)
    if single is None or single.score < _fit(whole, columns) + _REREAD_MARGIN:
        return None
    return single


def _rows(
    data: list[list[Cell]], columns: tuple[Column, ...], header: Header, diagnostics: list[Diagnostic], *,
    header_rows: set[tuple[str, ...]] = frozenset(),
    last_row_cut: bool = False,
) -> list[RawRow]:
    width = len(columns)
    labels = [label_key(column.label) for column in columns]
    rows: list[RawRow] = []
    previous: list[Cell] | None = None
    filled_lines: list[int] = []
    filled_labels: set[str] = set()
    continued_lines: list[int] = []
    for index, row in enumerate(data):
        filled = _filled(row)
        line = filled[0].line
        if [label_key(c.text) for c in filled] == [label for label in labels if label] or [c.key for c in filled] == list(header.labels) \
                or _keys(row) in header_rows:
            diagnostics.append(Diagnostic(line, Severity.INFO, errors.HEADER_REPEATED, errors.MSG_HEADER_REPEATED.format(line=line)))
            continue
        if len({cell.key for cell in filled}) == 1 and _TABLE_NOTE_RE.match(filled[0].key):
            # "注：完成率=…", "单位：万元", "备注：…" across the table (a <tfoot>, a units line): about the table, no task.
            diagnostics.append(
                Diagnostic(line, Severity.INFO, errors.TABLE_NOTE_SKIPPED, errors.MSG_TABLE_NOTE_SKIPPED.format(text=filled[0].text[:40]))
            )
            continue
        group = _group_cell(row, columns)
        if group is not None:
            rows.append(RawRow([], 0.0, group=group))
            continue
        cells = list(row)
        while len(cells) > width and not cells[-1].key:
            cells.pop()
        while len(cells) > width and not cells[0].key:
            cells.pop(0)
        if len(cells) < width:
            alignment = align_short_row(cells, columns)
            if index == len(data) - 1 and last_row_cut:
                # The file stops in the middle of this line: the row lacks its last cells, it was cut there.
                alignment = cut_at_end(cells, columns, alignment) or alignment
            last = max((i for i in range(width) if i not in alignment.gaps), default=-1)
            placed, own = [], iter(cells)
            for position in range(width):
                if position not in alignment.gaps:
                    placed.append(next(own))
                elif position < last and previous is not None and columns[position].role not in (Role.THEME, Role.SEQ):
                    placed.append(previous[position])  # the merged cell above covers this one
                    filled_labels.add(columns[position].label)
                else:
                    placed.append(Cell(line, "", ""))
            if any(gap < last for gap in alignment.gaps):
                filled_lines.append(line)
                filled_labels.update(columns[gap].label for gap in alignment.gaps if gap < last and columns[gap].role is Role.THEME)
            if alignment.doubtful:
                diagnostics.append(
                    Diagnostic(line, Severity.WARNING, errors.ROW_WIDTH_DOUBTFUL,
                               errors.MSG_ROW_WIDTH_DOUBTFUL.format(line=line, found=len(cells), expected=width))
                )
            cells = placed
        elif len(cells) > width:
            single = read_single_row(_filled(cells), columns)
            if single is None:
                diagnostics.append(
                    Diagnostic(line, Severity.WARNING, errors.ROW_UNCERTAIN,
                               errors.MSG_ROW_UNCERTAIN.format(seq=len(rows) + 1, first=line, last=filled[-1].line))
                )
                continue
            diagnostics.append(
                Diagnostic(line, Severity.WARNING, errors.ROW_WIDTH_DOUBTFUL,
                           errors.MSG_ROW_WIDTH_DOUBTFUL.format(line=line, found=len(cells), expected=width))
            )
            rows.append(single)
            previous = None
            continue
        cells_by_column = [_cell_paragraphs(cell, column.role) for cell, column in zip(cells, columns)]
        reread = _reread_if_misplaced(cells, _filled(cells), columns)
        if reread is not None:
            diagnostics.append(
                Diagnostic(line, Severity.WARNING, errors.ROW_REALIGNED, errors.MSG_ROW_REALIGNED.format(line=line))
            )
            rows.append(reread)
            previous = None
            continue
        has_content = any(found for found, column in zip(cells_by_column, columns) if column.role is Role.CONTENT)
        has_seq = any(found for found, column in zip(cells_by_column, columns) if column.role is Role.SEQ)
        if not has_content and not has_seq and rows and rows[-1].group is None and previous is not None:
            # A row under a task whose 序号 and task cells are merged down over it (copied from a sheet: blank
            # there), holding one more progress line: a part of that task.
            for position, found in enumerate(cells_by_column):
                above = rows[-1].cells_by_column[position]
                if found and above and columns[position].role in (Role.CONTENT, Role.PROGRESS):
                    text = "\n".join(cell.text for cell in above + found)  # prose stays one cell, line by line
                    above[:] = [Cell(above[0].line, text, normalise(text))]
                else:
                    above.extend(found)
            continued_lines.append(line)
            continue
        if not has_content:
            # A task is its content; a row without it is a sub-heading or a stray line.
            diagnostics.append(
                Diagnostic(line, Severity.WARNING, errors.ROW_WITHOUT_CONTENT,
                           errors.MSG_ROW_WITHOUT_CONTENT.format(text=" / ".join(c.text for c in filled)[:60]))
            )
            continue
        rows.append(RawRow(cells_by_column, 0.0))
        previous = cells
    if continued_lines:
        diagnostics.append(
            Diagnostic(continued_lines[0], Severity.INFO, errors.ROW_CONTINUES_TASK,
                       errors.MSG_ROW_CONTINUES_TASK.format(line=continued_lines[0], count=len(continued_lines)))
        )
    if filled_lines:
        diagnostics.append(
            Diagnostic(filled_lines[0], Severity.INFO, errors.ROW_FILLED_FROM_ABOVE,
                       errors.MSG_ROW_FILLED_FROM_ABOVE.format(line=filled_lines[0], count=len(filled_lines),
                                                               columns="、".join(sorted(filled_labels)) or "—"))
        )
    return rows

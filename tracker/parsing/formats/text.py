"""Plain text: a page flattened to text (one cell per paragraph), or rows written "a | b | c".

Rows written with pipes are a grid; a line without pipes between them (a caption
over the next table, a group label) is a row of one cell. Text where every cell
sits on its own line ending in " |" (as some editors paste a table) is flattened
text with the pipes taken off.

"Line" in diagnostics: the line of the file, as an editor numbers it.
"""

from __future__ import annotations

import re

from .. import errors
from ..text import Cell, decode, decoding_diagnostics, normalise, split_lines, split_pipe_row, to_cells
from ..types import Diagnostic, Severity
from . import limits
from .source import TableSource

# A row written as "a | b | c": at least two separators.
_PIPE_ROW_RE = re.compile(r"\|.*\|")
# A cell on its own line closed by a pipe: "序号 |"; a line of pipes alone ("|", "||||") is an empty cell or debris.
_CELL_LINE_RE = re.compile(r"^[^|]*\|\s*$")
_PIPES_ONLY_RE = re.compile(r"^[|\s]+$")
# A Markdown rule under the header: "|---|:---:|".
_RULE_ROW_RE = re.compile(r"^[\s|:\-—–=+]+$")
# Share of the lines that must end in a lone pipe for the text to be read as one cell per line.
_CELL_LINES_SHARE = 0.6
# Markdown written into a pipe table: a line break as "<br>", bold as "**…**", a heading as "# …", a quote as "> …".
_BR_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_EMPHASIS_LINE_RE = re.compile(r"^\*([^*].*?)\*$")
_HEADING_RE = re.compile(r"^(?:#{1,6}|>+)\s+")
# A page's number printed at its foot, kept when a PDF is copied as text: "— 1 —", "- 2 -", "第 3 页", "第1页 共4页".
_PAGE_NUMBER_RE = re.compile(r"^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")


def read_text_source(data: bytes, *, source_name: str = "") -> TableSource:
    """Plain text: a flattened web page (one cell per paragraph) or rows written "a | b | c"."""
    text, encoding = decode(data, source_name=source_name)
    limits.check_text(text, source_name=source_name)
    lines = split_lines(text)
    limits.check_text_lines(len(lines) - lines.count(""), source_name=source_name)
    cells = to_cells(lines)
    diagnostics = decoding_diagnostics(encoding)
    cells = _without_page_numbers(cells, diagnostics)
    cell_lines = [cell for cell in cells if _CELL_LINE_RE.match(cell.text) or _PIPES_ONLY_RE.match(cell.text)]
    if cells and len(cell_lines) >= _CELL_LINES_SHARE * len(cells):
        cells = _without_closing_pipes(cells)
        return TableSource(cells, diagnostics=diagnostics)
    pipe_lines = [cell for cell in cells if _PIPE_ROW_RE.search(cell.text) and not _RULE_ROW_RE.match(cell.text)]
    if len(pipe_lines) < 2:
        return TableSource(cells, diagnostics=diagnostics)
    first_pipe_line, last_pipe_line = pipe_lines[0].line, pipe_lines[-1].line
    pipe_line_numbers = {cell.line for cell in pipe_lines}
    # "| a | b |" has borders; "a | b |" or " | b | c" does not open with one: its first pipe ends an empty cell.
    leading = sum(cell.text.lstrip().startswith("|") for cell in pipe_lines) > len(pipe_lines) / 2
    trailing = sum(cell.text.rstrip().endswith("|") for cell in pipe_lines) > len(pipe_lines) / 2
    if any(_RULE_ROW_RE.match(cell.text) and "-" in cell.text and "|" in cell.text for cell in cells):
        cells = [_without_markdown(cell) for cell in cells]  # a Markdown table: its marks are formatting, not text
    rows = [
        cell for cell in cells
        if first_pipe_line <= cell.line <= last_pipe_line and not _RULE_ROW_RE.match(cell.text)
    ]
    # Rows and cells counted before the rows are split into cells.
    limits.check_rows(len(rows), found=f"{len(rows):,} 行用“|”分隔的文字")
    limits.take_cells(sum(cell.text.count("|") + 1 if cell.line in pipe_line_numbers else 1 for cell in rows))
    grid = []
    for cell in rows:
        # A line without pipes inside the table: a caption or a group label, a row of one cell.
        if cell.line in pipe_line_numbers:
            row = split_pipe_row(cell, leading_border=leading, trailing_border=trailing)
            grid.append(limits.checked_cells([_with_line_breaks(part) for part in row]))
        else:
            grid.append(limits.checked_cells([cell]))
    return TableSource(
        cells,
        grid=grid,
        meta_cells=[cell for cell in cells if cell.line < first_pipe_line],
        diagnostics=diagnostics,
        merges_blank=True,
        ends_mid_line=not text.endswith(("\n", "\r")),
    )


def _without_page_numbers(cells: list[Cell], diagnostics: list) -> list[Cell]:
    """The text without the page numbers a PDF prints at each page's foot: never a cell of the table."""
    numbers = [cell for cell in cells if _PAGE_NUMBER_RE.match(cell.key)]
    if not numbers:
        return cells
    lines = "、".join(str(cell.line) for cell in numbers[:5]) + ("等" if len(numbers) > 5 else "")
    diagnostics.append(Diagnostic(numbers[0].line, Severity.INFO, errors.PAGE_NUMBER_SKIPPED, errors.MSG_PAGE_NUMBER_SKIPPED.format(lines=lines)))
    return [cell for cell in cells if not _PAGE_NUMBER_RE.match(cell.key)]


def _with_line_breaks(cell: Cell) -> Cell:
    """A pipe cell holding "<br>" (a line break written as HTML, as Markdown tables do): its lines."""
    if "<" not in cell.text:
        return cell
    text = "\n".join(part.strip() for part in _BR_RE.split(cell.text) if part.strip())
    return Cell(cell.line, text, normalise(text))


def _without_markdown(cell: Cell) -> Cell:
    """A line of a Markdown document as printed: no "# " or "> " in front, no "**" around bold words, no "*"
    around a line in italics."""
    text = _BOLD_RE.sub(lambda match: match.group(1) or match.group(2), _HEADING_RE.sub("", cell.text))
    if "|" not in text:
        text = _EMPHASIS_LINE_RE.sub(r"\1", text)
    if text == cell.text:
        return cell
    return Cell(cell.line, text, normalise(text))


def _without_closing_pipes(cells: list[Cell]) -> list[Cell]:
    """"序号 |" -> "序号"; a line of pipes only (an empty cell, or a row's end) is dropped: the rows
    are rebuilt from what the cells look like, so an empty cell needs no place of its own."""
    result = []
    for cell in cells:
        if _PIPES_ONLY_RE.match(cell.text):
            continue
        if _CELL_LINE_RE.match(cell.text):
            text = cell.text.rstrip().removesuffix("|").strip()
            if not normalise(text):
                continue
            result.append(Cell(cell.line, text, normalise(text)))
        else:
            result.append(cell)
    return result

"""Plain text: a page flattened to text (one cell per paragraph), or rows written "a | b | c".

"Line" in diagnostics: the line of the file, as an editor numbers it.
"""

from __future__ import annotations

import re

from .. import errors
from ..text import decode, split_lines, split_pipe_row, to_cells
from ..types import Diagnostic, Severity
from . import limits
from .source import TableSource

# A row written as "a | b | c": at least two separators.
_PIPE_ROW_RE = re.compile(r"\|.*\|")


def read_text_source(data: bytes, *, source_name: str = "") -> TableSource:
    """Plain text: a flattened web page (one cell per paragraph) or rows written "a | b | c"."""
    text, encoding = decode(data, source_name=source_name)
    limits.check_text(text, source_name=source_name)
    lines = split_lines(text)
    limits.check_text_lines(len(lines) - lines.count(""), source_name=source_name)
    cells = to_cells(lines)
    diagnostics = []
    if encoding == "gb18030":
        diagnostics.append(Diagnostic(None, Severity.INFO, errors.DECODED_GB18030, errors.MSG_DECODED_GB18030))
    pipe_lines = [cell for cell in cells if _PIPE_ROW_RE.search(cell.text)]
    if len(pipe_lines) < 2:
        return TableSource(cells, diagnostics=diagnostics)
    limits.check_rows(len(pipe_lines), found=f"{len(pipe_lines):,} 行用“|”分隔的文字")
    limits.take_cells(sum(cell.text.count("|") + 1 for cell in pipe_lines))
    first_pipe_line = pipe_lines[0].line
    return TableSource(
        cells,
        grid=[limits.checked_cells(split_pipe_row(cell)) for cell in pipe_lines],
        meta_cells=[cell for cell in cells if cell.line < first_pipe_line],
        diagnostics=diagnostics,
    )

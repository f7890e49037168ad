"""Plain text: a page flattened to text (one cell per paragraph), or rows written "a | b | c".

"Line" in diagnostics: the line of the file, as an editor numbers it.
"""

from __future__ import annotations

import re

from .. import errors
from ..text import decode, split_lines, split_pipe_row, to_cells
from ..types import Diagnostic, Severity
from .source import TableSource

# A row written as "a | b | c": at least two separators.
_PIPE_ROW_RE = re.compile(r"\|.*\|")


def read_text_source(data: bytes, *, source_name: str = "") -> TableSource:
    """Plain text: a flattened web page (one cell per paragraph) or rows written "a | b | c"."""
    text, encoding = decode(data, source_name=source_name)
    cells = to_cells(split_lines(text))
    diagnostics = []
    if encoding == "gb18030":
        diagnostics.append(Diagnostic(None, Severity.INFO, errors.DECODED_GB18030, errors.MSG_DECODED_GB18030))
    pipe_lines = [cell for cell in cells if _PIPE_ROW_RE.search(cell.text)]
    if len(pipe_lines) < 2:
        return TableSource(cells, diagnostics=diagnostics)
    first_pipe_line = pipe_lines[0].line
    return TableSource(
        cells,
        grid=[split_pipe_row(cell) for cell in pipe_lines],
        meta_cells=[cell for cell in cells if cell.line < first_pipe_line],
        diagnostics=diagnostics,
    )

"""A saved web page: find the progress table among the page's tables and read it as a grid.

A district's page holds several tables: navigation, the metadata block (信息索引号,
发布机构...), layout tables wrapped around everything, and the progress table,
sometimes twice (page view and print view). The first table whose header row
maps to column roles is read; the others are ignored (and a diagnostic says
which table was read). Merged cells are laid out as in `grid.py`; <br> and block
elements (<p>, <div>) inside a cell become line breaks.

The page text above the table (and the <title>, as a last resort) is where the
title, 发布日期, 信息索引号 and 发布机构 are looked for; a metadata table's row
counts as one paragraph, its cells separated by spaces, as a browser shows it.

A page without a usable <table> (a table drawn with <div>s) is flattened to
paragraphs and read like flattened text.

"Line" in diagnostics: the line of the HTML source where the element holding the
text starts (a table cell's <td>, a paragraph's <p>).

Parsed with lxml, which repairs the unclosed <td> and <tr> tags that old pages
and Word's "save as web page" leave, and keeps each element's source line.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from .. import errors
from ..columns import find_headers
from . import limits
from .source import TableSource
from ..text import Cell, decode, decoding_diagnostics
from ..types import Diagnostic, ParseError, Severity
from .grid import FoundHeader, RawTable, Slot, clean_lines, find_header, make_cell, to_source

_WHAT = "网页"
# Elements whose text the browser does not show.
_HIDDEN_TAGS = {"script", "style", "noscript", "template", "head", "select", "option"}
# Elements that start a new line on screen.
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "tfoot", "thead", "tr", "ul", "td", "th",
}
_CELL_TAGS = ("td", "th")
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")
_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_BREAK = object()
# The text of a cell too big to read (see `_cell_text`), and how many pieces (text runs and line
# breaks) of a cell holding a table are read: a progress cell has a few hundred.
_TOO_LONG = "…" * (limits.MAX_CELL_CHARS + 1)
_PIECES_AROUND_A_TABLE = 4096


def read_html_source(data: bytes, *, source_name: str, header_line: int | None = None) -> TableSource:
    """Read a saved web page (any encoding `text.decode` accepts)."""
    root, diagnostics, text = _open_page(data, source_name=source_name)
    tables = list(root.iter("table"))
    rows_by_table = _rows_by_table(root)
    readable: list[tuple[object, RawTable, FoundHeader]] = []
    read_elements: set = set()
    read_first_rows: set = set()
    for index, table_element in enumerate(tables):
        limits.check_time(f"查看第 {index + 1} 个表格时")
        if read_elements.intersection(table_element.iterancestors("table")):
            continue  # a table nested in one already read
        table = _lay_out(table_element, rows_by_table.get(table_element, []))
        found = find_header(table, header_line=header_line)
        if found is None:
            continue
        first_rows = _first_rows(table, found)
        if first_rows in read_first_rows:
            continue  # the page's print view: a table whose rows repeat one already read
        read_first_rows.add(first_rows)
        read_elements.add(table_element)
        readable.append((table_element, table, found))
    if readable:
        _check_cut_in_table(text, readable, diagnostics)
        table_element, table, found = readable[0]
        if len(tables) > 1 and len(readable) == 1:
            index = tables.index(table_element)
            line = table.lines[found.row]
            diagnostics.append(
                Diagnostic(line, Severity.INFO, errors.TABLE_CHOSEN,
                           errors.MSG_TABLE_CHOSEN.format(what=_WHAT, count=len(tables), index=index + 1, line=line))
            )
        return _table_source(root, readable, diagnostics)

    # No <table> with a header: maybe a table drawn with other elements. Read the page as flattened text.
    cells = _paragraphs(_body(root), cells_inline=False)
    if header_line is None and not find_headers(cells):
        searched = f"（页面中有 {len(tables)} 个表格，都没有可识别的表头）" if tables else "（页面中没有表格）"
        raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE_IN_FILE.format(what=_WHAT, searched=searched), source_name=source_name)
    return TableSource(cells, diagnostics=diagnostics)


def open_page(data: bytes, *, source_name: str) -> tuple:
    """(the page's lxml tree, its decoding diagnostics); the page's size and elements checked before lxml builds the tree."""
    root, diagnostics, _ = _open_page(data, source_name=source_name)
    return root, diagnostics


_TABLE_OPEN_RE = re.compile(r"<table[\s>]", re.IGNORECASE)
_TABLE_CLOSE_RE = re.compile(r"</table\s*>", re.IGNORECASE)


def _check_cut_in_table(text: str, readable: list, diagnostics: list[Diagnostic]) -> None:
    """A page that stops inside a table it reads (saved before it finished loading: no </table> after the last
    <table>) lost that table's end: its last row cannot be trusted (`row-truncated`)."""
    opening = None
    for opening in _TABLE_OPEN_RE.finditer(text):
        pass
    if opening is None or any(_TABLE_CLOSE_RE.finditer(text, opening.end())):
        return
    line = text.count("\n", 0, opening.start()) + 1
    for element, table, _ in readable:
        if element.sourceline == line and table.lines:
            last = table.lines[-1]
            diagnostics.append(Diagnostic(last, Severity.ERROR, errors.ROW_TRUNCATED, errors.MSG_PAGE_CUT_IN_TABLE.format(line=last)))
            return


def _open_page(data: bytes, *, source_name: str) -> tuple:
    text, encoding = decode(data, source_name=source_name)
    limits.check_page(text, source_name=source_name)
    try:
        # lxml refuses a str that still declares its encoding; the text is decoded already.
        root = lxml.html.document_fromstring(_XML_DECLARATION_RE.sub("", text))
    except (lxml.etree.ParserError, ValueError):
        raise ParseError(errors.NO_TABLE, errors.MSG_NO_TABLE_IN_FILE.format(what=_WHAT, searched=""), source_name=source_name) from None
    return root, decoding_diagnostics(encoding), text


def _first_rows(table: RawTable, found: FoundHeader) -> tuple:
    """The texts of a table's first rows from its header: the same in the page's print view of the table.
    Compared by a set, so a page of thousands of tables is read in linear time."""
    return tuple(tuple(slot.text for slot in row) for row in table.rows[found.row : found.row + 4])


def _table_source(root, readable: list, diagnostics: list[Diagnostic]) -> TableSource:
    """The tables read (the first and those after it), the page text around them as metadata and captions."""
    elements = [element for element, _, _ in readable]
    page = _paragraphs(_body(root), cells_inline=True, skip=set(elements))
    markers = [index for index, item in enumerate(page) if item is None]
    before = [cell for cell in page[: markers[0]] if cell is not None]
    after = [cell for cell in page[markers[-1] + 1 :] if cell is not None]
    captions = [
        [cell for cell in page[markers[position] + 1 : markers[position + 1]] if cell is not None]
        for position in range(len(markers) - 1)
    ]
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        # Last, so a title printed in the page wins; the <title> often carries the site's name.
        before.append(make_cell(title.sourceline or 1, clean_lines(_HTML_SPACE_RE.sub(" ", title.text_content()))))
    _, table, found = readable[0]
    more = [(other, other_found, caption[-2:]) for (_, other, other_found), caption in zip(readable[1:], captions)]
    return to_source(table, found, before=before, after=after, diagnostics=diagnostics, may_be_cut_off=True, more=more)


def _body(root):
    body = root.find(".//body")
    return body if body is not None else root


def _rows_by_table(root) -> dict:
    """Each table's own rows (not those of tables nested in its cells), in one pass over the page: asking
    every table for its rows would visit a nested table's rows once per table around it (40 nested
    tables around 90,000 rows: 15 s)."""
    rows: dict = {}
    for row in root.iter("tr"):
        owner = next(row.iterancestors("table"), None)
        if owner is not None:
            rows.setdefault(owner, []).append(row)
    return rows


def _span(element, name: str) -> int:
    text = str(element.get(name, "1")).strip() or "1"
    if len(text) > 9:  # int() of thousands of digits is slow, and any such span is clamped anyway
        return 10**9 if text.isdigit() else 1
    try:
        value = int(text)
    except ValueError:
        return 1
    return max(value, 1)


def _lay_out(table_element, rows: list) -> RawTable:
    """The table's `rows` (its own, from `_rows_by_table`) with every rowspan and colspan laid out (the HTML
    table model), under its <caption>."""
    table = RawTable()
    caption = next((child for child in table_element if child.tag == "caption"), None)
    caption_text = _cell_text(caption) if caption is not None else ""
    if caption_text:
        # The table's <caption> ("表1 主要经济指标完成情况") is a row of one cell above its header.
        table.add_row(caption.sourceline or 1, [Slot(caption_text, (0, 0))])
    offset = len(table.rows)
    covered: dict[int, tuple[Slot, int]] = {}  # column -> (slot carried down, rows still covered)
    for row_index, row in enumerate(rows):
        slots: list[Slot] = []

        def take_covered(until: int | None = None) -> None:
            # Fill positions held by cells merged down from above (all of them when `until` is None).
            while len(slots) in covered or (until is not None and len(slots) < until):
                column = len(slots)
                if column not in covered:
                    slots.append(Slot("", (row_index + offset, column)))
                    continue
                slot, left = covered.pop(column)
                slots.append(slot)
                if left > 1:
                    covered[column] = (slot, left - 1)

        for cell in row:
            if cell.tag not in _CELL_TAGS:
                continue
            take_covered()
            start = len(slots)
            text = _cell_text(cell)
            line = cell.sourceline or 1
            colspan = limits.clamp_column_span(_span(cell, "colspan"), line=line, diagnostics=table.diagnostics)
            limits.check_columns(start + colspan, line=line)  # before the slots are made
            rowspan = min(_span(cell, "rowspan"), len(rows) - row_index, limits.MAX_ROW_SPAN)
            if cell.get("rowspan", "").strip() == "0":
                rowspan = len(rows) - row_index  # "0" means: to the end of the table
            for column in range(start, start + colspan):
                slot = Slot(text, (row_index + offset, start))
                slots.append(slot)
                if rowspan > 1:
                    covered[column] = (slot, rowspan - 1)
        if covered:
            take_covered(max(covered) + 1)
        table.add_row(row.sourceline or 1, slots)
    return table.pad()


def _cell_text(cell) -> str:
    """A cell's text as shown: HTML whitespace collapsed, <br> and block elements as line breaks.

    A cell holding a table is most often a layout cell around the page: only its first
    `_PIECES_AROUND_A_TABLE` pieces are read, and a longer one stands as `_TOO_LONG` (refused if it
    is in the table read). Read whole, tables nested 80 deep would read the page 80 times (15 s).
    """
    most = _PIECES_AROUND_A_TABLE if cell.find(".//table") is not None else None
    lines = [[]]
    for count, item in enumerate(_tokens(cell, cells_inline=False)):
        if most is not None and count > most:
            return _TOO_LONG
        if item is _BREAK:
            lines.append([])
        elif isinstance(item, tuple):
            lines[-1].append(item[0])
    return clean_lines("\n".join(_HTML_SPACE_RE.sub(" ", "".join(parts)) for parts in lines))


def _paragraphs(root, *, cells_inline: bool, skip=()) -> list[Cell | None]:
    """The page's text as paragraphs, in reading order; None where each of `skip` (the tables read) stands.

    `cells_inline`: a table row is one paragraph, its cells separated by spaces, as
    a metadata table reads on screen ("信息索引号 K1493206-6/2022-25614").
    """
    paragraphs: list[Cell | None] = []
    parts: list[str] = []
    line = 0

    def flush() -> None:
        nonlocal parts, line
        text = clean_lines(_HTML_SPACE_RE.sub(" ", "".join(parts)))
        if text:
            limits.take_cells(1, line=line)  # a page of a million <br> is a million paragraphs
            paragraphs.append(make_cell(line, text))
        parts, line = [], 0

    for item in _tokens(root, cells_inline=cells_inline, skip=skip):
        if item is _BREAK:
            flush()
        elif item is None:
            flush()
            paragraphs.append(None)
        else:
            text, text_line = item
            if not line and text.strip():
                line = text_line
            parts.append(text)
    flush()
    return paragraphs


def _tokens(root, *, cells_inline: bool, skip=()):
    """Walk the tree in reading order: (text, line) pieces, _BREAK at line breaks, None for each of `skip`.

    Iterative, so deeply nested layout tables cannot exhaust the recursion limit.
    """
    stack: list[tuple[str, object]] = [("open", root)]
    while stack:
        kind, item = stack.pop()
        if kind == "text":
            yield item
            continue
        if kind == "break":
            yield _BREAK
            continue
        element = item
        tag = element.tag if isinstance(element.tag, str) else None  # comments and PIs have no str tag
        if element in skip:  # a set (lxml elements compare by identity): a page may read thousands of tables
            yield None
            continue
        if tag is None or tag in _HIDDEN_TAGS:
            continue
        if tag == "br":
            yield _BREAK
            continue
        line = element.sourceline or 1
        if cells_inline and tag in _CELL_TAGS:
            opening = closing = ("text", (" ", line))
        elif tag in _BLOCK_TAGS:
            opening = closing = ("break", None)
        else:
            opening = closing = None
        if closing:
            stack.append(closing)
        for child in reversed(element):
            if child.tail:
                stack.append(("text", (_HTML_SPACE_RE.sub(" ", child.tail), child.sourceline or line)))
            stack.append(("open", child))
        if element.text:
            stack.append(("text", (_HTML_SPACE_RE.sub(" ", element.text), line)))
        if opening:
            stack.append(opening)

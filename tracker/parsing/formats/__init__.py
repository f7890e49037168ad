"""Format readers: the files people actually have, each turned into a `TableSource`.

    text  a page flattened to text, or rows written "a | b | c" (text.py),
          or rows separated by tabs, as copied from Excel or a browser (tabbed.py)
    html  a saved web page (html.py)
    xlsx  an Excel workbook (xlsx.py)
    docx  a Word document (docx.py)

The format is told from the content, not the file name: a page saved as
"report.txt" is still read as a page. Each reader's libraries are imported only
when a file of that format arrives, so reading text needs none of them.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Literal

from .. import errors
from ..types import ParseError
from . import limits
from .source import TableSource
from .text import read_text_source

__all__ = ["Format", "TableSource", "detect_format", "read_source", "read_text_source"]

Format = Literal["text", "html", "xlsx", "docx"]

# Parts that mark an Office Open XML package as a workbook or a document.
_ZIP_PARTS = (("xl/workbook.xml", "xlsx"), ("word/document.xml", "docx"))
_ZIP_SIGNATURE = b"PK\x03\x04"
_HTML_START_RE = re.compile(rb"^(?:<\?xml[^>]*>\s*)?<!doctype\s+html|^<html[\s>]", re.IGNORECASE)
_HTML_TAG_RE = re.compile(rb"<(?:html|table)[\s>]", re.IGNORECASE)


def detect_format(data: bytes, source_name: str = "") -> Format:
    """What the bytes are. A file that is none of the known formats is "text" (its reader says what is wrong)."""
    if data.startswith(_ZIP_SIGNATURE):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            # A damaged package: trust the name, so the message can say "damaged Excel file".
            suffix = source_name.lower().rsplit(".", 1)[-1]
            return suffix if suffix in ("xlsx", "docx") else "text"  # type: ignore[return-value]
        for part, format_name in _ZIP_PARTS:
            if part in names:
                return format_name  # type: ignore[return-value]
        return "text"
    head = _text_head(data)
    if _HTML_START_RE.match(head) or _HTML_TAG_RE.search(head):
        return "html"
    return "text"


def _text_head(data: bytes) -> bytes:
    """The bytes with BOM and leading whitespace removed; UTF-16 text re-encoded as UTF-8 so tags can be seen."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").encode("utf-8").lstrip()
        except UnicodeDecodeError:
            return b""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    return data.lstrip()


def read_source(data: bytes, *, source_name: str = "", header_line: int | None = None) -> TableSource:
    """The TableSource of any accepted format. Raises ParseError (stable code) when there is nothing to read.

    `header_line`: the line (as diagnostics number lines) an admin says holds the header.
    Read within the limits (formats/limits.py): one reading's cells, the file's deadline.
    """
    with limits.parse_budget(source_name):
        limits.check_file_size(data, source_name=source_name)
        return _read_source(data, source_name=source_name, header_line=header_line)


def _read_source(data: bytes, *, source_name: str, header_line: int | None) -> TableSource:
    format_name = detect_format(data, source_name)
    if format_name == "html":
        from .html import read_html_source

        return read_html_source(data, source_name=source_name, header_line=header_line)
    if format_name == "xlsx":
        from .xlsx import read_xlsx_source

        return read_xlsx_source(data, source_name=source_name, header_line=header_line)
    if format_name == "docx":
        from .docx import read_docx_source

        return read_docx_source(data, source_name=source_name, header_line=header_line)
    try:
        source = read_text_source(data, source_name=source_name)
    except ParseError as error:
        if error.code != errors.NOT_TEXT:
            raise
        # Binary files (PDF, images, old .xls/.doc) reach the text reader: say what can be imported.
        raise ParseError(
            error.code, f"{error.message}{errors.MSG_FORMATS_ACCEPTED}", line=error.line, source_name=source_name
        ) from None
    if source.grid is None:
        from .tabbed import read_tabbed_source

        return read_tabbed_source(data, source_name=source_name, header_line=header_line) or source
    return source

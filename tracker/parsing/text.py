"""Bytes to numbered cells: decoding, line splitting and text normalisation.

Two forms of every cell are kept: `text`, as printed (only trimmed), for display,
and `key`, width- and space-normalised, for matching. Matching on `key` is what
lets "区委统战部（区民宗局）" and "区委统战部(区民宗局)" be the same name.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from . import errors
from .types import Diagnostic, ParseError, Severity

# Characters that make a cell look blank although it is not empty in bytes.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_SPACE_RE = re.compile(r"\s+")
_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")

# `decode`'s encoding for UTF-8 text whose last character was cut in the middle (a file cut short).
UTF8_CUT = "utf-8-cut"

# Signatures of binary formats admins are likely to upload by mistake.
_BINARY_SIGNATURES = (
    (b"PK\x03\x04", "ZIP 压缩包，或 Excel/Word 文件"),
    (b"%PDF", "PDF 文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"\xd0\xcf\x11\xe0", "旧版 Excel/Word 文件"),
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One paragraph of the flattened page: a table cell or a piece of one."""

    line: int  # 1-based line in the source file
    text: str  # as printed, trimmed
    key: str  # normalised for matching: NFKC, whitespace collapsed


def normalise(text: str) -> str:
    """Width-fold (NFKC: full-width letters, digits and punctuation to ASCII) and collapse spaces."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))
    return _SPACE_RE.sub(" ", text).strip()


def compact(text: str) -> str:
    """`normalise` with every space removed: Chinese names and header labels carry none."""
    return normalise(text).replace(" ", "")


def decode(data: bytes, *, source_name: str = "") -> tuple[str, str]:
    """Return (text, encoding). Raises ParseError for empty, binary or undecodable input."""
    if not data.strip(b" \t\r\n\x00" + "\u00a0".encode()):
        raise ParseError(errors.EMPTY_INPUT, errors.MSG_EMPTY_INPUT, source_name=source_name)
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ParseError(errors.NOT_TEXT, errors.MSG_NOT_TEXT.format(what=what), source_name=source_name)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ParseError(errors.NOT_TEXT, errors.MSG_NOT_TEXT.format(what="无法按 UTF-16 解码"), source_name=source_name) from None
    if b"\x00" in data[:4096]:
        raise ParseError(errors.NOT_TEXT, errors.MSG_NOT_TEXT.format(what="含有二进制数据"), source_name=source_name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        if utf8_error.start >= len(data) - 3 and "unexpected end" in utf8_error.reason:
            # The file stops inside its last character: the text before it is whole.
            try:
                return data[: utf8_error.start].decode("utf-8"), UTF8_CUT
            except UnicodeDecodeError:
                pass
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise ParseError(
                errors.NOT_TEXT, errors.MSG_UNDECODABLE.format(line=line), line=line, source_name=source_name
            ) from None


def decoding_diagnostics(encoding: str) -> list[Diagnostic]:
    """What a format reader says about how its text was decoded."""
    if encoding == "gb18030":
        return [Diagnostic(None, Severity.INFO, errors.DECODED_GB18030, errors.MSG_DECODED_GB18030)]
    if encoding == UTF8_CUT:
        return [Diagnostic(None, Severity.WARNING, errors.FILE_CUT_MID_CHARACTER, errors.MSG_FILE_CUT_MID_CHARACTER)]
    return []


def split_lines(text: str) -> list[str]:
    """Split on CRLF, CR or LF only, so line numbers match what an editor shows.

    (`str.splitlines` would also split on form feeds and U+2028, shifting numbers.)
    """
    return _LINE_BREAK_RE.split(text)


def to_cells(lines: list[str]) -> list[Cell]:
    """Every non-blank line as a cell; blank and NBSP-only lines are dropped."""
    cells = []
    for number, raw in enumerate(lines, start=1):
        key = normalise(raw)
        if key:
            cells.append(Cell(number, raw.strip(" \t\u00a0\u3000" + _INVISIBLE), key))
    return cells


def split_pipe_row(cell: Cell, *, leading_border: bool = True, trailing_border: bool = True) -> list[Cell]:
    """A row written on one line as "a | b | c": its cells, empty ones kept as "".

    `leading_border` / `trailing_border`: the table's lines open / close with a pipe that
    is a border ("| a | b |"), not the edge of an empty first / last cell (" | b | c").
    """
    text = cell.text.strip()
    if leading_border and text.startswith("|"):
        text = text[1:]
    if trailing_border and text.endswith("|"):
        text = text[:-1]
    parts = [part.strip(" \t\u00a0\u3000") for part in text.split("|")]
    return [Cell(cell.line, part, normalise(part)) for part in parts]

"""Reading report files for the management commands, with one-line messages for what goes wrong."""

from pathlib import Path

from django.conf import settings

from tracker.forms import size_error
from tracker.parsing import ParsedReport, ParseError, parse_report_bytes

FILE_UNREADABLE = "{path}: 无法读取文件: {reason}"
FILE_TOO_LARGE = "{path}: {message}上限由 TRACKER_MAX_UPLOAD_BYTES 设定。"


class ReportFileError(Exception):
    """A report file could not be read or parsed; `str()` is the one line to show."""


def report_file_parse(path: str, data: bytes | None = None, *, known_layouts: dict | None = None) -> ParsedReport:
    """Parse one file (read from `path` unless its `data` is given), naming it `path` in every message.

    `known_layouts`: the column layouts admins confirmed ({header signature: roles}), read as confirmed.
    """
    if data is None:
        data = report_file_read(path)
    try:
        return parse_report_bytes(data, source_name=path, known_layouts=known_layouts)
    except ParseError as err:
        raise ReportFileError(str(err)) from err


def report_file_read(path: str) -> bytes:
    """The file's bytes; files over the upload limit are refused unread, as the admin's upload form refuses them."""
    limit = settings.TRACKER_MAX_UPLOAD_BYTES
    try:
        with Path(path).open("rb") as file:
            data = file.read(limit + 1)
    except OSError as err:
        raise ReportFileError(FILE_UNREADABLE.format(path=path, reason=err.strerror or err)) from err
    if len(data) > limit:
        size = Path(path).stat().st_size
        raise ReportFileError(FILE_TOO_LARGE.format(path=path, message=size_error(size, limit)))
    return data

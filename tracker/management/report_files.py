"""Reading report files for the management commands, with one-line messages for what goes wrong."""

from pathlib import Path

from tracker.parsing import ParsedReport, ParseError, parse_report_bytes

FILE_UNREADABLE = "{path}: 无法读取文件: {reason}"


class ReportFileError(Exception):
    """A report file could not be read or parsed; `str()` is the one line to show."""


def report_file_parse(path: str) -> ParsedReport:
    """Read and parse one file, naming it `path` in every message."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise ReportFileError(FILE_UNREADABLE.format(path=path, reason=err.strerror or err)) from err
    try:
        return parse_report_bytes(data, source_name=path)
    except ParseError as err:
        raise ReportFileError(str(err)) from err

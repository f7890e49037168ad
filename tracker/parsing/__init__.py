"""Reads the published progress tables: bytes in, `ParsedReport` out. No Django here.

    from tracker.parsing import parse_report_bytes, ParseError
    report = parse_report_bytes(data, source_name="2022q3.txt")

Raises `ParseError` (one-line message, stable `code`) when the input is empty,
not text, or holds no table; every lesser problem is a `Diagnostic` on the result.
"""

from .types import (  # noqa: F401
    PARSER_VERSION,
    DepartmentRef,
    DepartmentRole,
    Diagnostic,
    ParsedReport,
    ParsedTask,
    ParseError,
    ReportMeta,
    Severity,
    Status,
    parsed_report_from_json,
)
from .reader import parse_report_bytes, parse_report_text  # noqa: F401,E402

"""Reads the published progress tables: bytes in, `ParsedReport` out. No Django here.

    from tracker.parsing import parse_report_bytes, ParseError
    report = parse_report_bytes(data, source_name="2022q3.txt")

Raises `ParseError` (one-line message, stable `code`) when the input is empty,
not text, or holds no table; every lesser problem is a `Diagnostic` on the result.

An admin can steer the reader: `columns=["seq", "content", "lead", "progress"]` gives
each header column's role (names in `ROLE_NAMES`), `header_line=N` says where the
header is when none was found (`ParseError.candidates` lists the lines to choose
from), and `known_layouts={report.header_signature: columns}` reads a layout
confirmed before the same way without help.
"""

from .types import (  # noqa: F401
    PARSER_VERSION,
    Candidate,
    DepartmentRef,
    DepartmentRole,
    Diagnostic,
    ParsedReport,
    ParsedTask,
    ParseError,
    ReportMeta,
    Severity,
    Status,
    TableInfo,
    parsed_report_from_json,
)
from .roles import ROLE_NAMES  # noqa: F401,E402
from .reader import header_signature, parse_column_roles, parse_report_bytes, parse_report_text  # noqa: F401,E402
from .status import judge_tasks  # noqa: F401,E402

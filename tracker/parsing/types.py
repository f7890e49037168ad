"""What the parser returns: plain dataclasses, no Django.

These types are the boundary between the parser and the rest of the product
(import service, `parse_report` JSON). `ParsedReport.to_json()` is the stable
contract documented in the README; add fields, never rename or remove them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Severity(str, Enum):
    ERROR = "error"  # the table cannot be trusted as read: a row is cut off, a cell is missing
    WARNING = "warning"  # a guess an admin should check
    INFO = "info"  # a decision worth knowing about, e.g. a repeated theme label ignored

    def __str__(self) -> str:  # so f-strings print "error", not "Severity.ERROR"
        return self.value


class Status(str, Enum):
    COMPLETED = "completed"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_STARTED = "not_started"
    SUSPENDED = "suspended"
    UNKNOWN = "unknown"


class DepartmentRole(str, Enum):
    LEAD = "lead"  # 牵头单位, or the first name in a 责任单位 cell
    CO = "co"  # 配合单位, or the names after the first in a 责任单位 cell


@dataclass(frozen=True)
class Diagnostic:
    """One doubtful decision or problem, pointing at a 1-based source line."""

    line: int | None
    severity: Severity
    code: str  # stable, e.g. "row-truncated"; tests and the admin filter on it
    message: str  # says what is wrong and what to do, in Chinese for the admins

    def to_json(self) -> dict:
        return {"line": self.line, "severity": str(self.severity), "code": self.code, "message": self.message}


@dataclass(frozen=True)
class DepartmentRef:
    name: str  # canonical form: width-normalised, no whitespace
    role: DepartmentRole


@dataclass
class ParsedTask:
    seq: int  # 1..n in table order, whatever the source printed
    source_seq: str | None  # the 序号 cell as printed, if the table has one
    theme: str  # without its "(一)" marker; "" when the table has no theme column
    theme_no: str | None  # "一" for "(一)", None when not given
    content: str
    departments: list[DepartmentRef]
    leaders: list[str]
    progress: str
    completion_text: str  # a 完成进度 column's cell ("75%", "/"), "" when absent
    note: str  # 备注 and unrecognised columns, kept so nothing printed is lost
    first_line: int
    last_line: int
    status: Status = Status.UNKNOWN
    status_reason: str = ""
    metrics: list = field(default_factory=list)
    # Cells of numeric columns ("目标任务" "3000", "实际完成" "3034"), as printed; "" when the table has none.
    # A rate column ("完成率" "101.1%") is `completion_text`. The extractor pairs these directly.
    target_text: str = ""
    actual_text: str = ""

    @property
    def department_names(self) -> list[str]:
        return [ref.name for ref in self.departments]

    @property
    def lead_departments(self) -> list[str]:
        return [ref.name for ref in self.departments if ref.role is DepartmentRole.LEAD]

    def to_json(self) -> dict:
        return {
            "seq": self.seq,
            "source_seq": self.source_seq,
            "theme": self.theme,
            "theme_no": self.theme_no,
            "content": self.content,
            "departments": self.department_names,
            "department_roles": [str(ref.role.value) for ref in self.departments],
            "leaders": list(self.leaders),
            "progress": self.progress,
            "completion_text": self.completion_text,
            "note": self.note,
            "status": self.status.value,
            "status_reason": self.status_reason,
            "metrics": [m.to_json() if hasattr(m, "to_json") else m for m in self.metrics],
            "lines": [self.first_line, self.last_line],
            "target_text": self.target_text,
            "actual_text": self.actual_text,
        }


@dataclass
class ReportMeta:
    title: str = ""
    year: int | None = None
    quarter: int | None = None  # 1..4 when the period is a quarter, half-year (2) or year (4)
    period_end_month: int | None = None  # 9 for 三季度 and 1-9月, 8 for 1-8月; drives 序时进度
    period_label: str = ""  # the words that gave the period, e.g. "三季度"
    publisher: str = ""
    index_no: str = ""
    published_on: dt.date | None = None

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "year": self.year,
            "quarter": self.quarter,
            "period_end_month": self.period_end_month,
            "period_label": self.period_label,
            "publisher": self.publisher,
            "index_no": self.index_no,
            "published_on": self.published_on.isoformat() if self.published_on else None,
        }


# Which reading of a file this parser gives. Raise it with every change that reads some file
# differently (a fixed rule, a new column synonym): a stored report read by an older version is
# read again the next time its file is imported, instead of being answered "unchanged".
PARSER_VERSION = 3


@dataclass
class TableInfo:
    """One table read from the file (a page may hold several: a 预期目标 table, then a 工作任务 table)."""

    layout: str  # the column roles in order, as `ParsedReport.layout`
    columns: list[str]  # the header cells as printed
    header_signature: str  # see `ParsedReport.header_signature`
    header_line: int  # first line of its header
    caption: str = ""  # the heading printed above it, if any (the theme of its rows without a group column)
    task_count: int = 0

    def to_json(self) -> dict:
        return {
            "layout": self.layout,
            "columns": list(self.columns),
            "header_signature": self.header_signature,
            "header_line": self.header_line,
            "caption": self.caption,
            "task_count": self.task_count,
        }


@dataclass
class ParsedReport:
    meta: ReportMeta
    layout: str  # the column roles in order, e.g. "seq|theme|content|lead|progress"
    columns: list[str]  # the header cells as printed
    tasks: list[ParsedTask]
    diagnostics: list[Diagnostic]
    source_name: str = ""
    content_hash: str = ""  # sha256 of the raw bytes
    parser_version: int = PARSER_VERSION
    # A stable name for the header layout (sha256 of the normalised labels in order and their count; digits
    # folded, so "截至6月底完成情况" and "截至9月底完成情况" agree): a mapping an admin confirmed for a
    # layout can be remembered under it and given back as `columns` next time.
    header_signature: str = ""
    tables: list[TableInfo] = field(default_factory=list)

    def count(self, severity: Severity | str) -> int:
        """How many diagnostics of this severity ("error" works as well as Severity.ERROR)."""
        return sum(1 for d in self.diagnostics if d.severity == Severity(severity))

    def to_json(self) -> dict:
        report = self.meta.to_json()
        report["layout"] = self.layout
        report["columns"] = list(self.columns)
        report["source_name"] = self.source_name
        report["content_hash"] = self.content_hash
        report["header_signature"] = self.header_signature
        report["tables"] = [table.to_json() for table in self.tables]
        return {
            "report": report,
            "tasks": [task.to_json() for task in self.tasks],
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


class Candidate(NamedTuple):
    """A line (or table row) of a file in which no header was found: what the admin may point at."""

    line: int  # as diagnostics number lines; give it back as `header_line`
    cells: list[str]  # the row's cells as printed (one for a paragraph of flattened text)

    def to_json(self) -> dict:
        return {"line": self.line, "cells": list(self.cells)}


class ParseError(Exception):
    """The input holds no table we can read; nothing should be imported.

    `code` is stable (tests import the constants in `errors.py`); `str(err)` is
    one line for the command line: what is wrong and what to do. With code
    `no-table`, `candidates` holds the file's first non-blank lines or rows, so an
    admin can say which one is the header (`header_line`).
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        line: int | None = None,
        source_name: str = "",
        candidates: list[Candidate] | None = None,
    ):
        self.code = code
        self.message = message
        self.line = line
        self.source_name = source_name
        self.candidates: list[Candidate] = list(candidates or [])
        where = source_name or "输入"
        if line:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


def parsed_report_from_json(data: dict) -> ParsedReport:
    """The inverse of `ParsedReport.to_json()`: a stored reading, ready to import again.

    Fields this version does not know are ignored and missing ones take their defaults, so a
    reading stored by an older or newer parser still loads. Metrics stay the dicts they were.
    """
    report = data.get("report", {})
    published_on = report.get("published_on")
    meta = ReportMeta(
        title=report.get("title") or "",
        year=report.get("year"),
        quarter=report.get("quarter"),
        period_end_month=report.get("period_end_month"),
        period_label=report.get("period_label") or "",
        publisher=report.get("publisher") or "",
        index_no=report.get("index_no") or "",
        published_on=dt.date.fromisoformat(published_on) if published_on else None,
    )
    tasks = []
    for task in data.get("tasks", []):
        names, roles = task.get("departments", []), task.get("department_roles", [])
        first_line, last_line = task.get("lines") or [1, 1]
        tasks.append(
            ParsedTask(
                seq=task["seq"],
                source_seq=task.get("source_seq"),
                theme=task.get("theme") or "",
                theme_no=task.get("theme_no"),
                content=task.get("content") or "",
                departments=[DepartmentRef(name, DepartmentRole(role)) for name, role in zip(names, roles)],
                leaders=list(task.get("leaders", [])),
                progress=task.get("progress") or "",
                completion_text=task.get("completion_text") or "",
                note=task.get("note") or "",
                first_line=first_line,
                last_line=last_line,
                status=Status(task.get("status") or Status.UNKNOWN.value),
                status_reason=task.get("status_reason") or "",
                metrics=list(task.get("metrics", [])),
                target_text=task.get("target_text") or "",
                actual_text=task.get("actual_text") or "",
            )
        )
    diagnostics = [
        Diagnostic(item.get("line"), Severity(item["severity"]), item["code"], item.get("message") or "")
        for item in data.get("diagnostics", [])
    ]
    return ParsedReport(
        meta=meta,
        layout=report.get("layout") or "",
        columns=list(report.get("columns", [])),
        tasks=tasks,
        diagnostics=diagnostics,
        source_name=report.get("source_name") or "",
        content_hash=report.get("content_hash") or "",
        parser_version=report.get("parser_version") or PARSER_VERSION,
        header_signature=report.get("header_signature") or "",
        tables=[
            TableInfo(
                layout=table.get("layout") or "",
                columns=list(table.get("columns", [])),
                header_signature=table.get("header_signature") or "",
                header_line=table.get("header_line") or 1,
                caption=table.get("caption") or "",
                task_count=table.get("task_count") or 0,
            )
            for table in report.get("tables", [])
        ],
    )

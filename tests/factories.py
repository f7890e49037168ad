"""Cheap test data: hand-built parser output, and reports written straight to the database.

Parsing a real file for each of thirty reports would be slow and would tie page
tests to the parser; these build exactly what a test needs.
"""

import datetime as dt
import hashlib
import itertools

from tracker.models import Report, Task
from tracker.page_cache import content_changed
from tracker.services.aggregates import report_counts_refresh
from tracker.parsing import (
    DepartmentRef,
    DepartmentRole,
    Diagnostic,
    ParsedReport,
    ParsedTask,
    ReportMeta,
    Severity,
    Status,
)

_serial = itertools.count(1)


def parsed_task_build(
    *,
    seq: int,
    theme: str = "主要经济指标",
    theme_no: str | None = "一",
    content: str | None = None,
    departments: list[tuple[str, DepartmentRole]] | None = None,
    leaders: list[str] | None = None,
    progress: str = "正常推进中",
    status: Status = Status.ON_TRACK,
) -> ParsedTask:
    first_line = seq * 10  # tasks sit on lines 10-13, 20-23, ... so diagnostics can point inside them
    department_pairs = departments if departments is not None else [("区发改经信局", DepartmentRole.LEAD)]
    return ParsedTask(
        seq=seq,
        source_seq=str(seq),
        theme=theme,
        theme_no=theme_no,
        content=content if content is not None else f"第 {seq} 项工作内容",
        departments=[DepartmentRef(name=name, role=role) for name, role in department_pairs],
        leaders=list(leaders or []),
        progress=progress,
        completion_text="",
        note="",
        first_line=first_line,
        last_line=first_line + 3,
        status=status,
        status_reason="",
    )


def parsed_report_build(
    *,
    title: str = "2022年三季度《政府工作报告》主要目标任务完成情况",
    index_no: str = "K1493206-6/2022-00001",
    year: int | None = 2022,
    period_end_month: int | None = 9,
    tasks: list[ParsedTask] | None = None,
    diagnostics: list[Diagnostic] | None = None,
    revision: str = "",
) -> ParsedReport:
    """A parsed report; `revision` changes the content hash, as a corrected source file would."""
    tasks = tasks if tasks is not None else [parsed_task_build(seq=seq) for seq in (1, 2, 3)]
    fingerprint = repr((title, index_no, year, period_end_month, [task.to_json() for task in tasks], revision))
    return ParsedReport(
        meta=ReportMeta(
            title=title,
            year=year,
            quarter=3 if period_end_month == 9 else None,
            period_end_month=period_end_month,
            period_label="三季度" if period_end_month == 9 else "",
            publisher="区府办",
            index_no=index_no,
            published_on=dt.date(2022, 10, 25),
        ),
        layout="seq|theme|content|lead|progress",
        columns=["序号", "项目名称", "主要工作内容", "牵头单位", "累计完成情况"],
        tasks=tasks,
        diagnostics=list(diagnostics or []),
        source_name="hand-built.txt",
        content_hash=hashlib.sha256(fingerprint.encode()).hexdigest(),
    )


def diagnostic_build(*, line: int | None, severity: Severity = Severity.WARNING, code: str = "test-code") -> Diagnostic:
    return Diagnostic(line=line, severity=severity, code=code, message="测试用诊断")


def report_create(*, task_count: int = 2, refresh: bool = True, **fields) -> Report:
    """A published report with `task_count` bare tasks, written with two queries; `fields` override the defaults.

    `refresh=False` leaves the counts and the pages' version to the caller, which adds more to the report first."""
    serial = next(_serial)
    values = {
        "title": f"测试报告 {serial}",
        "year": 2022,
        "quarter": 3,
        "period_end_month": 9,
        "period_label": "三季度",
        "publisher": "区府办",
        "published_on": dt.date(2022, 10, 25),
        "content_hash": hashlib.sha256(f"report-{serial}".encode()).hexdigest(),
        "source_key": f"test-report-{serial}",
        "is_published": True,
    }
    report = Report.objects.create(**(values | fields))
    Task.objects.bulk_create(
        Task(report=report, seq=seq, content=f"任务 {seq}", first_line=seq, last_line=seq)
        for seq in range(1, task_count + 1)
    )
    # Written around the services for speed, so it does itself what a service would: count, and say the pages changed.
    if refresh:
        report_counts_refresh(report_ids=[report.pk])
        content_changed()
        report.refresh_from_db(fields=["stats"])  # the counts were written to the row, not to this object
    return report

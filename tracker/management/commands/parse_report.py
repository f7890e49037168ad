"""`manage.py parse_report FILE`: show what the parser reads from a file. Never touches the database.

`--columns seq,content,progress,lead` gives each header column's role (as the admin's import preview does),
`--header-line N` the line of the header when the reader finds none.
"""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.forms import size_error
from tracker.management.report_files import FILE_TOO_LARGE, FILE_UNREADABLE, ReportFileError, report_file_parse
from tracker.parsing import ROLE_NAMES, ParsedReport, ParsedTask, ParseError, Severity, parse_report_bytes

CONTENT_PREVIEW_CHARS = 30


class Command(BaseCommand):
    help = "解析一个报告文件并打印结果（JSON 或可读摘要），不写数据库。"
    requires_system_checks: list[str] = []  # so it runs even where the database is not set up

    def add_arguments(self, parser):
        parser.add_argument("file", help="报告文件（网页另存的文本）")
        parser.add_argument("--format", choices=["json", "text"], default="json", help="输出格式，默认 json")
        parser.add_argument(
            "--columns",
            help=f"各列的角色，按表头顺序，逗号分隔，例如 seq,content,progress,lead（可用：{','.join(ROLE_NAMES)}）",
        )
        parser.add_argument("--header-line", type=int, help="表头所在的行号（找不到表头时指定）")

    def handle(self, *args, file: str, format: str, columns: str | None = None, header_line: int | None = None, **options):
        if header_line is not None and header_line < 1:
            raise CommandError("--header-line 必须是正整数。")
        try:
            if columns is None and header_line is None:
                parsed = report_file_parse(file)
            else:
                roles = [name.strip() for name in columns.split(",")] if columns is not None else None
                parsed = _parse_steered(file, columns=roles, header_line=header_line)
        except ReportFileError as err:
            self.stderr.write(str(err))
            sys.exit(1)
        if format == "json":
            self.stdout.write(json.dumps(parsed.to_json(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(report_summary_text(parsed, path=file))


def _parse_steered(path: str, *, columns: list[str] | None, header_line: int | None) -> ParsedReport:
    """`report_file_parse` with the admin's steering: the same limit and the same one-line messages."""
    limit = settings.TRACKER_MAX_UPLOAD_BYTES
    try:
        with Path(path).open("rb") as file:
            data = file.read(limit + 1)
    except OSError as err:
        raise ReportFileError(FILE_UNREADABLE.format(path=path, reason=err.strerror or err)) from err
    if len(data) > limit:
        raise ReportFileError(FILE_TOO_LARGE.format(path=path, message=size_error(Path(path).stat().st_size, limit)))
    try:
        return parse_report_bytes(data, source_name=path, columns=columns, header_line=header_line)
    except ParseError as err:
        raise ReportFileError(str(err)) from err


def report_summary_text(parsed: ParsedReport, *, path: str) -> str:
    """A summary for people: the report's facts, one line per task, then the diagnostics."""
    meta = parsed.meta
    period = " ".join(
        part
        for part in (
            f"{meta.year}年" if meta.year else "",
            meta.period_label,
            f"(截至 {meta.period_end_month} 月)" if meta.period_end_month else "",
        )
        if part
    )
    themes = {task.theme for task in parsed.tasks if task.theme}
    departments = {name for task in parsed.tasks for name in task.department_names}
    diagnostic_counts = " ".join(f"{severity} {parsed.count(severity)}" for severity in Severity)
    lines = [
        f"标题: {meta.title or '—'}",
        f"统计期: {period or '—'}",
        f"发布机构: {meta.publisher or '—'}  信息索引号: {meta.index_no or '—'}  "
        f"发布日期: {meta.published_on.isoformat() if meta.published_on else '—'}",
        f"版式: {parsed.layout}  表头签名: {parsed.header_signature[:12]}",
        f"任务 {len(parsed.tasks)}  项目 {len(themes)}  单位 {len(departments)}  诊断 {diagnostic_counts}",
        "",
    ]
    lines.extend(_task_line(task) for task in parsed.tasks)
    if parsed.diagnostics:
        lines.append("")
    for diagnostic in parsed.diagnostics:
        where = f"{path}:{diagnostic.line}" if diagnostic.line else path
        lines.append(f"{where}: {diagnostic.severity} {diagnostic.code}: {diagnostic.message}")
    return "\n".join(lines)


def _task_line(task: ParsedTask) -> str:
    content = task.content.replace("\n", " ")
    if len(content) > CONTENT_PREVIEW_CHARS:
        content = content[:CONTENT_PREVIEW_CHARS] + "…"
    departments = "、".join(task.department_names) or "—"
    return f"{task.seq:>4}  {task.theme or '—'}  [{departments}]  {content}"

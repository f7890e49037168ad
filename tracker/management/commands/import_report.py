"""`manage.py import_report FILE... [--publish]`: parse report files and store them, one transaction per file."""

import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError
from tqdm import tqdm

from tracker.management.report_files import ReportFileError, report_file_parse, report_file_read
from tracker.services import ImportOutcome, ImportResult, ServiceError, known_layouts, report_import

# Outcomes that changed rows, worth counting: created means every row is new, unchanged that none is.
ROW_OUTCOMES = (ImportOutcome.UPDATED, ImportOutcome.REREAD, ImportOutcome.PENDING)
IMPORT_FAILED = "{path}: 导入失败，未写入任何内容: {reason}"
FILES_FAILED = "{failed}/{total} 个文件未导入。"


class Command(BaseCommand):
    help = (
        "导入报告文件到数据库：新报告保存为草稿；未发布报告的更正版直接更新；已发布报告的更正版保存为待发布的修订"
        "（公开网站不变，除非加 --publish）；完全相同的文件跳过。"
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="报告文件（网页另存的文本）")
        parser.add_argument(
            "--publish", action="store_true", help="导入后立即发布：新报告公开，已发布报告的更正版替换公开的版本"
        )

    def handle(self, *args, files: list[str], publish: bool, **options):
        # The bar goes to the raw stream: Django's stderr wrapper would end each redraw with a newline.
        progress = tqdm(
            files, desc="导入", unit="个文件", file=options.get("stderr") or sys.stderr, disable=len(files) < 2
        )
        failed = 0
        for path in progress:
            try:
                line = import_summary_line(path, report_file_import(path, publish=publish))
                stream = self.stdout
            except ReportFileError as err:
                failed += 1
                line, stream = str(err), self.stderr
            progress.clear()
            stream.write(line)
            progress.refresh()
        progress.close()
        if failed:
            if len(files) > 1:
                self.stderr.write(FILES_FAILED.format(failed=failed, total=len(files)))
            sys.exit(1)


def report_file_import(path: str, *, publish: bool) -> ImportResult:
    data = report_file_read(path)
    parsed = report_file_parse(path, data, known_layouts=known_layouts())
    try:
        return report_import(parsed=parsed, publish=publish, source=data)
    except (DatabaseError, ServiceError) as err:
        reason = " ".join(str(err).split())  # database messages can span lines
        raise ReportFileError(IMPORT_FAILED.format(path=path, reason=reason)) from err


def import_summary_line(path: str, result: ImportResult) -> str:
    diagnostics = " ".join(f"{severity} {count}" for severity, count in result.diagnostic_counts.items())
    published = "  已发布" if result.report.is_published else ""
    rows = f"  行: {result.row_changes.summary()}" if result.outcome in ROW_OUTCOMES else ""
    if result.outcome == ImportOutcome.PENDING:
        rows += f"  待发布的修订: 第 {result.revision.number} 版（公开网站未变；在管理后台发布，或加 --publish 再导入）"
    return (
        f"{path}: {result.outcome}  任务 {result.task_count}  项目 {result.theme_count}  "
        f"单位 {result.department_count}  诊断 {diagnostics}{published}{rows}"
    )

"""The table every download holds: its columns, and the cells of one task.

One shape for every table the site shows (a report, a theme, a department, the task list),
in CSV and XLSX alike, with Chinese labels whatever the visitor's language: a downloaded file
is data, read by people and programs in Chinese, and the same file is served to everyone.

The header labels and their order are chosen so that the importer (tracker.parsing) reads a
download back: 序号, 项目名称, 主要工作内容, 牵头单位, 配合单位, 牵头领导, 累计完成情况, 完成进度 and
备注 are labels it knows. The others (统计期, 目标与实际, 判定状态, 状态依据, 报告) it does not know; it
keeps an unknown column only between two known ones, and then adds its cells to the task's 备注
as "label: text" lines. Hence the order: each of them sits right before a known label.
"""

from __future__ import annotations

import re

from tracker.charts import STATUS_LABELS
from tracker.opendata.selectors import ExportTask

COLUMNS = (
    "序号",
    "统计期",  # not read back (kept in 备注)
    "项目名称",
    "主要工作内容",
    "目标与实际",  # not read back: the importer reads the figures from the content and progress again
    "牵头单位",
    "配合单位",
    "牵头领导",
    "判定状态",  # not read back: the importer judges the status from the progress again (a bare 状态 it would read as 完成进度)
    "累计完成情况",
    "状态依据",  # not read back
    "完成进度",
    "报告",  # not read back: the file's title row names the report
    "备注",
)
# Columns the importer does not know: their cells come back in 备注, as "label: text", in this order.
NOT_READ_BACK = ("统计期", "目标与实际", "判定状态", "状态依据", "报告")
# Column widths in an XLSX, in characters: the long texts wide, the short ones narrow.
COLUMN_WIDTHS = (6, 12, 18, 50, 28, 18, 18, 10, 8, 60, 24, 8, 30, 16)
# Texts of several lines or sentences: wrapped in an XLSX. Only these: a style on every cell costs a third of the file's time.
LONG_TEXT_COLUMNS = ("主要工作内容", "目标与实际", "牵头单位", "配合单位", "累计完成情况", "状态依据", "备注")
# Cells joined in one: departments and leaders by 、, as the reports write them (the importer splits on it).
NAME_SEPARATOR = "、"

_COMPARATOR_SIGNS = {"=": "", ">=": "≥", "<=": "≤"}


def task_cells(task: ExportTask) -> list[str | int]:
    """The cells of one task, in COLUMNS order; 序号 as a number when it is one (so a spreadsheet sorts it)."""
    seq = task.source_seq or str(task.seq)
    return [
        int(seq) if seq.isdigit() else seq,
        task.period_text,
        f"（{task.theme_number}）{task.theme_name}" if task.theme_number and task.theme_name else task.theme_name,
        task.content,
        metrics_text(task.metrics),
        NAME_SEPARATOR.join(name for name, role in task.departments if role == "lead"),
        NAME_SEPARATOR.join(name for name, role in task.departments if role == "co"),
        NAME_SEPARATOR.join(task.leaders),
        str(STATUS_LABELS.get(task.status, task.status)),
        task.progress,
        task.status_reason,
        task.completion_text,
        task.report_title,
        task.note,
    ]


def metrics_text(metrics: list[dict]) -> str:
    """Each target with its actual, one line each: "停车泊位：目标 3500个；实际 11494个（完成 328%）"."""
    lines = []
    for metric in metrics:
        parts = []
        if metric["target"] is not None:
            sign = _COMPARATOR_SIGNS.get(metric["comparator"], metric["comparator"])
            parts.append(f"目标 {sign}{number_text(metric['target'])}{metric['unit']}")
        if metric["actual"] is not None:
            parts.append(f"实际 {number_text(metric['actual'])}{metric['actual_unit'] or metric['unit']}")
        if metric["completion"] is not None:
            parts.append(f"完成 {round(metric['completion'] * 100)}%")
        if parts:
            lines.append(f"{metric['label']}：" + "；".join(parts))
    return "\n".join(lines)


def number_text(value: float) -> str:
    """3500.0 -> "3500", 24.5 -> "24.5", never "1e+06": figures as the reports write them."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


# A text Excel would run as a formula when it opens a CSV ("=HYPERLINK(…)", "@SUM(…)"); "-5%" is a number, left alone.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d[\d,.]*%?$")


def csv_safe(cell: str | int) -> str | int:
    """A CSV cell that Excel will show as text, not run: a leading apostrophe when it would read as a formula.

    Only the CSV needs this: XLSX cells are written as strings, which Excel never evaluates.
    """
    if isinstance(cell, str) and _FORMULA_START.match(cell) and not _NUMBER.match(cell):
        return "'" + cell
    return cell

"""The two real samples as tables, for writing them out as HTML, Excel and Word in the format tests.

The text samples are parsed (their golden tests prove that reading right); their
tasks are then laid out as the real table: one row per task, consecutive tasks of
a theme under one merged theme cell. A format test writes that table in its
format, reads it back and expects the very same tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tracker.parsing import ParsedReport, parse_report_bytes

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class SampleTable:
    name: str
    title: str
    published_on: str
    header: tuple[str, ...]
    rows: list[list[str]]  # one per task, a cell per header column; the theme only on a group's first row
    theme_runs: list[tuple[int, int]]  # (first row, row count) of each merged theme cell
    theme_column: int
    expected: list[dict]  # what reading the table must give, task by task


def task_rows(report: ParsedReport) -> list[dict]:
    """What the format tests compare: every task's theme, content, departments and progress."""
    return [
        {
            "seq": task.seq,
            "source_seq": task.source_seq,
            "theme": task.theme,
            "theme_no": task.theme_no,
            "content": task.content,
            "departments": task.department_names,
            "progress": task.progress,
        }
        for task in report.tasks
    ]


def _theme_runs(report: ParsedReport) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for index, task in enumerate(report.tasks):
        if runs and report.tasks[index - 1].theme == task.theme:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs


def _sample(file_name: str, title: str, published_on: str, header: tuple[str, ...], cells) -> SampleTable:
    report = parse_report_bytes((FIXTURES_DIR / file_name).read_bytes(), source_name=file_name)
    runs = _theme_runs(report)
    run_starts = {start for start, _ in runs}
    rows = [cells(task, index in run_starts) for index, task in enumerate(report.tasks)]
    theme_column = header.index("项目名称")
    return SampleTable(file_name, title, published_on, header, rows, runs, theme_column, task_rows(report))


def sample_2022() -> SampleTable:
    """序号 / 项目名称 / 主要工作内容 / 牵头单位 / 累计完成情况: 108 tasks."""
    return _sample(
        "2022q3_gongshu.txt",
        "2022年三季度《政府工作报告》主要目标任务完成情况",
        "2022-10-25",
        ("序号", "项目名称", "主要工作内容", "牵头单位", "累计完成情况"),
        lambda task, first: [
            task.source_seq, task.theme if first else "", task.content, "、".join(task.department_names), task.progress,
        ],
    )


def sample_2020() -> SampleTable:
    """项目名称 (with its "(一)" marker) / 项目内容 / 责任单位 / 进展情况, no 序号: 128 tasks."""
    return _sample(
        "2020q3_gongshu.txt",
        "2020第三季度政府工作报告重点任务目标执行情况",
        "2020-10-20",
        ("项目名称", "项目内容", "责任单位", "进展情况"),
        lambda task, first: [
            f"({task.theme_no})\n{task.theme}" if first else "", task.content, "、".join(task.department_names), task.progress,
        ],
    )


SAMPLES = {"2022": sample_2022, "2020": sample_2020}
EXPECTED_COUNTS = {"2022": 108, "2020": 128}

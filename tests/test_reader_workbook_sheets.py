"""A workbook whose report is spread over sheets (主要指标 on one, 重点任务 on the next): every sheet holding a table
is read, in sheet order; a cover or notes sheet gives nothing, and a sheet repeating another's tasks is not read twice."""

import io

import openpyxl

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "松原县2024年上半年重点工作完成情况"


def workbook_bytes(sheets: dict[str, list[tuple]], *, hidden: tuple[str, ...] = ()) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


INDICATORS = [(TITLE,), ("序号", "指标名称", "年度目标", "1-6月完成", "责任单位"), (1, "地区生产总值", 268, 131.6, "县发改局")]
TASKS = [("重点任务推进情况",), ("序号", "重点任务", "牵头单位", "进展情况"), (1, "建成县城东环路。", "县交通运输局", "路基完成80%。")]


def test_every_sheet_holding_a_table_is_read_in_sheet_order_after_a_cover():
    data = workbook_bytes({"封面": [(TITLE,), ("报送单位：县政府办",)], "主要指标": INDICATORS, "重点任务": TASKS})
    report = parse_report_bytes(data, source_name="made-up.xlsx")
    assert [t.content for t in report.tasks] == ["地区生产总值", "建成县城东环路。"]
    assert [t.seq for t in report.tasks] == [1, 2]
    assert report.meta.title == TITLE
    assert len(report.tables) == 2
    assert errors.SHEETS_READ in codes(report, Severity.INFO)


def test_a_hidden_sheet_is_not_read_beside_a_visible_table():
    data = workbook_bytes({"主要指标": INDICATORS, "重点任务": TASKS}, hidden=("重点任务",))
    report = parse_report_bytes(data, source_name="made-up.xlsx")
    assert [t.content for t in report.tasks] == ["地区生产总值"]


def test_a_sheet_repeating_another_sheets_tasks_is_read_once():
    june = [(TITLE,), ("序号", "重点任务", "牵头单位", "进展情况"),
            (1, "建成县城东环路。", "县交通运输局", "路基完成80%。"), (2, "新建幼儿园2所。", "县教育局", "主体完工。")]
    may = [(TITLE,), ("序号", "重点任务", "牵头单位", "进展情况"),
           (1, "建成县城东环路。", "县交通运输局", "路基完成60%。"), (2, "新建幼儿园2所。", "县教育局", "主体封顶。")]
    report = parse_report_bytes(workbook_bytes({"6月": june, "5月": may}), source_name="made-up.xlsx")
    assert [t.progress for t in report.tasks] == ["路基完成80%。", "主体完工。"]
    assert errors.SHEET_REPEATS_TABLE in codes(report, Severity.WARNING)

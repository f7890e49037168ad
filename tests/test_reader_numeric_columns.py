"""Numeric columns (issue 11, item 6): a target column and an actual column fill `target_text` and
`actual_text`, a rate column `completion_text`; a column whose label may name prose or figures is read as
its cells show."""

import io

import openpyxl

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2023年1-9月主要经济指标完成情况表"


def parse_text(text: str, name: str = "figures.txt"):
    return parse_report_bytes(text.encode("utf-8"), source_name=name)


def test_target_actual_and_rate_columns_in_flattened_text():
    cells = [
        "序号", "指标名称", "目标任务", "实际完成", "完成率", "牵头单位",
        "1", "城镇新增就业(人)", "3000", "3034", "101.1%", "县人社局",
        "2", "新增市场主体(户)", "5000", "3870", "77.4%", "县市场监管局",
    ]
    report = parse_text("\n\n".join([TITLE, *cells]) + "\n")
    assert report.layout == "seq|content|target|actual|completion|lead"
    assert [(t.target_text, t.actual_text, t.completion_text) for t in report.tasks] == [
        ("3000", "3034", "101.1%"), ("5000", "3870", "77.4%"),
    ]
    # No progress column: the actual is what the table says of progress.
    assert [t.progress for t in report.tasks] == ["3034", "3870"]
    assert errors.HEADER_GUESSED_ROLE in [d.code for d in report.diagnostics]


def test_target_label_over_prose_stays_the_task():
    cells = ["序号", "目标任务", "牵头单位", "进展情况",
             "1", "新建城乡供水管网45公里。", "县水利局", "已完成管网铺设31公里。"]
    report = parse_text("\n\n".join([TITLE, *cells]) + "\n")
    assert report.layout == "seq|content|lead|progress"
    assert report.tasks[0].content == "新建城乡供水管网45公里。"
    assert report.tasks[0].target_text == ""


def test_progress_column_of_figures_beside_a_target_column_is_also_the_actual():
    lines = [
        TITLE,
        "序号\t指标名称\t2023年目标\t1-9月实际完成情况\t完成目标(%)\t牵头单位",
        "1\t地区生产总值(亿元)\t520\t386.4\t74.3\t县发改局",
        "2\t一般公共预算收入(亿元)\t41\t32.9\t80.2\t县财政局",
    ]
    report = parse_text("\n".join(lines) + "\n")
    assert [(t.target_text, t.actual_text, t.progress, t.completion_text) for t in report.tasks] == [
        ("520", "386.4", "386.4", "74.3"), ("41", "32.9", "32.9", "80.2"),
    ]


def test_excel_figures_are_read_as_the_sheet_shows_them():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([TITLE])
    sheet.append(["序号", "指标", "年度目标", "1-9月完成值", "完成进度", "责任单位"])
    sheet.append([1, "规上工业增加值(亿元)", 420, 318.6, 0.7586, "区经信局"])
    sheet["E3"].number_format = "0.0%"
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = parse_report_bytes(buffer.getvalue(), source_name="figures.xlsx")
    task = report.tasks[0]
    assert (task.target_text, task.actual_text, task.completion_text) == ("420", "318.6", "75.9%")
    assert report.count(Severity.ERROR) == 0


def test_figures_reach_the_metrics_through_target_and_actual_text():
    cells = ["序号", "指标名称", "目标值", "完成值", "牵头单位",
             "1", "新增城镇就业(人)", "3000", "3034", "县人社局"]
    report = parse_text("\n\n".join([TITLE, *cells]) + "\n")
    task = report.tasks[0]
    assert (task.target_text, task.actual_text) == ("3000", "3034")
    assert task.to_json()["target_text"] == "3000" and task.to_json()["actual_text"] == "3034"

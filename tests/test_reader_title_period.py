"""Title and period (issue 11, item 7): the title is the first line naming a year and the table's kind, not an
attachment list item or a notice above it; "截至10月31日", "截至6月底", "1-7月" give the period's end month."""

import pytest

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

ROWS = ["序号", "工作任务", "牵头单位", "进展情况", "1", "新建城市书房10家。", "县文广旅体局", "已建成7家。"]


def parse(*head: str, header: list[str] | None = None):
    cells = ROWS if header is None else header + ROWS[len(header):]
    text = "\n\n".join([*head, *cells]) + "\n"
    return parse_report_bytes(text.encode("utf-8"), source_name="title.txt")


@pytest.mark.parametrize(
    "title, year, month",
    [
        ("东湖区2024年度区政府民生实事项目进度表(截至10月31日)", 2024, 10),
        ("2023年县政府重点工作任务分解表(截至6月底)", 2023, 6),
        ("2023年1-7月市《政府工作报告》目标任务落实情况表", 2023, 7),
        ("2022年《政府工作报告》重点任务执行情况（截至2022年9月30日）", 2022, 9),
        ("2023年1—11月市十项民生工程项目实施进度表", 2023, 11),
    ],
)
def test_title_names_the_year_and_the_period(title, year, month):
    report = parse(title)
    assert report.meta.title == title
    assert (report.meta.year, report.meta.period_end_month) == (year, month)


def test_attachment_list_and_notice_above_the_title_are_not_the_title():
    report = parse(
        "关于2023年1-7月市《政府工作报告》目标任务落实情况的通报",
        "附件1. 2023年1-7月市《政府工作报告》目标任务落实情况表",
        "附件2. 2023年1-7月市级民生实事项目进展情况表",
        "2023年1-7月市《政府工作报告》目标任务落实情况表",
    )
    assert report.meta.title == "2023年1-7月市《政府工作报告》目标任务落实情况表"
    assert report.meta.period_end_month == 7


def test_period_on_its_own_line_under_the_title():
    report = parse("枫林县2022年《政府工作报告》主要预期目标完成情况", "（截至6月底）")
    assert report.meta.period_end_month == 6
    assert errors.METADATA_PERIOD_ELSEWHERE in [d.code for d in report.diagnostics if d.severity is Severity.INFO]


def test_period_from_the_progress_header_when_the_title_names_none():
    report = parse("2023年县政府重点工作任务推进情况", header=["序号", "工作任务", "牵头单位", "截至9月底进展情况"])
    assert report.meta.period_end_month == 9
    assert report.meta.quarter == 3

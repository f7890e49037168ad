"""Excel workbooks: the sheet holding the table, merged cells, title rows and numbers as the sheet shows them."""

import io
import zipfile

import openpyxl
import pytest

from tests.format_samples import EXPECTED_COUNTS, SAMPLES, SampleTable, task_rows
from tracker.parsing import ParseError, Severity, parse_report_bytes
from tracker.parsing import errors
from tracker.parsing.formats.xlsx import display_value

TITLE = "2023年三季度《政府工作报告》主要目标任务完成情况"
HEADER = ("序号", "主要工作内容", "牵头单位", "累计完成情况")


def workbook_bytes(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sample_workbook(sample: SampleTable) -> bytes:
    """Row 1: the title merged across the table; row 2: the date; row 4: the header; themes merged down."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "完成情况"
    width = len(sample.header)
    sheet.cell(1, 1, sample.title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(2, 1, f"发布日期：{sample.published_on}")
    for column, label in enumerate(sample.header, start=1):
        sheet.cell(4, column, label)
    for index, row in enumerate(sample.rows):
        for column, text in enumerate(row, start=1):
            if column == 1 and sample.header[0] == "序号":
                sheet.cell(5 + index, column, int(text))  # a number, as typed in Excel
            elif text:
                sheet.cell(5 + index, column, text)
    theme_column = sample.theme_column + 1
    for start, length in sample.theme_runs:
        if length > 1:
            sheet.merge_cells(start_row=5 + start, start_column=theme_column, end_row=5 + start + length - 1, end_column=theme_column)
    return workbook_bytes(workbook)


def small_workbook(rows, *, sheet_title: str = "Sheet1") -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    for row in rows:
        sheet.append(list(row))
    return workbook


def parse_xlsx(data: bytes, name: str = "report.xlsx"):
    return parse_report_bytes(data, source_name=name)


@pytest.mark.parametrize("sample_name", ["2022", "2020"])
def test_sample_written_as_a_workbook_with_merged_themes_reads_the_same_tasks(sample_name):
    sample = SAMPLES[sample_name]()
    report = parse_xlsx(sample_workbook(sample))
    assert len(report.tasks) == EXPECTED_COUNTS[sample_name]
    assert task_rows(report) == sample.expected
    assert report.count(Severity.ERROR) == 0
    assert errors.THEME_REPEATED_LABEL not in [d.code for d in report.diagnostics]


def test_title_row_above_the_header_gives_the_metadata_and_lines_are_sheet_rows():
    report = parse_xlsx(sample_workbook(SAMPLES["2022"]()))
    assert report.meta.title == "2022年三季度《政府工作报告》主要目标任务完成情况"
    assert (report.meta.year, report.meta.quarter) == (2022, 3)
    assert report.meta.published_on.isoformat() == "2022-10-25"
    assert [t.first_line for t in report.tasks[:3]] == [5, 6, 7]
    assert report.columns == ["序号", "项目名称", "主要工作内容", "牵头单位", "累计完成情况"]


def test_table_on_the_second_sheet_is_found_and_the_sheet_named():
    workbook = small_workbook([("填报说明",), ("请在第二个工作表中填写。",)], sheet_title="说明")
    table = workbook.create_sheet("三季度")
    for row in [(TITLE,), HEADER, (1, "新增停车泊位3500个", "区住建局", "已新增11494个")]:
        table.append(list(row))
    report = parse_xlsx(workbook_bytes(workbook))
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个"]
    assert report.meta.title == TITLE
    chosen = [d for d in report.diagnostics if d.code == errors.SHEET_CHOSEN]
    assert len(chosen) == 1 and "三季度" in chosen[0].message and chosen[0].line == 2


def test_numbers_are_read_as_the_sheet_shows_them():
    workbook = small_workbook([HEADER + ("完成进度",), (1.0, "新增停车泊位3500个", "区住建局", "已新增11494个", 0.75)])
    sheet = workbook.active
    sheet["E2"].number_format = "0%"
    task = parse_xlsx(workbook_bytes(workbook)).tasks[0]
    assert (task.source_seq, task.completion_text) == ("1", "75%")


@pytest.mark.parametrize(
    "value, number_format, shown",
    [
        (0.75, "0%", "75%"),
        (0.123, "0.0%", "12.3%"),
        (3.0, "General", "3"),
        (12, "0", "12"),
        (160.594, "0.00", "160.59"),
        (0.125, "0.00", "0.13"),
        (160.594, '0.00"亿元"', "160.59亿元"),
        (1234567.5, "#,##0.00", "1,234,567.50"),
        (0.30000000000000004, "General", "0.3"),
        (None, "General", ""),
    ],
)
def test_display_value_follows_the_number_format(value, number_format, shown):
    assert display_value(value, number_format) == shown


def test_departments_one_per_line_in_a_cell_are_separate_names():
    workbook = small_workbook([HEADER, (1, "新增养老床位200张", "区民政局\n各街道", "已新增150张"),
                               (2, "治理河道5条", "生态环境\n拱墅分局", "已完成3条")])
    report = parse_xlsx(workbook_bytes(workbook))
    assert [t.department_names for t in report.tasks] == [["区民政局", "各街道"], ["生态环境拱墅分局"]]


def test_empty_last_cell_is_blank_not_a_cut_off_file():
    workbook = small_workbook([HEADER, (1, "新增停车泊位3500个", "区住建局", "已新增11494个"), (2, "加固修缮道路8条", "区城管局", None)])
    report = parse_xlsx(workbook_bytes(workbook))
    assert report.count(Severity.ERROR) == 0
    assert errors.PROGRESS_MISSING in [d.code for d in report.diagnostics]


def test_merged_department_cell_applies_to_every_row_it_covers():
    workbook = small_workbook([HEADER, (1, "新增停车泊位3500个", "区住建局", "已新增11494个"), (2, "加固修缮道路8条", None, "已完成8条")])
    workbook.active.merge_cells("C2:C3")
    report = parse_xlsx(workbook_bytes(workbook))
    assert [t.department_names for t in report.tasks] == [["区住建局"], ["区住建局"]]


def test_workbook_without_a_progress_table_is_a_no_table_error_listing_the_sheets():
    workbook = small_workbook([("2023年预算",), ("项目", "金额")], sheet_title="预算")
    workbook.create_sheet("附表")
    with pytest.raises(ParseError) as raised:
        parse_xlsx(workbook_bytes(workbook), name="budget.xlsx")
    assert raised.value.code == errors.NO_TABLE
    assert raised.value.message.startswith("Excel 文件中没有找到进度表")
    assert "“预算”、“附表”" in raised.value.message


def test_damaged_workbook_is_a_corrupt_file_error():
    data = sample_workbook(SAMPLES["2022"]())
    with pytest.raises(ParseError) as raised:
        parse_xlsx(data[: len(data) // 2], name="report.xlsx")
    assert raised.value.code == errors.CORRUPT_FILE
    assert "Excel" in raised.value.message


def test_package_with_a_broken_workbook_part_is_a_corrupt_file_error():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("xl/workbook.xml", "<not-a-workbook")
    with pytest.raises(ParseError) as raised:
        parse_xlsx(buffer.getvalue(), name="whatever.bin")
    assert raised.value.code == errors.CORRUPT_FILE

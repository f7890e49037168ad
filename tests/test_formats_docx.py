"""Word documents: the progress table among the document's tables, continued over page breaks."""

import io

import docx
import pytest

from tests.format_samples import EXPECTED_COUNTS, SAMPLES, SampleTable, task_rows
from tracker.parsing import ParseError, Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2023年三季度《政府工作报告》主要目标任务完成情况"
HEADER = ("序号", "主要工作内容", "牵头单位", "累计完成情况")


def document_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def set_cell(cell, text: str) -> None:
    """Each line of the text as its own paragraph, as people type in Word."""
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def add_table(document, header, rows, *, theme_runs=(), theme_column=None, first=0):
    """A table of `header` and `rows[first:]`, theme cells merged down over their runs."""
    table = document.add_table(rows=len(rows) - first + 1, cols=len(header))
    cells = [row.cells for row in table.rows]  # once: table.cell() walks the whole table on every call
    for column, label in enumerate(header):
        set_cell(cells[0][column], label)
    for offset, row in enumerate(rows[first:], start=1):
        for column, text in enumerate(row):
            if text and column != theme_column:
                set_cell(cells[offset][column], text)
    for start, length in theme_runs:
        if not first <= start < first + len(rows[first:]):
            continue
        top = start - first + 1
        bottom = min(top + length - 1, len(rows) - first)
        cell = cells[top][theme_column]
        if bottom > top:
            cell = cell.merge(cells[bottom][theme_column])
        set_cell(cell, rows[start][theme_column])
    return table


def sample_document(sample: SampleTable, *, split_at: tuple[int, ...] = ()) -> bytes:
    """Title and date paragraphs, then the table; split into several tables (each with the header) at `split_at`."""
    document = docx.Document()
    document.add_paragraph(sample.title)
    document.add_paragraph(f"发布日期：{sample.published_on}")
    bounds = [0, *split_at, len(sample.rows)]
    for part, (start, end) in enumerate(zip(bounds, bounds[1:])):
        if part:
            document.add_paragraph("续表")
        runs = [(max(s, start), min(s + n, end) - max(s, start)) for s, n in sample.theme_runs if s < end and s + n > start]
        add_table(document, sample.header, sample.rows[:end], theme_runs=runs, theme_column=sample.theme_column, first=start)
    return document_bytes(document)


def parse_docx(data: bytes, name: str = "report.docx"):
    return parse_report_bytes(data, source_name=name)


@pytest.mark.parametrize("sample_name", ["2022", "2020"])
def test_sample_written_as_a_document_with_merged_themes_reads_the_same_tasks(sample_name):
    sample = SAMPLES[sample_name]()
    report = parse_docx(sample_document(sample))
    assert len(report.tasks) == EXPECTED_COUNTS[sample_name]
    assert task_rows(report) == sample.expected
    assert report.count(Severity.ERROR) == 0
    assert report.meta.title == sample.title
    assert report.meta.published_on.isoformat() == sample.published_on


@pytest.mark.parametrize("sample_name", ["2022", "2020"])
def test_table_split_over_pages_with_the_header_repeated_reads_as_one(sample_name):
    # Split inside a theme's run, too: the theme carries over into the next table.
    sample = SAMPLES[sample_name]()
    report = parse_docx(sample_document(sample, split_at=(30, 61, 90)))
    assert task_rows(report) == sample.expected
    codes = [d.code for d in report.diagnostics]
    assert codes.count(errors.HEADER_REPEATED) == 3
    assert codes.count(errors.TABLES_JOINED) == 1


def test_lines_count_paragraphs_and_table_rows_from_the_top():
    report = parse_docx(sample_document(SAMPLES["2022"]()))
    # title = 1, date = 2, header row = 3, first task = 4
    assert [t.first_line for t in report.tasks[:2]] == [4, 5]


def test_header_row_repeated_inside_one_table_is_not_a_row():
    document = docx.Document()
    document.add_paragraph(TITLE)
    rows = [("1", "新增停车泊位3500个", "区住建局", "已新增11494个"), HEADER, ("2", "加固修缮道路8条", "区城管局", "已完成8条")]
    add_table(document, HEADER, rows)
    report = parse_docx(document_bytes(document))
    assert [t.source_seq for t in report.tasks] == ["1", "2"]
    assert errors.HEADER_REPEATED in [d.code for d in report.diagnostics]


def test_metadata_table_before_and_a_signature_table_after_are_not_read():
    document = docx.Document()
    meta = document.add_table(rows=2, cols=2)
    for (row, column), text in {(0, 0): "信息索引号", (0, 1): "K0000001-1/2023-00001", (1, 0): "发布机构", (1, 1): "区府办"}.items():
        set_cell(meta.cell(row, column), text)
    document.add_paragraph(TITLE)
    add_table(document, HEADER, [("1", "新增停车泊位3500个", "区住建局", "已新增11494个")])
    signature = document.add_table(rows=1, cols=2)
    set_cell(signature.cell(0, 0), "拱墅区人民政府办公室")
    set_cell(signature.cell(0, 1), "2023年10月20日")
    report = parse_docx(document_bytes(document))
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个"]
    assert report.meta.title == TITLE
    assert [d.code for d in report.diagnostics if d.code == errors.TABLE_CHOSEN] == [errors.TABLE_CHOSEN]


def test_cell_merged_across_columns_keeps_its_value_once():
    document = docx.Document()
    table = add_table(document, HEADER + ("备注",), [("1", "新增停车泊位3500个", "区住建局", "", ""),
                                                     ("2", "加固修缮道路8条", "区城管局", "已完成8条", "含支路")])
    merged = table.cell(1, 3).merge(table.cell(1, 4))
    set_cell(merged, "已新增11494个")
    report = parse_docx(document_bytes(document))
    assert [(t.progress, t.note) for t in report.tasks] == [("已新增11494个", ""), ("已完成8条", "含支路")]


def test_paragraphs_in_a_cell_are_line_breaks():
    document = docx.Document()
    add_table(document, HEADER, [("1", "新增停车泊位3500个。\n改造老旧小区20个。", "区住建局\n区城管局", "已新增11494个。")])
    task = parse_docx(document_bytes(document)).tasks[0]
    assert task.content == "新增停车泊位3500个。\n改造老旧小区20个。"
    assert task.department_names == ["区住建局", "区城管局"]


def test_document_without_a_progress_table_is_a_no_table_error_naming_word():
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph("本季度各项任务推进顺利。")
    with pytest.raises(ParseError) as raised:
        parse_docx(document_bytes(document), name="note.docx")
    assert raised.value.code == errors.NO_TABLE
    assert raised.value.message.startswith("Word 文件中没有找到进度表（文档中没有表格）")


def test_damaged_document_is_a_corrupt_file_error():
    document = docx.Document()
    document.add_paragraph(TITLE)
    data = document_bytes(document)
    with pytest.raises(ParseError) as raised:
        parse_docx(data[:-200], name="report.docx")
    assert raised.value.code == errors.CORRUPT_FILE
    assert "Word" in raised.value.message

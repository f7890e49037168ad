"""The format is told from the content, whatever the file is called; pasted text is read like a text file."""

import codecs
import csv
import io
import zipfile

import pytest

from tests.format_samples import FIXTURES_DIR, SAMPLES, task_rows
from tests.test_formats_docx import sample_document
from tests.test_formats_html import sample_page
from tests.test_formats_xlsx import sample_workbook
from tracker.parsing import ParseError, parse_report_bytes
from tracker.parsing import errors
from tracker.parsing.formats import detect_format, read_source
from tracker.parsing import parse_report_text
from tracker.parsing.formats import TableSource

SIMPLE_PAGE = "<table><tr><th>工作内容</th><th>责任单位</th><th>进展情况</th></tr><tr><td>新增养老床位200张</td><td>区民政局</td><td>正常推进</td></tr></table>"


@pytest.fixture(scope="module")
def sample():
    return SAMPLES["2022"]()


@pytest.fixture(scope="module")
def files(sample):
    return {"html": sample_page(sample).encode(), "xlsx": sample_workbook(sample), "docx": sample_document(sample)}


@pytest.mark.parametrize("format_name, wrong_name", [("html", "report.txt"), ("xlsx", "report.docx"), ("docx", "report.xlsx")])
def test_format_is_detected_from_content_and_read_despite_a_wrong_name(files, sample, format_name, wrong_name):
    assert detect_format(files[format_name], wrong_name) == format_name
    report = parse_report_bytes(files[format_name], source_name=wrong_name)
    assert task_rows(report) == sample.expected


def test_text_sample_named_like_a_page_is_still_text():
    data = (FIXTURES_DIR / "2022q3_gongshu.txt").read_bytes()
    assert detect_format(data, "report.html") == "text"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + b"\r\n  <!DOCTYPE html><html><body><p>x</p></body></html>",
        b"<!doctype HTML>\n<p>x</p>",
        b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\"><html></html>",
        "说明文字\n<TABLE border=1><tr><td>序号</td></tr></TABLE>".encode("gbk"),
        codecs.BOM_UTF16_LE + "<html><body></body></html>".encode("utf-16-le"),
    ],
)
def test_pages_are_recognised_by_doctype_or_tags(data):
    assert detect_format(data, "saved.txt") == "html"


def test_page_with_an_xml_declaration_is_read():
    data = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>' + SIMPLE_PAGE + "</body></html>").encode()
    report = parse_report_bytes(data, source_name="page.xhtml")
    assert [t.content for t in report.tasks] == ["新增养老床位200张"]


def test_zip_that_is_neither_workbook_nor_document_is_not_text_and_lists_the_formats():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("photos/1.jpg", b"\xff\xd8\xff")
    assert detect_format(buffer.getvalue(), "report.xlsx") == "text"
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(buffer.getvalue(), source_name="report.zip")
    assert raised.value.code == errors.NOT_TEXT
    assert ".xlsx" in raised.value.message and ".docx" in raised.value.message


def test_old_excel_file_is_told_to_be_saved_as_xlsx():
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, source_name="report.xls")
    assert raised.value.code == errors.NOT_TEXT
    assert "另存为 .xlsx" in raised.value.message
    assert "\n" not in str(raised.value)


def test_read_source_gives_the_table_source_the_table_reader_takes(files):
    source = read_source(files["xlsx"], source_name="report.xlsx")
    assert isinstance(source, TableSource)
    assert source.grid is not None and source.may_be_cut_off is False


def test_pasted_text_is_read_like_the_text_file():
    text = (FIXTURES_DIR / "2022q3_gongshu.txt").read_text(encoding="utf-8")
    pasted = parse_report_text(text)
    from_file = parse_report_bytes(text.encode("utf-8"))
    assert task_rows(pasted) == task_rows(from_file)
    assert pasted.source_name == "粘贴的文本"
    assert pasted.meta.title == from_file.meta.title


def test_pasted_text_without_a_table_raises_with_the_paste_named():
    with pytest.raises(ParseError) as raised:
        parse_report_text("只有一句话。")
    assert raised.value.code == errors.NO_TABLE
    assert str(raised.value).startswith("粘贴的文本")


def excel_copy(sample) -> str:
    """The sample as Excel puts it on the clipboard: title line, then tab-separated rows, multi-line cells quoted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, dialect="excel-tab", lineterminator="\r\n")
    writer.writerow([sample.title])
    writer.writerow(sample.header)
    writer.writerows(sample.rows)
    return buffer.getvalue()


@pytest.mark.parametrize("sample_name", ["2022", "2020"])
def test_sample_pasted_from_excel_with_tabs_reads_the_same_tasks(sample_name):
    sample = SAMPLES[sample_name]()
    report = parse_report_text(excel_copy(sample))
    assert task_rows(report) == sample.expected
    assert report.meta.title == sample.title


def test_pasted_rows_with_a_quoted_multi_line_cell_keep_their_line_numbers():
    text = (
        "序号\t主要工作内容\t牵头单位\t累计完成情况\r\n"
        '1\t新增停车泊位3500个\t"区住建局\n区城管局"\t已新增11494个\r\n'
        '2\t加固修缮道路8条\t区城管局\t"已完成8条，\n""样板路""2条"\r\n'
    )
    report = parse_report_text(text)
    assert [t.department_names for t in report.tasks] == [["区住建局", "区城管局"], ["区城管局"]]
    assert report.tasks[1].progress == '已完成8条，\n"样板路"2条'
    assert [t.first_line for t in report.tasks] == [2, 4]


def test_text_with_a_few_tabs_but_no_tabbed_table_is_read_as_flattened_text():
    text = (FIXTURES_DIR / "2022q3_gongshu.txt").read_text(encoding="utf-8")
    # The metadata block copied from the page comes with tabs between its cells.
    text = text.replace("公开方式 主动公开", "\t公开方式\t主动公开").replace("公开范围 面向全社会", "\t公开范围\t面向全社会")
    report = parse_report_text(text)
    assert len(report.tasks) == 108
    assert report.meta.index_no == "K1493206-6/2022-25614"

"""The parser's limits (tracker/parsing/formats/limits.py): every bomb of the security sweep is refused
with a message naming the file, the limit and what was found, or clamped and read; real files stay far inside.

The bombs are built in tests/bombs.py without ever holding what they claim (17 billion merged cells,
2 GB of inflated XML). Each test finishes in well under a second or two.
"""

import io

import openpyxl
import pytest
from openpyxl.comments import Comment

from tests import bombs
from tests.conftest import SAMPLE_2020, SAMPLE_2022
from tests.format_samples import SAMPLES
from tests.test_formats_docx import sample_document
from tests.test_formats_html import sample_page
from tests.test_formats_xlsx import sample_workbook
from tracker.parsing import ParseError, Severity, parse_report_bytes, parse_report_text
from tracker.parsing import errors
from tracker.parsing.formats import html as html_format
from tracker.parsing.formats import limits


def refused(data: bytes, name: str) -> ParseError:
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(data, source_name=name)
    return raised.value


def codes(report) -> list[str]:
    return [d.code for d in report.diagnostics]


def the_table_is_read(report) -> bool:
    return [(t.content, t.department_names, t.progress) for t in report.tasks] == [
        (content, [department], progress) for _, content, department, progress in bombs.ROWS
    ]


# --- Excel ----------------------------------------------------------------------------------------------


def test_a_merged_range_to_the_sheets_last_cell_is_clipped_to_the_data_and_the_table_read():
    report = parse_report_bytes(bombs.xlsx_merged_area(), source_name="merged.xlsx")

    assert the_table_is_read(report)
    [clipped] = [d for d in report.diagnostics if d.code == errors.MERGE_CLIPPED]
    assert clipped.severity is Severity.WARNING
    assert "C10:XFD1048576" in clipped.message and "D6" in clipped.message and "C10:D10" in clipped.message


def test_merged_ranges_still_over_the_limit_after_clipping_are_refused():
    error = refused(bombs.xlsx_merged_area_over_data(), "merged.xlsx")

    assert error.code == errors.MERGE_TOO_LARGE
    assert error.message.startswith("“merged.xlsx”的合并单元格（和超链接区域）共覆盖 129,844 个单元格")
    assert "A7:Z5000" in error.message and f"{limits.MAX_MERGED_AREA:,}" in error.message
    assert "取消" in error.message


def test_a_value_at_the_sheets_last_cell_is_refused_naming_the_used_range():
    error = refused(bombs.xlsx_far_cell(), "far.xlsx")

    assert error.code == errors.TOO_MANY_CELLS
    assert "“far.xlsx”的工作表“完成情况”使用到 A1:XFD1048576（1,048,576 行 × 16,384 列" in error.message
    assert f"{limits.MAX_CELLS:,}" in error.message and "Ctrl+End" in error.message


def test_a_workbook_writing_more_cells_than_the_limit_is_refused_before_openpyxl_loads_it(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 10)  # the small workbook writes 17: title, header, three rows of four

    error = refused(bombs.small_workbook(), "cells.xlsx")

    assert error.code == errors.TOO_MANY_CELLS
    assert "工作簿中写有 17 个单元格" in error.message


def test_a_hyperlink_over_the_whole_sheet_is_clipped_to_the_data_and_the_table_read():
    report = parse_report_bytes(bombs.xlsx_hyperlink_range(), source_name="link.xlsx")

    assert the_table_is_read(report)
    [clipped] = [d for d in report.diagnostics if d.code == errors.MERGE_CLIPPED]
    assert "A1:XFD1048576" in clipped.message and "A1:D6" in clipped.message


def test_rows_comments_and_styles_a_workbook_writes_are_counted_before_openpyxl_loads_it(monkeypatch):
    workbook = openpyxl.load_workbook(io.BytesIO(bombs.small_workbook()))
    workbook.active["A4"].comment = Comment("批注", "编辑")
    workbook.active["A5"].comment = Comment("批注", "编辑")
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    loaded = []
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *args, **kwargs: loaded.append(1))

    for limit, code, message in [
        ("MAX_WORKBOOK_ROWS", errors.TOO_MANY_ROWS, "的工作表共写有 5 行（含只设置了行高或格式的空行），超过上限 4"),
        ("MAX_COMMENTS", errors.TOO_MANY_ELEMENTS, "中有 2 条批注，超过上限 1"),
        ("MAX_STYLE_NODES", errors.TOO_MANY_ELEMENTS, "的样式表有约"),
    ]:
        with monkeypatch.context() as patch:
            patch.setattr(limits, limit, {"MAX_WORKBOOK_ROWS": 4, "MAX_COMMENTS": 1, "MAX_STYLE_NODES": 10}[limit])
            error = refused(data, "book.xlsx")
        assert (error.code, error.message.startswith("“book.xlsx”" + message)) == (code, True), error.message
    assert loaded == []


# --- zip packages ------------------------------------------------------------------------------------


@pytest.fixture
def inflated(monkeypatch) -> list[int]:
    """The sizes of the chunks the package check inflates."""
    chunks: list[int] = []
    inflate = limits._inflate

    def counted(*args, **kwargs):
        for chunk in inflate(*args, **kwargs):
            chunks.append(len(chunk))
            yield chunk

    monkeypatch.setattr(limits, "_inflate", counted)
    return chunks


def test_a_part_inflating_to_2_gb_is_refused_from_the_zip_directory_without_inflating_it(inflated):
    data = bombs.xlsx_inflating_to_2gb()
    assert len(data) < 3 * 1024 * 1024

    error = refused(data, "zip-2gb.xlsx")

    assert inflated == []
    assert error.code == errors.FILE_TOO_LARGE
    assert error.message.startswith(
        f"“zip-2gb.xlsx”中的“xl/worksheets/sheet1.xml”解压后有 2.0 GB，超过单个部件的上限 {limits.size_text(limits.MAX_PART_BYTES)}"
    )


def test_a_part_inflating_past_its_declared_size_is_refused_after_inflating_that_size_only(inflated):
    error = refused(bombs.xlsx_inflating_to_2gb(declared_size=10_000), "lying.xlsx")

    assert sum(inflated) < 1024 * 1024  # the other parts, and the lying one up to its declared size and a chunk
    assert error.code == errors.CORRUPT_FILE
    assert "“xl/worksheets/sheet1.xml”解压后的大小与文件目录中记录的不符" in error.message


def test_a_part_compressed_over_the_ratio_limit_is_refused():
    error = refused(bombs.xlsx_padded_with_spaces(12 * 1024 * 1024), "ratio.xlsx")

    assert error.code == errors.FILE_TOO_LARGE
    assert "压缩了" in error.message and f"超过上限 {limits.MAX_COMPRESSION_RATIO} 倍" in error.message


def test_a_package_over_the_inflated_total_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PACKAGE_BYTES", 10_000)

    error = refused(bombs.small_document(), "big.docx")

    assert error.code == errors.FILE_TOO_LARGE
    assert error.message.startswith("“big.docx”解压后共有") and "Word 或 WPS" in error.message


# --- Word ---------------------------------------------------------------------------------------------


def test_a_grid_span_of_a_billion_on_one_cell_is_clamped_and_the_table_read():
    report = parse_report_bytes(bombs.docx_grid_span_clamped(), source_name="span.docx")

    assert the_table_is_read(report)
    [clamped] = [d for d in report.diagnostics if d.code == errors.SPAN_CLAMPED]
    assert clamped.severity is Severity.WARNING
    assert "1,000,000,000 列" in clamped.message and f"已按 {limits.MAX_COLUMN_SPAN} 列读取" in clamped.message


def test_grid_spans_making_a_row_wider_than_the_column_limit_are_refused_before_the_slots_are_made():
    error = refused(bombs.docx_grid_span(), "span.docx")

    assert error.code == errors.TOO_MANY_COLUMNS
    assert error.message.startswith(f"“span.docx”第 4 行超过 {limits.MAX_COLUMNS} 列的上限")


def test_a_grid_span_that_is_no_number_is_a_damaged_file_not_a_crash():
    data = bombs.replace_part(bombs.docx_grid_span_clamped(), "word/document.xml", lambda xml: xml.replace(b'w:val="1000000000"', b'w:val="abc"'))

    error = refused(data, "span.docx")

    assert error.code == errors.CORRUPT_FILE


def test_a_document_whose_tree_would_be_too_big_is_refused_before_python_docx_parses_it():
    error = refused(bombs.docx_attributes(), "attributes.docx")

    assert error.code == errors.TOO_MANY_ELEMENTS
    assert error.message.startswith("“attributes.docx”有约 1,") and f"超过上限 {limits.MAX_XML_NODES:,}" in error.message


# --- web pages ----------------------------------------------------------------------------------------


def test_a_title_cell_with_colspan_1000_is_clamped_and_the_table_read():
    report = parse_report_bytes(bombs.html_colspan_title(), source_name="title.html")

    assert the_table_is_read(report)
    assert errors.SPAN_CLAMPED in codes(report)


def test_a_cell_spanning_a_million_columns_and_a_billion_rows_is_refused_at_the_cell_limit():
    error = refused(bombs.html_colspan_rowspan(), "spans.html")

    assert error.code == errors.TOO_MANY_CELLS
    assert error.message.startswith(f"“spans.html”中的单元格和段落超过上限 {limits.MAX_CELLS:,} 个（读到第")


def test_a_rowspan_of_a_billion_is_clamped_to_the_table():
    page = bombs.html_colspan_title().replace("<td>区住建局</td>".encode(), '<td rowspan="1000000000">区住建局</td>'.encode())

    report = parse_report_bytes(page, source_name="rowspan.html")

    assert len(report.tasks) == 3


def test_a_row_of_20000_cells_is_refused():
    error = refused(bombs.html_wide_row(), "wide.html")

    assert error.code == errors.TOO_MANY_COLUMNS
    assert f"超过 {limits.MAX_COLUMNS} 列的上限" in error.message


def test_a_table_inside_40_nested_layout_tables_is_read_without_reading_the_page_40_times(monkeypatch):
    read = []

    def counted(*args, **kwargs):
        for item in tokens(*args, **kwargs):
            read.append(1)
            yield item

    tokens = html_format._tokens
    monkeypatch.setattr(html_format, "_tokens", counted)

    report = parse_report_bytes(bombs.html_nested_tables(depth=40), source_name="nested.html")

    assert the_table_is_read(report)
    # The page has ~60,000 pieces of text; every layout cell read whole was 40 × that (~8 s). Read once for
    # its text, and once more for the tables after the one read (a page may hold several tables).
    assert len(read) < 40 * 5_000 + 2 * 100_000


def test_a_page_over_the_page_size_limit_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(limits, "MAX_HTML_BYTES", 500)

    error = refused(bombs.html_colspan_title(), "title.html")

    assert error.code == errors.FILE_TOO_LARGE
    assert error.message.startswith("“title.html”有 1 KB，超过可读取的上限 0 KB")


def test_a_page_with_more_elements_than_the_limit_is_refused_before_it_is_parsed():
    error = refused(bombs.html_many_elements(), "elements.html")

    assert error.code == errors.TOO_MANY_ELEMENTS
    assert error.message.startswith("“elements.html”有约 400,") and f"{limits.MAX_HTML_NODES:,}" in error.message


# --- text ---------------------------------------------------------------------------------------------


def test_the_sweeps_12000_row_text_table_is_read_within_the_limits():
    # Issue 18 calls this table valid and wants its preview in < 5 s, so it is read (15,000 rows is the limit).
    report = parse_report_bytes(bombs.tabbed_rows(12_000), source_name="rows.txt")

    assert len(report.tasks) == 12_000
    assert report.tasks[-1].progress == "已完成投资12000亿元"


def test_a_6000_row_flattened_table_is_read():
    report = parse_report_bytes(bombs.flattened_rows(6_000), source_name="rows.txt")

    assert len(report.tasks) == 6_000


def test_flattened_text_over_the_row_limit_is_refused_before_the_row_search(monkeypatch):
    def search_never_runs(*args, **kwargs):
        raise AssertionError("the row search ran")

    monkeypatch.setattr("tracker.parsing.rows._search", search_never_runs)

    error = refused(bombs.flattened_rows(16_000), "rows.txt")

    assert error.code == errors.TOO_MANY_ROWS
    assert error.message.startswith(f"“rows.txt”的表格超过 {limits.MAX_ROWS:,} 行（64,000 个段落、4 列，约 16,000 行）")
    assert "拆分" in error.message


def test_flattened_text_needing_too_much_search_is_refused_before_it(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SEGMENT_WORK", 1_000)

    error = refused(bombs.flattened_rows(100), "rows.txt")

    assert error.code == errors.TOO_MANY_CELLS
    assert "按 4 列拼成表格行需要约" in error.message and "超过上限 1,000" in error.message


def test_pipe_rows_over_the_row_limit_are_refused():
    text = "\n".join([bombs.TITLE, "| 序号 | 主要工作内容 | 牵头单位 | 累计完成情况 |", *["| 1 | 任务 | 区住建局 | 已完成 |"] * 15_001])

    error = refused(text.encode(), "pipes.txt")

    assert error.code == errors.TOO_MANY_ROWS


def test_pasted_text_over_the_character_limit_is_refused():
    error_text = bombs.long_paste(limits.MAX_TEXT_CHARS + 1)

    with pytest.raises(ParseError) as raised:
        parse_report_text(error_text)

    assert raised.value.code == errors.TEXT_TOO_LONG
    assert raised.value.message.startswith("“粘贴的文本”有 2,000,")
    assert f"超过上限 {limits.MAX_TEXT_CHARS:,}" in raised.value.message


def test_blank_lines_do_not_count_as_characters():
    text = SAMPLE_2022.read_text(encoding="utf-8") + "\n" * (limits.MAX_TEXT_CHARS + 1)

    assert len(parse_report_text(text).tasks) == 108


def test_a_cell_longer_than_excel_allows_is_refused():
    text = "\n".join([bombs.TITLE, *bombs.HEADER, "1", "新增停车泊位3500个", "区住建局", "已" * (limits.MAX_CELL_CHARS + 1)])

    error = refused(text.encode(), "long.txt")

    assert error.code == errors.TEXT_TOO_LONG
    assert error.message.startswith("“long.txt”第 9 行有一个 32,768 个字符的单元格")


def test_text_with_more_lines_than_the_cell_limit_is_refused_before_they_become_cells(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 100)

    error = refused(bombs.flattened_rows(100), "lines.txt")

    assert error.code == errors.TOO_MANY_CELLS
    assert "有 405 个非空行" in error.message


def test_any_file_over_the_byte_limit_is_refused_unread(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1024)

    error = refused(SAMPLE_2022.read_bytes(), "2022q3.txt")

    assert error.code == errors.FILE_TOO_LARGE
    assert error.message.startswith("“2022q3.txt”有 90 KB，超过可读取的上限 1 KB")


# --- time ---------------------------------------------------------------------------------------------


def test_a_parse_past_its_time_budget_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PARSE_SECONDS", -1.0)

    error = refused(SAMPLE_2022.read_bytes(), "2022q3.txt")

    assert error.code == errors.PARSE_TOO_SLOW
    assert error.message.startswith("读取“2022q3.txt”超过 -1 秒仍未完成")


def test_the_cell_budget_is_per_file(monkeypatch):
    monkeypatch.setattr(limits, "MAX_CELLS", 400)  # one page lays out ~330 cells: two would not fit in one budget
    page = bombs.html_colspan_title()

    for _ in range(2):
        assert len(parse_report_bytes(page, source_name="title.html").tasks) == 3


# --- several tables, steering and candidates: the reader's other ways through a file -------------------


def test_a_merged_range_in_a_workbook_without_a_header_is_clipped_before_its_rows_are_offered(monkeypatch):
    loaded = []
    load_workbook = openpyxl.load_workbook

    def spied(data, *args, **kwargs):
        loaded.append(data.getvalue())
        return load_workbook(data, *args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", spied)

    error = refused(bombs.xlsx_merged_area_without_header(), "merged.xlsx")

    assert error.code == errors.NO_TABLE
    assert ["甲", "乙", "丙", "丁"] in [candidate.cells for candidate in error.candidates]
    assert len(loaded) >= 2  # read, then read again for the candidates: both clipped
    assert all(b"XFD1048576" not in bombs.zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml") for data in loaded)


def test_a_remembered_layout_read_again_counts_the_cells_of_its_own_reading(monkeypatch):
    page = bombs.html_colspan_title()
    first = parse_report_bytes(page, source_name="title.html")
    monkeypatch.setattr(limits, "MAX_CELLS", 400)  # one reading lays out ~330 cells: two would not fit

    report = parse_report_bytes(page, source_name="title.html", known_layouts={first.header_signature: first.layout.split("|")})

    assert errors.LAYOUT_REMEMBERED in codes(report) and len(report.tasks) == 3


def test_a_limit_met_reading_a_remembered_layout_again_refuses_the_file(monkeypatch):
    from tracker.parsing import reader

    page = bombs.html_colspan_title()
    first = parse_report_bytes(page, source_name="title.html")
    parse_source = reader.parse_source
    calls = []

    def out_of_time_the_second_time(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise limits.refuse(errors.PARSE_TOO_SLOW, errors.MSG_PARSE_TOO_SLOW, limit=limits.MAX_PARSE_SECONDS, where="测试")
        return parse_source(*args, **kwargs)

    monkeypatch.setattr(reader, "parse_source", out_of_time_the_second_time)

    with pytest.raises(ParseError) as raised:
        parse_report_bytes(page, source_name="title.html", known_layouts={first.header_signature: first.layout.split("|")})

    assert raised.value.code == errors.PARSE_TOO_SLOW


def test_the_rows_of_every_table_read_count_together(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 5)  # each table is a header and one row

    assert len(parse_report_bytes(bombs.html_tables(2), source_name="tables.html").tasks) == 2
    error = refused(bombs.html_tables(3), "tables.html")

    assert error.code == errors.TOO_MANY_ROWS
    assert error.message.startswith("“tables.html”的表格超过 5 行")


def test_a_long_table_without_a_header_beside_the_report_is_not_counted_as_rows(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    filler = "<table>" + "<tr><td>x</td></tr>" * 50 + "</table>"
    page = bombs.html_colspan_title().replace(b"</body>", filler.encode() + b"</body>")

    assert the_table_is_read(parse_report_bytes(page, source_name="filler.html"))


def test_the_row_search_is_sized_over_every_table_of_flattened_text(monkeypatch):
    def search_never_runs(*args, **kwargs):
        raise AssertionError("the row search ran")

    monkeypatch.setattr(limits, "MAX_SEGMENT_WORK", 3 * 4 * 20)  # about three tables' body of 4 cells
    assert len(parse_report_bytes(bombs.flattened_tables(2), source_name="two.txt").tasks) == 2
    monkeypatch.setattr("tracker.parsing.rows._search", search_never_runs)

    error = refused(bombs.flattened_tables(10), "tables.txt")  # each table alone is within the limit

    assert error.code == errors.TOO_MANY_CELLS
    assert "40 个段落按 4 列拼成表格行需要约" in error.message


def test_thousands_of_one_row_tables_are_read_within_the_budget():
    assert len(parse_report_bytes(bombs.flattened_tables(2_000), source_name="tables.txt").tasks) == 2_000
    assert len(parse_report_bytes(bombs.html_tables(2_000), source_name="tables.html").tasks) == 2_000


# --- real files stay far inside -----------------------------------------------------------------------


TENTH_OF_EVERY_LIMIT = [
    "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "MAX_PACKAGE_BYTES", "MAX_PART_BYTES", "MAX_PACKAGE_PARTS",
    "MAX_XML_NODES", "MAX_HTML_NODES", "MAX_HTML_BYTES", "MAX_ROWS", "MAX_COLUMNS", "MAX_CELLS", "MAX_MERGED_AREA",
    "MAX_CELL_CHARS", "MAX_SEGMENT_WORK", "MAX_PARSE_SECONDS",
]


@pytest.fixture
def tenth_of_every_limit(monkeypatch):
    for name in TENTH_OF_EVERY_LIMIT:
        monkeypatch.setattr(limits, name, getattr(limits, name) / 10 if name == "MAX_PARSE_SECONDS" else getattr(limits, name) // 10)


@pytest.mark.parametrize("sample_name", ["2022", "2020"])
def test_the_real_samples_in_every_format_read_within_a_tenth_of_every_limit(tenth_of_every_limit, sample_name):
    sample = SAMPLES[sample_name]()
    path = {"2022": SAMPLE_2022, "2020": SAMPLE_2020}[sample_name]
    files = {
        "text": path.read_bytes(),
        "html": sample_page(sample).encode(),
        "xlsx": sample_workbook(sample),
        "docx": sample_document(sample),
    }
    for format_name, data in files.items():
        report = parse_report_bytes(data, source_name=f"sample.{format_name}")
        assert len(report.tasks) == len(sample.expected), format_name

"""Saved web pages: the progress table found among the page's tables and read cell by cell."""

from html import escape

import pytest

from tests.format_samples import EXPECTED_COUNTS, SAMPLES, SampleTable, task_rows
from tracker.parsing import ParseError, Severity, parse_report_bytes
from tracker.parsing import errors
from tracker.parsing.formats.html import read_html_source

NAVIGATION = '<table class="nav"><tr><td><a href="/">首页</a></td><td>政务公开</td><td>规划计划</td></tr></table>'
TITLE = "2023年三季度《政府工作报告》主要目标任务完成情况"


def metadata_table(index_no: str, published_on: str) -> str:
    return (
        '<table class="meta">'
        f"<tr><td>信息索引号</td><td>{index_no}</td><td>公开方式</td><td>主动公开</td></tr>"
        f"<tr><td>发布机构</td><td>区府办</td><td>发布日期</td><td>{published_on}</td></tr>"
        "</table>"
    )


def cell(text: str, tag: str = "td", **attributes) -> str:
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<{tag}{attrs}>{'<br>'.join(escape(line) for line in text.split(chr(10)))}</{tag}>"


def page(body: str, *, title: str = TITLE, published_on: str = "2023-10-20") -> str:
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "_拱墅区人民政府</title>"
        "<script>var tables = '<table>';</script></head>\n<body>\n"
        f"{NAVIGATION}\n{metadata_table('K0000001-1/2023-00001', published_on)}\n"
        f"<h1>{escape(title)}</h1>\n{body}\n<div class=\"footer\">主办：拱墅区人民政府办公室</div>\n</body></html>\n"
    )


def sample_page(sample: SampleTable, *, header_every: int | None = None) -> str:
    """The sample as a page: theme cells merged with rowspan, one row per task, each on its own source line."""
    run_lengths = dict(sample.theme_runs)
    header = "<tr>" + "".join(cell(label, "th") for label in sample.header) + "</tr>"
    lines = ["<table border=\"1\">", header]
    for index, row in enumerate(sample.rows):
        if header_every and index and index % header_every == 0:
            lines.append(header)
        cells = []
        for column, text in enumerate(row):
            if column == sample.theme_column:
                if index in run_lengths:
                    cells.append(cell(text, rowspan=run_lengths[index]))
                continue  # covered by the theme cell above
            cells.append(cell(text))
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return page("\n".join(lines), title=sample.title, published_on=sample.published_on)


def parse_html(html: str, name: str = "page.html", encoding: str = "utf-8"):
    return parse_report_bytes(html.encode(encoding), source_name=name)


@pytest.mark.parametrize("sample_name", ["2022", "2020"])
def test_sample_written_as_a_page_with_rowspan_themes_reads_the_same_tasks(sample_name):
    sample = SAMPLES[sample_name]()
    report = parse_html(sample_page(sample))
    assert len(report.tasks) == EXPECTED_COUNTS[sample_name]
    assert task_rows(report) == sample.expected
    assert report.count(Severity.ERROR) == 0
    assert report.meta.title == sample.title
    assert report.meta.published_on.isoformat() == sample.published_on
    assert report.meta.index_no == "K0000001-1/2023-00001"
    assert report.meta.publisher == "区府办"


def test_merged_theme_cell_is_not_reported_as_a_repeated_label():
    report = parse_html(sample_page(SAMPLES["2022"]()))
    assert errors.THEME_REPEATED_LABEL not in [d.code for d in report.diagnostics]


def test_lines_are_source_lines_of_the_cells():
    html = sample_page(SAMPLES["2022"]())
    report = parse_html(html)
    source_lines = html.split("\n")
    first = report.tasks[0]
    assert "地区生产总值增长7%" in source_lines[first.first_line - 1]
    assert report.tasks[1].first_line == first.first_line + 1


def test_header_row_repeated_across_pages_is_not_a_row():
    sample = SAMPLES["2022"]()
    report = parse_html(sample_page(sample, header_every=20))
    assert task_rows(report) == sample.expected
    assert [d.code for d in report.diagnostics].count(errors.HEADER_REPEATED) == 5


def test_navigation_and_metadata_tables_before_the_real_one_are_ignored():
    table = (
        "<table>" + "<tr>" + "".join(cell(label, "th") for label in ("序号", "主要工作内容", "牵头单位", "累计完成情况")) + "</tr>"
        "<tr><td>1</td><td>新增停车泊位3500个</td><td>区住建局</td><td>已新增11494个</td></tr></table>"
        # the print view repeats the table; only the first is read
        "<div class=\"print\"><table><tr><th>序号</th><th>主要工作内容</th><th>牵头单位</th><th>累计完成情况</th></tr>"
        "<tr><td>1</td><td>新增停车泊位3500个</td><td>区住建局</td><td>已新增11494个</td></tr></table></div>"
    )
    report = parse_html(page(table))
    assert [(t.content, t.department_names, t.progress) for t in report.tasks] == [("新增停车泊位3500个", ["区住建局"], "已新增11494个")]
    chosen = [d for d in report.diagnostics if d.code == errors.TABLE_CHOSEN]
    assert len(chosen) == 1 and "第 3 个" in chosen[0].message
    assert report.meta.title == TITLE


def test_table_nested_in_a_layout_table_is_found():
    inner = (
        "<table><tr><th>工作内容</th><th>责任单位</th><th>进展情况</th></tr>"
        "<tr><td>新增养老床位200张</td><td>区民政局</td><td>正常推进</td></tr></table>"
    )
    report = parse_html(page(f"<table class=\"layout\"><tr><td>栏目</td><td>{inner}</td></tr></table>"))
    assert [t.content for t in report.tasks] == ["新增养老床位200张"]


def test_br_and_paragraphs_in_a_cell_are_line_breaks():
    table = (
        "<table><tr><th>序号</th><th>项目<br/>名称</th><th>主要工作内容</th><th>牵头单位</th><th>累计完成情况</th></tr>"
        "<tr><td>1</td><td>城市<br>建设</td><td><p>新增停车泊位3500个。</p><p>改造老旧小区20个。</p></td>"
        "<td>区住建局<br>区城管局</td><td>已新增11494个；<br/>\n   已改造18个。</td></tr></table>"
    )
    task = parse_html(page(table)).tasks[0]
    assert task.theme == "城市建设"
    assert task.content == "新增停车泊位3500个。\n改造老旧小区20个。"
    assert task.department_names == ["区住建局", "区城管局"]
    assert task.progress == "已新增11494个；\n已改造18个。"


def test_colspan_in_a_data_row_keeps_the_value_in_its_first_column():
    table = (
        "<table><tr><th>序号</th><th>主要工作内容</th><th>牵头单位</th><th>累计完成情况</th><th>备注</th></tr>"
        "<tr><td>1</td><td>新增停车泊位3500个</td><td>区住建局</td><td colspan=\"2\">已新增11494个</td></tr>"
        "<tr><td>2</td><td>新增养老床位200张</td><td>区民政局</td><td>正常推进</td><td>含社区床位</td></tr></table>"
    )
    report = parse_html(page(table))
    assert [(t.progress, t.note) for t in report.tasks] == [("已新增11494个", ""), ("正常推进", "含社区床位")]


def test_header_cell_spanning_two_columns_reads_them_as_one():
    # The "(一)" markers in a column of their own, both columns under one 项目名称 header.
    table = (
        "<table><tr><th colspan=\"2\">项目名称</th><th>项目内容</th><th>责任单位</th><th>进展情况</th></tr>"
        "<tr><td rowspan=\"2\">(一)</td><td rowspan=\"2\">经济社会发展主要预期目标</td><td>地区生产总值增长6.5%以上</td>"
        "<td>区发改经信局、各街道</td><td>正常进行中</td></tr>"
        "<tr><td>财政收入与经济增长基本同步</td><td>区财政局</td><td>正常进行中</td></tr>"
        "<tr><td>(二)</td><td>支持实体企业发展</td><td>新增小微企业300家</td><td>区市场监管局</td><td>已新增310家</td></tr></table>"
    )
    report = parse_html(page(table))
    assert [(t.theme_no, t.theme) for t in report.tasks] == [
        ("一", "经济社会发展主要预期目标"), ("一", "经济社会发展主要预期目标"), ("二", "支持实体企业发展"),
    ]
    assert report.tasks[0].department_names == ["区发改经信局", "各街道"]


def test_rowspan_over_a_department_cell_repeats_the_department():
    table = (
        "<table><tr><th>序号</th><th>主要工作内容</th><th>牵头单位</th><th>累计完成情况</th></tr>"
        "<tr><td>1</td><td>新增停车泊位3500个</td><td rowspan=\"2\">区住建局</td><td>已新增11494个</td></tr>"
        "<tr><td>2</td><td>加固修缮道路8条</td><td>已完成8条</td></tr></table>"
    )
    report = parse_html(page(table))
    assert [t.department_names for t in report.tasks] == [["区住建局"], ["区住建局"]]


def test_gbk_encoded_page_with_unclosed_cells_is_read():
    table = (
        "<table><tr><th>序号<th>主要工作内容<th>牵头单位<th>累计完成情况"
        "<tr><td>1<td>新增停车泊位3500个<td>区住建局<td>已新增11494个"
        "<tr><td>2<td>加固修缮道路8条<td>区城管局<td>已完成8条</table>"
    )
    html = page(table).replace('charset="utf-8"', 'charset="gbk"')
    report = parse_html(html, encoding="gbk")
    assert [t.progress for t in report.tasks] == ["已新增11494个", "已完成8条"]
    assert errors.DECODED_GB18030 in [d.code for d in report.diagnostics]


def test_table_drawn_without_table_elements_is_read_as_flattened_text():
    cells = ["序号", "主要工作内容", "牵头单位", "累计完成情况", "1", "新增停车泊位3500个。", "区住建局", "已新增11494个。"]
    report = parse_html(page("".join(f"<div>{text}</div>" for text in cells)))
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个。"]


def test_page_without_a_progress_table_is_a_no_table_error_naming_the_page():
    with pytest.raises(ParseError) as raised:
        parse_html(page("<p>本栏目暂无内容。</p>"), name="empty.html")
    assert raised.value.code == errors.NO_TABLE
    assert "网页中没有找到进度表" in raised.value.message
    assert str(raised.value).startswith("empty.html")


def test_read_html_source_gives_a_grid_and_the_text_around_it():
    source = read_html_source(page("<table><tr><th>工作内容</th><th>责任单位</th><th>进展情况</th></tr>"
                                   "<tr><td>新增养老床位200张</td><td>区民政局</td><td></td></tr></table>").encode(),
                              source_name="page.html")
    assert [[c.text for c in row] for row in source.grid] == [["工作内容", "责任单位", "进展情况"], ["新增养老床位200张", "区民政局", ""]]
    assert source.meta_cells[0].text == "首页 政务公开 规划计划"
    assert source.cells[-1].text == "主办：拱墅区人民政府办公室"

"""Hierarchical 序号: rows numbered under their group ("1-1", "（1）", "①"), and a group row made of the group's
number and a name spanning the table ("1 | 稳住经济基本盘")."""

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "<h1>2024年县政府重点工作一季度推进情况</h1>"


def parse_html(rows: str):
    page = f"<html><body>{TITLE}<table>{rows}</table></body></html>"
    return parse_report_bytes(page.encode("utf-8"), source_name="made-up.html")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


HEADER = "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>进展情况</td></tr>"


def test_a_group_number_and_a_name_spanning_the_table_is_a_group_row_over_its_numbered_rows():
    report = parse_html(
        HEADER
        + '<tr><td>1</td><td colspan="3">稳住经济基本盘</td></tr>'
        + "<tr><td>1-1</td><td>地区生产总值增长6%。</td><td>县发改局</td><td>增长5.6%。</td></tr>"
        + "<tr><td>1-2</td><td>固定资产投资增长10%。</td><td>县发改局</td><td>增长11.8%。</td></tr>"
        + '<tr><td>2</td><td colspan="3">增进民生福祉</td></tr>'
        + "<tr><td>2-1</td><td>城镇新增就业2200人。</td><td>县人社局</td><td>新增612人。</td></tr>"
    )
    assert [t.content for t in report.tasks] == ["地区生产总值增长6%。", "固定资产投资增长10%。", "城镇新增就业2200人。"]
    assert [t.theme for t in report.tasks] == ["稳住经济基本盘", "稳住经济基本盘", "增进民生福祉"]
    assert [t.source_seq for t in report.tasks] == ["1-1", "1-2", "2-1"]
    assert report.count(Severity.ERROR) == 0
    assert errors.SEQ_NOT_NUMBER not in codes(report)


def test_a_numbered_row_of_a_short_task_without_children_stays_a_task():
    report = parse_html(
        HEADER
        + "<tr><td>1</td><td>建成县图书馆</td><td></td><td></td></tr>"
        + "<tr><td>2</td><td>城镇新增就业2200人。</td><td>县人社局</td><td>新增612人。</td></tr>"
    )
    assert [t.content for t in report.tasks] == ["建成县图书馆", "城镇新增就业2200人。"]
    assert [t.theme for t in report.tasks] == ["", ""]


def test_parenthesised_numbers_restarting_under_group_rows_are_the_seq_column():
    report = parse_html(
        HEADER
        + '<tr><td colspan="4">一、稳增长</td></tr>'
        + "<tr><td>（1）</td><td>地区生产总值增长6%。</td><td>区发改局</td><td>增长5.6%。</td></tr>"
        + "<tr><td>（2）</td><td>新增规上企业20家。</td><td>区工信局</td><td>新增22家。</td></tr>"
        + '<tr><td colspan="4">二、惠民生</td></tr>'
        + "<tr><td>（1）</td><td>新建幼儿园3所。</td><td>区教育局</td><td>均已开园。</td></tr>"
        + "<tr><td>（2）</td><td>建成社会福利中心。</td><td>区民政局</td><td>已试运营。</td></tr>"
    )
    assert [t.source_seq for t in report.tasks] == ["（1）", "（2）", "（1）", "（2）"]
    assert [t.theme for t in report.tasks] == ["稳增长", "稳增长", "惠民生", "惠民生"]
    assert report.count(Severity.ERROR) == 0  # "（1）" is a 序号: the columns are trusted
    assert errors.SEQ_NOT_NUMBER not in codes(report)


def test_dotted_numbers_under_group_numbers_are_the_seq_column():
    report = parse_html(
        HEADER
        + '<tr><td>1</td><td colspan="3">稳住经济大盘</td></tr>'
        + "<tr><td>1.1</td><td>地区生产总值增长6%。</td><td>县发改局</td><td>增长5.6%。</td></tr>"
        + "<tr><td>1.2</td><td>固定资产投资增长10%。</td><td>县发改局</td><td>增长11.8%。</td></tr>"
        + "<tr><td>1.3</td><td>社零总额增长7%。</td><td>县商务局</td><td>增长6.4%。</td></tr>"
    )
    assert [t.source_seq for t in report.tasks] == ["1.1", "1.2", "1.3"]
    assert [t.theme for t in report.tasks] == ["稳住经济大盘"] * 3
    assert report.count(Severity.ERROR) == 0


def test_a_numbered_group_row_in_flattened_text_is_a_group_row():
    cells = [
        "2024年县政府重点工作一季度推进情况", "序号", "工作任务", "牵头单位", "进展情况",
        "1", "稳住经济基本盘",
        "1-1", "地区生产总值增长6%。", "县发改局", "增长5.6%。",
        "1-2", "固定资产投资增长10%。", "县发改局", "增长11.8%。",
        "2", "增进民生福祉",
        "2-1", "城镇新增就业2200人。", "县人社局", "新增612人。",
    ]
    report = parse_report_bytes(("\n".join(cells) + "\n").encode("utf-8"), source_name="made-up.txt")
    assert [(t.source_seq, t.theme) for t in report.tasks] == [
        ("1-1", "稳住经济基本盘"), ("1-2", "稳住经济基本盘"), ("2-1", "增进民生福祉"),
    ]
    assert errors.DEPARTMENT_MISSING not in codes(report)

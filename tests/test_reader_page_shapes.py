"""Whole pages in the shapes other governments publish: the site around the table, group rows spanning the
table, status and rate columns, a table printed twice, Word tables with leader and 责任单位 columns."""

import io

import docx

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes

TITLE = "2023年三季度区政府工作报告重点工作推进情况"


def test_full_web_page_with_navigation_metadata_table_and_group_rows_spanning_the_table():
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}_青山区人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>规划计划</a></div>
<table class="meta"><tr><td>索引号</td><td>11330100-1/2023-00042</td><td>发布机构</td><td>区政府办</td></tr>
<tr><td>发布日期</td><td>2023-10-26</td><td>公开方式</td><td>主动公开</td></tr></table>
<h1>{TITLE}</h1>
<table border="1">
<tr><th>序号</th><th>重点工作任务</th><th>牵头单位</th><th>配合单位</th><th>进展情况</th></tr>
<tr><td colspan="5">一、经济发展（张明远副区长牵头）</td></tr>
<tr><td>1</td><td>新增规上工业企业15家。</td><td>区经信局</td><td>各街道</td><td>已新增9家。</td></tr>
<tr><td>2</td><td>完成工业投资80亿元。</td><td>区发改局</td><td>区经信局</td><td>完成61.2亿元。</td></tr>
<tr><td colspan="5">二、社会民生（李晓燕副区长牵头）</td></tr>
<tr><td>3</td><td>新建改建学校4所。</td><td>区教育局</td><td>区住建局<br>区自然资源局</td><td>3所已开工。</td></tr>
</table>
<div class="footer">主办：青山区人民政府办公室 网站标识码：3301000001</div>
</body></html>"""
    report = parse_report_bytes(page.encode("utf-8"), source_name="page.html")
    assert len(report.tasks) == 3
    assert [(t.theme_no, t.theme) for t in report.tasks] == [("一", "经济发展"), ("一", "经济发展"), ("二", "社会民生")]
    assert [t.leaders for t in report.tasks] == [["张明远"], ["张明远"], ["李晓燕"]]
    assert report.tasks[2].department_names == ["区教育局", "区住建局", "区自然资源局"]
    assert (report.meta.title, report.meta.index_no, report.meta.period_end_month) == (TITLE, "11330100-1/2023-00042", 9)
    assert report.count(Severity.ERROR) == 0


def test_web_page_with_a_status_column_and_a_rate_column():
    page = f"""<html><body><h2>{TITLE}</h2><table border="1">
<tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成状态</td><td>完成率</td><td>工作进展情况</td></tr>
<tr><td>1</td><td>新建口袋公园8个。</td><td>区园林局</td><td>序时推进</td><td>62.5%</td><td>已建成5个。</td></tr>
<tr><td>2</td><td>完成河道清淤30公里。</td><td>区水利局、各街道</td><td>已完成</td><td>100%</td><td>全部完成。</td></tr>
</table></body></html>"""
    report = parse_report_bytes(page.encode("utf-8"), source_name="status.html")
    assert report.layout == "seq|content|responsible|completion|completion|progress"
    assert [(t.completion_text, t.progress) for t in report.tasks] == [("序时推进", "已建成5个。"), ("已完成", "全部完成。")]
    assert [t.note for t in report.tasks] == ["完成率: 62.5%", "完成率: 100%"]
    assert [(r.name, r.role) for r in report.tasks[1].departments] == [("区水利局", DepartmentRole.LEAD), ("各街道", DepartmentRole.CO)]


def test_flattened_page_printing_its_table_twice_is_read_once():
    table = ["序号", "工作任务", "牵头单位", "进展情况",
             "1", "新增城市停车泊位2000个。", "区城管局", "已新增1320个。",
             "2", "新建口袋公园8个。", "区园林局", "已建成5个。"]
    cells = ["索引号：11330100-1/2023-00042", "发布机构：区政府办", TITLE, *table,
             "【打印本页】", "【关闭窗口】", TITLE, *table, "网站地图", "联系我们"]
    report = parse_report_bytes(("\n\n".join(cells) + "\n").encode("utf-8"), source_name="twice.txt")
    assert len(report.tasks) == 2
    assert report.tasks[-1].progress == "已建成5个。"
    assert report.count(Severity.ERROR) == 0


def test_word_table_with_a_leader_column_and_a_responsible_column():
    document = docx.Document()
    document.add_paragraph(TITLE)
    rows = [
        ("序号", "工作任务", "分管领导", "责任单位", "进展情况"),
        ("1", "新增城市停车泊位2000个。", "王五\n赵六", "区城管局\n区交警大队", "已新增1320个。"),
        ("2", "新建口袋公园8个。", "孙七", "区园林局、各街道", "已建成5个。"),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    report = parse_report_bytes(buffer.getvalue(), source_name="leaders.docx")
    assert [t.leaders for t in report.tasks] == [["王五", "赵六"], ["孙七"]]
    assert [[(r.name, r.role) for r in t.departments] for t in report.tasks] == [
        [("区城管局", DepartmentRole.LEAD), ("区交警大队", DepartmentRole.CO)],
        [("区园林局", DepartmentRole.LEAD), ("各街道", DepartmentRole.CO)],
    ]


def test_flattened_table_with_leader_names_over_several_lines():
    cells = [TITLE, "序号", "工作任务", "分管县领导", "牵头单位", "进展情况",
             "1", "新增城市停车泊位2000个。", "王五", "赵六", "县城管局", "已新增1320个。",
             "2", "新建口袋公园8个。", "孙七", "县园林局", "已建成5个。"]
    report = parse_report_bytes(("\n\n".join(cells) + "\n").encode("utf-8"), source_name="leaders.txt")
    assert [t.leaders for t in report.tasks] == [["王五", "赵六"], ["孙七"]]
    assert [t.department_names for t in report.tasks] == [["县城管局"], ["县园林局"]]

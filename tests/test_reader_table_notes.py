"""Rows inside a table that are notes about it ("单位：万元", "注：完成率=…" in a <tfoot>, "备注：…"): no tasks."""

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors


def test_unit_and_note_rows_spanning_the_table_are_not_tasks():
    page = (
        "<html><body><h1>2024年1-8月量化指标完成情况</h1><table>"
        '<thead><tr><td colspan="5">单位：亿元</td></tr>'
        "<tr><th>序号</th><th>指标名称</th><th>目标值</th><th>1-8月完成值</th><th>责任单位</th></tr></thead>"
        "<tbody><tr><td>1</td><td>规上工业增加值</td><td>980</td><td>641.3</td><td>市工信局</td></tr>"
        "<tr><td>2</td><td>固定资产投资</td><td>1350</td><td>902.6</td><td>市发改委</td></tr></tbody>"
        '<tfoot><tr><td colspan="5">注：完成率=1-8月完成值/目标值，增速类指标不计算完成率，以“/”表示。</td></tr></tfoot>'
        "</table></body></html>"
    )
    report = parse_report_bytes(page.encode("utf-8"), source_name="made-up.html")
    assert [t.content for t in report.tasks] == ["规上工业增加值", "固定资产投资"]
    assert [d.code for d in report.diagnostics if d.severity is Severity.INFO].count(errors.TABLE_NOTE_SKIPPED) == 1
    assert report.count(Severity.ERROR) == 0
    assert errors.ROW_REALIGNED not in [d.code for d in report.diagnostics]


def test_a_task_that_mentions_a_unit_is_still_a_task():
    text = "2024年重点工作推进情况\n序号 | 工作任务 | 牵头单位 | 进展情况\n1 | 单位：建成县城水厂。 | 县住建局 | 已完工。\n"
    report = parse_report_bytes(text.encode("utf-8"), source_name="made-up.txt")
    assert [t.content for t in report.tasks] == ["单位：建成县城水厂。"]


def test_an_empty_spacer_column_is_dropped_even_under_a_note_spanning_the_table():
    page = (
        "<html><body><h1>2024年民生实事项目推进情况表</h1><table>"
        "<tr><td>序号</td><td>项目名称</td><td>完成率</td><td></td><td>牵头单位</td><td>进展情况</td></tr>"
        "<tr><td>1</td><td>新建城东水厂</td><td>80.7%</td><td></td><td>县水利局</td><td>设备安装完成60%。</td></tr>"
        '<tr><td colspan="6">备注：完成率=完成投资/年度计划投资。</td></tr>'
        "</table></body></html>"
    )
    report = parse_report_bytes(page.encode("utf-8"), source_name="made-up.html")
    assert report.columns == ["序号", "项目名称", "完成率", "牵头单位", "进展情况"]
    assert report.tasks[0].completion_text == "80.7%"

"""Several tables on one page (issue 11, item 2): every table is read, in order, and on a page of several
tables each one's caption is the theme of its rows unless the table has a group column of its own."""

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2023年三季度区《政府工作报告》目标任务推进情况"


def parse_text(*cells: str) -> object:
    text = "\n\n".join(["发布时间：2023-10-30", TITLE, *cells]) + "\n"
    return parse_report_bytes(text.encode("utf-8"), source_name="two-tables.txt")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


def test_two_flattened_tables_with_their_own_headers_and_captions_are_both_read():
    report = parse_text(
        "一、主要预期目标",
        "序号", "2023年预期目标", "牵头单位", "截至9月底完成情况",
        "1", "地区生产总值增长6%左右。", "区发改局", "前三季度增长5.4%。",
        "2", "一般公共预算收入增长5%。", "区财政局", "完成年度预算的78.2%。",
        "二、重点工作任务",
        "序号", "重点工作任务", "责任单位", "配合单位", "工作进展情况",
        "1", "开工建设城市更新项目12个。", "区住建局", "区城投集团", "已开工10个。",
        "2", "新建普惠性托育机构8家。", "区卫健局", "各街道", "已建成5家。",
    )
    assert [t.content for t in report.tasks] == [
        "地区生产总值增长6%左右。", "一般公共预算收入增长5%。", "开工建设城市更新项目12个。", "新建普惠性托育机构8家。",
    ]
    assert [t.seq for t in report.tasks] == [1, 2, 3, 4]
    assert [t.source_seq for t in report.tasks] == ["1", "2", "1", "2"]
    assert [(t.theme_no, t.theme) for t in report.tasks] == [("一", "主要预期目标")] * 2 + [("二", "重点工作任务")] * 2
    assert [[(r.name, r.role) for r in t.departments] for t in report.tasks][2:] == [
        [("区住建局", DepartmentRole.LEAD), ("区城投集团", DepartmentRole.CO)],
        [("区卫健局", DepartmentRole.LEAD), ("各街道", DepartmentRole.CO)],
    ]
    assert [t.progress for t in report.tasks][1:3] == ["完成年度预算的78.2%。", "已开工10个。"]
    assert [table.layout for table in report.tables] == ["seq|content|lead|progress", "seq|content|responsible|co|progress"]
    assert report.layout == "seq|content|lead|progress"
    assert errors.TABLES_READ in codes(report, Severity.INFO)
    assert report.count(Severity.ERROR) == 0


def test_second_table_with_the_same_header_starts_when_its_rows_count_from_one_again():
    header = ("序号", "工作任务", "牵头单位", "进展情况")
    report = parse_text(
        "表1 经济发展", *header, "1", "新增市场主体3000户。", "区市场监管局", "已新增2410户。",
        "2", "新增规上企业20家。", "区经信局", "已新增13家。",
        "表2 民生实事", *header, "1", "新增养老床位200张。", "区民政局", "已新增150张。",
    )
    assert [t.theme for t in report.tasks] == ["经济发展", "经济发展", "民生实事"]
    assert len(report.tables) == 2


def test_table_with_its_own_group_column_keeps_its_groups_not_the_caption():
    report = parse_text(
        "表1 主要指标",
        "序号", "指标名称", "牵头单位", "进展情况",
        "1", "城镇新增就业1.2万人。", "区人社局", "已新增0.95万人。",
        "表2 重点项目",
        "序号", "类别", "项目内容", "牵头单位", "进展情况",
        "1", "交通设施", "建成城市快速路8公里。", "区交通局", "已建成5.6公里。",
    )
    assert [t.theme for t in report.tasks] == ["主要指标", "交通设施"]


def test_html_page_with_two_tables_reads_both_in_order_with_their_captions():
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>推进情况</title></head><body>"
        f"<h2>{TITLE}</h2>"
        "<p>表1　主要经济指标完成情况</p>"
        "<table border='1'><tr><td>序号</td><td>指标</td><td>年度目标</td><td>1-9月完成</td><td>责任单位</td></tr>"
        "<tr><td>1</td><td>规上工业增加值(亿元)</td><td>420</td><td>318.6</td><td>区经信局</td></tr>"
        "<tr><td>2</td><td>社会消费品零售总额(亿元)</td><td>610</td><td>447.2</td><td>区商务局</td></tr></table>"
        "<p>表2　重点工作任务推进情况</p>"
        "<table border='1'><tr><td>序号</td><td>重点工作任务</td><td>牵头单位</td><td>配合单位</td><td>工作进展情况</td></tr>"
        "<tr><td>1</td><td>完成低效工业用地再开发1500亩。</td><td>区自然资源局</td><td>各街道</td><td>已完成1086亩。</td></tr></table>"
        "</body></html>"
    )
    report = parse_report_bytes(page.encode("utf-8"), source_name="two.html")
    assert [t.content for t in report.tasks] == ["规上工业增加值(亿元)", "社会消费品零售总额(亿元)", "完成低效工业用地再开发1500亩。"]
    assert [t.theme for t in report.tasks] == ["主要经济指标完成情况", "主要经济指标完成情况", "重点工作任务推进情况"]
    assert [(t.target_text, t.actual_text, t.progress) for t in report.tasks][:2] == [("420", "318.6", "318.6"), ("610", "447.2", "447.2")]
    assert report.tasks[2].department_names == ["区自然资源局", "各街道"]


def test_pipe_text_with_two_tables_and_a_caption_line_between_them():
    lines = [
        TITLE,
        "序号 | 指标 | 目标值 | 完成值 | 牵头单位",
        "1 | 新增城镇就业(人) | 3000 | 3034 | 区人社局",
        "表2 重点工作",
        "序号 | 工作任务 | 牵头单位 | 进展情况",
        "1 | 建成口袋公园6个。 | 区园林局 | 已建成4个。",
    ]
    report = parse_report_bytes(("\n".join(lines) + "\n").encode("utf-8"), source_name="pipes.txt")
    assert [t.content for t in report.tasks] == ["新增城镇就业(人)", "建成口袋公园6个。"]
    assert [t.theme for t in report.tasks] == ["", "重点工作"]
    assert (report.tasks[0].target_text, report.tasks[0].actual_text) == ("3000", "3034")


def test_a_single_table_takes_no_theme_from_its_heading():
    report = parse_text("一、主要预期目标", "序号", "工作任务", "牵头单位", "进展情况",
                        "1", "新增城镇就业1.2万人。", "区人社局", "已新增0.95万人。")
    assert report.tasks[0].theme == ""

"""Pipe and tab text as people paste it (issue 11, item 4): one cell per line closed by " |", and rows under a
merged first cell that leave that cell out, filled from above instead of shifting every column."""

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2023年上半年县政府重点工作任务完成情况"


def parse_text(text: str, name: str = "made-up.txt"):
    return parse_report_bytes(text.encode("utf-8"), source_name=name)


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


def test_one_cell_per_line_each_closed_by_a_pipe():
    cells = [
        "序号", "工作任务", "牵头单位", "配合单位", "进展情况",
        "1", "新建城市书房10家。", "县文广旅体局", "各乡镇", "已建成7家。",
        "2", "改造提升农贸市场6个。", "县市场监管局", "县商务局", "已完工4个,2个正在施工。",
    ]
    text = TITLE + "\n" + "\n".join(f"{cell} |" for cell in cells) + "\n"
    report = parse_text(text)
    assert [t.content for t in report.tasks] == ["新建城市书房10家。", "改造提升农贸市场6个。"]
    assert [t.progress for t in report.tasks] == ["已建成7家。", "已完工4个,2个正在施工。"]
    assert [[(r.name, r.role) for r in t.departments] for t in report.tasks] == [
        [("县文广旅体局", DepartmentRole.LEAD), ("各乡镇", DepartmentRole.CO)],
        [("县市场监管局", DepartmentRole.LEAD), ("县商务局", DepartmentRole.CO)],
    ]


def test_one_cell_per_line_with_empty_cells_and_row_ends_as_lone_pipes():
    lines = ["序号 |", "工作任务 |", "牵头单位 |", "进展情况 |", "||",
             "1 |", "新建城市书房10家。 |", "县文广旅体局 |", "已建成7家。 |", "||",
             "2 |", "改造提升农贸市场6个。 |", "县市场监管局 |", "|", "||"]
    report = parse_text(TITLE + "\n" + "\n".join(lines) + "\n")
    assert [t.content for t in report.tasks] == ["新建城市书房10家。", "改造提升农贸市场6个。"]
    assert [t.progress for t in report.tasks] == ["已建成7家。", ""]
    assert report.tasks[1].department_names == ["县市场监管局"]


def test_pipe_rows_whose_merged_group_cell_is_printed_only_on_the_first_row_are_not_shifted():
    lines = [
        TITLE,
        "类别 | 序号 | 工作任务 | 牵头单位 | 进展情况",
        "经济发展 | 1 | 新增市场主体3000户。 | 县市场监管局 | 已新增2410户。",
        "2 | 新增规上工业企业12家。 | 县经信局 | 已新增7家。",
        "3 | 实际利用外资1.5亿美元。 | 县商务局 | 完成0.8亿美元。",
        "民生保障 | 4 | 新增城镇就业4000人。 | 县人社局 | 已新增2650人。",
        "5 | 新增养老床位300张。 | 县民政局 | 已新增180张。",
    ]
    report = parse_text("\n".join(lines) + "\n")
    assert [t.theme for t in report.tasks] == ["经济发展"] * 3 + ["民生保障"] * 2
    assert [t.source_seq for t in report.tasks] == ["1", "2", "3", "4", "5"]
    assert [t.department_names for t in report.tasks] == [["县市场监管局"], ["县经信局"], ["县商务局"], ["县人社局"], ["县民政局"]]
    assert [t.progress for t in report.tasks][1] == "已新增7家。"
    assert errors.ROW_FILLED_FROM_ABOVE in codes(report, Severity.INFO)
    assert report.count(Severity.ERROR) == 0


def test_tab_rows_copied_from_a_page_with_the_group_cell_only_on_the_first_row():
    rows = [
        ["类别", "序号", "工作任务", "牵头单位", "配合单位", "进展情况"],
        ["城乡建设", "1", "改造老旧小区20个。", "县住建局", "各街道", "已开工18个。"],
        ["2", "新建污水管网35公里。", "县住建局", "县水务集团", "已完成22公里。"],
        ["生态环境", "3", "完成造林1.2万亩。", "县林业局", "各乡镇", "已完成0.9万亩。"],
    ]
    text = TITLE + "\r\n" + "\r\n".join("\t".join(row) for row in rows) + "\r\n"
    report = parse_text(text)
    assert [t.theme for t in report.tasks] == ["城乡建设", "城乡建设", "生态环境"]
    assert [t.department_names for t in report.tasks] == [["县住建局", "各街道"], ["县住建局", "县水务集团"], ["县林业局", "各乡镇"]]
    assert [t.progress for t in report.tasks] == ["已开工18个。", "已完成22公里。", "已完成0.9万亩。"]


def test_tab_rows_under_a_merged_lead_cell_take_the_lead_from_the_row_above():
    rows = [
        ["序号", "牵头单位", "工作任务", "进展情况"],
        ["1", "县教育局", "新建幼儿园3所。", "2所主体封顶。"],
        ["2", "改造农村学校运动场10个。", "已完工6个。"],
    ]
    report = parse_text(TITLE + "\n" + "\n".join("\t".join(row) for row in rows) + "\n")
    assert [t.department_names for t in report.tasks] == [["县教育局"], ["县教育局"]]
    assert report.tasks[1].content == "改造农村学校运动场10个。"


def test_a_group_line_between_pipe_rows_sets_the_theme_below_it():
    lines = [
        TITLE,
        "序号 | 工作任务 | 牵头单位 | 进展情况",
        "一、经济发展",
        "1 | 新增市场主体3000户。 | 县市场监管局 | 已新增2410户。",
        "二、民生保障",
        "2 | 新增城镇就业4000人。 | 县人社局 | 已新增2650人。",
    ]
    report = parse_text("\n".join(lines) + "\n")
    assert [(t.theme_no, t.theme) for t in report.tasks] == [("一", "经济发展"), ("二", "民生保障")]

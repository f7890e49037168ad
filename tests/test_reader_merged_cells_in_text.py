"""Text copied from a sheet (tabs, pipes) prints a cell merged down on its first row and leaves it blank below:
a blank unit cell under a filled one is that merged cell, for the lead units; a row of a cut file is cut at its
end, not in its middle."""

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2023年区级部门重点任务第三季度落实情况"


def parse_tabs(rows: list[list[str]], *, end: str = "\r\n"):
    text = TITLE + "\r\n" + "\r\n".join("\t".join(row) for row in rows) + end
    return parse_report_bytes(text.encode("utf-8"), source_name="made-up.txt")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


DEPARTMENT_FIRST = [
    ["责任单位", "序号", "重点任务", "落实情况", "备注"],
    ["区发展和改革局", "1", "地区生产总值增长6%。", "增长6.3%。", ""],
    ["", "2", "新开工重点项目30个。", "已开工26个。", ""],
    ["区教育局", "3", "新增学位3150个。", "新增3240个。", "已完成"],
    ["", "4", "新组建教育集团4个。", "已组建3个。", ""],
]


def test_a_unit_column_merged_down_over_its_tasks_gives_every_row_its_unit():
    report = parse_tabs(DEPARTMENT_FIRST)
    assert [[(d.name, d.role) for d in t.departments] for t in report.tasks] == [
        [("区发展和改革局", DepartmentRole.LEAD)], [("区发展和改革局", DepartmentRole.LEAD)],
        [("区教育局", DepartmentRole.LEAD)], [("区教育局", DepartmentRole.LEAD)],
    ]
    assert [t.theme for t in report.tasks] == [""] * 4  # a unit is not a theme
    assert errors.DEPARTMENT_CARRIED in codes(report, Severity.INFO)


def test_the_last_row_of_the_file_takes_its_merged_unit_when_its_later_cells_are_there():
    report = parse_tabs(DEPARTMENT_FIRST)  # the file ends with row 4, whose unit cell is blank
    assert report.tasks[-1].department_names == ["区教育局"]
    assert errors.ROW_TRUNCATED not in codes(report)
    assert report.count(Severity.ERROR) == 0


def test_a_blank_co_operator_cell_stays_blank():
    report = parse_tabs([
        ["序号", "重点任务", "牵头单位", "配合单位", "落实情况"],
        ["1", "地区生产总值增长6%。", "区发改局", "区统计局", "增长6.3%。"],
        ["2", "新开工重点项目30个。", "区发改局", "", "已开工26个。"],
    ])
    assert [t.department_names for t in report.tasks] == [["区发改局", "区统计局"], ["区发改局"]]


def test_a_last_row_missing_its_last_cells_is_still_cut():
    report = parse_tabs([
        ["序号", "重点任务", "牵头单位", "落实情况"],
        ["1", "地区生产总值增长6%。", "区发改局", "增长6.3%。"],
        ["2", "新开工重点项目30个。", "", ""],
    ], end="")
    assert errors.ROW_TRUNCATED in codes(report, Severity.ERROR)


def test_rows_under_a_task_merged_down_add_their_progress_lines_to_it():
    report = parse_tabs([
        ["序号", "重点工作", "牵头单位", "推进情况"],
        ["1", "完成棚户区改造征收2000户。", "区住建局", "1.城东片区已交付。"],
        ["", "", "", "2.城西片区主体封顶。"],
        ["2", "新增规上工业企业30家。", "区工信局", "新增26家。"],
    ])
    assert [t.content for t in report.tasks] == ["完成棚户区改造征收2000户。", "新增规上工业企业30家。"]
    assert report.tasks[0].progress == "1.城东片区已交付。\n2.城西片区主体封顶。"
    assert report.tasks[0].department_names == ["区住建局"]
    assert errors.ROW_CONTINUES_TASK in codes(report, Severity.INFO)
    assert errors.ROW_WITHOUT_CONTENT not in codes(report)

"""Header vocabulary (issue 11, item 1): every label other governments print maps to its column's role,
and a label we do not know never loses the table or spills into the departments.

Tables are made up, written as a page flattened to text: one cell per paragraph.
"""

import pytest

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes
from tracker.parsing import errors
from tracker.parsing.columns import Role, role_for_label

TITLE = "2023年上半年县《政府工作报告》重点工作任务完成情况"


def page(*cells: str, title: str = TITLE) -> bytes:
    head = ["发布时间：2023-07-20 来源：县政府办", title]
    return ("\n\n".join(head + list(cells)) + "\n").encode("utf-8")


def parse(*cells: str, title: str = TITLE):
    return parse_report_bytes(page(*cells, title=title), source_name="made-up.txt")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


@pytest.mark.parametrize(
    "label, role",
    [
        # task columns
        ("重点工作任务", Role.CONTENT),
        ("工作任务", Role.CONTENT),
        ("目标与任务", Role.CONTENT),
        ("内容及要求", Role.CONTENT),
        ("指标要求", Role.CONTENT),
        ("任务名称", Role.CONTENT),
        ("承担的重点工作", Role.CONTENT),
        ("2022年预期目标", Role.CONTENT),
        ("重点工作任务(配合工作2项)", Role.CONTENT),
        ("重点工作任务（牵头工作5项）", Role.CONTENT),
        ("重 点 工 作 任 务", Role.CONTENT),
        # progress
        ("截至6月底完成情况", Role.PROGRESS),
        ("本月进展情况", Role.PROGRESS),
        ("工作进展情况", Role.PROGRESS),
        ("1-8月实际完成情况", Role.PROGRESS),
        ("当前进度", Role.PROGRESS),
        ("进度", Role.PROGRESS),
        # completion
        ("完成目标(%)", Role.COMPLETION),
        ("完成目标（%）", Role.COMPLETION),
        ("实际完成率%", Role.COMPLETION),
        ("完成状态", Role.COMPLETION),
        # departments
        ("牵头责任单位", Role.LEAD),
        ("市级牵头责任单位", Role.LEAD),
        ("牵头部门", Role.LEAD),
        ("配合部门", Role.CO),
        ("主要参与单位", Role.CO),
        ("业主单位", Role.CO),
        ("牵头单位（配合单位）", Role.RESPONSIBLE),
        # leaders
        ("分管县领导", Role.LEADER),
        ("分管副区长", Role.LEADER),
        ("责任领导", Role.LEADER),
        # groups
        ("工程名称", Role.THEME),
        ("项目", Role.THEME),
        ("类别", Role.THEME),
        # figures
        ("目标值", Role.TARGET),
        ("实际完成", Role.ACTUAL),
        # known side columns, kept as notes
        ("完成时限", Role.OTHER),
        ("目标类型", Role.OTHER),
    ],
)
def test_label_maps_to_its_role(label, role):
    assert role_for_label(label) is role


@pytest.mark.parametrize(
    "task_label",
    ["重点工作任务", "工作任务", "目标与任务", "内容及要求", "指标要求", "任务名称", "承担的重点工作", "2022年预期目标",
     "重点工作任务(配合工作2项)", "重 点 工 作 任 务"],
)
def test_each_task_label_reads_the_table(task_label):
    report = parse("序号", task_label, "牵头单位", "截至6月底完成情况",
                   "1", "新建城乡供水管网45公里。", "县水利局", "已完成管网铺设31公里。")
    task = report.tasks[0]
    assert report.layout == "seq|content|lead|progress"
    assert task.content == "新建城乡供水管网45公里。"
    assert task.department_names == ["县水利局"]
    assert task.progress == "已完成管网铺设31公里。"


@pytest.mark.parametrize("progress_label", ["截至6月底完成情况", "本月进展情况", "工作进展情况", "1-8月实际完成情况", "当前进度", "进度"])
def test_each_progress_label_reads_the_progress(progress_label):
    report = parse("序号", "工作任务", "责任单位", progress_label,
                   "1", "改造农村公路60公里。", "县交通运输局", "已完成路基工程42公里，路面铺设正在推进。")
    assert report.tasks[0].progress == "已完成路基工程42公里，路面铺设正在推进。"
    assert report.tasks[0].department_names == ["县交通运输局"]


@pytest.mark.parametrize("completion_label", ["完成目标(%)", "实际完成率%", "完成状态"])
def test_each_completion_label_reads_the_rate_or_status(completion_label):
    value = "已完成" if completion_label == "完成状态" else "68.5%"
    report = parse("序号", "工作任务", "牵头单位", "进展情况", completion_label,
                   "1", "新增城镇就业3000人。", "县人社局", "上半年新增城镇就业2055人。", value)
    assert report.tasks[0].completion_text == value
    assert report.tasks[0].progress == "上半年新增城镇就业2055人。"


@pytest.mark.parametrize(
    "labels, roles",
    [
        (("牵头责任单位", "配合部门"), [DepartmentRole.LEAD, DepartmentRole.CO]),
        (("市级牵头责任单位", "主要参与单位"), [DepartmentRole.LEAD, DepartmentRole.CO]),
        (("牵头部门", "业主单位"), [DepartmentRole.LEAD, DepartmentRole.CO]),
    ],
)
def test_each_department_label_gives_its_role(labels, roles):
    report = parse("序号", "工作任务", *labels, "进展情况",
                   "1", "建设城市污水处理厂二期工程。", "县住建局", "县城投公司", "主体工程完成60%。")
    task = report.tasks[0]
    assert task.department_names == ["县住建局", "县城投公司"]
    assert [ref.role for ref in task.departments] == roles


@pytest.mark.parametrize("leader_label", ["分管县领导", "分管副区长"])
def test_each_leader_label_reads_people(leader_label):
    report = parse("序号", "工作任务", leader_label, "牵头单位", "进展情况",
                   "1", "创建省级森林城市。", "王建国", "县林业局", "已完成创建方案编制。")
    assert report.tasks[0].leaders == ["王建国"]
    assert report.tasks[0].department_names == ["县林业局"]


@pytest.mark.parametrize("group_label", ["工程名称", "项目", "类别"])
def test_each_group_label_gives_the_theme(group_label):
    report = parse("序号", group_label, "建设内容", "牵头单位", "进展情况",
                   "1", "民生保障工程", "新建幼儿园2所。", "县教育局", "1所主体封顶。",
                   "2", "改造中小学运动场5个。", "县教育局", "已完工3个。")
    assert [t.theme for t in report.tasks] == ["民生保障工程", "民生保障工程"]
    assert [t.content for t in report.tasks] == ["新建幼儿园2所。", "改造中小学运动场5个。"]


def test_label_split_over_two_paragraphs_reads_as_one():
    report = parse("序号", "重点工作任务", "市级牵头", "责任单位", "完成目标", "(%)", "进展情况",
                   "1", "建成5G基站800个。", "市经信局", "72.5%", "已建成580个。")
    assert report.layout == "seq|content|lead|completion|progress"
    assert report.columns[2] == "市级牵头责任单位"
    assert report.tasks[0].completion_text == "72.5%"


def test_unknown_column_at_the_end_is_kept_as_a_note_and_never_a_department():
    report = parse("序号", "重点工作任务", "牵头单位", "进展情况", "考核类型",
                   "1", "新增规上工业企业10家。", "县经信局", "已新增6家。", "约束性",
                   "2", "新增高新技术企业8家。", "县科技局", "已认定5家。", "预期性")
    assert report.layout == "seq|content|lead|progress|other"
    assert [t.note for t in report.tasks] == ["考核类型: 约束性", "考核类型: 预期性"]
    assert [t.department_names for t in report.tasks] == [["县经信局"], ["县科技局"]]
    assert errors.HEADER_UNKNOWN_COLUMN in codes(report, Severity.WARNING)


def test_two_unknown_columns_between_known_ones_do_not_lose_the_table():
    report = parse("序号", "重点工作任务", "考核分值", "考核方式", "牵头单位", "进展情况",
                   "1", "完成造林绿化1.2万亩。", "5", "现场核查", "县林业局", "已完成造林0.9万亩。")
    assert report.layout == "seq|content|other|other|lead|progress"
    assert report.tasks[0].department_names == ["县林业局"]
    assert report.tasks[0].note == "考核分值: 5\n考核方式: 现场核查"


def test_known_side_column_is_a_note_without_an_unknown_column_warning():
    report = parse("序号", "工作任务", "牵头单位", "完成时限", "进展情况",
                   "1", "建成县域医共体信息平台。", "县卫健局", "2023年12月", "平台已上线试运行。")
    assert report.tasks[0].note == "完成时限: 2023年12月"
    assert errors.HEADER_UNKNOWN_COLUMN not in codes(report)

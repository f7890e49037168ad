"""Group rows naming a leader, leader cells naming several people, and collective names that never lead
(issue 11, item 5)."""

import io

import openpyxl

from tracker.parsing import DepartmentRole, parse_report_bytes

TITLE = "2023年三季度区政府工作报告重点工作推进情况"


def parse_flat(*cells: str):
    text = "\n\n".join([TITLE, *cells]) + "\n"
    return parse_report_bytes(text.encode("utf-8"), source_name="leaders.txt")


def test_group_rows_naming_a_leader_give_the_theme_and_the_leader_of_the_rows_below():
    report = parse_flat(
        "序号", "重点工作任务", "牵头单位", "进展情况",
        "(一)张明远副区长牵头重点工作",
        "1", "新增规上工业企业15家。", "区经信局", "已新增9家。",
        "2", "完成工业投资80亿元。", "区发改局", "完成61.2亿元。",
        "(二)李晓燕副区长牵头重点工作",
        "3", "新建改建学校4所。", "区教育局", "3所已开工。",
    )
    assert [t.theme for t in report.tasks] == ["重点工作", "重点工作", "重点工作"]
    assert [t.theme_no for t in report.tasks] == ["一", "一", "二"]
    assert [t.leaders for t in report.tasks] == [["张明远"], ["张明远"], ["李晓燕"]]
    assert [t.department_names for t in report.tasks] == [["区经信局"], ["区发改局"], ["区教育局"]]


def test_group_row_with_the_leader_in_brackets_after_the_theme():
    report = parse_flat(
        "序号", "工作任务", "牵头单位", "进展情况",
        "一、城乡建设（刘芳副县长牵头）",
        "1", "改造老旧小区20个。", "县住建局", "已开工18个。",
        "二、社会事业（周伟、陈静副县长牵头）",
        "2", "新建幼儿园2所。", "县教育局", "主体封顶。",
    )
    assert [(t.theme_no, t.theme) for t in report.tasks] == [("一", "城乡建设"), ("二", "社会事业")]
    assert [t.leaders for t in report.tasks] == [["刘芳"], ["周伟", "陈静"]]


def test_group_row_without_a_marker_naming_a_leader():
    report = parse_flat(
        "序号", "工作任务", "牵头单位", "进展情况",
        "李四区长牵头工作",
        "1", "优化营商环境,新增市场主体5000户。", "区市场监管局", "已新增3920户。",
    )
    assert report.tasks[0].leaders == ["李四"]
    assert report.tasks[0].theme == "工作"


def test_leader_cell_with_several_names_gives_several_leaders():
    report = parse_flat(
        "序号", "工作任务", "分管区领导", "牵头单位", "进展情况",
        "1", "新增城市停车泊位2000个。", "王五 赵六", "区城管局", "已新增1320个。",
        "2", "新建口袋公园8个。", "王五、赵六", "区园林局", "已建成5个。",
        "3", "完成河道清淤30公里。", "孙  七", "区水利局", "已完成22公里。",
    )
    assert [t.leaders for t in report.tasks] == [["王五", "赵六"], ["王五", "赵六"], ["孙七"]]


def test_collective_names_co_operate_even_in_a_lead_column():
    report = parse_flat(
        "序号", "工作任务", "牵头单位", "责任单位", "进展情况",
        "1", "完成农村改厕1200户。", "县农业农村局、各乡镇", "县卫健局、县各有关单位", "已完成680户。",
        "2", "开展全域环境整治。", "各街道", "各有关单位", "正常推进。",
    )
    first, second = report.tasks
    assert [(r.name, r.role) for r in first.departments] == [
        ("县农业农村局", DepartmentRole.LEAD), ("各乡镇", DepartmentRole.CO),
        ("县卫健局", DepartmentRole.CO), ("县各有关单位", DepartmentRole.CO),
    ]
    assert [r.role for r in second.departments] == [DepartmentRole.CO, DepartmentRole.CO]


def test_responsible_column_first_named_leads_unless_it_is_collective():
    report = parse_flat(
        "序号", "工作任务", "责任单位", "进展情况",
        "1", "开展全域环境整治。", "各街道、区城管局、区生态环境分局", "正常推进。",
    )
    assert [(r.name, r.role) for r in report.tasks[0].departments] == [
        ("各街道", DepartmentRole.CO), ("区城管局", DepartmentRole.LEAD), ("区生态环境分局", DepartmentRole.CO),
    ]


def test_excel_group_rows_merged_across_name_their_leaders():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([TITLE])
    sheet.append(["序号", "工作任务", "牵头单位", "配合单位", "进展情况"])
    sheet.append(["（一）吴刚副区长牵头工作"])
    sheet.merge_cells("A3:E3")
    sheet.append([1, "新增规上工业企业15家。", "区经信局", "各街道", "已新增9家。"])
    sheet.append(["（二）郑洁副区长牵头工作"])
    sheet.merge_cells("A5:E5")
    sheet.append([2, "新建改建学校4所。", "区教育局", "区住建局", "3所已开工。"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = parse_report_bytes(buffer.getvalue(), source_name="leaders.xlsx")
    assert [t.leaders for t in report.tasks] == [["吴刚"], ["郑洁"]]
    assert [t.theme for t in report.tasks] == ["工作", "工作"]
    assert [t.department_names for t in report.tasks] == [["区经信局", "各街道"], ["区教育局", "区住建局"]]

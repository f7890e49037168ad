"""Header cells over two paragraphs and headers over two rows (issue 11, item 3)."""

import io

import docx

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2024年市级民生实事项目进度表(截至8月底)"


def parse_text(text: str, name: str = "made-up.txt"):
    return parse_report_bytes(text.encode("utf-8"), source_name=name)


def flat(*cells: str) -> str:
    return "\n\n".join([TITLE, *cells]) + "\n"


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


def test_label_pieces_on_two_lines_join_into_one_label():
    report = parse_text(flat(
        "序号", "重点工作", "责任", "领导", "牵头", "责任单位", "完成目标", "(%)", "截至8月底", "进展情况",
        "1", "建成公共充电桩600个。", "陈立新", "市发改委", "71.3%", "已建成428个。",
    ))
    assert report.columns == ["序号", "重点工作", "责任领导", "牵头责任单位", "完成目标(%)", "截至8月底进展情况"]
    assert report.layout == "seq|content|leader|lead|completion|progress"
    task = report.tasks[0]
    assert (task.leaders, task.department_names, task.completion_text, task.progress) == (
        ["陈立新"], ["市发改委"], "71.3%", "已建成428个。"
    )


def test_period_word_over_an_unknown_label_is_one_column():
    report = parse_text(flat(
        "序号", "工作任务", "牵头单位", "三季度", "工作安排", "截至8月底", "完成情况",
        "1", "新增城市绿道30公里。", "市园林局", "完成剩余段施工。", "已建成21公里。",
    ))
    assert report.columns == ["序号", "工作任务", "牵头单位", "三季度工作安排", "截至8月底完成情况"]
    assert report.tasks[0].note == "三季度工作安排: 完成剩余段施工。"
    assert report.tasks[0].progress == "已建成21公里。"


def test_two_row_header_in_a_web_page_joins_the_sub_columns_into_the_progress():
    page = (
        "<html><body><h1>" + TITLE + "</h1><table border='1'>"
        "<tr><td rowspan='2'>序号</td><td rowspan='2'>项目名称</td><td rowspan='2'>牵头单位</td>"
        "<td colspan='2'>本月进展情况</td></tr>"
        "<tr><td>前期手续</td><td>在建形象进度</td></tr>"
        "<tr><td>1</td><td>新建第二人民医院</td><td>市卫健委</td><td>已取得施工许可</td><td>主体结构施工至8层</td></tr>"
        "<tr><td>2</td><td>改造老旧小区40个</td><td>市住建局</td><td>&nbsp;</td><td>完工26个</td></tr>"
        "</table></body></html>"
    )
    report = parse_report_bytes(page.encode("utf-8"), source_name="two-rows.html")
    assert [t.progress for t in report.tasks] == ["已取得施工许可\n主体结构施工至8层", "完工26个"]
    assert [t.content for t in report.tasks] == ["新建第二人民医院", "改造老旧小区40个"]
    assert report.layout == "seq|content|lead|progress|progress"
    assert report.columns[3:] == ["本月进展情况/前期手续", "本月进展情况/在建形象进度"]
    assert errors.HEADER_TWO_ROWS in codes(report, Severity.INFO)


def test_two_row_header_flattened_to_text_puts_the_sub_labels_under_their_parent():
    report = parse_text(flat(
        "序号", "项目名称", "牵头单位", "本月进展情况", "配合单位", "前期手续", "在建形象进度",
        "1", "新建第二人民医院", "市卫健委", "已取得施工许可", "主体结构施工至8层", "市城投集团",
        "2", "改造老旧小区40个", "市住建局", "方案已批复", "完工26个", "各区政府",
    ))
    assert [t.progress for t in report.tasks] == ["已取得施工许可\n主体结构施工至8层", "方案已批复\n完工26个"]
    assert [t.department_names for t in report.tasks] == [["市卫健委", "市城投集团"], ["市住建局", "各区政府"]]
    assert report.layout == "seq|content|lead|progress|progress|co"


def test_two_row_header_written_with_pipes():
    lines = [
        TITLE,
        "序号 | 项目名称 | 牵头单位 | 本月进展情况 |  | 备注",
        " |  |  | 前期手续 | 在建形象进度 | ",
        "1 | 新建第二人民医院 | 市卫健委 | 已取得施工许可 | 主体结构施工至8层 | ",
        "2 | 改造老旧小区40个 | 市住建局 |  | 完工26个 | 含加装电梯",
    ]
    report = parse_text("\n".join(lines) + "\n")
    assert [t.progress for t in report.tasks] == ["已取得施工许可\n主体结构施工至8层", "完工26个"]
    assert [t.note for t in report.tasks] == ["", "含加装电梯"]
    assert report.columns[3:5] == ["本月进展情况/前期手续", "本月进展情况/在建形象进度"]


def test_word_header_cells_with_two_paragraphs_read_as_one_label():
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=2, cols=4)
    labels = [("序号",), ("重点工作", "任务"), ("市级牵头", "责任单位"), ("截至8月底", "完成情况")]
    for cell, paragraphs in zip(table.rows[0].cells, labels):
        cell.text = paragraphs[0]
        for extra in paragraphs[1:]:
            cell.add_paragraph(extra)
    for cell, text in zip(table.rows[1].cells, ["1", "建成公共充电桩600个。", "市发改委", "已建成428个。"]):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    report = parse_report_bytes(buffer.getvalue(), source_name="split.docx")
    assert report.layout == "seq|content|lead|progress"
    assert report.tasks[0].department_names == ["市发改委"]


def test_excel_two_row_header_with_figure_columns_under_a_year_keeps_them_apart():
    import openpyxl

    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "填报说明"
    notes.append(["1. 本表由各牵头单位填报。"])
    sheet = workbook.create_sheet("进度表")
    sheet.append(["2023年1-9月主要指标完成情况"])
    sheet.append(["序号", "指标", "2023年", None, "完成率", "牵头单位"])
    sheet.append([None, None, "目标", "1-9月完成", None, None])
    for column in ("A", "B", "E", "F"):
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("C2:D2")
    sheet.append([1, "地区生产总值(亿元)", 520, 386.4, "74.3%", "县发改局"])
    sheet.append([2, "一般公共预算收入(亿元)", 41, 32.9, "80.2%", "县财政局"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = parse_report_bytes(buffer.getvalue(), source_name="two-rows.xlsx")
    assert report.columns[2:4] == ["2023年/目标", "2023年/1-9月完成"]
    assert [(t.target_text, t.actual_text, t.completion_text) for t in report.tasks] == [
        ("520", "386.4", "74.3%"), ("41", "32.9", "80.2%"),
    ]
    assert [t.department_names for t in report.tasks] == [["县发改局"], ["县财政局"]]

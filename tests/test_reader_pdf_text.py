"""Text copied from a PDF: every line is broken at the column width (inside sentences, numbers and unit names),
and each page ends with its number ("— 1 —"); the lines of a cell are one text, the page numbers no text."""

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes
from tracker.parsing import errors

LINES = [
    "青石县2024年重点工作上半年推进情况",
    "序号", "工作任务", "牵头单位", "配合单位", "进展情况",
    "1", "建成县城第二水厂，日供水能力", "达到5万吨。", "县住房和城乡", "建设局", "县水务集",
    "团", "主体工程完成投资2.", "45亿元，设备安装完成", "70%。",
    "2", "新增城镇就业3000人，培训农民", "工2000人次。", "县人力资源和", "社会保障局", "县农业农村局、", "各乡镇",
    "1-6月城镇新增就业1620人，培训", "农民工1180人次。",
    "— 1 —",
    "3", "改造老旧小区25个，惠及居民", "4600户。", "县住房和城乡", "建设局", "县财政局、各乡", "镇",
    "25个小区已全部开工，完工11个", "，其余正在施工。",
    "— 2 —",
]


def parse_pdf_text(lines: list[str]):
    return parse_report_bytes(("\n".join(lines) + "\n").encode("utf-8"), source_name="made-up.txt")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


def test_lines_wrapped_at_the_column_width_are_joined_with_nothing_inside_a_sentence_or_a_number():
    report = parse_pdf_text(LINES)
    assert [t.content for t in report.tasks] == [
        "建成县城第二水厂，日供水能力达到5万吨。", "新增城镇就业3000人，培训农民工2000人次。", "改造老旧小区25个，惠及居民4600户。",
    ]
    assert report.tasks[0].progress == "主体工程完成投资2.45亿元，设备安装完成70%。"
    assert errors.TEXT_WRAPPED in codes(report, Severity.INFO)
    assert errors.CELL_PARAGRAPHS_JOINED not in codes(report)
    assert report.count(Severity.ERROR) == 0  # every content cell has several lines: that is the wrapping, not a shift


def test_unit_names_wrapped_at_the_column_width_are_one_name():
    report = parse_pdf_text(LINES)
    assert [[(d.name, d.role) for d in t.departments] for t in report.tasks] == [
        [("县住房和城乡建设局", DepartmentRole.LEAD), ("县水务集团", DepartmentRole.CO)],
        [("县人力资源和社会保障局", DepartmentRole.LEAD), ("县农业农村局", DepartmentRole.CO), ("各乡镇", DepartmentRole.CO)],
        [("县住房和城乡建设局", DepartmentRole.LEAD), ("县财政局", DepartmentRole.CO), ("各乡镇", DepartmentRole.CO)],
    ]


def test_page_numbers_are_not_part_of_the_progress():
    report = parse_pdf_text(LINES)
    assert report.tasks[1].progress == "1-6月城镇新增就业1620人，培训农民工1180人次。"
    assert report.tasks[2].progress == "25个小区已全部开工，完工11个，其余正在施工。"
    assert errors.PAGE_NUMBER_SKIPPED in codes(report, Severity.INFO)


def test_paragraphs_that_end_their_sentences_keep_their_line_breaks():
    lines = [
        "青石县2024年重点工作上半年推进情况",
        "序号", "工作任务", "牵头单位", "进展情况",
        "1", "建成县城第二水厂。", "县住建局", "主体完工。", "设备安装完成70%。",
        "2", "新增城镇就业3000人。", "县人社局", "新增1620人。",
    ]
    report = parse_pdf_text(lines)
    assert report.tasks[0].progress == "主体完工。\n设备安装完成70%。"
    assert errors.TEXT_WRAPPED not in codes(report)


def test_a_line_that_is_no_unit_alone_but_completes_the_one_above_joins_it_in_any_table():
    page = (
        "<html><body><h1>青石县2024年重点工作上半年推进情况</h1><table>"
        "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>进展情况</td></tr>"
        "<tr><td>1</td><td>改造老旧小区25个。</td><td>县住房和城乡<br>建设局</td><td>县财政局<br>县发改局</td><td>已开工。</td></tr>"
        "</table></body></html>"
    )
    task = parse_report_bytes(page.encode("utf-8"), source_name="made-up.html").tasks[0]
    assert task.department_names == ["县住房和城乡建设局", "县财政局", "县发改局"]

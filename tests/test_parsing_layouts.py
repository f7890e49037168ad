"""Each layout feature the parser must handle, on small made-up tables.

Tables are written the way the published pages flatten them: one cell per
paragraph, paragraphs separated by blank lines.
"""

import pytest

from tracker.parsing import DepartmentRole, ParseError, Severity, parse_report_bytes
from tracker.parsing import errors

TITLE = "2023年三季度《政府工作报告》主要目标任务完成情况"


def page(*cells: str, title: str = TITLE, newline: str = "\n") -> str:
    """A flattened page: metadata, title, then cells separated by blank lines."""
    head = ["信息索引号 K0000001-1/2023-00001 公开方式 主动公开", "发布机构 区府办", "发布日期 2023-10-20", title]
    return (newline * 2).join(head + list(cells)) + newline


def parse(text: str, encoding: str = "utf-8"):
    return parse_report_bytes(text.encode(encoding), source_name="made-up.txt")


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


STANDARD_HEADER = ("序号", "项目名称", "主要工作内容", "牵头单位", "累计完成情况")


def test_theme_is_carried_over_rows_where_the_merged_cell_is_missing():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
                        "2", "加固修缮道路8条。", "区城管局", "已完成8条。"))
    assert [t.theme for t in report.tasks] == ["城市建设", "城市建设"]
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个。", "加固修缮道路8条。"]


def test_repeated_theme_label_does_not_start_a_new_theme():
    report = parse(page(*STANDARD_HEADER,
                        "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
                        "2", "民生保障", "新增养老床位200张。", "区民政局", "已新增150张。",
                        "3", "民生保障", "新建社区食堂10家。", "区民政局", "已建成8家。"))
    assert [t.theme for t in report.tasks] == ["城市建设", "民生保障", "民生保障"]
    assert codes(report).count(errors.THEME_REPEATED_LABEL) == 1


def test_department_name_broken_across_paragraphs_is_joined_and_reported():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "垃圾分类示范小区83个。", "区综合行政", "执法局", "已创建62个。",
                        "2", "推进生态修复。", "生态环境", "拱墅分局", "正常推进。",
                        "3", "电竞中心投用。", "区数产园", "管委会", "已投用。"))
    assert [t.department_names for t in report.tasks] == [["区综合行政执法局"], ["生态环境拱墅分局"], ["区数产园管委会"]]
    assert codes(report, Severity.INFO).count(errors.DEPARTMENT_FRAGMENTS_JOINED) == 3


def test_stray_space_inside_a_department_name_is_removed():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "垃圾分类示范小区83个。", "区综合行政 执法局", "已创建62个。"))
    assert report.tasks[0].department_names == ["区综合行政执法局"]


def test_multi_department_cell_splits_on_enumeration_comma_and_commas_keeping_brackets():
    header = ("项目名称", "项目内容", "责任单位", "进展情况")
    report = parse(page(*header, "(一)", "改革", "推进一件事联办",
                        "区行政审批办、区委统战部（区民宗局），区发改经信局,各街道", "正常推进"))
    task = report.tasks[0]
    assert task.department_names == ["区行政审批办", "区委统战部(区民宗局)", "区发改经信局", "各街道"]
    assert [ref.role for ref in task.departments] == [DepartmentRole.LEAD] + [DepartmentRole.CO] * 3
    assert errors.HEADER_RESPONSIBLE_ORDER in codes(report, Severity.INFO)


def test_group_label_alone_then_name_and_inline_label_both_set_the_theme():
    header = ("项目名称", "项目内容", "责任单位", "进展情况")
    report = parse(page(*header,
                        "(一)", "经济发展", "地区生产总值增长6.5%以上", "区发改经信局、各街道", "正常进行中",
                        "财政收入与经济增长基本同步", "区财政局", "正常进行中",
                        "(十一)提高城市承载能力", "实施94条53公里道路建设", "区住建局、各建设指挥部", "有序推进",
                        "(十一)", "提高城市承载能力", "\u00a0", "新增地下空间60万平方米", "区住建局", "已完成49.76万平方米"))
    assert [(t.theme_no, t.theme) for t in report.tasks] == [
        ("一", "经济发展"), ("一", "经济发展"), ("十一", "提高城市承载能力"), ("十一", "提高城市承载能力")
    ]
    assert [t.content for t in report.tasks][2:] == ["实施94条53公里道路建设", "新增地下空间60万平方米"]


def test_group_label_with_inline_marker_only_on_the_first_row_of_its_group():
    header = ("序号", "项目名称", "主要工作内容", "牵头单位", "完成情况")
    report = parse(page(*header,
                        "1", "(一)稳增长", "地区生产总值增长7%。", "区发改经信局", "同比增长1.2%。",
                        "2", "稳增长", "财政收入增长与经济增长基本同步。", "区财政局", "快于序时进度。",
                        "3", "(二)惠民生", "新增养老床位200张。", "区民政局", "已新增150张。"))
    assert [(t.theme_no, t.theme) for t in report.tasks] == [("一", "稳增长"), ("一", "稳增长"), ("二", "惠民生")]
    assert len({t.theme for t in report.tasks}) == 2


def test_blank_and_nbsp_only_cells_are_ignored():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "\u00a0", "新增停车泊位3500个。", " ", "区住建局", "\u3000", "已新增11494个。"))
    assert report.tasks[0].content == "新增停车泊位3500个。"
    assert report.tasks[0].progress == "已新增11494个。"


def test_full_width_punctuation_crlf_and_bom_are_read():
    text = page("序号", "项目名称", "主要工作内容", "牵头单位", "累计完成情况",
                "1", "城市建设", "新增停车泊位３５００个。", "区委统战部（区民宗局）、区住建局", "已新增１１４９４个，超额完成。",
                newline="\r\n")
    report = parse_report_bytes("\ufeff".encode() + text.encode("utf-8"))
    task = report.tasks[0]
    assert task.department_names == ["区委统战部(区民宗局)", "区住建局"]
    assert task.content == "新增停车泊位３５００个。"  # display text keeps the original width
    assert report.meta.year == 2023
    assert task.first_line > 1 and "\r" not in task.progress


def test_gb18030_encoded_file_is_decoded_and_reported():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。"), encoding="gb18030")
    assert report.tasks[0].department_names == ["区住建局"]
    assert errors.DECODED_GB18030 in codes(report, Severity.INFO)


def test_leader_column_holds_people_not_departments():
    header = ("序号", "工作内容", "牵头领导", "牵头单位", "完成情况")
    report = parse(page(*header, "1", "新增停车泊位3500个", "张三", "区住建局", "已新增11494个",
                        "2", "新增养老床位200张", "李四、王五", "区民政局", "已新增150张"))
    assert [t.leaders for t in report.tasks] == [["张三"], ["李四", "王五"]]
    assert [t.department_names for t in report.tasks] == [["区住建局"], ["区民政局"]]


def test_department_column_last():
    header = ("序号", "年度目标任务", "进展情况", "责任单位")
    report = parse(page(*header, "1", "新增停车泊位3500个", "已新增11494个", "区住建局",
                        "2", "新增养老床位200张", "已新增150张", "区民政局、各街道"))
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个", "新增养老床位200张"]
    assert [t.progress for t in report.tasks] == ["已新增11494个", "已新增150张"]
    assert report.tasks[1].department_names == ["区民政局", "各街道"]


def test_progress_as_bare_percentage_or_slash():
    header = ("序号", "内容与要求", "牵头部门", "配合部门", "完成进度", "备注")
    report = parse(page(*header, "1", "新增停车泊位3500个", "区住建局", "各街道", "75%", "按计划推进",
                        "2", "新增养老床位200张", "区民政局", "区财政局", "/", "年底开工"))
    assert [t.completion_text for t in report.tasks] == ["75%", "/"]
    assert [t.note for t in report.tasks] == ["按计划推进", "年底开工"]
    assert [(r.name, r.role) for r in report.tasks[0].departments] == [
        ("区住建局", DepartmentRole.LEAD), ("各街道", DepartmentRole.CO)
    ]
    assert errors.PROGRESS_MISSING not in codes(report)


@pytest.mark.parametrize(
    "labels, layout",
    [
        (("序号", "项目内容", "责任单位", "当前进度"), "seq|content|responsible|progress"),
        (("序号", "项目", "名称", "年度目标任务", "牵头单位", "完成情况"), "seq|theme|content|lead|progress"),
        (("序 号", "任 务 名 称", "责任单位", "进展情况"), "seq|content|responsible|progress"),
    ],
)
def test_header_synonyms_split_and_spaced_labels_map_to_roles(labels, layout):
    cells = ["1"] + (["城市建设"] if "theme" in layout else []) + ["新增停车泊位3500个", "区住建局", "已新增11494个"]
    report = parse(page(*labels, *cells))
    assert report.layout == layout
    assert report.tasks[0].department_names == ["区住建局"]


def test_unknown_column_between_known_ones_is_kept_as_note():
    header = ("序号", "主要工作内容", "考核分值", "牵头单位", "完成情况")
    report = parse(page(*header, "1", "新增停车泊位3500个", "5分", "区住建局", "已新增11494个"))
    assert report.layout == "seq|content|other|lead|progress"
    assert report.tasks[0].note == "考核分值: 5分"
    assert errors.HEADER_UNKNOWN_COLUMN in codes(report, Severity.WARNING)


def test_table_whose_only_task_column_is_a_project_name_reads_it_as_content():
    report = parse(page("序号", "项目名称", "责任单位", "进展情况", "1", "新增停车泊位3500个", "区住建局", "已新增11494个"))
    assert report.layout == "seq|content|responsible|progress"
    assert report.tasks[0].content == "新增停车泊位3500个"
    assert errors.HEADER_THEME_AS_CONTENT in codes(report, Severity.WARNING)


def test_table_without_seq_rebuilds_rows_by_what_cells_look_like():
    header = ("工作内容", "责任单位", "进展情况")
    report = parse(page(*header, "新增停车泊位3500个", "区住建局", "已新增11494个",
                        "新增养老床位200张", "区民政局、各街道", "正常推进",
                        "办好中国非遗博览会", "区文广旅体局", "活动停办"))
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个", "新增养老床位200张", "办好中国非遗博览会"]
    assert [t.progress for t in report.tasks] == ["已新增11494个", "正常推进", "活动停办"]


def test_rows_written_one_per_line_with_pipes():
    lines = [
        "序号 | 项目名称 | 主要工作内容 | 牵头单位 | 累计完成情况",
        "1 | 城市建设 | 新增停车泊位3500个 | 区住建局 | 已新增11494个",
        "2 |  | 加固修缮道路8条 | 区综合行政执法局 | 已完成8条",
        "3 | 民生保障 | 新增养老床位200张 | 区民政局、各街道 | 已新增150张",
    ]
    report = parse(TITLE + "\n" + "\n".join(lines) + "\n")
    assert [t.theme for t in report.tasks] == ["城市建设", "城市建设", "民生保障"]
    assert [t.department_names for t in report.tasks][2] == ["区民政局", "各街道"]
    assert [t.first_line for t in report.tasks] == [3, 4, 5]


def test_table_printed_twice_is_read_once():
    table = [*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
             "2", "加固修缮道路8条。", "区城管局", "已完成8条。"]
    report = parse(page(*table, "规划计划", "政府工作报告重点任务", TITLE, "索引号", "K0000001-1/2023-00001", *table))
    assert len(report.tasks) == 2
    assert report.tasks[-1].progress == "已完成8条。"
    assert errors.PRINT_COPY_SKIPPED in codes(report)


def test_header_repeated_at_a_page_break_is_not_a_row():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
                        *STANDARD_HEADER, "2", "加固修缮道路8条。", "区城管局", "已完成8条。"))
    assert [t.source_seq for t in report.tasks] == ["1", "2"]
    assert errors.HEADER_REPEATED in codes(report)


def test_row_cut_off_at_the_end_of_the_file_is_an_error():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
                        "2", "加固修缮道路8条。"))
    errors_found = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    assert [d.code for d in errors_found] == [errors.ROW_TRUNCATED]
    assert errors_found[0].line == report.tasks[-1].last_line


def test_missing_progress_in_the_middle_is_a_warning_not_an_error():
    header = ("工作内容", "责任单位", "进展情况")
    report = parse(page(*header, "新增停车泊位3500个", "区住建局", "新增养老床位200张", "区民政局", "正常推进"))
    assert [t.progress for t in report.tasks] == ["", "正常推进"]
    assert errors.PROGRESS_MISSING in codes(report, Severity.WARNING)
    assert report.count(Severity.ERROR) == 0


def test_seq_gap_is_reported():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
                        "3", "加固修缮道路8条。", "区城管局", "已完成8条。"))
    assert [t.seq for t in report.tasks] == [1, 2]
    assert errors.SEQ_GAP in codes(report, Severity.WARNING)


@pytest.mark.parametrize(
    "title, year, quarter, end_month",
    [
        ("2022年三季度《政府工作报告》主要目标任务完成情况", 2022, 3, 9),
        ("2020第三季度政府工作报告重点任务目标执行情况", 2020, 3, 9),
        ("2021年1-9月政府工作报告重点任务进展情况", 2021, 3, 9),
        ("2021年1-8月政府工作报告重点任务进展情况", 2021, None, 8),
        ("2023年半年度政府工作报告任务完成情况", 2023, 2, 6),
        ("2023年上半年政府工作报告任务完成情况", 2023, 2, 6),
        ("2023年第一季度政府工作报告任务完成情况", 2023, 1, 3),
    ],
)
def test_title_gives_year_and_period(title, year, quarter, end_month):
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。", title=title))
    assert (report.meta.year, report.meta.quarter, report.meta.period_end_month) == (year, quarter, end_month)


def test_title_without_period_is_reported():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。",
                        title="2023年政府工作报告任务完成情况"))
    assert report.meta.period_end_month is None
    assert errors.METADATA_NO_PERIOD in codes(report, Severity.WARNING)


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", errors.EMPTY_INPUT),
        (b"  \r\n\r\n ", errors.EMPTY_INPUT),
        (b"\x89PNG\r\n\x1a\n\x00\x00", errors.NOT_TEXT),
        (b"PK\x03\x04rest-of-a-zip", errors.NOT_TEXT),
        (b"abc\x00\x01\x02", errors.NOT_TEXT),
        (b"\xff\xfe\xfd\x80\x81", errors.NOT_TEXT),
        ("这是一段没有表格的说明文字。\n\n只有两段。".encode(), errors.NO_TABLE),
        (page(*STANDARD_HEADER).encode(), errors.NO_TABLE),
    ],
)
def test_input_without_a_readable_table_raises_a_one_line_error(data, code):
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(data, source_name="bad.txt")
    assert raised.value.code == code
    message = str(raised.value)
    assert message.startswith("bad.txt") and "\n" not in message


def test_to_json_follows_the_documented_contract():
    report = parse(page(*STANDARD_HEADER, "1", "城市建设", "新增停车泊位3500个。", "区住建局", "已新增11494个。"))
    data = report.to_json()
    assert set(data) == {"report", "tasks", "diagnostics"}
    assert {"title", "year", "quarter", "publisher", "index_no", "published_on", "layout"} <= set(data["report"])
    task = data["tasks"][0]
    assert {"seq", "theme", "theme_no", "content", "departments", "leaders", "progress", "status", "metrics", "lines"} <= set(task)
    assert task["status"] == "unknown" and task["departments"] == ["区住建局"]
    assert task["lines"][0] <= task["lines"][1]


def test_pipe_row_without_content_is_skipped_with_a_warning():
    lines = [
        "序号 | 项目名称 | 主要工作内容 | 牵头单位 | 累计完成情况",
        "1 | 城市建设 | 新增停车泊位3500个 | 区住建局 | 已新增11494个",
        "2 | 民生保障 |  | 区民政局 | 正常推进",
    ]
    report = parse(TITLE + "\n" + "\n".join(lines) + "\n")
    assert [t.content for t in report.tasks] == ["新增停车泊位3500个"]
    assert errors.ROW_WITHOUT_CONTENT in codes(report, Severity.WARNING)

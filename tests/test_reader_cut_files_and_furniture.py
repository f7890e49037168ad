"""Files cut short (issue 11, item 8), page furniture never read as a task (issue 13, item 2), and tables whose
columns cannot be trusted said to be so (issue 11: never a silently shifted table)."""

from pathlib import Path

from tracker.parsing import Severity, parse_report_bytes
from tracker.parsing import errors

SAMPLE_2022 = Path(__file__).resolve().parent.parent / "fixtures" / "2022q3_gongshu.txt"
TITLE = "2023年上半年县政府重点工作任务完成情况"


def codes(report, severity=None):
    return [d.code for d in report.diagnostics if severity is None or d.severity is severity]


def sample_lines() -> list[str]:
    return SAMPLE_2022.read_text(encoding="utf-8").split("\n")


def test_changed_copy_of_the_sample_reads_108_tasks_and_no_furniture_department():
    """The corrected copy of issue 13: one progress line changed, one line deleted (the print copy now differs)."""
    lines = sample_lines()
    progress = next(i for i, line in enumerate(lines) if line.startswith("1-8月,拱墅区PM2.5"))
    lines[progress] = lines[progress].replace("32.8", "33.0")
    deleted = next(i for i, line in enumerate(lines) if line.startswith("非刚性、非重点支出预算"))
    del lines[deleted]
    report = parse_report_bytes("\n".join(lines).encode("utf-8"), source_name="corrected.txt")
    assert len(report.tasks) == 108
    assert "规划计划" not in {name for task in report.tasks for name in task.department_names}
    assert not any("规划计划" in task.content or "规划计划" in task.progress for task in report.tasks)
    assert errors.TRAILER_SKIPPED in codes(report)


def test_furniture_rows_after_a_single_printing_are_refused():
    cells = ["序号", "工作任务", "牵头单位", "进展情况",
             "1", "新建城市书房10家。", "县文广旅体局", "已建成7家。",
             "规划计划", "索引号", "K0000001-1/2023-00001", "发布机构", "县政府办", "生成日期", "2023-07-20"]
    report = parse_report_bytes(("\n\n".join([TITLE, *cells]) + "\n").encode("utf-8"), source_name="furniture.txt")
    assert len(report.tasks) == 1
    assert report.tasks[0].progress == "已建成7家。"
    assert errors.TRAILER_SKIPPED in codes(report, Severity.INFO)


def test_footer_and_attachment_links_after_the_table_are_not_read():
    cells = ["序号", "工作任务", "牵头单位", "进展情况",
             "1", "新建城市书房10家。", "县文广旅体局", "已建成7家。",
             "相关附件:", "附件1.2023年上半年重点工作任务完成情况表.xlsx", "【打印本页】 【关闭窗口】",
             "主办:清溪县人民政府办公室", "承办:清溪县大数据中心"]
    report = parse_report_bytes(("\n\n".join([TITLE, *cells]) + "\n").encode("utf-8"), source_name="footer.txt")
    assert len(report.tasks) == 1
    assert report.tasks[0].progress == "已建成7家。"


def test_sample_cut_after_a_whole_row_without_its_second_printing_warns_on_the_last_row():
    lines = sample_lines()
    end = next(i for i, line in enumerate(lines) if line.startswith("非刚性、非重点支出预算"))
    report = parse_report_bytes("\n".join(lines[: end + 1]).encode("utf-8"), source_name="cut.txt")
    assert len(report.tasks) == 107
    warnings = [d for d in report.diagnostics if d.code == errors.TABLE_MAY_BE_INCOMPLETE]
    assert len(warnings) == 1 and warnings[0].severity is Severity.WARNING
    assert warnings[0].line == report.tasks[-1].last_line
    assert "表格可能不完整" in warnings[0].message


def test_last_cell_stopping_mid_sentence_warns_on_the_last_row():
    cells = ["序号", "工作任务", "牵头单位", "进展情况",
             "1", "新建城市书房10家。", "县文广旅体局", "已建成7家。",
             "2", "改造提升农贸市场6个。", "县市场监管局", "已完工4个,"]
    report = parse_report_bytes(("\n\n".join([TITLE, *cells])).encode("utf-8"), source_name="cut.txt")
    assert len(report.tasks) == 2
    warning = next(d for d in report.diagnostics if d.code == errors.TABLE_MAY_BE_INCOMPLETE)
    assert warning.line == report.tasks[-1].last_line


def test_file_cut_inside_a_multi_byte_character_is_read_with_a_warning():
    cells = ["序号", "工作任务", "牵头单位", "进展情况",
             "1", "新建城市书房10家。", "县文广旅体局", "已建成7家。",
             "2", "改造提升农贸市场6个。", "县市场监管局", "已完工4个"]
    data = ("\n\n".join([TITLE, *cells]) + "，正在施工").encode("utf-8")[:-2]  # the last character cut in two
    report = parse_report_bytes(data, source_name="cut.txt")
    assert len(report.tasks) == 2
    assert report.tasks[-1].progress.startswith("已完工4个")
    assert errors.FILE_CUT_MID_CHARACTER in codes(report, Severity.WARNING)
    assert errors.TABLE_MAY_BE_INCOMPLETE in codes(report, Severity.WARNING)


def test_tab_text_cut_inside_a_quoted_cell_is_an_error():
    rows = ["序号\t工作任务\t牵头单位\t进展情况",
            "1\t新建城市书房10家。\t县文广旅体局\t已建成7家。",
            '2\t改造提升农贸市场6个。\t县市场监管局\t"已完工4个,\n正在']
    report = parse_report_bytes((TITLE + "\r\n" + "\r\n".join(rows)).encode("utf-8"), source_name="cut.txt")
    assert errors.ROW_TRUNCATED in codes(report, Severity.ERROR)


def test_a_header_missing_a_column_gives_an_error_not_a_silently_shifted_table():
    # The header names four columns; the rows have five cells (a 配合单位 column the header left out).
    cells = ["序号", "工作任务", "牵头单位", "进展情况"]
    rows = [
        ("1", "新建城市书房10家。", "县文广旅体局", "各乡镇", "已建成7家。"),
        ("2", "改造提升农贸市场6个。", "县市场监管局", "县商务局", "已完工4个,2个正在施工。"),
        ("3", "新增城市停车泊位2000个。", "县城管局", "县交警大队", "已新增1320个。"),
        ("4", "新建口袋公园8个。", "县园林局", "各街道", "已建成5个。"),
    ]
    lines = [TITLE, " | ".join(cells)] + [" | ".join(row) for row in rows]
    report = parse_report_bytes(("\n".join(lines) + "\n").encode("utf-8"), source_name="shifted.txt")
    read_right = [t for t, row in zip(report.tasks, rows) if t.progress == row[4] and t.department_names[:1] == [row[2]]]
    assert len(read_right) == len(rows) or errors.COLUMNS_UNTRUSTED in codes(report, Severity.ERROR) or report.count(Severity.ERROR)
    # Whatever was read, no progress text is taken for a department.
    assert not any("已" in name for task in report.tasks for name in task.department_names)


def test_flattened_rows_read_under_the_wrong_header_are_an_error():
    cells = ["序号", "工作任务", "牵头单位", "进展情况"]
    rows = [
        "1", "已建成7家。", "新建城市书房10家。", "县文广旅体局",
        "2", "已完工4个,2个正在施工。", "改造提升农贸市场6个。", "县市场监管局",
        "3", "已新增1320个。", "新增城市停车泊位2000个。", "县城管局",
    ]
    report = parse_report_bytes(("\n\n".join([TITLE, *cells, *rows]) + "\n").encode("utf-8"), source_name="wrong.txt")
    assert errors.COLUMNS_UNTRUSTED in codes(report, Severity.ERROR) or all(
        t.department_names and t.progress.startswith("已") for t in report.tasks
    )


def test_a_page_that_stops_inside_its_table_is_an_error_on_the_last_row():
    page = (
        f"<html><body><h1>{TITLE}</h1>\n<table>\n<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>进展情况</th></tr>\n"
        "<tr><td>1</td><td>新建城市书房10家。</td><td>县文旅局</td><td>已建成7家。</td></tr>\n"
        "<tr><td>2</td><td>改造农贸市场6个。</td><td>县市场监管局</td><td>已完工4个，2个"
    )
    report = parse_report_bytes(page.encode("utf-8"), source_name="cut.html")
    truncated = [d for d in report.diagnostics if d.code == errors.ROW_TRUNCATED]
    assert [(d.severity, d.line) for d in truncated] == [(Severity.ERROR, 5)]
    whole = parse_report_bytes((page + "</td></tr>\n</table></body></html>").encode("utf-8"), source_name="whole.html")
    assert whole.count(Severity.ERROR) == 0


def test_pipe_rows_that_stop_in_the_middle_of_the_last_line_are_cut_not_filled_from_above():
    lines = [
        TITLE,
        "序号 | 工作任务 | 牵头单位 | 配合单位 | 进展情况",
        "1 | 新建城市书房10家。 | 县文旅局 | 各乡镇 | 已建成7家。",
        "2 | 改造农贸市场6个。 | 县市场监管局 | 县商务局 | 已完工4个。",
        "3 | 新建公厕20座。 | 县城",
    ]
    report = parse_report_bytes("\n".join(lines).encode("utf-8"), source_name="cut.txt")  # no line break at the end
    assert errors.ROW_TRUNCATED in codes(report, Severity.ERROR)
    assert report.tasks[-1].progress == ""  # "县城" is not read as progress, the units are not taken from row 2
    assert errors.ROW_FILLED_FROM_ABOVE not in codes(report)


def test_a_last_pipe_row_lacking_its_merged_first_cell_is_filled_even_without_a_final_line_break():
    lines = [
        TITLE,
        "类别 | 序号 | 工作任务 | 牵头单位 | 进展情况",
        "城乡建设 | 1 | 改造老旧小区20个。 | 县住建局 | 已开工18个。",
        "2 | 新建污水管网35公里。 | 县住建局 | 已完成22公里。",
    ]
    report = parse_report_bytes("\n".join(lines).encode("utf-8"), source_name="merged.txt")
    assert [t.theme for t in report.tasks] == ["城乡建设", "城乡建设"]
    assert report.tasks[-1].progress == "已完成22公里。"
    assert report.count(Severity.ERROR) == 0


def test_a_last_pipe_row_lacking_a_merged_middle_cell_is_filled_even_without_a_final_line_break():
    lines = [
        TITLE,
        "序号 | 类别 | 工作任务 | 牵头单位 | 进展情况",
        "1 | 城乡建设 | 改造老旧小区20个。 | 县住建局 | 已开工18个",
        "2 | 新建污水管网35公里。 | 县住建局 | 已完成22公里",
    ]
    report = parse_report_bytes("\n".join(lines).encode("utf-8"), source_name="merged.txt")
    assert [t.theme for t in report.tasks] == ["城乡建设", "城乡建设"]
    assert report.tasks[-1].department_names == ["县住建局"]
    assert report.count(Severity.ERROR) == 0

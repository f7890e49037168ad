"""Markdown tables (a pipe table with a `|---|` rule under its header): the marks are formatting, not text."""

from tracker.parsing import DepartmentRole, Severity, parse_report_bytes


def parse_text(text: str):
    return parse_report_bytes(text.encode("utf-8"), source_name="made-up.md")


MARKDOWN = """# 青石县2023年重点工作1-9月推进情况

> 来源：县政府办

| 序号 | 工作任务 | 牵头单位 | 配合单位 | 进展情况 |
|:---:|:---|:---|:---|:---|
| **一、项目建设** |  |  |  |  |
| 1 | 新建**城市书房**10家。 | 县文旅局 | 县住建局<br>各乡镇 | 已建成7家。<br/>其余3家正在装修。 |
| 2 | 改造农贸市场6个。 | 县市场监管局 | 县商务局 | 已完工4个。 |

*注：本表由县政府办汇总。*
"""


def test_a_markdown_heading_is_the_title_without_its_hash():
    report = parse_text(MARKDOWN)
    assert report.meta.title == "青石县2023年重点工作1-9月推进情况"
    assert report.meta.period_end_month == 9


def test_the_rule_line_is_not_a_row_and_bold_group_rows_are_themes_without_their_stars():
    report = parse_text(MARKDOWN)
    assert [t.content for t in report.tasks] == ["新建城市书房10家。", "改造农贸市场6个。"]
    assert [(t.theme_no, t.theme) for t in report.tasks] == [("一", "项目建设")] * 2
    assert report.count(Severity.ERROR) == 0


def test_br_in_a_cell_is_a_line_break_between_names_and_in_progress():
    task = parse_text(MARKDOWN).tasks[0]
    assert [(d.name, d.role) for d in task.departments] == [
        ("县文旅局", DepartmentRole.LEAD), ("县住建局", DepartmentRole.CO), ("各乡镇", DepartmentRole.CO),
    ]
    assert task.progress == "已建成7家。\n其余3家正在装修。"


def test_stars_are_kept_in_pipe_text_that_is_not_markdown():
    text = "2023年重点工作推进情况\n序号 | 工作任务 | 牵头单位 | 进展情况\n1 | 新建书房10家。 | 县文旅局 | 已建成7家**。\n"
    assert parse_text(text).tasks[0].progress == "已建成7家**。"

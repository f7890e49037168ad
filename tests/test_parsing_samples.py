"""Golden tests: the two real published reports, every row.

The golden files in tests/golden/ were produced by the parser and then checked
row by row against the source pages; a change that alters any row fails here and
must be reviewed the same way before the golden file is regenerated.
"""

import json
from pathlib import Path

import pytest

from tracker.parsing import Severity, parse_report_bytes

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_2022 = ROOT / "fixtures" / "2022q3_gongshu.txt"
SAMPLE_2020 = ROOT / "fixtures" / "2020q3_gongshu.txt"


@pytest.fixture(scope="module")
def report_2022():
    return parse_report_bytes(SAMPLE_2022.read_bytes(), source_name=SAMPLE_2022.name)


@pytest.fixture(scope="module")
def report_2020():
    return parse_report_bytes(SAMPLE_2020.read_bytes(), source_name=SAMPLE_2020.name)


def test_2022_counts_tasks_themes_and_departments(report_2022):
    assert len(report_2022.tasks) == 108
    assert len({t.theme for t in report_2022.tasks}) == 19
    assert len({name for t in report_2022.tasks for name in t.department_names}) == 37
    assert report_2022.count(Severity.ERROR) == 0


def test_2022_metadata_is_read_from_the_page_header(report_2022):
    meta = report_2022.meta
    assert meta.title == "2022年三季度《政府工作报告》主要目标任务完成情况"
    assert (meta.year, meta.quarter, meta.period_end_month) == (2022, 3, 9)
    assert meta.publisher == "区府办"
    assert meta.index_no == "K1493206-6/2022-25614"
    assert meta.published_on.isoformat() == "2022-10-25"
    assert report_2022.layout == "seq|theme|content|lead|progress"


def test_2022_source_numbers_run_one_to_108(report_2022):
    assert [t.source_seq for t in report_2022.tasks] == [str(n) for n in range(1, 109)]


def test_2022_department_broken_over_two_paragraphs_is_joined(report_2022):
    assert report_2022.tasks[4].department_names == ["生态环境拱墅分局"]
    assert report_2022.tasks[7].department_names == ["区数产园管委会"]


def test_2022_repeated_theme_label_at_page_break_keeps_the_theme(report_2022):
    task_9 = report_2022.tasks[8]
    assert task_9.theme == "高标准完成亚运任务"
    themes_in_order = list(dict.fromkeys(t.theme for t in report_2022.tasks))
    assert themes_in_order.count("高标准完成亚运任务") == 1
    assert any(d.code == "theme-repeated-label" for d in report_2022.diagnostics)


def test_2022_task_14_has_its_theme_and_joined_department(report_2022):
    task_14 = report_2022.tasks[13]
    assert task_14.theme == "厚植山水融城底色"
    assert task_14.department_names == ["区综合行政执法局"]


def test_2022_print_copy_is_not_read_twice(report_2022):
    codes = {d.code for d in report_2022.diagnostics}
    assert {"print-copy-skipped", "trailer-skipped"} <= codes
    assert report_2022.tasks[-1].progress.startswith("制定全年化债目标")
    assert "规划计划" not in report_2022.tasks[-1].progress


def test_2020_counts_tasks_and_themes(report_2020):
    assert len(report_2020.tasks) == 128
    assert len({t.theme for t in report_2020.tasks}) == 22
    assert report_2020.count(Severity.ERROR) == 0
    assert report_2020.layout == "theme|content|responsible|progress"
    assert (report_2020.meta.year, report_2020.meta.quarter) == (2020, 3)


def test_2020_first_task_lists_three_departments_in_order(report_2020):
    task_1 = report_2020.tasks[0]
    assert task_1.department_names == ["区发改经信局", "区科技工业区管委会", "各街道"]
    assert task_1.lead_departments == ["区发改经信局"]
    assert task_1.theme == "经济社会发展主要预期目标"
    assert task_1.theme_no == "一"


def test_2020_inline_group_label_sets_the_theme(report_2020):
    road_task = next(t for t in report_2020.tasks if t.content.startswith("实施94条53公里道路建设"))
    assert road_task.theme == "提高城市承载能力"
    assert road_task.theme_no == "十一"


def test_2020_bracketed_alias_stays_one_department(report_2020):
    names = {name for t in report_2020.tasks for name in t.department_names}
    assert "区委统战部(区民宗局)" in names
    assert "区民宗局)" not in names


def test_every_diagnostic_points_at_a_line_of_the_file(report_2022, report_2020):
    for report, sample in ((report_2022, SAMPLE_2022), (report_2020, SAMPLE_2020)):
        line_count = len(sample.read_text(encoding="utf-8").split("\n"))
        for diagnostic in report.diagnostics:
            assert diagnostic.line is None or 1 <= diagnostic.line <= line_count


def test_task_line_ranges_cover_the_rows_in_order(report_2022):
    previous_last = 0
    for task in report_2022.tasks:
        assert previous_last < task.first_line <= task.last_line
        previous_last = task.last_line


@pytest.mark.parametrize(
    "sample, golden", [(SAMPLE_2022, "2022q3_gongshu.contract.json"), (SAMPLE_2020, "2020q3_gongshu.contract.json")]
)
def test_the_whole_json_contract_matches_the_checked_golden_file(sample, golden):
    """Roles, status, metrics, lines and diagnostics too; `tests/golden/update.py` rewrites it after a reviewed change."""
    expected = json.loads((ROOT / "tests" / "golden" / golden).read_text(encoding="utf-8"))
    actual = parse_report_bytes(sample.read_bytes(), source_name=sample.name).to_json()

    assert actual["report"] == expected["report"]
    assert len(actual["tasks"]) == len(expected["tasks"])
    for got, want in zip(actual["tasks"], expected["tasks"]):
        assert got == want, f"task {want['seq']} differs"
    assert actual["diagnostics"] == expected["diagnostics"]

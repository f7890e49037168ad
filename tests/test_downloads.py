"""Tests for the downloads (/downloads/…): every table of the site as CSV and XLSX, the same rows in the same order."""

import csv
import io
import re
from urllib.parse import unquote

import pytest
from django.test import override_settings
from pytest_django.asserts import assertContains

from tests.open_data import body, csv_table, full_report_create, xlsx_rows, xlsx_table
from tests.page_factories import dashboard_report_create, department_get
from tracker import services
from tracker.charts import STATUS_LABELS
from tracker.models import Task, Theme
from tracker.opendata import selectors as open_data
from tracker.opendata.table import COLUMNS, NOT_READ_BACK
from tracker.parsing import parse_report_bytes

pytestmark = pytest.mark.django_db


def test_the_csv_opens_in_excel_with_the_right_characters(client):
    report = dashboard_report_create(
        contents=['道路, 桥梁与"地铁"', "第一段\n第二段"], statuses=["on_track", "behind"], lead="区交通运输局"
    )

    response = client.get(f"/downloads/reports/{report.pk}.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8, not the local code page
    assert raw.decode("utf-8-sig").startswith("序号,统计期,项目名称,主要工作内容,")
    assert '"道路, 桥梁与""地铁"""' in raw.decode()  # comma and quotes: quoted, quotes doubled
    assert '"第一段\n第二段"' in raw.decode()  # a line break stays inside its quoted cell
    assert b"\r\n" in raw  # RFC 4180 row ends
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row[3] for row in rows[1:]] == ['道路, 桥梁与"地铁"', "第一段\n第二段"]
    assert rows[1][5] == "区交通运输局"


def test_every_column_of_a_task(client):
    report = full_report_create(title="2022年三季度报告", period_label="三季度")

    row = csv_table(client.get(f"/downloads/reports/{report.pk}.csv"))[0]

    assert list(row) == list(COLUMNS)
    assert row == {
        "序号": "1",
        "统计期": "2022年 三季度",
        "项目名称": "（1）经济发展",
        "主要工作内容": "新增停车泊位3500个",
        "目标与实际": "停车泊位：目标 3500个；实际 1000个；完成 29%",
        "牵头单位": "区发改经信局",
        "配合单位": "区财政局",
        "牵头领导": "张三",
        "判定状态": "滞后",
        "累计完成情况": "停车泊位已新增1000个",
        "状态依据": "停车泊位完成率28.57%，低于序时进度75%",
        "完成进度": "29%",
        "报告": "2022年三季度报告",
        "备注": "市级考核",
    }


def test_the_xlsx_holds_the_same_table_under_the_report_title(client):
    report = full_report_create(title="2022年三季度《政府工作报告》主要目标任务完成情况", index_no="K1/2022-1")

    response = client.get(f"/downloads/reports/{report.pk}.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rows = xlsx_rows(response)
    assert rows[0][0] == "2022年三季度《政府工作报告》主要目标任务完成情况"
    assert rows[1][:3] == ["发布机构：区府办", "发布日期：2022-10-25", "信息索引号：K1/2022-1"]
    assert tuple(rows[2]) == COLUMNS
    table = xlsx_table(response)
    assert [row["序号"] for row in table] == [1, 2]  # numbers, so a spreadsheet sorts them as numbers
    assert table == [
        {**row, "序号": int(row["序号"])} | {key: value or None for key, value in row.items() if key != "序号"}
        for row in csv_table(client.get(f"/downloads/reports/{report.pk}.csv"))
    ]


def test_a_text_excel_would_run_as_a_formula_is_only_ever_text(client):
    report = dashboard_report_create(contents=["=HYPERLINK(\"http://example.com\")", "-5%"], statuses=["on_track"] * 2)

    csv_contents = [row["主要工作内容"] for row in csv_table(client.get(f"/downloads/reports/{report.pk}.csv"))]
    xlsx = client.get(f"/downloads/reports/{report.pk}.xlsx")

    assert csv_contents == ["'=HYPERLINK(\"http://example.com\")", "-5%"]
    assert [row["主要工作内容"] for row in xlsx_table(xlsx)] == ['=HYPERLINK("http://example.com")', "-5%"]
    assert b"<f>" not in body(xlsx)  # no formula element anywhere in the sheet


@pytest.mark.parametrize("sample", ["parsed_2022", "parsed_2020"])
def test_a_reports_xlsx_reads_back_into_the_importer_as_the_same_tasks(client, request, sample):
    parsed = request.getfixturevalue(sample)
    report = services.report_import(parsed=parsed, publish=True).report

    download = client.get(f"/downloads/reports/{report.pk}.xlsx")
    read_back = parse_report_bytes(download.content, source_name="download.xlsx")

    assert read_back.meta == parsed.meta  # title, year, period, publisher, 信息索引号, date
    assert not [d for d in read_back.diagnostics if d.severity == "error"]
    assert len(read_back.tasks) == len(parsed.tasks)
    for original, again, row in zip(parsed.tasks, read_back.tasks, xlsx_table(download), strict=True):
        expected = original.to_json()
        actual = again.to_json()
        # 序号 is written as the source printed it, or as the table order when it printed none.
        assert actual.pop("source_seq") == (expected.pop("source_seq") or str(original.seq))
        for field in ("lines", "note"):
            expected.pop(field), actual.pop(field)
        assert actual == expected  # theme, content, departments and roles, leaders, progress, status, figures…
        # The columns the importer does not know come back in 备注, each as "label: text", before the task's own note.
        extras = [f"{label}: {row[label]}" for label in NOT_READ_BACK if row[label]]
        assert again.note == "\n".join([*extras, *([original.note] if original.note else [])])
        assert f"判定状态: {STATUS_LABELS[original.status.value]}" in extras


def test_a_reports_download_after_an_admin_correction_carries_the_correction(client):
    report = full_report_create()
    task = report.tasks.get(seq=2)
    task.progress = "管理员更正的进展"
    services.task_correct(task=task, fields=["progress"])

    rows = csv_table(client.get(f"/downloads/reports/{report.pk}.csv"))

    assert rows[1]["累计完成情况"] == "管理员更正的进展"


@pytest.fixture
def two_reports():
    old = dashboard_report_create(
        title="2021年报告", year=2021, statuses=["completed", "behind", "on_track"], contents=["修建公园", "治理河道", "植树造林"],
        lead="区建设局", co=None,
    )
    new = dashboard_report_create(
        title="2022年报告", year=2022, statuses=["on_track", "behind", "unknown"], contents=["新建学校", "改造老旧小区", "建设停车场"],
        lead="区教育局", co="区建设局",
    )
    return old, new


def page_rows(client, url: str) -> list[tuple[str, int]]:
    """(report title, seq) of the task rows a page shows, in order."""
    page = client.get(url).content.decode()
    task_ids = [int(pk) for pk in re.findall(r'<tr class="task-row">.*?href="/tasks/(\d+)/"', page, flags=re.S)]
    tasks = {task.pk: task for task in Task.objects.filter(pk__in=task_ids).select_related("report")}
    return [(tasks[pk].report.title, tasks[pk].seq) for pk in task_ids]


def download_rows(client, url: str) -> list[tuple[str, int]]:
    return [(row["报告"], int(row["序号"])) for row in csv_table(client.get(url))]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=behind",
        "q=学校",
        "q=进展 2",
        "sort=-status",
        "sort=theme",
        "sort=-report&status=on_track",
        "role=co",
        "department={construction}",
        "department={construction}&role=lead",
        "report={new}&sort=status",
        "theme={theme}",
        "status=nonsense",  # invalid: the page ignores it, so does the download
    ],
)
def test_the_task_list_download_has_the_rows_of_the_page_in_its_order(client, two_reports, query):
    old, new = two_reports
    query = query.format(
        construction=department_get("区建设局").pk, new=new.pk, theme=Theme.objects.filter(report=old).first().pk
    )

    shown = page_rows(client, f"/tasks/?{query}")

    assert download_rows(client, f"/downloads/tasks.csv?{query}") == shown
    assert [(row["报告"], row["序号"]) for row in xlsx_table(client.get(f"/downloads/tasks.xlsx?{query}"))] == shown


def test_the_task_list_download_holds_every_page(client):
    dashboard_report_create(contents=[f"任务{number}" for number in range(120)], statuses=["on_track"] * 120)

    assert len(csv_table(client.get("/downloads/tasks.csv"))) == 120


def test_the_task_list_links_to_its_download_with_its_filters(client, two_reports):
    response = client.get("/tasks/?status=behind&sort=-status&page=1&utm_source=x")

    assertContains(response, 'href="/downloads/tasks.csv?sort=-status&amp;status=behind"')
    assertContains(response, 'href="/downloads/tasks.xlsx?sort=-status&amp;status=behind"')


def test_a_departments_download_is_the_table_of_its_page(client, two_reports):
    old, new = two_reports
    construction = department_get("区建设局")

    for report in (old, new):
        page = f"/departments/{construction.pk}/?report={report.pk}"
        assertContains(client.get(page), f'href="/downloads/departments/{construction.pk}.csv?report={report.pk}"')
        assert download_rows(client, f"/downloads/departments/{construction.pk}.csv?report={report.pk}") == page_rows(
            client, page
        )
    # Without a report: its tasks in every published report, newest report first, behind schedule first in each.
    assert download_rows(client, f"/downloads/departments/{construction.pk}.csv") == [
        ("2022年报告", 2), ("2022年报告", 1), ("2022年报告", 3), ("2021年报告", 2), ("2021年报告", 1), ("2021年报告", 3),
    ]


def test_a_departments_download_for_a_report_it_is_not_in_is_not_found(client, two_reports):
    old, _ = two_reports
    education = department_get("区教育局")

    assert client.get(f"/downloads/departments/{education.pk}.csv?report={old.pk}").status_code == 404
    assert client.get(f"/downloads/departments/{education.pk}.csv?report=abc").status_code == 404


def test_a_themes_download_is_the_table_of_its_page(client, two_reports):
    theme = Theme.objects.filter(report=two_reports[1]).first()
    page = f"/themes/{theme.pk}/"

    assertContains(client.get(page), f'href="/downloads/themes/{theme.pk}.xlsx"')
    assert download_rows(client, f"/downloads/themes/{theme.pk}.csv") == page_rows(client, page)


def test_a_reports_download_is_the_table_of_its_page(client, two_reports):
    report = two_reports[0]
    page = f"/reports/{report.pk}/"

    assertContains(client.get(page), f'href="/downloads/reports/{report.pk}.csv"')
    # The page groups the rows under their themes; the file lists the same rows in table order.
    assert download_rows(client, f"/downloads/reports/{report.pk}.csv") == sorted(page_rows(client, page), key=lambda row: row[1])


def test_drafts_and_missing_objects_are_not_found(client):
    draft = dashboard_report_create(is_published=False, lead="只在草稿中的单位")
    theme = Theme.objects.filter(report=draft).first()

    for url in (
        f"/downloads/reports/{draft.pk}.csv",
        f"/downloads/themes/{theme.pk}.xlsx",
        f"/downloads/departments/{department_get('只在草稿中的单位').pk}.csv",
        "/downloads/reports/999999.csv",
        f"/downloads/reports/{draft.pk}.pdf",
    ):
        assert client.get(url).status_code == 404, url


def file_names(response) -> tuple[str, str]:
    """(ASCII name, UTF-8 name) of an attachment."""
    header = response["Content-Disposition"]
    assert header.startswith("attachment; ")
    ascii_name = re.search(r'filename="([^"]+)"', header).group(1)
    utf8_name = unquote(re.search(r"filename\*=UTF-8''(\S+)", header).group(1))
    assert ascii_name.isascii() and re.fullmatch(r"[A-Za-z0-9._-]+", ascii_name)
    return ascii_name, utf8_name


def test_file_names_carry_the_period(client):
    report = dashboard_report_create(
        title="2022年三季度《政府工作报告》主要目标任务完成情况", year=2022, quarter=3, period_label="三季度", lead="区建设局"
    )
    other = dashboard_report_create(title="任务进展", year=2021, quarter=None, period_end_month=8, period_label="1-8月")
    theme = Theme.objects.filter(report=report).first()
    construction = department_get("区建设局")

    assert file_names(client.get(f"/downloads/reports/{report.pk}.xlsx")) == (
        f"jindu_report-{report.pk}_2022-q3.xlsx", "2022年三季度《政府工作报告》主要目标任务完成情况.xlsx"
    )
    assert file_names(client.get(f"/downloads/reports/{other.pk}.csv")) == (
        f"jindu_report-{other.pk}_2021-m8.csv", "2021年1-8月_任务进展.csv"
    )
    assert file_names(client.get(f"/downloads/themes/{theme.pk}.csv")) == (
        f"jindu_theme-{theme.pk}_2022-q3.csv", f"{theme.name}_2022年三季度.csv"
    )
    assert file_names(client.get(f"/downloads/departments/{construction.pk}.csv?report={report.pk}")) == (
        f"jindu_department-{construction.pk}_2022-q3.csv", "区建设局_2022年三季度.csv"
    )
    assert file_names(client.get(f"/downloads/departments/{construction.pk}.xlsx")) == (
        f"jindu_department-{construction.pk}_all-reports.xlsx", "区建设局_全部报告.xlsx"
    )
    assert file_names(client.get(f"/downloads/tasks.csv?report={report.pk}&status=behind")) == (
        f"jindu_tasks_report-{report.pk}_2022-q3.csv", "任务列表_2022年三季度.csv"
    )
    assert file_names(client.get("/downloads/tasks.xlsx")) == ("jindu_tasks.xlsx", "任务列表.xlsx")


def test_rows_are_read_a_chunk_at_a_time(client, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(open_data, "EXPORT_CHUNK_SIZE", 2)
    report = dashboard_report_create(contents=[f"任务{number}" for number in range(5)], statuses=["on_track"] * 5)

    # 1. the content version  2. the report  3. its tasks (read as a stream)
    # 4.-12. three chunks of two rows: the chunk's department links, leader links and figures
    with django_assert_num_queries(12):
        rows = csv_table(client.get(f"/downloads/reports/{report.pk}.csv"))

    assert [row["主要工作内容"] for row in rows] == [f"任务{number}" for number in range(5)]


def test_one_reports_tables_are_stored_and_the_growing_ones_streamed(client, django_assert_num_queries):
    report = dashboard_report_create(lead="区建设局")
    construction = department_get("区建设局")
    one_report = [f"/downloads/reports/{report.pk}.csv", f"/downloads/departments/{construction.pk}.csv?report={report.pk}"]
    every_report = ["/downloads/tasks.csv", f"/downloads/departments/{construction.pk}.csv"]

    for url in one_report:
        assert not client.get(url).streaming
        with django_assert_num_queries(1):  # the content version: then the stored copy
            client.get(url)
    for url in every_report:
        response = client.get(url)
        assert response.streaming and body(response).startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("report_count", [2, 100])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_query_counts_do_not_grow_with_reports(client, django_assert_num_queries, report_count, file_format):
    reports = [dashboard_report_create(year=2000 + number, lead="区建设局") for number in range(report_count)]
    report = reports[-1]
    theme = Theme.objects.filter(report=report).first()
    construction = department_get("区建设局")
    # Every download: 1. the content version, then what it shows, then
    # its tasks, their department links, leader links and figures (one query each for up to 2,000 rows).
    expected = {
        f"/downloads/reports/{report.pk}.{file_format}": 6,  # + the report
        f"/downloads/themes/{theme.pk}.{file_format}": 6,  # + the theme with its report
        f"/downloads/departments/{construction.pk}.{file_format}?report={report.pk}": 7,  # + the department, the report
        f"/downloads/departments/{construction.pk}.{file_format}": 6,  # + the department (every report: 4 x 100 rows)
        f"/downloads/tasks.{file_format}": 5,  # every task: 4 x 100 rows
        f"/downloads/tasks.{file_format}?report={report.pk}&status=behind&sort=-status": 6,  # + the chosen report
    }
    for url, count in expected.items():
        with django_assert_num_queries(count):
            response = client.get(url)
            body(response)  # a CSV is read while it is sent
        assert response.status_code == 200, url


@override_settings(OPEN_DATA_REQUESTS_PER_MINUTE=2)
def test_one_address_may_have_a_few_downloads_rendered_a_minute(client):
    from django.core.cache import caches

    caches["throttle"].clear()
    report = dashboard_report_create()

    assert client.get(f"/downloads/reports/{report.pk}.xlsx").status_code == 200
    assert client.get(f"/downloads/reports/{report.pk}.xlsx").status_code == 200  # the stored copy: not counted
    assert client.get("/downloads/tasks.csv").status_code == 200
    refused = client.get("/downloads/tasks.csv")  # the task list's CSV is streamed, never stored: rendered again
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert client.get("/downloads/tasks.csv", REMOTE_ADDR="10.0.0.2").status_code == 200

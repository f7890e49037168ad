"""Tests for the public page `/`: the latest published report in figures and charts, and the list of reports."""

import json

import pytest

from tracker.services.aggregates import report_counts_refresh
from django.conf import settings
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import report_create
from tests.page_factories import dashboard_report_create, department_get
from tracker.models import Metric, TaskDepartment


@pytest.mark.django_db
def test_it_lists_published_reports_with_their_facts(client):
    report = report_create(title="2022年三季度《政府工作报告》主要目标任务完成情况", task_count=3)

    response = client.get("/")

    assert response.status_code == 200
    assertContains(response, "2022年三季度《政府工作报告》主要目标任务完成情况")
    assertContains(response, "2022年 三季度")
    assertContains(response, "区府办")
    assertContains(response, '<time datetime="2022-10-25">2022年10月25日</time>')
    assertContains(response, '<td class="numeric" data-label="任务数">3</td>')
    assertContains(response, f'href="/reports/{report.pk}/"')


@pytest.mark.django_db
def test_unpublished_reports_are_invisible(client):
    report_create(title="已发布的那份")
    report_create(title="还没发布的那份", is_published=False, year=2030)

    response = client.get("/")

    assertContains(response, "已发布的那份")
    assertNotContains(response, "还没发布的那份")


@pytest.mark.django_db
def test_without_published_reports_it_says_so(client):
    report_create(is_published=False)

    response = client.get("/")

    assertContains(response, "暂无已发布的报告")
    assertNotContains(response, "<canvas")


@pytest.mark.django_db
def test_newest_period_comes_first(client):
    report_create(title="较早的报告", year=2020)
    report_create(title="较新的报告", year=2022)

    page = client.get("/").content.decode()

    assert page.index("较新的报告") < page.index("较早的报告")


@pytest.mark.django_db
def test_report_without_a_date_or_period_shows_dashes(client):
    report_create(published_on=None, year=None, quarter=None, period_end_month=None, period_label="")

    response = client.get("/")

    assertContains(response, '<td data-label="统计期">—</td>')
    assertContains(response, '<td data-label="发布日期">—</td>')


@pytest.mark.django_db
def test_it_shows_the_latest_report_in_figures(client):
    dashboard_report_create(title="旧报告", year=2021, statuses=["completed"] * 5)
    latest = dashboard_report_create(
        title="新报告", statuses=["completed", "on_track", "behind", "behind", "not_started", "suspended", "unknown"]
    )

    response = client.get("/")

    assertContains(response, "最新报告：")
    # The headline in words: on schedule = completed + on track; "unknown" named for what it means.
    assertContains(response, "共 7 项任务：2 项按期推进（其中已完成 1 项），2 项滞后，2 项未开工或暂停，1 项无法从原文判断进度。")
    assertContains(response, "能从原文判断进度的 6 项中，2 项（33%）按期推进。")
    assertContains(response, "全年已过 75%")
    # ... and in numbers, each linking to its tasks.
    for group, label, count in [("on_schedule", "按期推进", 2), ("behind", "滞后", 2), ("stalled", "未开工或暂停", 2), ("unknown", "无法从原文判断", 1)]:
        assertContains(response, f'<dt><a href="/tasks/?report={latest.pk}&amp;status={group}">{label}</a></dt>', html=False)
        assertContains(response, f'<div class="figure group-{group}">\n    <dt><a href="/tasks/?report={latest.pk}&amp;status={group}">{label}</a></dt>\n    <dd>{count}')
    assertContains(response, '<a class="help-link" href="/status/">状态如何判定</a>', html=True)
    assertNotContains(response, "完成率")


@pytest.mark.django_db
def test_each_headline_figure_links_to_exactly_its_tasks(client):
    latest = dashboard_report_create(statuses=["completed", "on_track", "behind", "not_started", "suspended", "unknown", "unknown"])
    page = client.get("/").content.decode()

    for group, expected in [("on_schedule", 2), ("behind", 1), ("stalled", 2), ("unknown", 2)]:
        link = f"/tasks/?report={latest.pk}&status={group}"
        assert link.replace("&", "&amp;") in page
        listed = client.get(link).content.decode().count('class="task-row"')
        assert listed == expected, group


@pytest.mark.django_db
def test_chart_data_travels_through_json_script_only(client):
    dashboard_report_create(statuses=["completed", "behind", "behind"], themes=["经济发展"], co=None)

    response = client.get("/")

    page = response.content.decode()
    status_data = json.loads(page.split('<script id="status-chart-data" type="application/json">')[1].split("</script>")[0])
    assert status_data["statuses"] == ["completed", "behind"]
    assert status_data["values"] == [1, 2]
    theme_data = json.loads(page.split('<script id="theme-chart-data" type="application/json">')[1].split("</script>")[0])
    assert theme_data == {
        "labels": ["经济发展"],
        "series": [
            {"status": "completed", "label": "已完成", "values": [1]},
            {"status": "behind", "label": "滞后", "values": [2]},
        ],
        "totals": [3],
        "value_label": "任务数",
        "total_label": "共",
    }
    # No inline script: every <script> is either a file or JSON data.
    for tag in page.split("<script")[1:]:
        assert ' src="/static/' in tag.split(">")[0] or 'type="application/json"' in tag.split(">")[0]


@pytest.mark.django_db
def test_department_ranking_puts_the_best_completion_first(client):
    dashboard_report_create(title="旧报告", year=2021, statuses=["completed"] * 3, lead="乙局", co=None)
    latest = dashboard_report_create(statuses=["completed", "behind"], lead="甲局", co=None)
    TaskDepartment.objects.create(task=latest.tasks.get(seq=1), department=department_get("丁局"), role="co", position=2)
    report_counts_refresh(report_ids=[latest.pk])  # written around the services: count as they would

    page = client.get("/").content.decode()

    ranking = page.split("<caption>单位排名</caption>")[1].split("</table>")[0]
    # Only the latest report is ranked: 丁局 completed 1 of 1 (100%), 甲局 1 of 2 (50%).
    assert "乙局" not in ranking
    assert ranking.index("丁局") < ranking.index("甲局")


@pytest.mark.django_db
def test_when_no_status_is_known_the_page_says_so(client):
    dashboard_report_create(statuses=["unknown", "unknown", "unknown"])

    response = client.get("/")

    assertContains(response, "3 项无法从原文判断进度")
    assertContains(response, "本期报告未写明各任务的进度，无法判断是否按期")


@pytest.mark.django_db
def test_measurable_targets_are_drawn_against_the_elapsed_share(client):
    report = dashboard_report_create(statuses=["on_track", "behind", "completed"], themes=["经济发展", "民生保障"], co=None)
    tasks = list(report.tasks.order_by("seq"))
    Metric.objects.create(task=tasks[0], position=1, label="停车泊位", target=3500, actual=2800, unit="个", completion=0.8)
    Metric.objects.create(task=tasks[1], position=1, label="新建学校", target=4, actual=1, unit="所", completion=0.25)
    Metric.objects.create(task=tasks[2], position=1, label="绿道", target=10, actual=12, unit="公里", completion=1.2)
    Metric.objects.create(task=tasks[2], position=2, label="无实际", target=10, unit="公里")
    report_counts_refresh(report_ids=[report.pk])  # written around the services: do what a service would

    page = client.get("/").content.decode()

    themes = json.loads(page.split('<script id="measured-theme-chart-data" type="application/json">')[1].split("</script>")[0])
    assert (themes["labels"], themes["values"], themes["counts"], themes["elapsed"]) == (["经济发展", "民生保障"], [100.0, 25.0], [2, 1], 75.0)
    departments = json.loads(page.split('<script id="measured-department-chart-data" type="application/json">')[1].split("</script>")[0])
    assert (departments["labels"], departments["values"]) == (["区发改经信局"], [80.0])


@pytest.mark.django_db
def test_it_speaks_english_when_asked(client):
    dashboard_report_create()

    # English is chosen with the language switch, which sets the language cookie.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/")

    assertContains(response, '<html lang="en">')
    assertContains(response, "Progress Board")
    assertContains(response, "Latest report")
    assertContains(response, "Behind schedule")
    assertNotContains(response, "最新报告")


@pytest.mark.django_db
def test_language_switch_is_on_the_page_and_sets_english(client):
    dashboard_report_create()

    response = client.get("/")
    assertContains(response, 'action="/i18n/setlang/"')
    assertContains(response, 'name="language" value="en"')

    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assertContains(switched, "Latest report")


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        dashboard_report_create(year=2000 + number)

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the published reports with their task counts (the first is the latest; its tasks per status in Report.stats)
    # 3. its themes (their tasks per status are in Report.stats)
    # 4. its departments with total, lead and per-status counts (DepartmentReportStat)
    # (its measurable targets per theme and department are in Report.stats too)
    with django_assert_num_queries(4):
        response = client.get("/")

    # The newest eight; the rest are on /reports/.
    assert response.content.decode().count('class="report-title"') == min(report_count, 8)


@pytest.mark.django_db
def test_without_reports_the_page_takes_two_queries(client, django_assert_num_queries):
    # 1. the page cache's content version (tracker.page_cache)
    # 2. the published reports
    with django_assert_num_queries(2):
        client.get("/")

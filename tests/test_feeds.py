"""Tests for the Atom feeds: newly published reports, and per department its tasks whose status changed."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from tracker.opendata.selectors import FEED_REPORTS
from tracker.services.aggregates import report_counts_refresh

from tests.page_factories import dashboard_report_create, department_get
from tracker import services
from tracker.models import TaskDepartment, TaskSeries

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list[dict]:
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    return [
        {
            "title": entry.find(f"{ATOM}title").text,
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.find(f"{ATOM}id").text,
            "summary": entry.find(f"{ATOM}summary").text,
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_the_report_feed_lists_published_reports_last_published_first(client):
    first = dashboard_report_create(title="2021年报告", year=2021, is_published=False)
    second = dashboard_report_create(title="2022年报告", year=2022, is_published=False)
    dashboard_report_create(title="草稿报告", year=2023, is_published=False)
    services.report_publish(report=second)
    services.report_publish(report=first)  # an older period, published later: news first

    listed = entries(client.get("/feeds/reports.atom"))

    assert [entry["title"] for entry in listed] == ["2021年报告", "2022年报告"]
    assert listed[0]["link"] == f"http://testserver/reports/{first.pk}/"
    assert listed[0]["summary"] == "2021年 三季度，4 项任务，区府办发布。"


def test_every_page_says_where_the_report_feed_is(client):
    page = client.get("/").content.decode()

    assert '<link rel="alternate" type="application/atom+xml" title="新发布的报告" href="/feeds/reports.atom">' in page


@pytest.fixture
def quarters():
    """Three quarters of one year, the second still a draft; each report has three tasks, led by 区建设局.

    Series (set by hand, as an admin links them): 1. on track, behind (draft), behind; 2. completed throughout;
    3. behind, then completed but led by another unit; the third task of Q3 starts no series.
    """
    quarter_reports = []
    for quarter, statuses, is_published in (
        (1, ["on_track", "completed", "behind"], True),
        (2, ["behind", "completed", "behind"], False),
        (3, ["behind", "completed", "completed"], True),
    ):
        report = dashboard_report_create(
            title=f"2022年第{quarter}季度报告", year=2022, quarter=quarter, period_end_month=quarter * 3,
            period_label=f"第{quarter}季度", statuses=statuses, contents=["停车泊位", "公园绿地", "老旧小区"],
            lead="区建设局", co=None, is_published=is_published,
        )
        quarter_reports.append(report)
    series = [TaskSeries.objects.create() for _ in range(3)]
    for report in quarter_reports:
        for task in report.tasks.all():
            task.series = series[task.seq - 1]
            task.save()
    q1, q2, q3 = quarter_reports
    TaskDepartment.objects.filter(task__report=q3, task__seq=3).update(department=department_get("区教育局"))
    report_counts_refresh(report_ids=[q3.pk])  # written around the services: count as they would
    return q1, q2, q3


def test_a_departments_feed_lists_its_tasks_whose_status_changed_since_the_previous_published_report(client, quarters):
    q1, q2, q3 = quarters
    construction = department_get("区建设局")

    listed = entries(client.get(f"/feeds/departments/{construction.pk}.atom"))

    # Q3 against Q1 (the draft Q2 is not public): only the parking task changed, on track → behind.
    task = q3.tasks.get(seq=1)
    assert [entry["title"] for entry in listed] == ["正常推进 → 滞后：停车泊位"]
    assert listed[0]["link"] == f"http://testserver/tasks/{task.pk}/"
    assert listed[0]["summary"] == "2022年 第1季度：正常推进；2022年 第3季度：滞后。"
    assert listed[0]["id"].startswith("urn:uuid:")


def test_another_departments_feed_has_its_own_changes(client, quarters):
    education = department_get("区教育局")

    listed = entries(client.get(f"/feeds/departments/{education.pk}.atom"))

    assert [entry["title"] for entry in listed] == ["滞后 → 已完成：老旧小区"]


def test_publishing_the_draft_puts_its_changes_in_the_feed(client, quarters):
    q1, q2, q3 = quarters
    construction = department_get("区建设局")

    services.report_publish(report=q2)

    titles = [entry["title"] for entry in entries(client.get(f"/feeds/departments/{construction.pk}.atom"))]
    # Newest first: Q3 against Q2 (no change for task 1, task 3 now another unit's), then Q2 against Q1.
    assert titles == ["正常推进 → 滞后：停车泊位"]
    q2_task = q2.tasks.get(seq=1)
    assert entries(client.get(f"/feeds/departments/{construction.pk}.atom"))[0]["link"].endswith(f"/tasks/{q2_task.pk}/")


def test_an_empty_feed_is_the_same_on_every_request(client):
    dashboard_report_create(lead="区建设局")
    url = f"/feeds/departments/{department_get('区建设局').pk}.atom"

    first = client.get(url).content
    from django.core.cache import cache

    cache.clear()  # rendered again
    assert client.get(url).content == first
    assert b"<updated>2000-01-01T00:00:00+00:00</updated>" in first
    assert entries(client.get(url)) == []


def test_feeds_of_drafts_and_missing_departments_are_not_found(client):
    dashboard_report_create(lead="只在草稿中的单位", is_published=False)

    assert client.get(f"/feeds/departments/{department_get('只在草稿中的单位').pk}.atom").status_code == 404
    assert client.get("/feeds/departments/999999.atom").status_code == 404


def test_a_department_page_links_to_its_feed(client):
    dashboard_report_create(lead="区建设局")
    construction = department_get("区建设局")

    page = client.get(f"/departments/{construction.pk}/").content.decode()

    assert f'href="/feeds/departments/{construction.pk}.atom"' in page


@pytest.mark.parametrize("report_count", [2, 100])
def test_query_counts_do_not_grow_with_reports(client, django_assert_num_queries, report_count):
    series = [TaskSeries.objects.create() for _ in range(4)]
    for number in range(report_count):
        report = dashboard_report_create(
            year=2000 + number, lead="区建设局", statuses=["on_track", "behind", "completed", "unknown"][number % 2 :]
        )
        for task in report.tasks.all():
            task.series = series[task.seq - 1]
            task.save()
    construction = department_get("区建设局")

    # 1. the content version  2. the last published reports with their task counts
    with django_assert_num_queries(2):
        assert client.get("/feeds/reports.atom").status_code == 200
    # 1. the content version  2. the department  3. its newest reports (FEED_REPORTS)
    # 4. the published tasks of its series in them, in one query
    with django_assert_num_queries(4):
        response = client.get(f"/feeds/departments/{construction.pk}.atom")
    # At most FEED_ITEMS, the newest; a changed status in each of the newest FEED_REPORTS reports' 4 tasks but the unknown
    assert len(entries(response)) == (3 * FEED_REPORTS if report_count == 100 else 3)


def test_feed_dates_are_the_publication_dates(client):
    report = dashboard_report_create(is_published=False)
    services.report_publish(report=report)
    report.refresh_from_db()

    feed = ET.fromstring(client.get("/feeds/reports.atom").content)

    updated = dt.datetime.fromisoformat(feed.find(f"{ATOM}entry/{ATOM}updated").text)
    assert updated == report.published_at

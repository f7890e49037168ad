"""Tests for the public page `/`: the list of published reports."""

import pytest

from tests.factories import report_create


@pytest.mark.django_db
def test_it_lists_published_reports_with_their_facts(client):
    report_create(title="2022年三季度《政府工作报告》主要目标任务完成情况", task_count=3)

    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "2022年三季度《政府工作报告》主要目标任务完成情况" in page
    assert "2022年 三季度" in page
    assert "区府办" in page
    assert '<time datetime="2022-10-25">2022年10月25日</time>' in page
    assert '<td class="numeric" data-label="任务数">3</td>' in page


@pytest.mark.django_db
def test_unpublished_reports_are_invisible(client):
    report_create(title="已发布的那份")
    report_create(title="还没发布的那份", is_published=False)

    page = client.get("/").content.decode()

    assert "已发布的那份" in page
    assert "还没发布的那份" not in page


@pytest.mark.django_db
def test_without_published_reports_it_says_so(client):
    report_create(is_published=False)

    response = client.get("/")

    assert "暂无已发布的报告" in response.content.decode()


@pytest.mark.django_db
def test_newest_period_comes_first(client):
    report_create(title="较早的报告", year=2020)
    report_create(title="较新的报告", year=2022)

    page = client.get("/").content.decode()

    assert page.index("较新的报告") < page.index("较早的报告")


@pytest.mark.django_db
def test_report_without_a_date_or_period_shows_dashes(client):
    report_create(published_on=None, year=None, quarter=None, period_end_month=None, period_label="")

    page = client.get("/").content.decode()

    assert '<td data-label="统计期">—</td>' in page
    assert '<td data-label="发布日期">—</td>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 30])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for _ in range(report_count):
        report_create(task_count=3)

    # 1. the published reports with their task counts, in one SELECT ... COUNT ... GROUP BY
    with django_assert_num_queries(1):
        response = client.get("/")

    assert response.content.decode().count('data-label="任务数">3<') == report_count

"""Tests for `/reports/`: every published report, newest first, twenty a page; the home page links here."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import report_create


@pytest.mark.django_db
def test_it_lists_published_reports_newest_first(client):
    report_create(title="较早的报告", year=2020)
    report_create(title="较新的报告", year=2022)
    report_create(title="草稿报告", year=2023, is_published=False)

    response = client.get("/reports/")

    page = response.content.decode()
    assert page.index("较新的报告") < page.index("较早的报告")
    assertNotContains(response, "草稿报告")
    assertContains(response, "共 2 份报告，最新的在前")


@pytest.mark.django_db
def test_it_pages_by_twenty(client):
    for number in range(25):
        report_create(title=f"报告{number:02d}", year=2000 + number)

    first, second = client.get("/reports/"), client.get("/reports/?page=2")

    assert first.content.decode().count('class="report-title"') == 20
    assert second.content.decode().count('class="report-title"') == 5
    assertContains(first, 'href="?page=2" rel="next"')
    assertContains(second, "报告00")


@pytest.mark.django_db
def test_home_links_here_only_when_it_does_not_list_them_all(client):
    for number in range(8):
        report_create(year=2000 + number)
    assertNotContains(client.get("/"), 'href="/reports/">查看全部已发布的报告')

    report_create(year=2010)

    assertContains(client.get("/"), 'href="/reports/">查看全部已发布的报告')


@pytest.mark.django_db
def test_without_reports_it_says_so(client):
    assertContains(client.get("/reports/"), "暂无已发布的报告")


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        report_create(year=2000 + number)

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the count for the paginator
    # 3. one page of reports with their task counts
    with django_assert_num_queries(3):
        response = client.get("/reports/")

    assert response.content.decode().count('class="report-title"') == min(report_count, 20)

"""Tests for `/departments/`: every public department in pinyin order, searchable by name, alias and pinyin initials."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create, department_get
from tracker.models import DepartmentAlias


@pytest.mark.django_db
def test_it_lists_public_departments_by_initial_in_pinyin_order(client):
    dashboard_report_create(lead="区住建局", co="区财政局")
    dashboard_report_create(lead="区城管局", co=None)
    dashboard_report_create(lead="区草稿局", co=None, is_published=False)

    response = client.get("/departments/")

    page = response.content.decode()
    assert page.index("区财政局") < page.index("区城管局") < page.index("区住建局")
    assertContains(response, '<h2 id="letter-C">C</h2>', html=True)
    assertContains(response, '<a href="#letter-Z">Z</a>', html=True)
    assertContains(response, f'href="/departments/{department_get("区财政局").pk}/"')
    assertContains(response, "牵头 0 · 配合 4")
    assertNotContains(response, "区草稿局")


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["财政", "czj", "CZJ", "caizheng", "财税"])
def test_search_finds_a_department_by_name_alias_pinyin_or_initials(client, query):
    dashboard_report_create(lead="区财政局", co="区建设局")
    DepartmentAlias.objects.create(name="区财税局", department=department_get("区财政局"))

    response = client.get("/departments/", {"q": query})

    assertContains(response, "找到 1 个单位（共 2 个）")
    assertContains(response, ">区财政局</a>")
    assertNotContains(response, ">区建设局</a>")


@pytest.mark.django_db
def test_a_search_that_finds_nothing_says_how_to_search(client):
    dashboard_report_create(lead="区财政局", co=None)

    response = client.get("/departments/", {"q": "不存在的单位"})

    assertContains(response, "没有找到符合的单位")


@pytest.mark.django_db
def test_the_navigation_leads_to_the_index(client):
    dashboard_report_create()

    assertContains(client.get("/"), '<a href="/departments/">找单位</a>', html=True)


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        dashboard_report_create(year=2000 + number, lead=f"区第{number}局", co="区财政局")

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the public departments with their task counts
    # 3. their aliases
    with django_assert_num_queries(3):
        response = client.get("/departments/", {"q": "q"})

    assert response.content.decode().count('<li><a href="/departments/') == report_count + 1

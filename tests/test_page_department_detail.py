"""Tests for `/departments/<id>/`: every task a department leads or shares, behind schedule first."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create, department_get


@pytest.mark.django_db
def test_it_lists_lead_and_co_tasks_across_published_reports(client):
    dashboard_report_create(year=2021, statuses=["completed"], lead="区建设局", co="区财政局", contents=["修路"])
    dashboard_report_create(year=2022, statuses=["on_track"], lead="区财政局", co=None, contents=["发债"])
    dashboard_report_create(year=2023, statuses=["on_track"], lead="区财政局", co=None, contents=["未发布的任务"], is_published=False)
    department = department_get("区财政局")

    response = client.get(f"/departments/{department.pk}/")

    assertContains(response, "<h1>区财政局</h1>", html=True)
    assertContains(response, "修路")
    assertContains(response, "发债")
    assertNotContains(response, "未发布的任务")
    assertContains(response, '<span class="role role-co">配合</span>', html=True)
    assertContains(response, '<span class="role role-lead">牵头</span>', html=True)
    assertContains(response, "承担 2 项任务，其中牵头 1 项")
    assertContains(response, "<dt>完成率</dt><dd>50%")


@pytest.mark.django_db
def test_tasks_behind_schedule_come_first(client):
    dashboard_report_create(year=2022, statuses=["completed", "behind", "on_track"], contents=["甲任务", "乙任务滞后", "丙任务"])

    page = client.get(f"/departments/{department_get('区发改经信局').pk}/").content.decode()

    assert page.index("乙任务滞后") < page.index("甲任务") < page.index("丙任务")


@pytest.mark.django_db
def test_department_without_tasks_shows_the_empty_state(client):
    department = department_get("区档案馆")

    response = client.get(f"/departments/{department.pk}/")

    assertContains(response, "该部门暂无任务")
    assertNotContains(response, "<canvas")


@pytest.mark.django_db
def test_missing_department_is_not_found(client):
    assert client.get("/departments/999999/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 30])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        dashboard_report_create(year=2000 + number)
    department = department_get("区财政局")

    # 1. the department
    # 2. its links to tasks of published reports, with task, report and theme joined
    with django_assert_num_queries(2):
        response = client.get(f"/departments/{department.pk}/")

    assert response.content.decode().count('class="task-row"') == 4 * report_count

"""Tests for `/departments/<id>/`: a department's tasks in one report (the newest by default), behind schedule
first, beside its record in every published report."""

import pytest

from tracker.views import DEPARTMENT_HISTORY_REPORTS
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create, department_get
from tracker.models import TaskDepartment


def sections(response) -> tuple[str, str]:
    """The page's "tasks it leads" and "tasks it co-operates on" sections."""
    page = response.content.decode()
    lead = page.split('<h2 id="lead-heading">')[1].split("</section>")[0]
    co = page.split('<h2 id="co-heading">')[1].split("</section>")[0]
    return lead, co


@pytest.mark.django_db
def test_it_shows_the_newest_published_report_and_lists_the_others(client):
    older = dashboard_report_create(year=2021, statuses=["completed"], lead="区建设局", co="区财政局", contents=["修路"])
    dashboard_report_create(year=2022, statuses=["on_track"], lead="区财政局", co=None, contents=["发债"])
    dashboard_report_create(year=2023, statuses=["on_track"], lead="区财政局", co=None, contents=["未发布的任务"], is_published=False)
    department = department_get("区财政局")

    response = client.get(f"/departments/{department.pk}/")

    assertContains(response, "<h1>区财政局</h1>", html=True)
    assertContains(response, "发债")
    assertNotContains(response, "修路")
    assertNotContains(response, "未发布的任务")
    assertContains(response, "2022年 三季度：承担 1 项任务，其中牵头 1 项。")
    lead, co = sections(response)
    assert "发债" in lead and "本期没有配合的任务" in co
    assertContains(response, "共见于 2 份已发布的报告")
    assertContains(response, '<strong aria-current="page">2022年 三季度</strong>', html=True)
    assertContains(response, f'<a href="?report={older.pk}">2021年 三季度</a>', html=True)
    assertNotContains(response, "2023年")


@pytest.mark.django_db
def test_report_parameter_picks_another_report(client):
    older = dashboard_report_create(year=2021, statuses=["completed"], lead="区建设局", co="区财政局", contents=["修路"])
    dashboard_report_create(year=2022, statuses=["on_track"], lead="区财政局", co=None, contents=["发债"])
    department = department_get("区财政局")

    response = client.get(f"/departments/{department.pk}/?report={older.pk}")

    assertContains(response, "修路")
    assertNotContains(response, "发债")
    lead, co = sections(response)
    assert "修路" in co and "本期没有牵头的任务" in lead
    assertContains(response, "共 1 项任务：1 项按期推进（其中已完成 1 项）")


@pytest.mark.django_db
@pytest.mark.parametrize("param", ["999999", "abc"])
def test_a_report_without_the_department_is_not_found(client, param):
    dashboard_report_create(year=2022, lead="区财政局", co=None)
    other = dashboard_report_create(year=2021, lead="区建设局", co=None)
    department = department_get("区财政局")

    assert client.get(f"/departments/{department.pk}/?report={other.pk}").status_code == 404
    assert client.get(f"/departments/{department.pk}/?report={param}").status_code == 404


@pytest.mark.django_db
def test_tasks_behind_schedule_come_first(client):
    dashboard_report_create(year=2022, statuses=["completed", "behind", "on_track"], contents=["甲任务", "乙任务滞后", "丙任务"])

    page = client.get(f"/departments/{department_get('区发改经信局').pk}/").content.decode()

    assert page.index("乙任务滞后") < page.index("甲任务") < page.index("丙任务")


@pytest.mark.django_db
def test_department_without_tasks_in_a_published_report_is_not_found(client):
    """Issue 18: departments are public only once a published report names them."""
    department = department_get("区档案馆")

    assert client.get(f"/departments/{department.pk}/").status_code == 404


@pytest.mark.django_db
def test_missing_department_is_not_found(client):
    assert client.get("/departments/999999/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        dashboard_report_create(year=2000 + number)
    department = department_get("区财政局")

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the department
    # 3. the newest DEPARTMENT_HISTORY_REPORTS published reports it has tasks in, with its counts in each
    # 4. how many there are in all
    # 5. its links to the tasks of the newest one, with task and theme joined
    with django_assert_num_queries(5):
        response = client.get(f"/departments/{department.pk}/")

    page = response.content.decode()
    assert page.count('class="task-row"') == 4  # it co-operates on all four
    assert page.count('<a href="?report=') == min(report_count, DEPARTMENT_HISTORY_REPORTS) - 1


@pytest.mark.django_db
def test_a_department_named_only_in_a_draft_is_not_public(client):
    dashboard_report_create(lead="区公开局", co=None)
    dashboard_report_create(lead="区草稿局", co=None, is_published=False)

    assert client.get(f"/departments/{department_get('区公开局').pk}/").status_code == 200
    assert client.get(f"/departments/{department_get('区草稿局').pk}/").status_code == 404


@pytest.mark.django_db
def test_the_tasks_it_leads_are_apart_from_those_it_co_operates_on(client):
    report = dashboard_report_create(statuses=["on_track", "behind", "completed"], contents=["甲", "乙", "丙"], lead="区建设局", co=None)
    TaskDepartment.objects.filter(task__report=report, task__seq=2).update(role="co")

    lead, co = sections(client.get(f"/departments/{department_get('区建设局').pk}/"))

    assert ">甲</a>" in lead and ">丙</a>" in lead and ">乙</a>" not in lead
    assert ">乙</a>" in co and co.count('class="task-row"') == 1


@pytest.mark.django_db
def test_the_breadcrumb_leads_back_to_the_department_index(client):
    dashboard_report_create(lead="区建设局", co=None)

    response = client.get(f"/departments/{department_get('区建设局').pk}/")

    assertContains(response, '<a href="/departments/">单位</a>', html=True)

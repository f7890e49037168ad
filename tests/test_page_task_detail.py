"""Tests for `/tasks/<id>/`: one task's text, departments, leaders, status, metrics and its other versions."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create
from tracker.models import Metric, Task


@pytest.mark.django_db
def test_it_shows_the_task_with_departments_leaders_and_status(client):
    report = dashboard_report_create(statuses=["behind"], contents=["新建学校三所"], lead="区教育局", co="区建设局", leader="李四")
    task = report.tasks.get()
    Task.objects.filter(pk=task.pk).update(status_reason="进展情况写明“滞后”", progress="已开工两所")

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, "新建学校三所")
    assertContains(response, "已开工两所")
    assertContains(response, "区教育局")
    assertContains(response, '<span class="role role-lead">牵头</span>', html=True)
    assertContains(response, '<span class="role role-co">配合</span>', html=True)
    assertContains(response, "李四")
    assertContains(response, '<span class="status-badge status-behind">')
    assertContains(response, "进展情况写明“滞后”")


@pytest.mark.django_db
def test_without_metrics_it_says_none_could_be_extracted(client):
    task = dashboard_report_create(statuses=["on_track"]).tasks.get()

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, "暂无可提取的指标")
    assertNotContains(response, "<canvas")


@pytest.mark.django_db
def test_it_links_the_same_task_in_other_reports_of_the_same_year(client):
    first = dashboard_report_create(title="上半年", period_end_month=6, statuses=["on_track"], contents=["新建学校三所"])
    second = dashboard_report_create(title="三季度", period_end_month=9, statuses=["completed"], contents=["新建学校三所"])
    dashboard_report_create(title="去年", year=2021, statuses=["completed"], contents=["新建学校三所"])
    dashboard_report_create(title="未发布", period_end_month=12, statuses=["completed"], contents=["新建学校三所"], is_published=False)
    task = second.tasks.get()

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, f'href="/tasks/{first.tasks.get().pk}/"')
    assertContains(response, 'class="same-year-list"')
    assert response.content.decode().split('class="same-year-list"')[1].count("<li>") == 1


@pytest.mark.django_db
def test_task_of_an_unpublished_report_is_not_found(client):
    task = dashboard_report_create(is_published=False).tasks.first()

    assert client.get(f"/tasks/{task.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    reports = [dashboard_report_create(year=2022, contents=["同一任务", "二", "三", "四"]) for _ in range(report_count)]
    task = reports[0].tasks.get(seq=1)

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the task with report and theme
    # 3. its department links with departments
    # 4. its leader links with leaders
    # 5. its metrics
    # 6. the same task in other reports of the year
    with django_assert_num_queries(6):
        response = client.get(f"/tasks/{task.pk}/")

    assert response.content.decode().split('class="same-year-list"')[1].count("<li>") == report_count - 1


@pytest.mark.django_db
def test_metrics_when_present_draw_target_against_actual_with_a_table(client):
    task = dashboard_report_create(statuses=["on_track"]).tasks.get()
    Metric.objects.create(task=task, position=1, label="新建学校", target=3, actual=2, unit="所")

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, 'data-chart="target-actual"')
    assertContains(response, '<script src="/static/js/chart-target-actual.js" defer></script>', html=False)
    assertContains(response, "<th scope=\"row\">新建学校</th><td class=\"numeric\">3</td><td class=\"numeric\">2</td><td>所</td>")
    assertNotContains(response, "暂无可提取的指标")


@pytest.mark.django_db
def test_evidence_of_target_and_actual_is_highlighted(client):
    task = dashboard_report_create(statuses=["on_track"], contents=["新增停车泊位3500个"]).tasks.get()
    task.progress = "停车泊位已新增11494个"
    task.save()
    Metric.objects.create(
        task=task, position=1, label="停车泊位", target=3500, unit="个", actual=11494,
        target_start=6, target_end=11, actual_start=7, actual_end=13,
    )

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, '新增停车泊位<mark class="evidence">3500个</mark>', html=False)
    assertContains(response, '停车泊位已新增<mark class="evidence">11494个</mark>', html=False)


@pytest.mark.django_db
def test_evidence_is_not_highlighted_in_text_an_admin_corrected(client):
    task = dashboard_report_create(statuses=["on_track"], contents=["新增停车泊位3500个"]).tasks.get()
    task.corrected_fields = ["content"]
    task.save()
    Metric.objects.create(task=task, position=1, label="停车泊位", target=3500, unit="个", target_start=6, target_end=11)

    response = client.get(f"/tasks/{task.pk}/")

    assertNotContains(response, '<mark class="evidence">', html=False)

"""Tests for `/tasks/<id>/`: one task's text, departments, leaders, status, metrics and its other versions."""

import json

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create
from tests.test_services_series import imported
from tracker.models import Metric, Report, Task
from tracker.parsing import Status


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
def test_its_timeline_shows_each_quarters_progress_status_and_figures(client):
    q1 = imported(2022, 3, ["新增停车泊位3500个。"], statuses=[Status.ON_TRACK])
    q2 = imported(2022, 6, ["新增停车泊位3500个。"], statuses=[Status.BEHIND])
    q3 = imported(2022, 9, ["新增公共停车泊位3500个。"], statuses=[Status.COMPLETED])
    imported(2022, 12, ["新增停车泊位3500个。"])
    Report.objects.filter(pk=q2.pk).update(is_published=False)  # only published reports show
    for report, actual in ((q1, 700), (q3, 3600)):
        task = report.tasks.get()
        Task.objects.filter(pk=task.pk).update(progress=f"{report.period_end_month}月底已新增{actual}个")
        Metric.objects.create(task=task, position=1, label="停车泊位", target=3500, actual=actual, unit="个", completion=actual / 3500)
    Report.objects.filter(period_end_month=12).update(is_published=False)
    task = q3.tasks.get()

    response = client.get(f"/tasks/{task.pk}/")

    page = response.content.decode()
    timeline = page.split('<ol class="timeline">')[1].split("</ol>")[0]
    entries = timeline.split('<li class="timeline-entry')[1:]
    assert len(entries) == 2
    assert f'href="/tasks/{q1.tasks.get().pk}/"' in entries[0] and "2022年 1–3月" in entries[0]
    assert "3月底已新增700个" in entries[0] and "停车泊位：700个 / 目标 3,500个" in entries[0]
    assert "status-on_track" in entries[0]
    assert 'aria-current="page">2022年 三季度' in entries[1] and "status-completed" in entries[1]
    assert "与上一期文字相似度" not in entries[0]
    chart = json.loads(page.split('<script id="timeline-chart-data" type="application/json">')[1].split("</script>")[0])
    assert chart["labels"] == ["2022年 1–3月", "2022年 三季度"]
    assert chart["lines"] == [{"label": "停车泊位", "values": [20.0, 102.9]}]
    assert chart["pace"] == [25.0, 75.0]


@pytest.mark.django_db
def test_a_task_in_no_other_report_says_so(client):
    task = dashboard_report_create(statuses=["on_track"]).tasks.get()

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, "其他已发布的报告中没有找到这项任务。")
    assertNotContains(response, "timeline-chart-data")


@pytest.mark.django_db
def test_an_editors_status_is_marked_and_explained(client):
    task = dashboard_report_create(statuses=["behind"]).tasks.get()
    Task.objects.filter(pk=task.pk).update(corrected_fields=["status"], status_reason="经核实，进度滞后")

    response = client.get(f"/tasks/{task.pk}/")

    assertContains(response, '<span class="judged-badge" title="编辑根据进展情况判定，而非从原文读出">人工判定</span>', html=True)
    assertContains(response, '<a class="help-link" href="/status/">状态如何判定</a>', html=True)


@pytest.mark.django_db
def test_task_of_an_unpublished_report_is_not_found(client):
    task = dashboard_report_create(is_published=False).tasks.first()

    assert client.get(f"/tasks/{task.pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    reports = [imported(2000 + number // 4, 3 * (number % 4 + 1)) for number in range(report_count)]
    task = reports[-1].tasks.get(seq=1)

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the task with report and theme
    # 3. its department links with departments
    # 4. its leader links with leaders
    # 5. its metrics
    # 6. its series: the same task in the published reports, with their reports
    # 7. their metrics
    with django_assert_num_queries(7):
        response = client.get(f"/tasks/{task.pk}/")

    assert response.content.decode().split('<ol class="timeline">')[1].count('<li class="timeline-entry') == report_count


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

"""Tests for `/themes/<id>/`: the tasks of one theme with departments and status."""

import json

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create
from tracker.models import Theme


@pytest.mark.django_db
def test_it_shows_the_theme_tasks_with_departments_and_status(client):
    report = dashboard_report_create(themes=["经济发展", "民生保障"], statuses=["completed", "behind", "on_track"], contents=["甲", "乙", "丙"])
    theme = Theme.objects.get(report=report, name="经济发展")

    response = client.get(f"/themes/{theme.pk}/")

    assertContains(response, "经济发展</h1>")
    assertContains(response, 'class="task-row"', count=2)  # tasks 1 and 3
    assertContains(response, '<span class="status-badge status-completed">')
    assertContains(response, "区发改经信局")
    assertNotContains(response, ">乙</a>")


@pytest.mark.django_db
def test_theme_of_an_unpublished_report_is_not_found(client):
    report = dashboard_report_create(is_published=False)

    assert client.get(f"/themes/{report.themes.first().pk}/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    reports = [dashboard_report_create(year=2000 + number) for number in range(report_count)]
    theme = reports[-1].themes.first()

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the theme with its report
    # 3. its tasks
    # 4. their department links with departments
    # 5. the theme of the same name in the last reports of the family, with their tasks counted per status
    with django_assert_num_queries(5):
        response = client.get(f"/themes/{theme.pk}/")

    assert response.content.decode().count('class="task-row"') == 2


@pytest.mark.django_db
def test_it_shows_how_the_themes_counts_moved_report_by_report(client):
    dashboard_report_create(period_end_month=6, quarter=2, period_label="上半年", themes=["经济发展"], statuses=["on_track", "unknown"])
    latest = dashboard_report_create(themes=["经济发展"], statuses=["completed", "behind", "behind"])
    dashboard_report_create(themes=["经济发展"], statuses=["behind"], publisher="别的区府办")
    theme = latest.themes.get()

    page = client.get(f"/themes/{theme.pk}/").content.decode()

    history = json.loads(page.split('<script id="history-chart-data" type="application/json">')[1].split("</script>")[0])
    assert history["labels"] == ["2022年 上半年", "2022年 三季度"]
    assert {series["status"]: series["values"] for series in history["series"]} == {
        "completed": [0, 1], "on_track": [1, 0], "behind": [0, 2], "unknown": [1, 0],
    }

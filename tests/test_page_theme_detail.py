"""Tests for `/themes/<id>/`: the tasks of one theme with departments and status."""

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
    theme = reports[0].themes.first()

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the theme with its report
    # 3. its tasks
    # 4. their department links with departments
    with django_assert_num_queries(4):
        response = client.get(f"/themes/{theme.pk}/")

    assert response.content.decode().count('class="task-row"') == 2

"""Tests for `/status/`: how a status is judged, linked from wherever a status appears."""

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains

from tests.page_factories import dashboard_report_create


@pytest.mark.django_db
def test_it_explains_the_elapsed_share_figures_against_words_and_an_editors_judgement(client):
    response = client.get("/status/")

    assertContains(response, "<h1>状态如何判定</h1>", html=True)
    for words in ("序时进度", "三季度末 75%", "数字优先", "无法从原文判断", "人工判定"):
        assertContains(response, words)


@pytest.mark.django_db
def test_it_speaks_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get("/status/")

    assertContains(response, "How status is judged")
    assertContains(response, "elapsed share of the year")


@pytest.mark.django_db
def test_pages_with_a_status_link_to_it(client):
    report = dashboard_report_create()
    task = report.tasks.first()

    for url in ("/", f"/reports/{report.pk}/", f"/themes/{task.theme_id}/", f"/tasks/{task.pk}/", "/tasks/"):
        assertContains(client.get(url), '<a class="help-link" href="/status/">状态如何判定</a>', html=True)


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        dashboard_report_create(year=2000 + number)

    # 1. the page cache's content version (tracker.page_cache); the page itself reads nothing
    with django_assert_num_queries(1):
        client.get("/status/")

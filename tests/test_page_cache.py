"""Tests for tracker.page_cache: public pages served from memory until the data behind them changes."""

import pytest
from django.http import HttpResponse
from django.test import override_settings
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create, department_get
from tracker import services
from tracker.services import ServiceError
from tracker.models import ContentVersion, Report, Task, Theme
from tracker.page_cache import cached_public_page, content_version


@pytest.mark.django_db
def test_a_second_request_is_served_from_memory_with_one_query(client, django_assert_num_queries):
    report = dashboard_report_create()
    first = client.get(f"/reports/{report.pk}/")

    # 1. the content version, which has not changed
    with django_assert_num_queries(1):
        second = client.get(f"/reports/{report.pk}/")

    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db
def test_stored_pages_keep_the_security_headers(client):
    report = dashboard_report_create()
    client.get(f"/reports/{report.pk}/")

    response = client.get(f"/reports/{report.pk}/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_publishing_shows_the_new_report_at_once(client):
    dashboard_report_create(title="已发布的报告", year=2021)
    draft = dashboard_report_create(title="刚发布的报告", year=2022, is_published=False)
    assertNotContains(client.get("/"), "刚发布的报告")

    services.report_publish(report=draft)

    assertContains(client.get("/"), "刚发布的报告")


@pytest.mark.django_db
def test_unpublishing_hides_a_stored_report_page(client):
    report = dashboard_report_create()
    assert client.get(f"/reports/{report.pk}/").status_code == 200

    services.report_unpublish(report=report)

    assert client.get(f"/reports/{report.pk}/").status_code == 404


@pytest.mark.django_db
def test_an_admin_correction_shows_on_the_task_page(client):
    report = dashboard_report_create(contents=["原来的内容"], statuses=["on_track"])
    task = report.tasks.get()
    assertContains(client.get(f"/tasks/{task.pk}/"), "原来的内容")

    task.content = "更正后的内容"
    services.task_correct(task=task, fields=["content"])

    assertContains(client.get(f"/tasks/{task.pk}/"), "更正后的内容")


@pytest.mark.django_db
def test_renaming_a_department_in_the_admin_form_shows_everywhere(client):
    report = dashboard_report_create(lead="区城管局", co=None)
    assertContains(client.get(f"/reports/{report.pk}/"), "区城管局")

    department = department_get("区城管局")
    services.department_rename(department=department, name="区综合行政执法局")  # what the admin's change form calls

    page = client.get(f"/reports/{report.pk}/")
    assertContains(page, "区综合行政执法局")
    assertNotContains(page, "区城管局")


@pytest.mark.django_db
def test_an_import_shows_on_the_pages(client, parsed_2022):
    assertContains(client.get("/"), "暂无已发布的报告")

    services.report_import(parsed=parsed_2022, publish=True)

    assertNotContains(client.get("/"), "暂无已发布的报告")


@pytest.mark.django_db
def test_a_failed_write_leaves_the_version_as_it_was():
    report = dashboard_report_create()
    theme_elsewhere = _theme_of_another_report()
    before = content_version()

    with pytest.raises(ServiceError):
        services.tasks_move_to_theme(tasks=Task.objects.filter(report=report), theme=theme_elsewhere)

    assert content_version() == before


def _theme_of_another_report() -> Theme:
    return Theme.objects.create(report=dashboard_report_create(year=2030, themes=["别的项目"]), ordinal=9, name="别的")


@pytest.mark.django_db
def test_each_language_has_its_own_copy(client):
    client.get("/")
    client.cookies["django_language"] = "en"

    english = client.get("/")

    assertContains(english, 'lang="en"')
    del client.cookies["django_language"]
    assertContains(client.get("/"), 'lang="zh-Hans"')


@pytest.mark.django_db
def test_query_strings_are_part_of_the_key(client):
    dashboard_report_create(statuses=["completed", "behind"], contents=["完成的事", "滞后的事"])

    client.get("/tasks/?status=completed")
    behind = client.get("/tasks/?status=behind")

    assertContains(behind, "滞后的事")
    assertNotContains(behind, "完成的事")


@pytest.mark.django_db
def test_not_found_pages_are_not_stored(client):
    assert client.get("/reports/4242/").status_code == 404
    # bulk_create sends no signal: the version stays, so only a page rendered afresh can find the report.
    Report.objects.bulk_create(
        [Report(pk=4242, title="后来的报告", content_hash="h" * 64, source_key="后来的报告", is_published=True)]
    )

    assertContains(client.get("/reports/4242/"), "后来的报告")


@pytest.mark.django_db
@override_settings(PUBLIC_PAGE_CACHE=False)
def test_switched_off_every_request_renders(client, django_assert_num_queries):
    report = dashboard_report_create()
    client.get(f"/reports/{report.pk}/")

    # The queries of the report page (tests/test_page_report_detail.py; without a previous report, six), no version
    with django_assert_num_queries(6):
        client.get(f"/reports/{report.pk}/")


@pytest.mark.django_db
def test_without_the_version_row_pages_render_every_time(client, django_assert_num_queries):
    report = dashboard_report_create()
    ContentVersion.objects.all().delete()
    client.get(f"/reports/{report.pk}/")

    with django_assert_num_queries(7):  # the six of the page and the version looked for
        response = client.get(f"/reports/{report.pk}/")

    assert response.status_code == 200


@pytest.mark.django_db
def test_a_change_makes_the_missing_version_row_again():
    ContentVersion.objects.all().delete()

    services.report_unpublish(report=dashboard_report_create())

    assert content_version() is not None


@pytest.mark.django_db
def test_the_language_switch_needs_no_csrf_token_so_pages_carry_none(client):
    client.handler.enforce_csrf_checks = True
    page = client.get("/")
    assertNotContains(page, "csrfmiddlewaretoken")

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "personal, renders_expected", [("nothing", 1), ("csrf token", 2), ("session", 2), ("cookie", 2)]
)
def test_a_page_with_something_of_the_visitor_is_not_stored(rf, personal, renders_expected):
    from django.contrib.sessions.backends.db import SessionStore
    from django.middleware.csrf import get_token

    renders = []

    @cached_public_page()
    def view(request):
        renders.append(1)
        response = HttpResponse("page")
        if personal == "csrf token":
            get_token(request)
        elif personal == "session":  # e.g. request.user in a template
            request.session.get("anything")
        elif personal == "cookie":
            response.set_cookie("seen", "1")
        return response

    for _ in range(2):
        request = rf.get("/")
        request.LANGUAGE_CODE = "zh-hans"
        request.session = SessionStore()
        view(request)

    assert len(renders) == renders_expected


@pytest.mark.django_db
def test_unknown_query_parameters_neither_make_a_new_copy_nor_reach_the_page(client, django_assert_num_queries):
    dashboard_report_create(contents=[f"任务{n}" for n in range(60)], statuses=["on_track"] * 60)
    first = client.get("/tasks/?page=2&status=on_track")

    # 1. the content version: the same stored copy, whatever else the query says
    with django_assert_num_queries(1):
        junk = client.get("/tasks/?utm_source=x&status=on_track&page=2&_=123")

    assert junk.content == first.content
    assert b"utm_source" not in first.content


@pytest.mark.django_db
def test_parameters_in_another_order_are_the_same_page(client, django_assert_num_queries):
    dashboard_report_create()
    client.get("/tasks/?status=behind&sort=seq")

    with django_assert_num_queries(1):
        client.get("/tasks/?sort=seq&status=behind")


@pytest.mark.django_db
def test_a_search_is_rendered_every_time_and_never_stored(rf):
    # Anyone can make up a new search on every request: stored, they would push everyone's pages out of the memory.
    from django.core.cache import cache

    renders = []

    @cached_public_page(query=("q", "status"))
    def view(request):
        renders.append(dict(request.GET))
        return HttpResponse("page")

    cache.clear()
    for query in ({"q": "停车"}, {"q": "停车"}, {"status": "behind"}, {"status": "behind"}):
        request = rf.get("/", query)
        request.LANGUAGE_CODE = "zh-hans"
        response = view(request)
        assert response.has_header("ETag")  # a search is still answered 304 while the data is unchanged

    assert renders == [{"q": ["停车"]}, {"q": ["停车"]}, {"status": ["behind"]}]
    assert len(cache._cache) == 1  # the page without a search alone

"""Conditional responses (issue 17): ETag and Last-Modified from the content version, 304 while the data is unchanged.

Stored pages, downloads, API responses and feeds all carry them (tracker.page_cache).
"""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from django.utils.http import http_date

from tests.open_data import body
from tests.page_factories import dashboard_report_create
from tracker import page_cache, services
from tracker.models import ContentVersion

pytestmark = pytest.mark.django_db

PROJECT_DIR = Path(__file__).resolve().parent.parent


def settled():
    """As if the last write were a minute ago: Last-Modified is only sent once its second is past."""
    ContentVersion.objects.update(changed_at=timezone.now() - dt.timedelta(minutes=1))


def urls_of(report) -> dict[str, str]:
    task = report.tasks.get(seq=1)
    return {
        "page": f"/reports/{report.pk}/",
        "task list": "/tasks/?status=behind",
        "CSV": f"/downloads/reports/{report.pk}.csv",
        "XLSX": f"/downloads/reports/{report.pk}.xlsx",
        "API list": "/api/v1/tasks/?status=behind",
        "API object": f"/api/v1/tasks/{task.pk}/",
        "feed": "/feeds/reports.atom",
    }


@pytest.mark.parametrize("kind", ["page", "task list", "CSV", "XLSX", "API list", "API object", "feed"])
def test_a_repeated_request_with_the_etag_is_answered_304_after_one_query(client, django_assert_num_queries, kind):
    url = urls_of(dashboard_report_create())[kind]
    first = client.get(url)
    body(first)
    assert first.status_code == 200 and first["Cache-Control"] == "no-cache"

    # 1. the content version
    with django_assert_num_queries(1):
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("kind", ["page", "CSV", "XLSX", "API object", "feed"])
def test_a_write_gives_a_new_etag_and_the_new_data(client, kind):
    report = dashboard_report_create(contents=["原来的内容"] + ["别的"] * 3)
    url = urls_of(report)[kind]
    first = client.get(url)

    task = report.tasks.get(seq=1)
    task.content = "更正后的内容"
    services.task_correct(task=task, fields=["content"])
    if kind == "feed":
        services.report_publish(report=dashboard_report_create(title="更正后的内容", is_published=False))
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]
    assert "更正后的内容" in (body(again).decode() if kind != "XLSX" else str(_cells(again)))


def _cells(response):
    from tests.open_data import xlsx_rows

    return xlsx_rows(response)


def test_if_modified_since_gets_304_until_the_data_changes(client):
    report = dashboard_report_create()
    settled()
    first = client.get(f"/reports/{report.pk}/")
    # When the data last changed, or the code if that is later (a new release can show the same data differently).
    changed = max(ContentVersion.objects.get().changed_at.timestamp(), page_cache.release()[1])
    assert first["Last-Modified"] == http_date(changed)

    assert client.get(f"/reports/{report.pk}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    services.report_unpublish(report=dashboard_report_create(year=2030))
    assert client.get(f"/reports/{report.pk}/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_no_last_modified_until_the_second_of_the_last_write_is_past(client):
    # A second write in the same second would give the same date: until then only the ETag validates.
    report = dashboard_report_create()

    response = client.get(f"/reports/{report.pk}/")

    assert "Last-Modified" not in response
    assert client.get(f"/reports/{report.pk}/", HTTP_IF_MODIFIED_SINCE=http_date()).status_code == 200
    assert client.get(f"/reports/{report.pk}/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_each_language_of_a_page_has_its_own_etag(client):
    report = dashboard_report_create()
    chinese = client.get(f"/reports/{report.pk}/")
    client.cookies["django_language"] = "en"

    english = client.get(f"/reports/{report.pk}/", HTTP_IF_NONE_MATCH=chinese["ETag"])

    assert english.status_code == 200 and 'lang="en"' in english.content.decode()
    assert english["ETag"] != chinese["ETag"]
    assert "Cookie" in chinese["Vary"]  # the language comes from the cookie


def test_downloads_api_and_feeds_are_one_resource_in_both_languages(client):
    report = dashboard_report_create(statuses=["behind"])
    chinese = {kind: client.get(url) for kind, url in urls_of(report).items() if kind not in ("page", "task list")}
    client.cookies["django_language"] = "en"

    for kind, response in chinese.items():
        url = urls_of(report)[kind]
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, kind
        assert "Cookie" not in response.get("Vary", ""), kind
    cache.clear()  # rendered again, for the English visitor
    assert "滞后" in body(client.get(urls_of(report)["CSV"])).decode()
    assert client.get(urls_of(report)["API object"]).json()["status_label"] == "滞后"


def test_another_app_server_answers_304_from_the_version_in_the_database(client, django_assert_num_queries):
    report = dashboard_report_create()
    first = client.get(f"/downloads/reports/{report.pk}.xlsx")
    cache.clear()  # another server: its memory holds no copy of anything

    with django_assert_num_queries(1):
        assert client.get(f"/downloads/reports/{report.pk}.xlsx", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    page_cache.content_changed()  # a write committed through any server moves the one shared row
    assert client.get(f"/downloads/reports/{report.pk}.xlsx", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_app_servers_running_the_same_release_compute_the_same_etag():
    # Each process computes the release's fingerprint from the files: another process must agree with this one.
    script = "import django; django.setup(); from tracker.page_cache import release; print(release()[0])"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    other = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_DIR, env=environment, capture_output=True, text=True, timeout=60
    )

    assert other.returncode == 0, other.stderr
    assert other.stdout.strip() == page_cache.release()[0]


def test_a_new_release_gives_new_etags(client, monkeypatch):
    report = dashboard_report_create()
    first = client.get(f"/reports/{report.pk}/")

    monkeypatch.setattr(page_cache, "release", lambda: ("another-release", 0.0))

    assert client.get(f"/reports/{report.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_stored_download_keeps_its_file_name(client):
    report = dashboard_report_create()
    first = client.get(f"/downloads/reports/{report.pk}.xlsx")

    stored = client.get(f"/downloads/reports/{report.pk}.xlsx")

    assert stored["Content-Disposition"] == first["Content-Disposition"]
    assert stored["ETag"] == first["ETag"]


def test_errors_carry_no_validators(client):
    response = client.get("/reports/999999/")

    assert response.status_code == 404
    assert "ETag" not in response


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_without_the_page_cache_every_request_renders_and_no_validator_is_sent(client):
    report = dashboard_report_create()

    response = client.get(f"/reports/{report.pk}/", HTTP_IF_NONE_MATCH="*")

    assert response.status_code == 200
    assert "ETag" not in response


def test_the_same_number_after_a_restore_is_a_new_etag(client):
    # A restored backup counts up again from an older number: that number, moved at another moment, is other data.
    report = dashboard_report_create()
    first = client.get(f"/reports/{report.pk}/")
    version = ContentVersion.objects.get()

    ContentVersion.objects.update(changed_at=version.changed_at + dt.timedelta(seconds=5))

    assert ContentVersion.objects.get().number == version.number
    assert client.get(f"/reports/{report.pk}/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200

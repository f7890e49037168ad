"""CORS on the open data (the API, the downloads, the feeds) and nowhere else; GET only, no credentials."""

import pytest

from tests.page_factories import dashboard_report_create

pytestmark = pytest.mark.django_db

ORIGIN = "https://journalist.example.com"


def open_data_urls(report) -> list[str]:
    return [
        "/api/v1/reports/",
        f"/api/v1/reports/{report.pk}/",
        "/api/v1/schema/",
        f"/downloads/reports/{report.pk}.csv",
        f"/downloads/reports/{report.pk}.xlsx",
        "/downloads/tasks.csv",
        "/feeds/reports.atom",
    ]


def test_any_site_may_read_the_open_data_from_a_browser(client):
    report = dashboard_report_create()

    for url in open_data_urls(report):
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in response, url
        # A script may read the validators and the file name, to ask again with If-None-Match.
        assert response["Access-Control-Expose-Headers"] == "Content-Disposition, ETag, Last-Modified", url


def test_a_preflight_allows_get_and_the_conditional_headers_only(client):
    response = client.options(
        "/api/v1/tasks/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Headers"] == "accept, if-modified-since, if-none-match"


def test_pages_and_the_admin_send_no_cors_headers(client):
    report = dashboard_report_create()

    for url in ("/", f"/reports/{report.pk}/", "/tasks/", f"/departments/{report.tasks.first().departments.first().pk}/", "/admin/login/"):
        response = client.get(url, HTTP_ORIGIN=ORIGIN)
        assert "Access-Control-Allow-Origin" not in response, url

"""Every public page (and the admin's login) carries the browser protections set in config/settings.py."""

import pytest
from django.urls import reverse

from tests.page_factories import dashboard_report_create
from tracker.models import Department, Task, Theme

EXPECTED_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self' 'unsafe-hashes' 'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy_directives(header: str) -> dict[str, str]:
    directives = {}
    for directive in header.split(";"):
        name, _, value = directive.strip().partition(" ")
        directives[name] = value
    return directives


def public_urls() -> list[str]:
    report = dashboard_report_create()
    task = Task.objects.filter(report=report).first()
    return [
        reverse("tracker:home"),
        reverse("tracker:report-detail", args=[report.pk]),
        reverse("tracker:department-detail", args=[Department.objects.first().pk]),
        reverse("tracker:theme-detail", args=[Theme.objects.filter(report=report).first().pk]),
        reverse("tracker:task-list"),
        reverse("tracker:task-detail", args=[task.pk]),
        reverse("healthz"),
        reverse("admin:login"),
    ]


@pytest.mark.django_db
def test_it_allows_scripts_styles_and_everything_else_only_from_this_site(client):
    for url in public_urls():
        response = client.get(url)

        assert response.status_code == 200, url
        directives = policy_directives(response["Content-Security-Policy"])
        assert {name: directives.get(name) for name in EXPECTED_POLICY} == EXPECTED_POLICY, url
        assert "unsafe-inline" not in response["Content-Security-Policy"], url
        assert "unsafe-eval" not in response["Content-Security-Policy"], url


@pytest.mark.django_db
def test_it_forbids_framing_and_content_sniffing(client):
    for url in public_urls():
        response = client.get(url)

        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "same-origin", url


@pytest.mark.django_db
def test_public_pages_have_no_inline_script(client):
    for url in public_urls()[:-2]:
        html = client.get(url).content.decode()

        # Every <script> either loads a file or holds json_script data, which browsers never run.
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert " src=" in opening or 'type="application/json"' in opening, f"{url}: <script{opening}>"
        assert " style=" not in html and "<style" not in html, url
        assert " onclick=" not in html and " onload=" not in html, url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/tasks/?q=%00", "/tasks/?status=%00", "/tasks/?%00=1", "/admin/tracker/importdiagnostic/?severity=%00"])
def test_a_nul_in_a_query_parameter_is_a_400_not_a_server_error(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "NUL" in response.content.decode()


@pytest.mark.django_db
def test_every_response_carries_a_request_id(client):
    first, second = client.get("/"), client.get("/")

    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/", HTTP_X_REQUEST_ID="abcd1234-proxy")["X-Request-ID"] == "abcd1234-proxy"
    assert len(client.get("/", HTTP_X_REQUEST_ID="forged\nline")["X-Request-ID"]) == 32

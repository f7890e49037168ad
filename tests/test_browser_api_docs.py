"""Browser test: the API docs page runs Swagger UI, served from this site, under the Content-Security-Policy.

Run alone with `pytest -m browser`; skips without /usr/bin/chromium or playwright.
"""

import pytest

from tests.page_factories import dashboard_report_create
from tests.test_browser_csp import violations_recorder

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_swagger_ui_shows_every_endpoint_and_breaks_no_rule_of_the_policy(chromium, live_server):
    dashboard_report_create()
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    violations = violations_recorder(page)
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(request.url.split("/")[2]))

    response = page.goto(live_server.url + "/api/v1/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    page.wait_for_load_state("networkidle")

    assert response.status == 200
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert {path.replace("\u200b", "") for path in paths} >= {"/api/v1/reports/", "/api/v1/tasks/", "/api/v1/tasks/{id}/"}
    # "Try it out" on the task list runs a real GET against this site.
    page.locator(".opblock-summary-path", has_text="/api/v1/tasks/").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for(timeout=15000)
    assert status.inner_text().strip() == "200"
    assert requested_hosts == {live_server.url.split("/")[2]}  # nothing from another host
    assert violations == []

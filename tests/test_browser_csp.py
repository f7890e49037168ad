"""Browser test: under the Content-Security-Policy, Chromium reports no violation on the public pages
or the admin's pages, and the charts still draw (Chart.js is served from this site).

Run alone with `pytest -m browser`; skips without /usr/bin/chromium or playwright.
"""

from urllib.parse import urljoin, urlsplit

import pytest

from tests.admin_users import PASSWORD, staff_user_create
from tracker.models import Department, Report, Task, Theme
from tracker.services import report_import

pytestmark = pytest.mark.browser

PAGE_LIMIT = 40


def violations_recorder(page) -> list[str]:
    """Chromium logs each blocked script, style or frame as a console error naming the policy."""
    found = []
    page.on(
        "console",
        lambda message: found.append(f"{page.url}: {message.text}")
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
        else None,
    )
    page.on("pageerror", lambda error: found.append(f"{page.url}: {error}"))
    return found


def public_urls() -> list[str]:
    report = Report.objects.first()
    return [
        "/",
        f"/reports/{report.pk}/",
        f"/departments/{Department.objects.first().pk}/",
        f"/themes/{Theme.objects.filter(report=report).first().pk}/",
        "/tasks/",
        f"/tasks/{Task.objects.filter(report=report).first().pk}/",
        "/tasks/?status=behind",
    ]


@pytest.mark.django_db(transaction=True)
def test_public_pages_break_no_rule_of_the_policy_and_charts_draw(chromium, live_server, parsed_2022):
    report_import(parsed=parsed_2022, publish=True)
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    violations = violations_recorder(page)

    for url in public_urls():
        response = page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert response.status == 200, url
        assert "script-src 'self'" in response.headers["content-security-policy"], url

    page.goto(live_server.url + f"/reports/{Report.objects.get().pk}/")
    page.wait_for_load_state("networkidle")
    # Chart.js ran: it sizes every canvas it draws on.
    assert page.evaluate("typeof Chart") == "function"
    assert page.locator("canvas").count() > 0
    assert violations == []


@pytest.mark.django_db(transaction=True)
def test_admin_pages_break_no_rule_of_the_policy(chromium, live_server, parsed_2022):
    report_import(parsed=parsed_2022)
    staff_user_create(username="root", superuser=True)
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    violations = violations_recorder(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    # Every admin page linked from the index and the lists, the import page and a history page too.
    report_pk = Report.objects.get().pk
    queue, seen = ["/admin/", "/admin/tracker/report/import/", f"/admin/tracker/report/{report_pk}/history/"], set()
    while queue and len(seen) < PAGE_LIMIT:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        for href in page.eval_on_selector_all("#content a[href]", "nodes => nodes.map(node => node.getAttribute('href'))"):
            target = urljoin(url, href)
            path = urlsplit(target).path
            if path.startswith("/admin/") and "logout" not in path and "delete" not in path and not urlsplit(target).query:
                queue.append(path)

    assert len(seen) > 10
    assert violations == []

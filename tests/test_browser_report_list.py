"""Browser test of `/`: a real Chromium shows the published reports without console errors.

Needs Debian's /usr/bin/chromium and the playwright package (requirements-browser.txt);
skips with the reason when either is missing, so the plain test run works anywhere.
Run alone with `pytest -m browser`.
"""

import os
from pathlib import Path

import pytest

from tests.factories import report_create

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS_DIR = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed: pip install -r requirements-browser.txt"
    )
    # Playwright runs an event loop in this thread; Django would otherwise refuse the ORM calls
    # that live_server and the test make from it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width, height", [(1280, 800), (375, 740)], ids=["desktop", "phone"])
def test_report_titles_show_without_console_errors(browser_page, live_server, width, height):
    report_create(title="2022年三季度《政府工作报告》主要目标任务完成情况", task_count=3)
    report_create(title="2020第三季度政府工作报告重点任务目标执行情况", year=2020, task_count=2)
    report_create(title="未发布的报告", is_published=False)
    page = browser_page.new_page(viewport={"width": width, "height": height})
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    response = page.goto(live_server.url + "/")

    assert response.status == 200
    titles = page.locator(".report-title").all_inner_texts()
    assert titles == [
        "2022年三季度《政府工作报告》主要目标任务完成情况",
        "2020第三季度政府工作报告重点任务目标执行情况",
    ]
    # The stylesheet loaded: the header has its colour, not the browser's default.
    assert page.locator(".site-header").evaluate("node => getComputedStyle(node).backgroundColor") != "rgba(0, 0, 0, 0)"
    # Nothing wider than the screen, down to a 375px phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"report_list_{width}x{height}.png"), full_page=True)
    assert console_errors == []

"""Browser test of `/`: a real Chromium shows the published reports without console errors.

Needs Debian's /usr/bin/chromium and the playwright package (requirements-browser.txt);
skips with the reason when either is missing, so the plain test run works anywhere.
Run alone with `pytest -m browser`.
"""

import pytest

from tests.conftest import ARTIFACTS_DIR
from tests.factories import report_create

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width, height", [(1280, 800), (375, 740)], ids=["desktop", "phone"])
def test_report_titles_show_without_console_errors(chromium, live_server, width, height):
    report_create(title="2022年三季度《政府工作报告》主要目标任务完成情况", task_count=3)
    report_create(title="2020第三季度政府工作报告重点任务目标执行情况", year=2020, task_count=2)
    report_create(title="未发布的报告", is_published=False)
    page = chromium.new_page(viewport={"width": width, "height": height})
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

"""Browser test of the admin import: log in, upload the 2022 sample, see the preview, confirm a draft.

Needs /usr/bin/chromium and playwright (requirements-browser.txt); skips otherwise. Run alone with `pytest -m browser`.
"""

import pytest

from tests.admin_users import EDITORS, PASSWORD, staff_user_create
from tests.conftest import SAMPLE_2022
from tests.conftest import ARTIFACTS_DIR
from tracker.models import Report

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_upload_preview_confirm(chromium, live_server):
    staff_user_create(username="editor", group=EDITORS)
    # An official's browser asks for Chinese; without it Chromium asks for English and gets it.
    page = chromium.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    console_errors = []
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    ARTIFACTS_DIR.mkdir(exist_ok=True)

    page.goto(live_server.url + "/admin/tracker/report/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.click("text=导入报告")
    page.set_input_files("#id_file", str(SAMPLE_2022))
    page.click("input[name=preview]")
    page.wait_for_load_state("load")  # the preview of 108 rows streams in: count them once it is whole

    assert page.locator("tr.import-row").count() == 108
    assert "错误 0" in page.locator("#diagnostic-counts").inner_text()
    page.locator("tr.import-row details").nth(4).evaluate("node => node.open = true")
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_import_preview.png"), full_page=False)
    assert Report.objects.count() == 0

    page.locator("input[name=confirm]").first.click()

    assert "已导入为草稿" in page.locator(".messagelist").inner_text()
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_import_confirmed.png"), full_page=False)
    assert Report.objects.get().is_published is False

    # The rows can be corrected from here: the task list and one task's form.
    page.goto(live_server.url + "/admin/tracker/task/")
    assert "108" in page.locator(".paginator").inner_text()
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_task_list.png"), full_page=False)
    page.locator("#result_list tbody tr").first.locator("th a").click()
    page.locator("#department_links-group").wait_for()  # is_visible() alone would not wait for the page
    assert "人工更正过的字段" in page.content()
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_task_change.png"), full_page=True)
    assert console_errors == []

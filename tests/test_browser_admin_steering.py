"""Browser test of the column-mapping fallback (issue 11): upload a table with unknown header labels, point at the
header, assign roles in the preview, confirm; the next upload of the same layout imports with no help.

Needs /usr/bin/chromium and playwright (requirements-browser.txt); skips otherwise. Run alone with `pytest -m browser`.
"""

import pytest

from tests.admin_users import PASSWORD, staff_user_create
from tests.conftest import ARTIFACTS_DIR
from tests.steering_samples import Q1, Q2, ROLES
from tracker.models import ColumnLayout, Report, TaskDepartment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_assign_roles_once_and_the_next_quarter_needs_no_help(chromium, live_server, tmp_path):
    staff_user_create(username="editor", superuser=True)
    page = chromium.new_page(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    q1, q2 = tmp_path / "民生项目一季度.txt", tmp_path / "民生项目二季度.txt"
    q1.write_text(Q1, encoding="utf-8")
    q2.write_text(Q2, encoding="utf-8")
    page.goto(live_server.url + "/admin/login/?next=/admin/tracker/report/import/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.set_input_files("#id_file", str(q1))
    page.click("input[name=preview]")
    page.wait_for_load_state("load")  # the preview of 108 rows streams in: count them once it is whole
    assert "没有找到表头" in page.locator("#no-header").inner_text()
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_steer_pick_header.png"))
    page.check("#header-line-2")
    page.click("#header-form input[name=reread]")

    for index, role in enumerate(ROLES):
        page.select_option(f"select[name=column-{index}]", role)
    page.locator("#columns-form").screenshot(path=str(ARTIFACTS_DIR / "admin_steer_columns.png"))
    page.click("#columns-form input[name=reread]")
    assert "区民政局" in page.locator("#import-rows").inner_text()
    page.locator("input[name=confirm]").first.click()
    assert "已导入为草稿" in page.locator(".messagelist").inner_text()
    assert ColumnLayout.objects.get().columns == ROLES

    page.goto(live_server.url + "/admin/tracker/report/import/")
    page.set_input_files("#id_file", str(q2))
    page.click("input[name=preview]")
    page.wait_for_load_state("load")  # the preview of 108 rows streams in: count them once it is whole
    assert "这个表头以前确认过" in page.locator("#columns-form").inner_text()
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_steer_remembered.png"))
    page.locator("input[name=confirm]").first.click()

    report = Report.objects.get(period_label="二季度")
    assert TaskDepartment.objects.filter(task__report=report).count() == 3
    assert errors == []

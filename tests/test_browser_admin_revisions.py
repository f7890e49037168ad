"""Browser tests of the admin's revisions and judgements (issues 12 and 13), with screenshots in test-artifacts/.

1. A changed copy of a published report: upload, see the diff, confirm; the public page is unchanged;
   publish the revision; the public page changes. The task form fits a 1,366 px screen and a phone.
2. Doubtful pairs: accept one and reject one on the judging screen; a re-import keeps both decisions.

Needs /usr/bin/chromium and playwright (requirements-browser.txt); skips otherwise. Run alone with `pytest -m browser`.
"""

import copy
import dataclasses

import pytest

from tests.admin_users import PASSWORD, staff_user_create
from tests.conftest import ARTIFACTS_DIR, SAMPLE_2022
from tracker import services
from tracker.models import Metric, ReportRevision, Task
from tracker.parsing import parse_report_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OLD, NEW = "停车泊位已新增11494个", "停车泊位已新增12000个"


def logged_in_page(chromium, live_server, *, width=1366, height=900):
    # A superuser: the groups a data migration makes do not survive the flush between transactional tests.
    staff_user_create(username="editor", superuser=True)
    page = chromium.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return page


def visible_text(page) -> str:
    return page.locator("main").inner_text()


def test_a_changed_copy_waits_as_a_revision_until_published(chromium, live_server, tmp_path):
    original = SAMPLE_2022.read_bytes()
    report = services.report_import(parsed=parse_report_bytes(original, source_name=SAMPLE_2022.name), publish=True, source=original).report
    task = Task.objects.get(progress__contains=OLD)
    changed = tmp_path / "2022q3_更正版.txt"
    changed.write_text(original.decode("utf-8").replace(OLD, NEW), encoding="utf-8")
    page = logged_in_page(chromium, live_server)
    public = chromium.new_page(viewport={"width": 1366, "height": 900}, locale="zh-CN")

    page.goto(live_server.url + "/admin/tracker/report/import/")
    page.set_input_files("#id_file", str(changed))
    page.click("input[name=preview]")
    page.wait_for_load_state("load")  # the preview of 108 rows streams in: count them once it is whole
    assert "此文件将更新已发布的报告" in page.locator("#import-plan").inner_text()
    assert NEW in page.locator("#changed-rows").inner_text()
    page.locator("#rows-diff").screenshot(path=str(ARTIFACTS_DIR / "admin_revision_diff.png"))
    page.locator("input[name=confirm]").first.click()
    assert "已保存为待发布的修订" in page.locator(".messagelist").inner_text()
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_revision_pending.png"), full_page=False)

    public.goto(f"{live_server.url}/tasks/{task.pk}/")
    assert "11494" in visible_text(public) and "12000" not in visible_text(public)
    public.screenshot(path=str(ARTIFACTS_DIR / "public_task_before_publishing.png"))

    page.click("text=比较并发布或放弃")
    page.screenshot(path=str(ARTIFACTS_DIR / "admin_revision_page.png"), full_page=False)
    page.click("button[value=publish]")
    assert "已发布第 2 版" in page.locator(".messagelist").inner_text()

    public.goto(f"{live_server.url}/tasks/{task.pk}/")
    assert "12000" in visible_text(public)
    public.screenshot(path=str(ARTIFACTS_DIR / "public_task_after_publishing.png"))
    assert report.revisions.get(number=2).state == ReportRevision.State.CURRENT
    assert page.errors == []


@pytest.mark.parametrize("width, height, name", [(1366, 900, "desktop"), (390, 844, "phone")])
def test_the_task_form_fits_the_screen(chromium, live_server, width, height, name):
    services.report_import(parsed=parse_report_bytes(SAMPLE_2022.read_bytes(), source_name=SAMPLE_2022.name))
    task = Task.objects.filter(metrics__isnull=False).order_by("seq").first()
    page = logged_in_page(chromium, live_server, width=width, height=height)

    page.goto(f"{live_server.url}/admin/tracker/task/{task.pk}/change/")
    page.locator("#metrics-group").wait_for()

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(ARTIFACTS_DIR / f"admin_task_form_{name}.png"), full_page=True)
    assert scroll_width <= width, f"the form is {scroll_width} px wide on a {width} px screen"


def test_accept_one_pair_reject_another_and_a_reimport_keeps_both(chromium, live_server):
    parsed = parse_report_bytes(SAMPLE_2022.read_bytes(), source_name=SAMPLE_2022.name)
    report = services.report_import(parsed=parsed, publish=True).report
    first, second = report.tasks.order_by("seq")[:2]
    keep = Metric.objects.create(task=first, position=9, label="上市挂牌企业", target=5, unit="家", kind="count", actual=6,
                                 actual_unit="家", target_text="5家", confidence="doubtful", confidence_reason="只有一处共同的词")
    drop = Metric.objects.create(task=second, position=9, label="四大新兴产业增加值占比", target=44, unit="%", kind="percent",
                                 actual=46.3, actual_unit="%", target_text="44%", confidence="doubtful",
                                 confidence_reason="实际值是另一个指标（战略性新兴产业）的占比")
    page = logged_in_page(chromium, live_server)

    page.goto(f"{live_server.url}/admin/tracker/report/{report.pk}/judge/")
    page.check(f"input[name=review-{keep.pk}][value=accepted]")
    page.check(f"input[name=review-{drop.pk}][value=rejected]")
    page.locator("#pairs-table").screenshot(path=str(ARTIFACTS_DIR / "admin_doubtful_pairs.png"))
    page.click("#judge-form input[type=submit]")
    assert "已核对 2 个待核指标" in page.locator(".messagelist").inner_text()

    changed = copy.deepcopy(parsed)
    changed.tasks[10].progress += "（更正）"
    services.report_import(parsed=dataclasses.replace(changed, content_hash="b" * 64), publish=True)

    assert Metric.objects.get(pk=keep.pk).review == "accepted"
    assert Metric.objects.get(pk=drop.pk).review == "rejected"
    page.goto(f"{live_server.url}/tasks/{first.pk}/")
    assert "上市挂牌企业" in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/tasks/{second.pk}/")
    assert "四大新兴产业增加值占比" not in page.locator("main").inner_text()
    assert page.errors == []

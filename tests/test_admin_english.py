"""The admin in English: our labels, actions, messages and the import page follow the language switch.

English is chosen the way the site chooses it: the language switch sets the language cookie
(the browser's Accept-Language is set aside by ChineseFirstMiddleware). With no choice the admin
stays Chinese. LocaleMiddleware leaves the language active in the thread after the response; the
autouse fixture `default_language_afterwards` (tests/conftest.py) resets it after every test.
"""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.conftest import SAMPLE_2022
from tests.factories import diagnostic_build, parsed_report_build, parsed_task_build
from tracker import services
from tracker.models import Report, Task

IMPORT_URL = reverse("admin:tracker_report_import")
REPORT_LIST_URL = reverse("admin:tracker_report_changelist")
DIAGNOSTIC_LIST_URL = reverse("admin:tracker_importdiagnostic_changelist")


@pytest.fixture
def report(db) -> Report:
    tasks = [parsed_task_build(seq=1, leaders=["张三"])]
    return services.report_import(parsed=parsed_report_build(tasks=tasks, diagnostics=[diagnostic_build(line=10)])).report


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.com", "a-long-test-password"))
    return client


@pytest.fixture
def english_client(admin_client):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # what the language switch sets
    return admin_client


def test_report_list_is_in_english(english_client, report):
    response = english_client.get(REPORT_LIST_URL)

    assertContains(response, '<html lang="en"', html=False)
    assertContains(response, "Progress Board administration")
    assertContains(response, "Select report to change")
    assertContains(response, "Import report")
    assertContains(response, "Publish the selected reports (visible on the public site)")
    assertContains(response, "Withdraw the selected reports (back to draft)")
    assertContains(response, "First imported at")  # a column: the field's verbose name
    assertContains(response, "By Published")  # a list filter's title
    for chinese in ["导入报告", "发布所选报告", "撤回所选报告", "首次导入时间", "管理后台"]:
        assertNotContains(response, chinese)


def test_publishing_says_so_in_english(english_client, report):
    response = english_client.post(
        REPORT_LIST_URL, {"action": "publish", "_selected_action": [report.pk]}, follow=True
    )

    assertContains(response, "Published 1 report.")
    assertNotContains(response, "已发布 1 份报告")


def test_task_list_is_in_english(english_client, report):
    response = english_client.get(reverse("admin:tracker_task_changelist"))

    for english in [
        "Lead department",
        "Corrected by hand",
        "Report period",
        "Set the status of the selected tasks",
        "Move the selected tasks to another theme",
        "Searches the task text, progress, notes, departments and leaders",
        "On track",  # a status choice
    ]:
        assertContains(response, english)
    for chinese in ["牵头单位", "已人工更正", "设置所选任务的状态", ">正常推进<"]:
        assertNotContains(response, chinese)


def test_task_change_form_is_in_english(english_client, report):
    task = Task.objects.get()

    response = english_client.get(reverse("admin:tracker_task_change", args=[task.pk]))

    for english in [
        "Change task",
        "Reason for the status",  # a field
        "Order in the table, from 1.",  # a help text
        "Corrections",  # a fieldset
        "Fields corrected by hand (kept on re-import)",
        "Lines 10–13",
        "Task departments",  # an inline
        "Unit of the actual",  # the metrics inline
    ]:
        assertContains(response, english)
    for chinese in ["状态依据", "表中顺序", "人工更正过的字段", "第 10–13 行", "任务责任单位", "实际值单位"]:
        assertNotContains(response, chinese)


def test_a_task_action_without_its_choice_says_what_to_do_in_english(english_client, report):
    response = english_client.post(
        reverse("admin:tracker_task_changelist"),
        {"action": "set_status", "_selected_action": [Task.objects.get().pk], "status": ""},
        follow=True,
    )

    assertContains(response, "First choose the status to set in “Status” next to the action menu.")


def test_import_page_is_in_english(english_client, db):
    response = english_client.get(IMPORT_URL)

    for english in [
        "Import report",
        "Accepted formats: Text saved from a web page (.txt)",
        "you can also paste the text copied from the web page.",
        "Report file",
        'value="Preview"',
    ]:
        assertContains(response, english)
    for chinese in ["导入报告", "可接受的格式", "网页另存的文本", "报告文件", "预览"]:
        assertNotContains(response, chinese)


def test_import_errors_and_preview_are_in_english(english_client, report):
    empty = english_client.post(IMPORT_URL, {"preview": "Preview"})
    preview = english_client.post(
        IMPORT_URL, {"file": SimpleUploadedFile(SAMPLE_2022.name, SAMPLE_2022.read_bytes()), "preview": "Preview"}
    )

    assertContains(empty, "Choose a file, or paste the report’s text into the text box.")
    assertNotContains(empty, "请选择一个文件")
    for english in ["Preview: ", "nothing has been saved yet", "108 tasks", "Source lines 1", "Confirm: import as a draft"]:
        assertContains(preview, english)
    for chinese in ["预览：", "尚未保存", "108 项", "原文第", "确认导入为草稿"]:
        assertNotContains(preview, chinese)


def test_the_import_result_is_in_english(english_client, db):
    upload = SimpleUploadedFile(SAMPLE_2022.name, SAMPLE_2022.read_bytes())
    token = english_client.post(IMPORT_URL, {"file": upload, "preview": "Preview"}).context["token"]

    response = english_client.post(IMPORT_URL, {"token": token, "confirm": "1"}, follow=True)

    assertContains(response, "Imported as a draft: ")
    assertContains(response, "new 108, changed 0, unchanged 0, removed 0, corrections kept 0")
    assertContains(response, "Once it is checked, publish it from the report list.")
    assertNotContains(response, "已导入为草稿")

def test_diagnostic_list_is_in_english(english_client, report):
    response = english_client.get(DIAGNOSTIC_LIST_URL)

    for english in ["Select import diagnostic to change", "Severity", "Handled", "Warning", "Mark as handled"]:
        assertContains(response, english)
    for chinese in ["导入诊断", "级别", "已处理", "警告"]:
        assertNotContains(response, chinese)


@pytest.mark.parametrize(
    ("url", "chinese", "english"),
    [
        (REPORT_LIST_URL, "发布所选报告（公开网站可见）", "Publish the selected reports"),
        (reverse("admin:tracker_task_changelist"), "牵头单位", "Lead department"),
        (IMPORT_URL, "可接受的格式", "Accepted formats"),
        (DIAGNOSTIC_LIST_URL, "标记为已处理", "Mark as handled"),
    ],
)
def test_without_a_choice_the_admin_stays_chinese(admin_client, report, url, chinese, english):
    response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")  # the browser's wish is not a choice

    assertContains(response, '<html lang="zh-hans"', html=False)
    assertContains(response, chinese)
    assertNotContains(response, english)


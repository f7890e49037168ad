"""Linking and unlinking the same task across reports by hand in the task admin (services.tasks_series_link / unlink)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.admin_users import EDITORS, staff_user_create
from tests.test_services_series import imported
from tracker.models import Task
from tracker.services.errors import SERIES_SAME_REPORT

CHANGELIST = reverse("admin:tracker_task_changelist")


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def test_an_editor_links_two_quarters_of_a_task_and_the_change_page_lists_them(editor_client):
    q2 = imported(2022, 6)
    q3 = imported(2022, 9, ["经济运行稳中向好。", "新建中小学校3所。", "新增停车泊位3500个。", "完成老旧小区改造20个。"])
    first, second = q2.tasks.get(seq=1), q3.tasks.get(seq=1)

    editor_client.post(CHANGELIST, {"action": "link_series", "_selected_action": [first.pk, second.pk]})

    second.refresh_from_db()
    assert second.series_id == Task.objects.get(pk=first.pk).series_id
    assert "series" in second.corrected_fields
    page = editor_client.get(reverse("admin:tracker_task_change", args=[second.pk]))
    assertContains(page, reverse("admin:tracker_task_change", args=[first.pk]))
    assertContains(page, "（本任务）")


def test_unlinking_takes_the_task_out_and_two_rows_of_one_report_are_refused(editor_client):
    q2 = imported(2022, 6)
    q3 = imported(2022, 9)
    task = q3.tasks.get(seq=2)

    editor_client.post(CHANGELIST, {"action": "unlink_series", "_selected_action": [task.pk]})
    refused = editor_client.post(
        CHANGELIST, {"action": "link_series", "_selected_action": [task.pk, q3.tasks.get(seq=3).pk]}, follow=True
    )

    task.refresh_from_db()
    assert task.series_id != q2.tasks.get(seq=2).series_id
    assert task.corrected_fields == ["series"]
    assertContains(refused, SERIES_SAME_REPORT)

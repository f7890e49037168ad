"""The admin steers the reader (issue 11, item 9): point at the header when none was found, give each column its
role, confirm; the next file with the same header is read that way with no help."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from tests.admin_users import EDITORS, staff_user_create
from tests.steering_samples import Q1, Q2, ROLES
from tracker.models import ColumnLayout, Report, TaskDepartment

IMPORT_URL = reverse("admin:tracker_report_import")


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def upload(client, text: str, name: str):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, text.encode("utf-8")), "preview": "预览"})


def reread(client, token: str, **fields):
    return client.post(IMPORT_URL, {"token": token, "reread": "1", **fields})


def test_no_header_found_offers_the_first_lines_then_columns_are_given_roles_and_remembered(editor_client):
    first = upload(editor_client, Q1, "q1.txt")
    assertContains(first, "没有找到表头")
    assert [candidate.line for candidate in first.context["candidates"]][:3] == [1, 2, 3]

    with_header = reread(editor_client, first.context["token"], header_line="2")
    assert [column["label"] for column in with_header.context["column_roles"]] == ["编号", "事项", "负责科室", "最新动态"]

    columns = {f"column-{index}": role for index, role in enumerate(ROLES)}
    steered = reread(editor_client, with_header.context["token"], column_count="4", **columns)
    assert [row["departments"][0]["name"] for row in steered.context["rows"]] == ["区民政局", "区建设局", "区城管局"]
    assertContains(steered, "已按你选的读法读取")

    editor_client.post(IMPORT_URL, {"token": steered.context["token"], "confirm": "1"})

    assert Report.objects.count() == 1
    layout = ColumnLayout.objects.get()
    assert (layout.columns, layout.labels) == (ROLES, ["编号", "事项", "负责科室", "最新动态"])
    assert layout.confirmed_by.username == "editor"


def test_the_next_quarter_s_file_with_the_same_header_needs_no_help(editor_client):
    first = upload(editor_client, Q1, "q1.txt")
    with_header = reread(editor_client, first.context["token"], header_line="2")
    steered = reread(editor_client, with_header.context["token"], column_count="4", **{f"column-{i}": r for i, r in enumerate(ROLES)})
    editor_client.post(IMPORT_URL, {"token": steered.context["token"], "confirm": "1"})

    second = upload(editor_client, Q2, "q2.txt")

    assertContains(second, "这个表头以前确认过，已按确认的读法读取")
    editor_client.post(IMPORT_URL, {"token": second.context["token"], "confirm": "1"})
    report = Report.objects.get(year=2024, period_label="二季度")
    assert list(TaskDepartment.objects.filter(task__report=report).order_by("task__seq").values_list("department__name", flat=True)) == [
        "区民政局", "区建设局", "区城管局"
    ]
    assert ColumnLayout.objects.count() == 1


def test_an_unknown_role_name_is_ignored_not_a_server_error(editor_client):
    first = upload(editor_client, Q1, "q1.txt")
    response = reread(editor_client, first.context["token"], header_line="2", column_count="4", **{"column-0": "nonsense"})

    assert response.status_code == 200
    assert "column_roles" in response.context

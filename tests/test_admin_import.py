"""The admin's import page: upload → preview (nothing written) → confirm as draft or cancel; then publish."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.admin_users import EDITORS, staff_user_create
from tests.conftest import SAMPLE_2022
from tracker.admin.report_import import accepted_formats
from tracker.admin.reports import IMPORT_CANCELLED, IMPORT_EXPIRED
from tracker.forms import UPLOAD_NOTHING_GIVEN
from tracker.models import Report

IMPORT_URL = reverse("admin:tracker_report_import")
TITLE_2022 = "2022年三季度《政府工作报告》主要目标任务完成情况"


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def preview(client, data: bytes, name: str = SAMPLE_2022.name):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), "preview": "预览"})


def test_it_links_the_import_page_from_the_report_list(editor_client):
    response = editor_client.get(reverse("admin:tracker_report_changelist"))

    assert response.status_code == 200
    assert IMPORT_URL in response.content.decode()
    assert "导入报告" in response.content.decode()


def test_it_says_which_formats_it_accepts(editor_client):
    response = editor_client.get(IMPORT_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "网页另存的文本（.txt）" in page
    assert accepted_formats() in page  # the formats the parser reads, asked of the parser


def test_preview_shows_every_row_and_writes_nothing(editor_client):
    response = preview(editor_client, SAMPLE_2022.read_bytes())

    assert response.status_code == 200
    assert len(response.context["rows"]) == 108
    assert response.context["diagnostic_counts"]["error"] == 0
    page = response.content.decode()
    assert page.count('class="import-row"') == 108
    assert "108 项" in page and "错误 0" in page
    assert TITLE_2022 in page
    assert "原文第" in page  # source lines beside the rows
    assert Report.objects.count() == 0


def test_preview_puts_each_diagnostic_beside_its_row(editor_client):
    response = preview(editor_client, SAMPLE_2022.read_bytes())

    rows = response.context["rows"]
    for row in rows:
        for diagnostic in row["diagnostics"]:
            assert row["task"].first_line <= diagnostic["line"] <= row["task"].last_line
    assert sum(len(row["diagnostics"]) for row in rows) + len(response.context["other_diagnostics"]) == len(
        response.context["parsed"].diagnostics
    )


def test_confirm_stores_a_draft_that_the_public_site_does_not_show_until_published(editor_client, client):
    token = preview(editor_client, SAMPLE_2022.read_bytes()).context["token"]

    response = editor_client.post(IMPORT_URL, {"token": token, "confirm": "1"})

    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:tracker_report_change", args=[report.pk])
    assert report.is_published is False
    assert report.tasks.count() == 108
    editor_client.logout()
    assert TITLE_2022 not in client.get("/").content.decode()
    assert client.get(reverse("tracker:report-detail", args=[report.pk])).status_code == 404

    client.force_login(staff_user_create(username="editor2", group=EDITORS))
    publish = client.post(
        reverse("admin:tracker_report_changelist"), {"action": "publish", "_selected_action": [report.pk]}
    )
    client.logout()

    assert publish.status_code == 302
    report.refresh_from_db()
    assert report.is_published is True
    assert TITLE_2022 in client.get("/").content.decode()
    assert client.get(reverse("tracker:report-detail", args=[report.pk])).status_code == 200


def test_pasted_text_is_read_like_a_file(editor_client):
    text = SAMPLE_2022.read_text(encoding="utf-8")

    response = editor_client.post(IMPORT_URL, {"text": text, "preview": "预览"})

    assert len(response.context["rows"]) == 108


def test_cancel_stores_nothing_and_the_token_is_spent(editor_client):
    token = preview(editor_client, SAMPLE_2022.read_bytes()).context["token"]

    cancel = editor_client.post(IMPORT_URL, {"token": token, "cancel": "1"}, follow=True)
    confirm = editor_client.post(IMPORT_URL, {"token": token, "confirm": "1"}, follow=True)

    assert IMPORT_CANCELLED in cancel.content.decode()
    assert IMPORT_EXPIRED in confirm.content.decode()
    assert Report.objects.count() == 0


def test_a_forged_token_imports_nothing(editor_client):
    preview(editor_client, SAMPLE_2022.read_bytes())

    response = editor_client.post(IMPORT_URL, {"token": "forged", "confirm": "1"}, follow=True)

    assert IMPORT_EXPIRED in response.content.decode()
    assert Report.objects.count() == 0


def test_a_file_over_the_limit_is_refused_on_the_page(editor_client, settings):
    settings.TRACKER_MAX_UPLOAD_BYTES = 1000

    response = preview(editor_client, SAMPLE_2022.read_bytes())

    assert response.status_code == 200
    assert "文件太大" in response.content.decode()
    assert "rows" not in response.context
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02\xff\xfe binary \x00" * 20, "这是一段没有表格的文字。\n第二行。\n".encode()],
    ids=["not-text", "no-table"],
)
def test_a_file_the_parser_cannot_read_shows_its_message(editor_client, data):
    from tracker.parsing import ParseError, parse_report_bytes

    with pytest.raises(ParseError) as raised:
        parse_report_bytes(data, source_name="bad.txt")

    response = preview(editor_client, data, name="bad.txt")

    assert response.status_code == 200
    assert raised.value.message in response.content.decode()
    assert Report.objects.count() == 0


def test_an_empty_form_asks_for_a_file_or_text(editor_client):
    response = editor_client.post(IMPORT_URL, {"preview": "预览"})

    assert UPLOAD_NOTHING_GIVEN in response.content.decode()


def test_a_long_file_s_preview_lays_out_at_most_500_rows_those_with_problems_first(editor_client):
    from tracker.admin.report_import import PREVIEW_ROW_LIMIT

    header = "2023年三季度重点工作完成情况\n序号 | 项目名称 | 主要工作内容 | 牵头单位 | 累计完成情况\n"
    rows = "".join(f"{n} | 城市建设 | 新建道路{n}条 | 区建设局 | 已完成 |\n" for n in range(1, 1201))

    response = preview(editor_client, (header + rows).encode(), name="long.txt")

    page = response.content.decode()
    assert response.context["task_count"] == 1200
    assert page.count('class="import-row"') == PREVIEW_ROW_LIMIT
    assert "1200 项（另有 700 行未逐行列出：先列出有错误和警告的行）" in page
    assert Report.objects.count() == 0

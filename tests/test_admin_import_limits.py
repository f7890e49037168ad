"""The admin's import page under the parser's limits: every bomb is refused in the preview with the parser's
message naming the file and the limit, and nothing is kept or stored; a clamped file is read with its warning."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests import bombs
from tests.admin_users import EDITORS, staff_user_create
from tracker.models import Department, ImportDiagnostic, Report, Task, Theme
from tracker.parsing import ParseError, errors, parse_report_bytes
from tracker.parsing.formats import limits

IMPORT_URL = reverse("admin:tracker_report_import")

# name, builder, code: the bombs the parser refuses.
REFUSED = [
    ("far.xlsx", bombs.xlsx_far_cell, errors.TOO_MANY_CELLS),
    ("merged.xlsx", bombs.xlsx_merged_area_over_data, errors.MERGE_TOO_LARGE),
    ("zip-2gb.xlsx", bombs.xlsx_inflating_to_2gb, errors.FILE_TOO_LARGE),
    ("lying.xlsx", lambda: bombs.xlsx_inflating_to_2gb(declared_size=10_000), errors.CORRUPT_FILE),
    ("span.docx", bombs.docx_grid_span, errors.TOO_MANY_COLUMNS),
    ("spans.html", bombs.html_colspan_rowspan, errors.TOO_MANY_CELLS),
    ("wide.html", bombs.html_wide_row, errors.TOO_MANY_COLUMNS),
    ("rows.txt", lambda: bombs.flattened_rows(16_000), errors.TOO_MANY_ROWS),
]


def nothing_stored() -> bool:
    return all(not model.objects.exists() for model in (Report, Theme, Task, Department, ImportDiagnostic))


def parser_error(data: bytes, name: str) -> ParseError:
    with pytest.raises(ParseError) as raised:
        parse_report_bytes(data, source_name=name)
    return raised.value


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def preview(client, data: bytes, name: str):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), "preview": "预览"})


@pytest.mark.parametrize("name, build, code", REFUSED, ids=[name for name, _, _ in REFUSED])
def test_it_refuses_each_bomb_with_the_parsers_message_and_keeps_nothing(editor_client, name, build, code):
    data = build()
    error = parser_error(data, name)
    assert error.code == code

    response = preview(editor_client, data, name)

    assert response.status_code == 200
    assert error.message.startswith(f"“{name}”") or f"“{name}”" in error.message
    assert error.message in response.content.decode()
    assert "rows" not in response.context
    assert "tracker_pending_import" not in editor_client.session
    assert nothing_stored()


def test_it_refuses_pasted_text_over_the_character_limit(editor_client):
    text = bombs.long_paste(limits.MAX_TEXT_CHARS + 1)  # ASCII: 2 MB, under the 5 MB upload limit

    response = editor_client.post(IMPORT_URL, {"text": text, "preview": "预览"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "“粘贴的文本”有 2,000," in page and f"超过上限 {limits.MAX_TEXT_CHARS:,}" in page
    assert "rows" not in response.context
    assert nothing_stored()


def test_it_reads_a_clamped_workbook_and_stores_the_warning_with_the_report(editor_client):
    response = preview(editor_client, bombs.xlsx_merged_area(), "merged.xlsx")

    assert len(response.context["rows"]) == 3
    assert "合并单元格（或超链接）区域 C10:XFD1048576 远远超出有内容的范围" in response.content.decode()
    assert nothing_stored()

    editor_client.post(IMPORT_URL, {"token": response.context["token"], "confirm": "1"})

    report = Report.objects.get()
    assert report.tasks.count() == 3
    assert report.diagnostics.filter(code=errors.MERGE_CLIPPED, severity="warning").count() == 1

"""Bad input, through `manage.py import_report` and the admin's upload page: every file gets a clear
message or a diagnostic, never a traceback, never a half-written or duplicate report.

The inputs are built here from the 2022 sample (cut short, with markup in a cell) or from a few bytes.
"""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.admin_users import EDITORS, staff_user_create
from tests.commands import run_import_report
from tests.conftest import SAMPLE_2022
from tracker.forms import size_error
from tracker.management.report_files import FILE_TOO_LARGE
from tracker.models import Department, ImportDiagnostic, Report, Task, Theme
from tracker.parsing import errors

IMPORT_URL = reverse("admin:tracker_report_import")
DEFAULT_LIMIT = 5 * 1024 * 1024
SCRIPT_IN_CELL = '<script>document.title="pwned"</script><b>粗体</b>'
PROGRESS_OF_TASK_5 = "1-8月,拱墅区PM2.5平均浓度"


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def sample_cut_mid_row() -> bytes:
    """The 2022 sample ending just after task 7's 主要工作内容: its 牵头单位 and 完成情况 are missing."""
    lines = SAMPLE_2022.read_text(encoding="utf-8").splitlines(keepends=True)
    seq_7 = next(index for index, line in enumerate(lines) if line.strip() == "7")
    return "".join(lines[: seq_7 + 3]).encode("utf-8")


def sample_with_markup_in_a_cell() -> bytes:
    """The 2022 sample with a script and a bold tag at the start of task 5's progress (in both copies of the table)."""
    text = SAMPLE_2022.read_text(encoding="utf-8")
    return text.replace(PROGRESS_OF_TASK_5, SCRIPT_IN_CELL + PROGRESS_OF_TASK_5).encode("utf-8")


# name, bytes, the parser's message (a substring) — files that must be refused whole.
REFUSED = [
    ("empty.txt", b"", errors.MSG_EMPTY_INPUT),
    ("blank.txt", b" \n\n\t\n", errors.MSG_EMPTY_INPUT),
    ("binary.bin", bytes(range(256)) * 8, "不是文本文件（含有二进制数据）"),
    ("image.png", png_bytes(), "不是文本文件（PNG 图片）"),
    ("latin1.txt", "Café résumé naïve ÿ\n".encode("latin-1") * 30, "既不是 UTF-8 也不是 GB18030 编码的文本"),
    ("shift_jis.txt", "これは日本語の文章です。表はありません。\n".encode("shift_jis") * 20, "没有找到表头"),
    ("prose.txt", "关于印发工作要点的通知\n各街道、区级各部门：\n现将工作要点印发给你们，请认真贯彻落实。\n".encode(), "没有找到表头"),
]
REFUSED_IDS = [name for name, _, _ in REFUSED]


def nothing_stored() -> bool:
    models = (Report, Theme, Task, Department, ImportDiagnostic)
    return all(not model.objects.exists() for model in models)


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def preview(client, data: bytes, name: str):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), "preview": "预览"})


# --- the command ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name, data, message", REFUSED, ids=REFUSED_IDS)
def test_the_command_refuses_an_unreadable_file_in_one_line_and_writes_nothing(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)

    code, out, err = run_import_report(str(path))

    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith(f"{path}") and message in err
    assert "Traceback" not in err
    assert nothing_stored()


@pytest.mark.django_db
def test_the_command_refuses_a_file_over_the_limit_unparsed(tmp_path, settings):
    settings.TRACKER_MAX_UPLOAD_BYTES = 1000
    path = tmp_path / "large.txt"
    path.write_bytes(SAMPLE_2022.read_bytes())

    code, out, err = run_import_report(str(path))

    assert code == 1
    message = size_error(SAMPLE_2022.stat().st_size, 1000)
    assert err.splitlines() == [FILE_TOO_LARGE.format(path=path, message=message)]
    assert "上限由 TRACKER_MAX_UPLOAD_BYTES 设定" in err
    assert nothing_stored()


@pytest.mark.django_db
def test_the_default_limit_is_5_mb_for_the_command(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (DEFAULT_LIMIT + 1))

    code, _, err = run_import_report(str(path))

    assert code == 1
    assert size_error(DEFAULT_LIMIT + 1, DEFAULT_LIMIT) in err  # "文件太大（5.0 MB）：最大允许 5.0 MB。"
    assert nothing_stored()


@pytest.mark.django_db
def test_a_table_cut_off_mid_row_is_stored_as_a_draft_with_an_error_diagnostic(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(sample_cut_mid_row())

    code, out, err = run_import_report(str(path))

    assert code == 0, err
    assert "error 1" in out
    report = Report.objects.get()
    assert report.is_published is False
    diagnostic = report.diagnostics.get(severity="error")
    assert diagnostic.code == errors.ROW_TRUNCATED
    assert "文件在任务 7 处结束" in diagnostic.message
    assert report.tasks.count() == 7


@pytest.mark.django_db
def test_markup_in_a_cell_is_stored_as_text(tmp_path):
    path = tmp_path / "markup.txt"
    path.write_bytes(sample_with_markup_in_a_cell())

    code, _, err = run_import_report(str(path), "--publish")

    assert code == 0, err
    task = Task.objects.get(seq=5)
    assert task.progress.startswith(SCRIPT_IN_CELL + PROGRESS_OF_TASK_5)
    assert Task.objects.count() == 108


# --- the admin's upload page ----------------------------------------------------------------------


@pytest.mark.parametrize("name, data, message", REFUSED, ids=REFUSED_IDS)
def test_the_upload_page_shows_the_parsers_message_and_keeps_nothing(editor_client, name, data, message):
    response = preview(editor_client, data, name)

    assert response.status_code == 200
    page = response.content.decode()
    if data.strip():
        assert message in page
    else:
        # An empty file is refused by the form itself (Django's "the submitted file is empty").
        assert "errorlist" in page
    assert "rows" not in response.context
    if response.context.get("candidates"):
        # No header found (issue 11): the file's first lines are offered to point at the header, so the
        # upload waits in the session for that choice; the database still holds nothing.
        assert "以所选行为表头重新读取" in page
        assert "tracker_pending_import" in editor_client.session
    else:
        assert "tracker_pending_import" not in editor_client.session
    assert nothing_stored()


def test_an_upload_over_the_default_5_mb_is_refused_with_its_size(editor_client):
    response = preview(editor_client, b"a" * (DEFAULT_LIMIT + 1), "huge.txt")

    assert response.status_code == 200
    assert size_error(DEFAULT_LIMIT + 1, DEFAULT_LIMIT) in response.content.decode()
    assert nothing_stored()


def test_pasted_text_over_the_limit_gets_the_size_message_not_a_400(editor_client):
    # 5 MB + 1 byte of text: twice Django's default cap on a form field (2.5 MB), which would answer 400.
    response = editor_client.post(IMPORT_URL, {"text": "a" * (DEFAULT_LIMIT + 1), "preview": "预览"})

    assert response.status_code == 200
    assert size_error(DEFAULT_LIMIT + 1, DEFAULT_LIMIT) in response.content.decode()
    assert nothing_stored()


def test_pasted_text_over_django_s_default_field_cap_but_under_the_limit_is_read(editor_client):
    text = SAMPLE_2022.read_text(encoding="utf-8")
    padding = "\n" * (3 * 1024 * 1024)  # blank lines: 3 MB in all, over the 2.5 MB default cap

    response = editor_client.post(IMPORT_URL, {"text": text + padding, "preview": "预览"})

    assert response.status_code == 200
    assert len(response.context["rows"]) == 108


def test_a_table_cut_off_mid_row_shows_the_error_in_the_preview(editor_client):
    response = preview(editor_client, sample_cut_mid_row(), "cut.txt")

    assert response.status_code == 200
    assert response.context["diagnostic_counts"]["error"] == 1
    row_7 = response.context["rows"][6]
    assert [d["code"] for d in row_7["diagnostics"]] == [errors.ROW_TRUNCATED]
    assert "文件在任务 7 处结束，该行缺少牵头单位、累计完成情况，可能被截断。" in response.content.decode()
    assert nothing_stored()


def test_markup_in_a_cell_shows_as_text_in_the_preview(editor_client):
    response = preview(editor_client, sample_with_markup_in_a_cell(), "markup.txt")

    page = response.content.decode()
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt;" in page
    assert "<script>document.title" not in page
    assert "<b>粗体</b>" not in page


@pytest.mark.django_db
def test_markup_in_a_cell_shows_as_text_on_the_public_task_page(client, tmp_path):
    path = tmp_path / "markup.txt"
    path.write_bytes(sample_with_markup_in_a_cell())
    run_import_report(str(path), "--publish")

    page = client.get(reverse("tracker:task-detail", args=[Task.objects.get(seq=5).pk])).content.decode()

    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in page
    assert "<script>document.title" not in page


# Two `import_report` processes on the same file at once: tests/test_services.py (it must run after the
# admin's browser test, since a transactional test's flush drops the groups the migrations create).

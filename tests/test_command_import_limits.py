"""`manage.py import_report` under the parser's limits: the same bombs as the admin's upload page, refused
with one line naming the file and the limit, nothing written; the other files of the run are still imported."""

import pytest

from tests import bombs
from tests.commands import run_import_report
from tests.conftest import SAMPLE_2022
from tracker.models import Department, ImportDiagnostic, Report, Task, Theme
from tracker.parsing import errors
from tracker.parsing.formats import limits

# file name, builder, what the one line on stderr says after the path.
REFUSED = [
    ("merged.xlsx", bombs.xlsx_merged_area_over_data, "的合并单元格（和超链接区域）共覆盖 129,844 个单元格"),
    ("far.xlsx", bombs.xlsx_far_cell, "使用到 A1:XFD1048576（1,048,576 行 × 16,384 列"),
    ("zip-2gb.xlsx", bombs.xlsx_inflating_to_2gb, f"解压后有 2.0 GB，超过单个部件的上限 {limits.size_text(limits.MAX_PART_BYTES)}"),
    ("attributes.docx", bombs.docx_attributes, f"超过上限 {limits.MAX_XML_NODES:,}"),
    ("span.docx", bombs.docx_grid_span, f"超过 {limits.MAX_COLUMNS} 列的上限"),
    ("spans.html", bombs.html_colspan_rowspan, f"中的单元格和段落超过上限 {limits.MAX_CELLS:,} 个"),
    ("wide.html", bombs.html_wide_row, f"超过 {limits.MAX_COLUMNS} 列的上限"),
    ("elements.html", bombs.html_many_elements, f"超过上限 {limits.MAX_HTML_NODES:,}"),
    ("rows.txt", lambda: bombs.flattened_rows(16_000), f"的表格超过 {limits.MAX_ROWS:,} 行"),
    ("paste.txt", lambda: bombs.long_paste(limits.MAX_TEXT_CHARS + 1).encode(), f"超过上限 {limits.MAX_TEXT_CHARS:,}"),
]


def nothing_stored() -> bool:
    return all(not model.objects.exists() for model in (Report, Theme, Task, Department, ImportDiagnostic))


@pytest.mark.django_db
@pytest.mark.parametrize("name, build, message", REFUSED, ids=[name for name, _, _ in REFUSED])
def test_it_refuses_each_bomb_in_one_line_and_writes_nothing(tmp_path, name, build, message):
    path = tmp_path / name
    path.write_bytes(build())

    code, out, err = run_import_report(str(path))

    assert code == 1
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith(f"{path}:")  # "path: message", or "path:line: message" where the limit was met
    assert f"“{name}”" in line and message in line
    assert nothing_stored()


@pytest.mark.django_db
def test_the_sample_between_two_bombs_is_still_imported(tmp_path):
    far, spans = tmp_path / "far.xlsx", tmp_path / "spans.html"
    far.write_bytes(bombs.xlsx_far_cell())
    spans.write_bytes(bombs.html_colspan_rowspan())

    code, out, err = run_import_report(str(far), str(SAMPLE_2022), str(spans))

    assert code == 1
    assert out.startswith(f"{SAMPLE_2022}: created  任务 108")
    assert f"{far}: “far.xlsx”的工作表" in err and f"{spans}: “spans.html”" in err
    assert "2/3 个文件未导入。" in err
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_a_clamped_document_is_imported_with_its_warning(tmp_path):
    path = tmp_path / "span.docx"
    path.write_bytes(bombs.docx_grid_span_clamped())

    code, out, _ = run_import_report(str(path))

    assert code == 0
    assert "created  任务 3" in out
    assert ImportDiagnostic.objects.filter(code=errors.SPAN_CLAMPED, severity="warning").count() == 1

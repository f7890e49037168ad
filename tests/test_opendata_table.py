"""Tests for tracker.opendata.table and files: the cells of a download and its file names (no database)."""

from urllib.parse import unquote

import pytest

from tracker.opendata.files import content_disposition, period_slug
from tracker.opendata.table import COLUMNS, NOT_READ_BACK, csv_safe, metrics_text, number_text


def metric(**fields) -> dict:
    return {"label": "停车泊位", "target": 3500.0, "unit": "个", "comparator": "=", "actual": None, "actual_unit": "",
            "completion": None} | fields


def test_figures_read_as_the_reports_write_them():
    assert metrics_text([metric(actual=11494.0, actual_unit="个", completion=3.284)]) == (
        "停车泊位：目标 3500个；实际 11494个；完成 328%"
    )
    assert metrics_text([metric(comparator=">=", target=24.5, unit="%"), metric(label="公园", target=None, actual=2.0)]) == (
        "停车泊位：目标 ≥24.5%\n公园：实际 2个"
    )
    assert metrics_text([metric(target=None)]) == ""


@pytest.mark.parametrize("value, text", [(3500.0, "3500"), (24.5, "24.5"), (1_000_000.0, "1000000"), (0.125, "0.125")])
def test_numbers_are_written_plainly(value, text):
    assert number_text(value) == text


@pytest.mark.parametrize(
    "cell, safe",
    [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("+86 电话", "'+86 电话"), ("-5%", "-5%"), ("+3.5", "+3.5"),
     ("正常推进", "正常推进"), (12, 12)],
)
def test_only_what_excel_would_run_gets_an_apostrophe(cell, safe):
    assert csv_safe(cell) == safe


def test_each_column_the_importer_does_not_know_sits_before_one_it_knows():
    # The importer keeps an unknown column only when a known label follows it (tracker.parsing.columns).
    from tracker.parsing.columns import role_for_label

    for label in NOT_READ_BACK:
        following = COLUMNS[COLUMNS.index(label) + 1]
        assert role_for_label(label) is None and role_for_label(following) is not None, label
    assert role_for_label(COLUMNS[0]) is not None


def test_file_names_have_an_ascii_name_and_the_readable_one():
    header = content_disposition(ascii_name="jindu_report-3_2022-q3.csv", name='2022年三季度/"报告".csv')

    ascii_part, _, utf8_part = header.partition("; filename*=UTF-8''")
    assert ascii_part == 'attachment; filename="jindu_report-3_2022-q3.csv"'
    # Characters no file name may hold (a path, quotes) become "_"; the rest is percent-encoded UTF-8 (RFC 5987).
    assert unquote(utf8_part) == "2022年三季度_报告_.csv"
    assert utf8_part.isascii() and " " not in utf8_part


@pytest.mark.parametrize(
    "year, quarter, month, slug", [(2022, 3, 9, "2022-q3"), (2022, None, 8, "2022-m8"), (2022, None, None, "2022"), (None, 3, 9, "")]
)
def test_the_period_in_ascii(year, quarter, month, slug):
    assert period_slug(year=year, quarter=quarter, period_end_month=month) == slug

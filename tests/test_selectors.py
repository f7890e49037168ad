"""Tests for tracker.selectors."""

import pytest

from tests.factories import report_create
from tracker.selectors import published_reports


@pytest.mark.django_db
def test_published_reports_are_newest_first_with_task_counts():
    report_create(title="2020", year=2020, task_count=1)
    report_create(title="2022 上半年", year=2022, period_end_month=6, task_count=2)
    report_create(title="2022 三季度", year=2022, period_end_month=9, task_count=3)
    report_create(title="未发布", is_published=False)

    rows = [(report.title, report.task_count) for report in published_reports()]

    assert rows == [("2022 三季度", 3), ("2022 上半年", 2), ("2020", 1)]


@pytest.mark.django_db
def test_report_without_year_comes_last():
    report_create(title="无年份", year=None)
    report_create(title="有年份", year=2021)

    assert [report.title for report in published_reports()] == ["有年份", "无年份"]

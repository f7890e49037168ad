"""Tests for tracker.selectors: published reads only, in a fixed number of queries."""

import pytest

from tests.factories import report_create
from tests.page_factories import dashboard_report_create, department_get
from tracker import selectors


@pytest.mark.django_db
def test_published_reports_are_newest_first_with_task_counts():
    report_create(title="2020", year=2020, task_count=1)
    report_create(title="2022 上半年", year=2022, period_end_month=6, task_count=2)
    report_create(title="2022 三季度", year=2022, period_end_month=9, task_count=3)
    report_create(title="未发布", is_published=False)

    rows = [(report.title, report.task_count) for report in selectors.published_reports()]

    assert rows == [("2022 三季度", 3), ("2022 上半年", 2), ("2020", 1)]


@pytest.mark.django_db
def test_report_without_year_comes_last():
    report_create(title="无年份", year=None)
    report_create(title="有年份", year=2021)

    assert [report.title for report in selectors.published_reports()] == ["有年份", "无年份"]


@pytest.mark.django_db
def test_report_status_counts_counts_one_report_only(django_assert_num_queries):
    report = dashboard_report_create(statuses=["behind", "behind", "completed"])
    dashboard_report_create(statuses=["on_track"] * 5)

    with django_assert_num_queries(1):
        counts = selectors.report_status_counts(report)

    assert counts == {"behind": 2, "completed": 1}


@pytest.mark.django_db
def test_theme_completion_is_in_table_order_with_counts(django_assert_num_queries):
    report = dashboard_report_create(themes=["乙项目", "甲项目"], statuses=["completed", "unknown", "completed"])

    with django_assert_num_queries(1):
        rows = selectors.report_theme_completion(report)

    assert [(row["label"], row["total"], row["completed"], row["known"]) for row in rows] == [
        ("乙项目", 2, 2, 2),
        ("甲项目", 1, 0, 0),
    ]


@pytest.mark.django_db
def test_department_ranking_puts_the_best_share_first_then_the_most_tasks(django_assert_num_queries):
    report = dashboard_report_create(statuses=["completed", "behind"], lead="甲局", co=None)
    other = dashboard_report_create(statuses=["completed"], lead="乙局", co="丙局")
    # Both reports are separate; rank within `report` only.
    with django_assert_num_queries(1):
        rows = selectors.report_department_ranking(report)
    assert [(row["label"], row["total"], row["completed"]) for row in rows] == [("甲局", 2, 1)]

    ranked = selectors.report_department_ranking(other)
    assert [(row["label"], row["lead"]) for row in ranked] == [("丙局", 0), ("乙局", 1)]


@pytest.mark.django_db
def test_department_reports_are_published_newest_first_with_the_departments_counts():
    older = dashboard_report_create(year=2021, statuses=["behind"], lead="甲局", co="乙局")
    newer = dashboard_report_create(year=2022, statuses=["completed", "behind", "on_track"], lead="乙局", co="甲局")
    dashboard_report_create(year=2023, statuses=["behind"], lead="甲局", is_published=False)
    dashboard_report_create(year=2024, statuses=["behind"], lead="丙局", co=None)

    reports = selectors.department_reports(department_get("甲局"))

    assert [report.pk for report in reports] == [newer.pk, older.pk]
    assert [(r.link_total, r.link_lead, r.link_completed, r.link_behind) for r in reports] == [(3, 0, 1, 1), (1, 1, 0, 1)]


@pytest.mark.django_db
def test_department_task_links_are_of_one_report_behind_first():
    older = dashboard_report_create(year=2021, statuses=["behind"], contents=["旧滞后"])
    newer = dashboard_report_create(year=2022, statuses=["completed", "behind"], contents=["新完成", "新滞后"])
    department = department_get("区发改经信局")

    assert [link.task.content for link in selectors.department_task_links(department, newer)] == ["新滞后", "新完成"]
    assert [link.task.content for link in selectors.department_task_links(department, older)] == ["旧滞后"]


@pytest.mark.django_db
def test_task_same_year_versions_match_content_within_the_year():
    first = dashboard_report_create(period_end_month=6, statuses=["on_track"], contents=["同一件事"])
    second = dashboard_report_create(period_end_month=9, statuses=["on_track"], contents=["同一件事"])
    dashboard_report_create(year=2021, statuses=["on_track"], contents=["同一件事"])

    versions = selectors.task_same_year_versions(second.tasks.get())

    assert [task.report_id for task in versions] == [first.pk]


@pytest.mark.django_db
def test_task_search_returns_published_tasks_only():
    dashboard_report_create(statuses=["on_track"], contents=["公开"])
    dashboard_report_create(statuses=["on_track"], contents=["内部"], is_published=False)

    assert [task.content for task in selectors.task_search({}).qs] == ["公开"]

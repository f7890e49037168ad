"""Tests for tracker.selectors: published reads only, in a fixed number of queries."""

import pytest

from tests.factories import report_create
from tests.page_factories import dashboard_report_create, department_get
from tests.test_services_series import imported
from tracker import selectors
from tracker.services.aggregates import report_counts_refresh
from tracker.models import DepartmentAlias, Report, TaskDepartment
from tracker.parsing import Status


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
    report.refresh_from_db()  # as a page reads it

    with django_assert_num_queries(0):  # counted by the services when the report changed (Report.stats)
        counts = selectors.report_status_counts(report)

    assert {status: count for status, count in counts.items() if count} == {"behind": 2, "completed": 1}


@pytest.mark.django_db
def test_theme_rows_are_in_table_order_with_their_tasks_by_status(django_assert_num_queries):
    report = dashboard_report_create(themes=["乙项目", "甲项目"], statuses=["completed", "unknown", "on_track"])

    with django_assert_num_queries(1):
        rows = selectors.report_theme_rows(report)

    assert [(row["label"], row["total"], row["mix"].on_schedule, row["mix"].unknown) for row in rows] == [
        ("乙项目", 2, 2, 0),
        ("甲项目", 1, 0, 1),
    ]


@pytest.mark.django_db
def test_department_rows_rank_the_largest_share_on_schedule_first_and_the_unjudged_last(django_assert_num_queries):
    report = dashboard_report_create(statuses=["completed", "behind"], lead="甲局", co=None)
    other = dashboard_report_create(statuses=["completed"], lead="乙局", co="丙局")
    unjudged = dashboard_report_create(statuses=["unknown", "unknown", "on_track"], lead="丁局", co=None)
    TaskDepartment.objects.filter(task__report=unjudged, task__status="unknown").update(department=department_get("戊局"))
    report_counts_refresh(report_ids=[unjudged.pk])  # written around the services: count as they would
    # Each report is ranked on its own.
    with django_assert_num_queries(1):
        rows = selectors.report_department_rows(report)
    assert [(row["label"], row["total"], row["mix"].completed) for row in rows] == [("甲局", 2, 1)]

    ranked = selectors.report_department_rows(other)
    assert [(row["label"], row["lead"]) for row in ranked] == [("丙局", 0), ("乙局", 1)]
    assert [row["label"] for row in selectors.report_department_rows(unjudged)] == ["丁局", "戊局"]


@pytest.mark.django_db
def test_department_reports_are_published_newest_first_with_the_departments_counts():
    older = dashboard_report_create(year=2021, statuses=["behind"], lead="甲局", co="乙局")
    newer = dashboard_report_create(year=2022, statuses=["completed", "behind", "on_track"], lead="乙局", co="甲局")
    dashboard_report_create(year=2023, statuses=["behind"], lead="甲局", is_published=False)
    dashboard_report_create(year=2024, statuses=["behind"], lead="丙局", co=None)

    reports = selectors.department_reports(department_get("甲局"))

    assert [report.pk for report in reports] == [newer.pk, older.pk]
    assert [(r.link_total, r.link_lead, r.mix.completed, r.mix.behind, r.mix.on_track) for r in reports] == [
        (3, 0, 1, 1, 1), (1, 1, 0, 1, 0),
    ]


@pytest.mark.django_db
def test_public_departments_have_their_aliases_and_published_task_counts(django_assert_num_queries):
    dashboard_report_create(statuses=["on_track", "behind"], lead="区财政局", co="区建设局")
    dashboard_report_create(statuses=["on_track"], lead="区建设局", co=None, is_published=False)
    dashboard_report_create(statuses=["on_track"], lead="区草稿局", co=None, is_published=False)
    DepartmentAlias.objects.create(name="区财税局", department=department_get("区财政局"))

    with django_assert_num_queries(2):
        departments = {d.name: (d.lead_count, d.co_count, [a.name for a in d.aliases.all()]) for d in selectors.public_departments()}

    assert departments == {"区财政局": (2, 0, ["区财税局"]), "区建设局": (0, 2, [])}


@pytest.mark.django_db
def test_department_task_links_are_of_one_report_behind_first():
    older = dashboard_report_create(year=2021, statuses=["behind"], contents=["旧滞后"])
    newer = dashboard_report_create(year=2022, statuses=["completed", "behind"], contents=["新完成", "新滞后"])
    department = department_get("区发改经信局")

    assert [link.task.content for link in selectors.department_task_links(department, newer)] == ["新滞后", "新完成"]
    assert [link.task.content for link in selectors.department_task_links(department, older)] == ["旧滞后"]


@pytest.mark.django_db
def test_task_timeline_is_its_series_in_published_reports_oldest_first(django_assert_num_queries):
    q1, q2, q3 = (imported(2022, month) for month in (3, 6, 9))
    Report.objects.filter(pk=q2.pk).update(is_published=False)
    task = q3.tasks.get(seq=2)

    with django_assert_num_queries(2):
        timeline = selectors.task_timeline(task)
        [list(member.metrics.all()) for member in timeline]

    assert [member.report_id for member in timeline] == [q1.pk, q3.pk]


@pytest.mark.django_db
def test_family_history_counts_each_published_report_up_to_this_one(django_assert_num_queries):
    q1 = imported(2022, 3, statuses=[Status.ON_TRACK, Status.ON_TRACK, Status.BEHIND, Status.UNKNOWN])
    q2 = imported(2022, 6, statuses=[Status.COMPLETED, Status.ON_TRACK, Status.BEHIND, Status.BEHIND])
    imported(2022, 9)
    imported(2022, 6, prefix="K0000001-1")  # another family

    with django_assert_num_queries(1):
        history = selectors.report_family_history(q2)

    assert [report.pk for report in history] == [q1.pk, q2.pk]
    assert [(report.mix.on_schedule, report.mix.behind, report.mix.unknown) for report in history] == [(2, 1, 1), (2, 2, 0)]


@pytest.mark.django_db
def test_changes_since_the_previous_report_follow_each_task_through_its_series(django_assert_num_queries):
    q2 = imported(2022, 6, ["甲", "乙", "丙", "丁"], statuses=[Status.ON_TRACK, Status.ON_TRACK, Status.COMPLETED, Status.ON_TRACK])
    q3 = imported(2022, 9, ["甲", "乙", "丙", "戊"], statuses=[Status.COMPLETED, Status.BEHIND, Status.COMPLETED, Status.ON_TRACK])

    with django_assert_num_queries(1):
        changes = selectors.report_changes_since(q3, q2)

    assert [(row["content"], row["before"]) for row in changes["completed"]] == [("甲", "on_track")]
    assert [(row["content"], row["before"]) for row in changes["behind"]] == [("乙", "on_track")]
    assert [row["content"] for row in changes["new"]] == ["戊"]
    assert [(row["content"], row["report_id"]) for row in changes["dropped"]] == [("丁", q2.pk)]


@pytest.mark.django_db
def test_task_search_returns_published_tasks_only():
    dashboard_report_create(statuses=["on_track"], contents=["公开"])
    dashboard_report_create(statuses=["on_track"], contents=["内部"], is_published=False)

    assert [task.content for task in selectors.task_search({}).qs] == ["公开"]

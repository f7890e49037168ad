"""Tests for tracker.models: constraints, query methods, and agreement with the parser's enums."""

import pytest
from django.db import IntegrityError

from tests.factories import report_create
from tracker.models import ImportDiagnostic, Report, Task, TaskDepartment
from tracker.parsing import DepartmentRole, Severity, Status


def test_task_statuses_are_the_parser_statuses():
    assert set(Task.Status.values) == {status.value for status in Status}


def test_diagnostic_severities_are_the_parser_severities():
    assert set(ImportDiagnostic.Severity.values) == {severity.value for severity in Severity}


def test_department_roles_are_the_parser_roles():
    assert set(TaskDepartment.Role.values) == {role.value for role in DepartmentRole}


@pytest.mark.django_db
@pytest.mark.parametrize("quarter", [0, 5])
def test_quarter_outside_1_to_4_is_refused(quarter):
    with pytest.raises(IntegrityError):
        report_create(quarter=quarter)


@pytest.mark.django_db
@pytest.mark.parametrize("month", [0, 13])
def test_period_end_month_outside_1_to_12_is_refused(month):
    with pytest.raises(IntegrityError):
        report_create(period_end_month=month)


@pytest.mark.django_db
def test_task_seq_is_unique_within_a_report():
    report = report_create(task_count=1)

    with pytest.raises(IntegrityError):
        Task.objects.create(report=report, seq=1, content="重复", first_line=1, last_line=1)


@pytest.mark.django_db
def test_published_keeps_only_published_reports():
    shown = report_create()
    report_create(is_published=False)

    assert list(Report.objects.published()) == [shown]


@pytest.mark.django_db
def test_with_task_counts_counts_each_reports_tasks():
    report_create(title="三个任务", task_count=3)
    report_create(title="没有任务", task_count=0)

    counts = dict(Report.objects.with_task_counts().values_list("title", "task_count"))

    assert counts == {"三个任务": 3, "没有任务": 0}


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"year": 2022, "period_label": "三季度", "period_end_month": 9}, "2022年 三季度"),
        ({"year": 2022, "period_label": "", "period_end_month": 8}, "2022年 1–8月"),
        ({"year": None, "period_label": "", "period_end_month": None}, ""),
    ],
)
def test_period_text(fields, expected):
    assert Report(**fields).period_text == expected

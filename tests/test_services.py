"""Tests for tracker.services: importing, replacing and publishing reports."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.db import IntegrityError, connection

from tests.conftest import SAMPLE_2022
from tests.factories import diagnostic_build, parsed_report_build, parsed_task_build
from tracker.services import ServiceError, importing
from tracker.models import (
    ContentVersion,
    Department,
    ImportDiagnostic,
    Leader,
    Report,
    Task,
    TaskDepartment,
    Theme,
)
from tracker.parsing import DepartmentRole, ReportMeta, Severity
from tracker.services import (
    REPORT_WITHOUT_CONTENT_HASH,
    REPORT_WITHOUT_TASKS,
    ImportOutcome,
    report_import,
    report_publish,
    report_source_key,
    report_unpublish,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent

# Every table of the app, history included; the one-row page version table is always there.
ALL_MODELS = [model for model in apps.get_app_config("tracker").get_models() if model is not ContentVersion]


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


def test_the_row_count_check_covers_every_model_metrics_and_history_included():
    names = {model.__name__ for model in ALL_MODELS}
    assert {"Report", "Task", "Metric", "TaskDepartment", "DepartmentAlias", "HistoricalTask", "HistoricalMetric"} <= names


# --- the real samples -------------------------------------------------------


@pytest.mark.django_db
def test_2022_sample_gives_108_tasks_19_themes_37_departments(parsed_2022):
    result = report_import(parsed=parsed_2022)

    assert result.outcome == ImportOutcome.CREATED
    assert (result.task_count, result.theme_count, result.department_count) == (108, 19, 37)
    report = result.report
    assert report.tasks.count() == 108
    assert report.themes.count() == 19
    assert Department.objects.filter(task_links__task__report=report).distinct().count() == 37
    assert report.year == 2022 and report.quarter == 3 and report.period_end_month == 9
    assert report.source_key == "K1493206-6/2022-25614"
    assert report.content_hash == parsed_2022.content_hash


@pytest.mark.django_db
def test_2020_sample_gives_128_tasks_22_themes(parsed_2020):
    result = report_import(parsed=parsed_2020)

    assert (result.task_count, result.theme_count) == (128, 22)
    assert result.report.tasks.count() == 128
    assert list(result.report.themes.values_list("ordinal", flat=True)) == list(range(1, 23))


@pytest.mark.django_db
def test_stored_tasks_keep_the_parsed_fields(parsed_2022):
    report = report_import(parsed=parsed_2022).report

    first = parsed_2022.tasks[0]
    task = report.tasks.get(seq=1)
    assert task.content == first.content
    assert task.progress == first.progress
    assert task.theme.name == first.theme
    assert (task.first_line, task.last_line) == (first.first_line, first.last_line)
    assert list(task.departments.order_by("task_links__position").values_list("name", flat=True)) == first.department_names


@pytest.mark.django_db
def test_both_samples_share_department_rows(parsed_2022, parsed_2020):
    report_import(parsed=parsed_2022)
    report_import(parsed=parsed_2020)

    names_2022 = {name for task in parsed_2022.tasks for name in task.department_names}
    names_2020 = {name for task in parsed_2020.tasks for name in task.department_names}
    assert Department.objects.count() == len(names_2022 | names_2020)


# --- idempotence and updates ------------------------------------------------


@pytest.mark.django_db
def test_import_twice_keeps_one_report(parsed_2022):
    first = report_import(parsed=parsed_2022)
    before = row_counts()
    task_ids = list(Task.objects.values_list("id", flat=True))

    second = report_import(parsed=parsed_2022)

    assert second.outcome == ImportOutcome.UNCHANGED
    assert second.report.pk == first.report.pk
    assert row_counts() == before
    assert list(Task.objects.values_list("id", flat=True)) == task_ids
    assert (second.task_count, second.theme_count, second.department_count) == (108, 19, 37)
    assert second.diagnostic_counts == first.diagnostic_counts


@pytest.mark.django_db
def test_unchanged_import_writes_nothing(django_assert_max_num_queries):
    parsed = parsed_report_build()
    report_import(parsed=parsed)
    updated_at = Report.objects.get().updated_at

    # SAVEPOINT, SELECT report by hash, then the four counts, RELEASE: no INSERT, UPDATE or DELETE.
    with django_assert_max_num_queries(7) as captured:
        report_import(parsed=parsed)

    statements = [query["sql"].split()[0].upper() for query in captured.captured_queries]
    assert not {"INSERT", "UPDATE", "DELETE"} & set(statements)
    assert Report.objects.get().updated_at == updated_at


@pytest.mark.django_db
def test_corrected_source_updates_the_report_in_place():
    original = report_import(parsed=parsed_report_build(tasks=[parsed_task_build(seq=s) for s in (1, 2, 3)]))
    corrected_tasks = [
        parsed_task_build(seq=1, theme="新的项目", content="更正后的内容"),
        parsed_task_build(seq=2, theme="新的项目"),
    ]

    result = report_import(parsed=parsed_report_build(tasks=corrected_tasks, revision="更正"))

    assert result.outcome == ImportOutcome.UPDATED
    assert result.report.pk == original.report.pk
    assert Report.objects.count() == 1
    assert list(Task.objects.values_list("content", flat=True)) == ["更正后的内容", "第 2 项工作内容"]
    assert list(Theme.objects.values_list("name", flat=True)) == ["新的项目"]
    assert result.report.content_hash != original.report.content_hash


@pytest.mark.django_db
def test_update_keeps_the_publication_state():
    report = report_import(parsed=parsed_report_build(), publish=True).report
    published_at = report.published_at

    updated = report_import(parsed=parsed_report_build(revision="更正")).report

    assert updated.is_published
    assert updated.published_at == published_at


@pytest.mark.django_db
def test_report_without_index_no_is_updated_by_title_year_and_month():
    report_import(parsed=parsed_report_build(index_no=""))

    result = report_import(parsed=parsed_report_build(index_no="", revision="更正"))

    assert result.outcome == ImportOutcome.UPDATED
    assert Report.objects.get().source_key == "2022年三季度《政府工作报告》主要目标任务完成情况|2022|9"


@pytest.mark.django_db
def test_different_reports_are_stored_apart():
    report_import(parsed=parsed_report_build(index_no="K-1"))
    report_import(parsed=parsed_report_build(index_no="K-2"))

    assert Report.objects.count() == 2
    assert Department.objects.count() == 1


def test_source_key_prefers_the_index_number():
    meta = ReportMeta(title="标题", year=2022, period_end_month=9, index_no="K-1")
    assert report_source_key(meta, content_hash="abc") == "K-1"


def test_source_key_without_index_number_is_title_year_month():
    meta = ReportMeta(title="标题", year=2022, period_end_month=None)
    assert report_source_key(meta, content_hash="abc") == "标题|2022|"


def test_source_key_without_index_number_or_title_is_the_content():
    assert report_source_key(ReportMeta(), content_hash="abc") == "sha256:abc"


# --- faults and races -------------------------------------------------------


def _fail(*args, **kwargs):
    raise RuntimeError("injected fault")


@pytest.mark.django_db(transaction=True)
def test_fault_mid_import_leaves_no_rows(parsed_2022, monkeypatch):
    # The diagnostics are written last: by then the report, themes, tasks and links exist.
    monkeypatch.setattr(importing, "diagnostics_store", _fail)

    with pytest.raises(RuntimeError, match="injected fault"):
        report_import(parsed=parsed_2022)

    assert row_counts() == {model.__name__: 0 for model in ALL_MODELS}


@pytest.mark.django_db(transaction=True)
def test_fault_mid_update_keeps_the_previous_version(monkeypatch):
    report_import(parsed=parsed_report_build())
    before = row_counts()
    contents = list(Task.objects.values_list("content", flat=True))
    monkeypatch.setattr(importing, "task_leaders_create", _fail)

    with pytest.raises(RuntimeError):
        report_import(parsed=parsed_report_build(tasks=[parsed_task_build(seq=1, content="新")], revision="更正"))

    assert row_counts() == before
    assert list(Task.objects.values_list("content", flat=True)) == contents


def lookups_miss(monkeypatch, *, times: int) -> list[str]:
    """Make both lookups of a stored report miss `times` times, as when another
    process commits the same report just after we looked. Returns the calls made."""
    calls: list[str] = []
    real = {name: getattr(importing, name) for name in ("report_stored_by_hash", "report_locked_by_source_key")}

    def patched(name):
        def lookup(**kwargs):
            calls.append(name)
            misses = sum(1 for call in calls if call == name)
            return None if misses <= times else real[name](**kwargs)

        return lookup

    for name in real:
        monkeypatch.setattr(importing, name, patched(name))
    return calls


@pytest.mark.django_db
def test_lost_race_is_retried_and_answers_unchanged(monkeypatch):
    parsed = parsed_report_build()
    report_import(parsed=parsed)
    calls = lookups_miss(monkeypatch, times=1)

    result = report_import(parsed=parsed)

    assert result.outcome == ImportOutcome.UNCHANGED
    assert calls.count("report_stored_by_hash") == 2  # the first try failed on the unique constraint
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_integrity_error_on_the_retry_too_is_raised(monkeypatch):
    parsed = parsed_report_build()
    report_import(parsed=parsed)
    lookups_miss(monkeypatch, times=2)

    with pytest.raises(IntegrityError):
        report_import(parsed=parsed)
    assert Report.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_imports_on_postgresql_store_one_report(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to lose")
    parsed = parsed_report_build()
    both_looked = threading.Barrier(2, timeout=10)
    find_stored = importing.report_stored_by_hash

    first_look_done = threading.local()

    def look_then_wait(**kwargs):
        stored = find_stored(**kwargs)
        if not getattr(first_look_done, "value", False):
            first_look_done.value = True
            both_looked.wait()  # both see "not stored" before either inserts
        return stored

    monkeypatch.setattr(importing, "report_stored_by_hash", look_then_wait)
    outcomes, errors = [], []

    def import_in_thread():
        try:
            outcomes.append(report_import(parsed=parsed).outcome)
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)
        finally:
            connection.close()

    threads = [threading.Thread(target=import_in_thread) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert sorted(outcomes) == [ImportOutcome.CREATED, ImportOutcome.UNCHANGED]
    assert Report.objects.count() == 1
    assert Task.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_import_report_processes_on_the_same_file_store_one_report():
    """End to end, two real `manage.py import_report` processes on PostgreSQL (the test above forces the race)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to lose")
    database = connection.settings_dict
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}@{host}:{port}/{database['NAME']}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "manage.py", "import_report", str(SAMPLE_2022)]

    processes = [
        subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(*process.communicate(timeout=120), process.returncode) for process in processes]

    for out, err, code in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert sorted(out.split(": ", 1)[1].split()[0] for out, _, _ in results) == ["created", "unchanged"]
    assert Report.objects.count() == 1
    assert Task.objects.count() == 108


# --- departments, leaders, diagnostics --------------------------------------


@pytest.mark.django_db
def test_department_roles_and_positions_follow_the_cell():
    task = parsed_task_build(
        seq=1,
        departments=[
            ("区发改经信局", DepartmentRole.LEAD),
            ("区财政局", DepartmentRole.CO),
            ("各街道", DepartmentRole.CO),
        ],
    )
    report_import(parsed=parsed_report_build(tasks=[task]))

    links = TaskDepartment.objects.order_by("position").values_list("department__name", "role", "position")
    assert list(links) == [("区发改经信局", "lead", 1), ("区财政局", "co", 2), ("各街道", "co", 3)]


@pytest.mark.django_db
def test_department_named_twice_in_a_cell_is_linked_once():
    task = parsed_task_build(
        seq=1, departments=[("区财政局", DepartmentRole.LEAD), ("区财政局", DepartmentRole.CO)]
    )
    result = report_import(parsed=parsed_report_build(tasks=[task]))

    assert list(TaskDepartment.objects.values_list("department__name", "role", "position")) == [("区财政局", "lead", 1)]
    assert result.department_count == 1


@pytest.mark.django_db
def test_leaders_are_kept_apart_from_departments():
    tasks = [
        parsed_task_build(seq=1, leaders=["张三", "李四"]),
        parsed_task_build(seq=2, leaders=["张三"]),
    ]
    report_import(parsed=parsed_report_build(tasks=tasks))

    assert sorted(Leader.objects.values_list("name", flat=True)) == ["张三", "李四"]
    assert list(Department.objects.values_list("name", flat=True)) == ["区发改经信局"]
    assert list(Task.objects.get(seq=1).leaders.order_by("task_links__position").values_list("name", flat=True)) == [
        "张三",
        "李四",
    ]


@pytest.mark.django_db
def test_themes_are_numbered_in_order_of_first_appearance():
    tasks = [
        parsed_task_build(seq=1, theme="甲", theme_no="一"),
        parsed_task_build(seq=2, theme="乙", theme_no="二"),
        parsed_task_build(seq=3, theme="甲", theme_no="一"),
        parsed_task_build(seq=4, theme="", theme_no=None),
    ]
    report_import(parsed=parsed_report_build(tasks=tasks))

    assert list(Theme.objects.values_list("ordinal", "number", "name")) == [(1, "一", "甲"), (2, "二", "乙")]
    assert list(Task.objects.values_list("seq", "theme__name")) == [(1, "甲"), (2, "乙"), (3, "甲"), (4, None)]


@pytest.mark.django_db
def test_diagnostic_is_attached_to_the_task_containing_its_line():
    # Tasks 1 and 2 span lines 10-13 and 20-23.
    diagnostics = [
        diagnostic_build(line=12, code="in-task-1"),
        diagnostic_build(line=20, code="in-task-2"),
        diagnostic_build(line=16, code="between-tasks"),
        diagnostic_build(line=None, code="whole-file"),
    ]
    tasks = [parsed_task_build(seq=1), parsed_task_build(seq=2)]
    report_import(parsed=parsed_report_build(tasks=tasks, diagnostics=diagnostics))

    attached = dict(ImportDiagnostic.objects.values_list("code", "task__seq"))
    assert attached == {"in-task-1": 1, "in-task-2": 2, "between-tasks": None, "whole-file": None}


@pytest.mark.django_db
def test_diagnostic_counts_are_by_severity():
    diagnostics = [
        diagnostic_build(line=10, severity=Severity.ERROR),
        diagnostic_build(line=11, severity=Severity.WARNING),
        diagnostic_build(line=12, severity=Severity.WARNING),
    ]
    parsed = parsed_report_build(diagnostics=diagnostics)

    created = report_import(parsed=parsed)
    unchanged = report_import(parsed=parsed)

    assert created.diagnostic_counts == {"error": 1, "warning": 2, "info": 0}
    assert unchanged.diagnostic_counts == created.diagnostic_counts


@pytest.mark.django_db
def test_import_without_content_hash_is_refused():
    parsed = parsed_report_build()
    parsed.content_hash = ""

    with pytest.raises(ServiceError, match=REPORT_WITHOUT_CONTENT_HASH):
        report_import(parsed=parsed)
    assert Report.objects.count() == 0


@pytest.mark.django_db
def test_import_without_tasks_is_refused():
    with pytest.raises(ServiceError, match=REPORT_WITHOUT_TASKS):
        report_import(parsed=parsed_report_build(tasks=[]))
    assert Report.objects.count() == 0


# --- publishing -------------------------------------------------------------


@pytest.mark.django_db
def test_import_is_unpublished_unless_asked():
    report = report_import(parsed=parsed_report_build()).report

    assert not report.is_published
    assert report.published_at is None


@pytest.mark.django_db
def test_import_with_publish_publishes():
    report = report_import(parsed=parsed_report_build(), publish=True).report

    assert report.is_published
    assert report.published_at is not None


@pytest.mark.django_db
def test_unchanged_import_with_publish_publishes_the_stored_report():
    parsed = parsed_report_build()
    report_import(parsed=parsed)

    result = report_import(parsed=parsed, publish=True)

    assert result.outcome == ImportOutcome.UNCHANGED
    assert Report.objects.get().is_published


@pytest.mark.django_db
def test_publish_then_unpublish():
    report = report_import(parsed=parsed_report_build()).report

    report_publish(report=report)
    report.refresh_from_db()
    assert report.is_published and report.published_at is not None

    report_unpublish(report=report)
    report.refresh_from_db()
    assert not report.is_published and report.published_at is None

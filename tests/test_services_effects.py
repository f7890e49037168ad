"""What each write costs and says: bounded queries, and the public pages' version moved once per transaction."""

import copy
import dataclasses

import pytest

from tests.admin_users import staff_user_create
from tracker import services
from tracker.models import HistoricalTask, Report, Task
from tracker.page_cache import content_version


def corrected_source(parsed, *, changed_seq: int = 6):
    """The same report (same 信息索引号) with one row's progress rewritten: what a corrected file gives."""
    corrected = copy.deepcopy(parsed)
    corrected.tasks[changed_seq - 1].progress += "（更正：补充说明）"
    return dataclasses.replace(corrected, content_hash="c" * 64)


@pytest.mark.django_db
def test_a_reimport_changing_one_row_takes_at_most_40_queries(parsed_2022, django_assert_max_num_queries):
    services.report_import(parsed=parsed_2022)  # a draft: the new reading applies at once

    with django_assert_max_num_queries(40):
        result = services.report_import(parsed=corrected_source(parsed_2022))

    assert result.outcome == services.ImportOutcome.UPDATED
    assert result.row_changes.changed == [6]
    assert len(result.row_changes.unchanged) == 107


@pytest.mark.django_db
def test_a_reimport_changing_one_row_writes_history_for_that_row_only(parsed_2022):
    services.report_import(parsed=parsed_2022)
    before = HistoricalTask.objects.count()

    services.report_import(parsed=corrected_source(parsed_2022))

    assert HistoricalTask.objects.count() == before + 1
    assert Task.objects.get(seq=6).progress.endswith("（更正：补充说明）")


@pytest.mark.django_db
def test_publishing_a_pending_revision_changing_one_row_takes_at_most_50_queries(parsed_2022, django_assert_max_num_queries):
    services.report_import(parsed=parsed_2022, publish=True)
    pending = services.report_import(parsed=corrected_source(parsed_2022)).revision

    with django_assert_max_num_queries(50):
        result = services.revision_publish(revision=pending)

    assert result.row_changes.changed == [6]


@pytest.mark.django_db
def test_publishing_a_report_takes_at_most_10_queries(parsed_2022, django_assert_max_num_queries):
    report = services.report_import(parsed=parsed_2022).report

    with django_assert_max_num_queries(10):
        services.report_publish(report=report)

    assert Report.objects.get().is_published


@pytest.mark.django_db
def test_deleting_a_108_task_report_takes_at_most_30_queries_and_keeps_its_history(parsed_2022, django_assert_max_num_queries):
    report = services.report_import(parsed=parsed_2022, publish=True).report
    user = staff_user_create(username="editor", superuser=True)

    with django_assert_max_num_queries(30):
        services.report_delete(report=report, user=user)

    assert Task.objects.count() == 0
    deleted = HistoricalTask.objects.filter(history_type="-")
    assert deleted.count() == 108
    assert set(deleted.values_list("history_user__username", flat=True)) == {"editor"}


@pytest.mark.django_db
def test_setting_the_status_of_20_tasks_moves_the_version_once(parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True).report
    before = content_version()

    services.tasks_set_status(tasks=report.tasks.order_by("seq")[:20], status="completed")

    assert content_version() == before + 1


@pytest.mark.django_db
def test_an_import_moves_the_version_once_and_a_draft_import_not_at_all(parsed_2022, parsed_2020):
    before = content_version()
    services.report_import(parsed=parsed_2022)  # a draft: nothing public changed
    assert content_version() == before

    services.report_import(parsed=parsed_2020, publish=True)
    assert content_version() == before + 1


@pytest.mark.django_db
def test_nested_services_in_one_transaction_move_the_version_once(parsed_2022):
    from django.db import transaction

    report = services.report_import(parsed=parsed_2022, publish=True).report
    before = content_version()
    tasks = list(report.tasks.order_by("seq")[:3])

    with transaction.atomic():
        for task in tasks:
            task.progress = "更正"
            services.task_correct(task=task, fields=["progress"])
        services.report_unpublish(report=report)
        assert content_version() == before  # not before the commit

    assert content_version() == before + 1


@pytest.mark.django_db
def test_a_refused_write_does_not_move_the_version(parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True).report
    other = services.report_import(parsed=dataclasses.replace(parsed_2022, content_hash="d" * 64, meta=dataclasses.replace(parsed_2022.meta, index_no="other"))).report
    before = content_version()

    with pytest.raises(services.ServiceError):
        services.tasks_move_to_theme(tasks=report.tasks.all()[:2], theme=other.themes.first())

    assert content_version() == before


@pytest.mark.django_db
def test_a_department_merge_is_one_transaction(monkeypatch):
    from tests.page_factories import dashboard_report_create, department_get
    from tracker.models import DepartmentAlias, TaskDepartment

    dashboard_report_create(lead="区甲局", co="区乙局")
    dashboard_report_create(lead="区丙局", co=None)
    sources, target = [department_get("区乙局"), department_get("区丙局")], department_get("区甲局")
    links_before = sorted(TaskDepartment.objects.values_list("task_id", "department_id", "role"))
    calls = []

    def fail_on_the_second(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("injected fault")
        return real(**kwargs)

    real = DepartmentAlias.objects.update_or_create
    monkeypatch.setattr(DepartmentAlias.objects, "update_or_create", fail_on_the_second)

    with pytest.raises(RuntimeError):
        services.departments_merge(sources=sources, target=target)

    assert sorted(TaskDepartment.objects.values_list("task_id", "department_id", "role")) == links_before
    assert DepartmentAlias.objects.count() == 0


def _pipe_table(rows: int, *, changed_row: int | None = None) -> bytes:
    """A report of `rows` tasks as a pasted pipe table; `changed_row`'s progress says something new."""
    lines = ["2023年三季度重点工作任务完成情况", "序号 | 项目名称 | 主要工作内容 | 牵头单位 | 配合单位 | 累计完成情况"]
    for number in range(1, rows + 1):
        progress = f"已完成第{number}项的{number % 7 + 1}个节点" + ("，本季度更正" if number == changed_row else "")
        # Five themes, each named on the first row of its run, as a merged cell is flattened.
        theme = (number - 1) * 5 // rows
        named = f"项目{theme}" if number == 1 or (number - 2) * 5 // rows != theme else ""
        lines.append(f"{number} | {named} | 建设第{number}项工程{number % 9 + 2}个 | 区建设局 | 区财政局 | {progress}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.django_db
def test_the_queries_of_a_reimport_do_not_grow_with_the_rows():
    # Writes that grow with the table were the 6,000-row stall (one CASE branch per row): a re-import changing one row
    # reads the report in a fixed number of statements and writes only that row, whatever the table's length.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.parsing import parse_report_bytes

    counts = {}
    for rows in (40, 400):
        Report.objects.all().delete()
        services.report_import(parsed=parse_report_bytes(_pipe_table(rows), source_name=f"{rows}.txt"))
        corrected = parse_report_bytes(_pipe_table(rows, changed_row=rows // 2), source_name=f"{rows}-corrected.txt")
        with CaptureQueriesContext(connection) as queries:
            result = services.report_import(parsed=corrected)
        assert result.row_changes.changed == [rows // 2]
        assert not corrected.diagnostics  # diagnostic rows would be written in batches, as they must
        counts[rows] = len(queries.captured_queries)

    assert counts[400] == counts[40], counts

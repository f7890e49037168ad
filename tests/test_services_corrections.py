"""Services for corrections: task_correct, re-import row matching and keeping corrections, department_merge."""

import pytest

from tests.factories import diagnostic_build, parsed_report_build, parsed_task_build
from tracker import services
from tracker.services import ServiceError
from tracker.models import Department, DepartmentAlias, ImportDiagnostic, Report, Task, TaskDepartment, Theme
from tracker.parsing import PARSER_VERSION, DepartmentRole
from tracker.services import (
    DEPARTMENT_MERGE_SAME,
    THEME_OF_ANOTHER_REPORT,
    ImportOutcome,
    department_merge,
    report_import,
    task_correct,
    tasks_move_to_theme,
)

LEAD, CO = DepartmentRole.LEAD, DepartmentRole.CO
CONTENTS = [
    "地区生产总值增长7%左右。",
    "一般公共预算收入增长5%以上。",
    "完成固定资产投资年度目标任务。",
    "城镇登记失业率控制在3%以内。",
]


def tasks_build(contents=CONTENTS, overrides=None):
    """Tasks with these contents; `overrides` maps a seq to more parsed_task_build arguments."""
    overrides = overrides or {}
    return [parsed_task_build(seq=seq, content=content, **overrides.get(seq, {})) for seq, content in enumerate(contents, 1)]


@pytest.mark.django_db
def test_task_correct_records_only_correctable_fields_once():
    report = report_import(parsed=parsed_report_build(tasks=tasks_build())).report
    task = report.tasks.get(seq=1)
    task.progress = "更正"

    task_correct(task=task, fields=["progress", "seq"])
    task_correct(task=task, fields=["progress", "status"])

    assert Task.objects.get(pk=task.pk).corrected_fields == ["progress", "status"]


@pytest.mark.django_db
def test_identical_reimport_is_unchanged_and_lists_every_row():
    parsed = parsed_report_build(tasks=tasks_build())
    report_import(parsed=parsed)

    result = report_import(parsed=parsed)

    assert result.outcome == ImportOutcome.UNCHANGED
    assert result.row_changes.unchanged == [1, 2, 3, 4]
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_the_same_file_read_by_an_older_parser_is_read_again_keeping_corrections():
    old_reading = parsed_report_build(tasks=tasks_build(), index_no="")
    old_reading.parser_version = PARSER_VERSION - 1
    report = report_import(parsed=old_reading).report
    task = report.tasks.get(seq=2)
    task.progress = "管理员更正的进展"
    task_correct(task=task, fields=["progress"])
    # The fixed parser reads the same bytes differently: it now finds the index number (part of the
    # source key) and a better reading of row 3.
    new_reading = parsed_report_build(tasks=tasks_build(), index_no="K1493206-6/2022-00001")
    new_reading.content_hash = old_reading.content_hash
    new_reading.tasks[2].progress = "新解析器读出的进展"

    result = report_import(parsed=new_reading)

    assert result.outcome == ImportOutcome.REREAD
    assert result.report.pk == report.pk and Report.objects.count() == 1
    assert result.row_changes.changed == [3] and result.row_changes.unchanged == [1, 2, 4]
    report.refresh_from_db()
    assert report.parser_version == PARSER_VERSION
    assert report.index_no == "K1493206-6/2022-00001"
    assert report.tasks.get(seq=2).progress == "管理员更正的进展"
    assert report.tasks.get(seq=3).progress == "新解析器读出的进展"
    assert report_import(parsed=new_reading).outcome == ImportOutcome.UNCHANGED


@pytest.mark.django_db
def test_a_file_read_by_a_newer_parser_is_not_read_again_by_an_older_one():
    newer = parsed_report_build(tasks=tasks_build())
    newer.parser_version = PARSER_VERSION + 1
    report_import(parsed=newer)

    assert report_import(parsed=parsed_report_build(tasks=tasks_build())).outcome == ImportOutcome.UNCHANGED


@pytest.mark.django_db
def test_an_inserted_row_shifts_the_others_which_still_match_by_content():
    report = report_import(parsed=parsed_report_build(tasks=tasks_build())).report
    ids_by_content = dict(report.tasks.values_list("content", "id"))
    corrected = report.tasks.get(seq=3)
    corrected.progress = "人工更正"
    task_correct(task=corrected, fields=["progress"])

    contents = ["新增的一项：加快数字经济发展。", *CONTENTS]
    result = report_import(parsed=parsed_report_build(tasks=tasks_build(contents), revision="2"))

    assert result.outcome == ImportOutcome.UPDATED
    assert (result.row_changes.new, result.row_changes.unchanged) == ([1], [2, 3, 4, 5])
    assert result.row_changes.kept_corrections == {4: ["progress"]}
    for content, task_id in ids_by_content.items():
        assert Task.objects.get(pk=task_id).content == content  # same rows, same ids
    assert Task.objects.get(pk=corrected.pk).seq == 4
    assert Task.objects.get(pk=corrected.pk).progress == "人工更正"


@pytest.mark.django_db
def test_removed_reworded_and_changed_rows_are_reported():
    report_import(parsed=parsed_report_build(tasks=tasks_build()))
    contents = [
        "地区生产总值增长7%左右。",  # progress changes below
        "一般公共预算收入增长5.5%以上。",  # reworded at its place: still the same task
        "城镇登记失业率控制在3%以内。",  # moved up: row 3 was removed
    ]
    parsed = parsed_report_build(tasks=tasks_build(contents, {1: {"progress": "已完成"}}), revision="2")

    changes = report_import(parsed=parsed).row_changes

    assert changes.changed == [1, 2]
    assert changes.unchanged == [3]
    assert changes.removed == [3]
    assert changes.new == []


@pytest.mark.django_db
def test_a_corrected_theme_and_departments_survive_a_corrected_source():
    first = report_import(parsed=parsed_report_build(tasks=tasks_build(overrides={4: {"theme": "民生"}}))).report
    task = first.tasks.get(seq=1)
    tasks_move_to_theme(tasks=[task], theme=first.themes.get(name="民生"))
    services.tasks_add_department(tasks=[task], department=Department.objects.create(name="区财政局"), role="co")

    parsed = parsed_report_build(tasks=tasks_build(overrides={1: {"progress": "新进展"}, 4: {"theme": "民生"}}), revision="2")
    report_import(parsed=parsed)

    task.refresh_from_db()
    assert task.theme.name == "民生"
    assert task.progress == "新进展"  # not corrected: follows the source
    assert list(task.departments.order_by("task_links__position").values_list("name", flat=True)) == [
        "区发改经信局",
        "区财政局",
    ]


@pytest.mark.django_db
def test_a_resolved_diagnostic_stays_resolved_on_reimport():
    diagnostics = [diagnostic_build(line=11)]
    report_import(parsed=parsed_report_build(tasks=tasks_build(), diagnostics=diagnostics))
    services.diagnostics_resolve(diagnostics=ImportDiagnostic.objects.all())

    report_import(parsed=parsed_report_build(tasks=tasks_build(), diagnostics=diagnostics, revision="2"))

    assert list(ImportDiagnostic.objects.values_list("resolved", flat=True)) == [True]


@pytest.mark.django_db
def test_moving_to_a_theme_of_another_report_is_refused():
    one = report_import(parsed=parsed_report_build(index_no="A", tasks=tasks_build())).report
    other = report_import(parsed=parsed_report_build(index_no="B", tasks=tasks_build(CONTENTS[:1]))).report
    theme = other.themes.get()

    with pytest.raises(ServiceError, match=THEME_OF_ANOTHER_REPORT.format(theme=theme.name)):
        tasks_move_to_theme(tasks=list(one.tasks.all()), theme=theme)


@pytest.mark.django_db
def test_department_merge_repoints_aliases_and_refuses_itself():
    report_import(parsed=parsed_report_build(tasks=[parsed_task_build(seq=1, departments=[("区数据资源局", LEAD)])]))
    source = Department.objects.get(name="区数据资源局")
    middle = Department.objects.create(name="区大数据局")
    DepartmentAlias.objects.create(name="区数据中心", department=middle)
    target = Department.objects.create(name="区数据局")

    department_merge(source=source, target=middle)
    department_merge(source=middle, target=target)

    assert dict(DepartmentAlias.objects.values_list("name", "department__name")) == {
        "区数据资源局": "区数据局",
        "区大数据局": "区数据局",
        "区数据中心": "区数据局",
    }
    assert TaskDepartment.objects.get().department == target
    with pytest.raises(ServiceError, match=DEPARTMENT_MERGE_SAME):
        department_merge(source=target, target=target)


@pytest.mark.django_db
def test_an_admin_created_theme_kept_only_by_a_correction_is_numbered_last():
    report = report_import(parsed=parsed_report_build(tasks=tasks_build())).report
    extra = Theme.objects.create(report=report, ordinal=2, name="新项目")
    tasks_move_to_theme(tasks=[report.tasks.get(seq=2)], theme=extra)

    report_import(parsed=parsed_report_build(tasks=tasks_build(), revision="2"))

    assert list(report.themes.values_list("name", "ordinal")) == [("主要经济指标", 1), ("新项目", 2)]

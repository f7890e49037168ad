"""Correcting tasks in the admin, and corrections surviving a re-import of the report.

Edits go through the task change form (the same POST a browser sends); the re-imports go
through the import page, so the whole path an official takes is covered.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.admin_users import EDITORS, staff_user_create
from tests.conftest import SAMPLE_2022
from tracker.models import Department, ImportDiagnostic, Metric, Report, Task, TaskDepartment, Theme

IMPORT_URL = reverse("admin:tracker_report_import")
CORRECTED_PROGRESS = "截至9月底，已完成全年目标的80%（经办公室核实更正）。"


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def admin_import(client, data: bytes, name: str = SAMPLE_2022.name):
    token = client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, data), "preview": "预览"}).context["token"]
    response = client.post(IMPORT_URL, {"token": token, "confirm": "1"}, follow=True)
    assert response.status_code == 200
    return response


def change_form_data(client, task: Task) -> dict:
    """Everything the change page's form would post unchanged: the task's fields and its inlines."""
    response = client.get(reverse("admin:tracker_task_change", args=[task.pk]))
    assert response.status_code == 200
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        data[name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, field in formset.management_form.fields.items():
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for subform in formset.forms:
            for name in subform.fields:
                value = subform[name].value()
                if value is not None and value is not False:
                    data[subform.add_prefix(name)] = value
    return data


def progress_line(text: str, *, exclude: Task) -> tuple[Task, str]:
    """A task other than `exclude` and a source line of its progress that no other task's text contains.

    (The saved page prints the table's text twice, so the line may occur twice in the file.)"""
    lines = text.splitlines()
    tasks = list(Task.objects.order_by("seq"))
    for task in tasks:
        if task.pk == exclude.pk:
            continue
        for line in lines[task.first_line - 1 : task.last_line]:
            line = line.strip()
            others = [t for t in tasks if t.pk != task.pk and (line in t.progress or line in t.content)]
            if len(line) > 10 and line in task.progress and not others:
                return task, line
    raise AssertionError("no task with a unique progress line")


def test_editing_a_task_records_the_corrected_field_and_its_history(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    task = Task.objects.get(seq=5)
    data = change_form_data(editor_client, task) | {"progress": CORRECTED_PROGRESS}

    response = editor_client.post(reverse("admin:tracker_task_change", args=[task.pk]), data)

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.progress == CORRECTED_PROGRESS
    assert task.corrected_fields == ["progress"]
    latest = task.history.latest()
    assert latest.history_user.username == "editor"
    delta = latest.diff_against(latest.prev_record)
    assert [change.field for change in delta.changes if change.field == "progress"] == ["progress"]
    assert delta.changes[[c.field for c in delta.changes].index("progress")].new == CORRECTED_PROGRESS


def test_changing_a_department_role_inline_marks_departments_corrected(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    task = Task.objects.filter(department_links__position=1).first()
    data = change_form_data(editor_client, task)
    data["department_links-0-role"] = "co"

    response = editor_client.post(reverse("admin:tracker_task_change", args=[task.pk]), data)

    assert response.status_code == 302
    task.refresh_from_db()
    assert "departments" in task.corrected_fields
    assert task.department_links.get(position=1).role == TaskDepartment.Role.CO


def test_a_corrected_progress_survives_reimporting_the_same_file_and_a_corrected_source(editor_client):
    original = SAMPLE_2022.read_bytes()
    admin_import(editor_client, original)
    task = Task.objects.get(seq=5)
    data = change_form_data(editor_client, task) | {"progress": CORRECTED_PROGRESS}
    editor_client.post(reverse("admin:tracker_task_change", args=[task.pk]), data)

    same = admin_import(editor_client, original)

    assert "没有任何改动" in same.content.decode()
    assert Report.objects.count() == 1
    assert Task.objects.get(pk=task.pk).progress == CORRECTED_PROGRESS

    # A corrected source: another row's progress changes in the bytes.
    text = original.decode("utf-8")
    other, old_fragment = progress_line(text, exclude=task)
    corrected_source = text.replace(old_fragment, "（更正）" + old_fragment).encode("utf-8")

    updated = admin_import(editor_client, corrected_source)

    page = updated.content.decode()
    assert "已用更正版更新" in page
    assert "新增 0  变化 1  未变 107  删除 0  保留更正 1" in page
    assert Report.objects.count() == 1
    task.refresh_from_db()
    assert task.progress == CORRECTED_PROGRESS  # same row, same id, the correction kept
    assert task.corrected_fields == ["progress"]
    assert Task.objects.get(pk=other.pk).progress.startswith("（更正）")


def test_bulk_actions_set_status_move_theme_and_add_a_department(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    tasks = list(Task.objects.filter(seq__in=[1, 2]))
    ids = [task.pk for task in tasks]
    theme = Theme.objects.get(ordinal=3)
    department = Department.objects.order_by("name").first()
    changelist = reverse("admin:tracker_task_changelist")

    editor_client.post(changelist, {"action": "set_status", "_selected_action": ids, "status": "behind"})
    editor_client.post(changelist, {"action": "move_to_theme", "_selected_action": ids, "theme": theme.pk})
    editor_client.post(
        changelist,
        {"action": "add_department", "_selected_action": ids, "department": department.pk, "role": "co"},
    )

    for task in Task.objects.filter(pk__in=ids):
        assert task.status == Task.Status.BEHIND
        assert task.theme_id == theme.pk
        assert task.department_links.filter(department=department).exists()
        assert set(task.corrected_fields) == {"status", "theme", "departments"}


def test_task_list_filters_and_search(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    changelist = reverse("admin:tracker_task_changelist")

    by_status = editor_client.get(changelist, {"status__exact": "completed"})
    by_search = editor_client.get(changelist, {"q": "PM2.5"})

    assert by_status.status_code == by_search.status_code == 200
    assert by_status.context["cl"].result_count == Task.objects.filter(status="completed").count()
    assert by_search.context["cl"].result_count >= 1


def test_diagnostics_list_filters_links_tasks_and_marks_resolved(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    diagnostic = ImportDiagnostic.objects.filter(task__isnull=False).first()
    changelist = reverse("admin:tracker_importdiagnostic_changelist")

    page = editor_client.get(changelist, {"severity__exact": diagnostic.severity, "resolved__exact": "0"})
    editor_client.post(changelist, {"action": "mark_resolved", "_selected_action": [diagnostic.pk]})

    assert reverse("admin:tracker_task_change", args=[diagnostic.task_id]) in page.content.decode()
    diagnostic.refresh_from_db()
    assert diagnostic.resolved is True


def test_the_task_history_page_shows_who_changed_what(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    task = Task.objects.get(seq=5)
    before = task.progress
    data = change_form_data(editor_client, task) | {"progress": CORRECTED_PROGRESS}
    editor_client.post(reverse("admin:tracker_task_change", args=[task.pk]), data)

    response = editor_client.get(reverse("admin:tracker_task_history", args=[task.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "editor" in page
    assert CORRECTED_PROGRESS in page and before[:20] in page


def test_editing_a_metric_in_the_task_form_locks_it_against_reimports(editor_client):
    admin_import(editor_client, SAMPLE_2022.read_bytes())
    task = Task.objects.get(seq=16)
    Metric.objects.filter(task=task).delete()
    Metric.objects.create(task=task, position=1, label="生态绿道", target=10, unit="公里", actual=23.6)
    data = change_form_data(editor_client, task)
    data["metrics-0-actual"] = "20"

    response = editor_client.post(reverse("admin:tracker_task_change", args=[task.pk]), data)

    assert response.status_code == 302
    metric = Metric.objects.get(task=task, label="生态绿道")
    assert (metric.actual, metric.locked) == (20.0, True)

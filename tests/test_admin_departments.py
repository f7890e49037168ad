"""Merging departments in the admin: tasks move, the old name becomes an alias the next import uses."""

import pytest
from django.urls import reverse

from tests.admin_users import EDITORS, staff_user_create
from tests.factories import parsed_report_build, parsed_task_build
from tracker import services
from tracker.models import Department, DepartmentAlias, TaskDepartment
from tracker.parsing import DepartmentRole

LEAD, CO = DepartmentRole.LEAD, DepartmentRole.CO


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def test_merging_moves_tasks_and_the_alias_applies_to_the_next_import(editor_client):
    services.report_import(
        parsed=parsed_report_build(
            index_no="A-1",
            tasks=[
                parsed_task_build(seq=1, departments=[("区城管局", LEAD)]),
                # Names both: one link survives, at the target's place, as 牵头.
                parsed_task_build(seq=2, departments=[("区综合行政执法局", CO), ("区城管局", LEAD)]),
            ],
        )
    )
    source = Department.objects.get(name="区城管局")
    target = Department.objects.get(name="区综合行政执法局")
    changelist = reverse("admin:tracker_department_changelist")

    page = editor_client.post(changelist, {"action": "merge", "_selected_action": [source.pk]})
    done = editor_client.post(
        changelist, {"action": "merge", "_selected_action": [source.pk], "target": target.pk, "apply": "1"}
    )

    assert page.status_code == 200 and "确认合并" in page.content.decode()
    assert done.status_code == 302
    assert not Department.objects.filter(name="区城管局").exists()
    assert DepartmentAlias.objects.get(name="区城管局").department == target
    links = TaskDepartment.objects.filter(department=target).order_by("task__seq")
    assert [(link.task.seq, link.role) for link in links] == [(1, "lead"), (2, "lead")]

    result = services.report_import(
        parsed=parsed_report_build(index_no="B-2", tasks=[parsed_task_build(seq=1, departments=[("区城管局", LEAD)])])
    )

    assert list(result.report.tasks.get().departments.values_list("name", flat=True)) == ["区综合行政执法局"]
    assert not Department.objects.filter(name="区城管局").exists()

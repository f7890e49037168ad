"""Who may do what in the admin: 编辑 import, correct and publish; 查看 only read; anonymous visitors log in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.admin_users import EDITORS, VIEWERS, staff_user_create
from tests.factories import parsed_report_build
from tracker import services
from tracker.models import ImportDiagnostic, Task


@pytest.fixture
def report(db):
    return services.report_import(parsed=parsed_report_build()).report


@pytest.fixture
def viewer_client(client, db):
    client.force_login(staff_user_create(username="viewer", group=VIEWERS))
    return client


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def test_the_groups_exist_with_their_permissions(db):
    from django.contrib.auth.models import Group

    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    viewers = set(Group.objects.get(name=VIEWERS).permissions.values_list("codename", flat=True))

    assert {"add_report", "change_report", "change_task", "change_importdiagnostic"} <= editors
    assert "delete_report" not in editors and "change_user" not in editors
    assert viewers and all(codename.startswith("view_") for codename in viewers)


@pytest.mark.parametrize("url", ["/admin/", "/admin/tracker/task/", reverse("admin:tracker_report_import")])
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("url", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"])
def test_an_editor_cannot_manage_users_or_groups(editor_client, url):
    assert editor_client.get(reverse(url)).status_code == 403


def test_an_editor_cannot_delete_a_report(editor_client, report):
    response = editor_client.post(reverse("admin:tracker_report_delete", args=[report.pk]), {"post": "yes"})

    assert response.status_code == 403


def test_a_viewer_reads_drafts(viewer_client, report):
    assert viewer_client.get(reverse("admin:tracker_report_changelist")).status_code == 200
    assert viewer_client.get(reverse("admin:tracker_report_change", args=[report.pk])).status_code == 200
    assert viewer_client.get(reverse("admin:tracker_task_change", args=[report.tasks.first().pk])).status_code == 200


def test_a_viewer_cannot_change_a_task(viewer_client, report):
    task = report.tasks.first()

    response = viewer_client.post(reverse("admin:tracker_task_change", args=[task.pk]), {"progress": "改"})

    assert response.status_code == 403
    assert Task.objects.get(pk=task.pk).progress != "改"


@pytest.mark.parametrize("url", ["admin:tracker_report_import", "admin:tracker_departmentalias_add"])
def test_a_viewer_cannot_add(viewer_client, url):
    assert viewer_client.get(reverse(url)).status_code == 403


def test_a_viewer_cannot_import(viewer_client):
    response = viewer_client.post(
        reverse("admin:tracker_report_import"), {"file": SimpleUploadedFile("a.txt", b"x"), "preview": "1"}
    )

    assert response.status_code == 403


def test_a_viewer_cannot_run_actions(viewer_client, report):
    publish = viewer_client.post(
        reverse("admin:tracker_report_changelist"), {"action": "publish", "_selected_action": [report.pk]}
    )
    diagnostic_ids = list(ImportDiagnostic.objects.values_list("pk", flat=True))
    resolve = viewer_client.post(
        reverse("admin:tracker_importdiagnostic_changelist"),
        {"action": "mark_resolved", "_selected_action": diagnostic_ids},
    )

    assert publish.status_code == resolve.status_code == 403
    report.refresh_from_db()
    assert report.is_published is False
    assert not ImportDiagnostic.objects.filter(resolved=True).exists()


def test_an_editor_can_publish_and_unpublish(editor_client, report):
    changelist = reverse("admin:tracker_report_changelist")

    editor_client.post(changelist, {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    published = report.is_published
    editor_client.post(changelist, {"action": "unpublish", "_selected_action": [report.pk]})
    report.refresh_from_db()

    assert published is True
    assert report.is_published is False

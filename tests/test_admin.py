"""Smoke tests for the admin: every registered model's list and change pages open."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tracker import services
from tracker.models import Department, ImportDiagnostic, Leader, Report, Task, Theme
from tests.factories import diagnostic_build, parsed_report_build, parsed_task_build


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "secret-password")
    client.force_login(admin)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Report, Theme, Department, Leader, Task, ImportDiagnostic])
def test_list_and_change_pages_open(admin_client, model):
    tasks = [parsed_task_build(seq=1, leaders=["张三"])]
    services.report_import(parsed=parsed_report_build(tasks=tasks, diagnostics=[diagnostic_build(line=10)]))
    opts = model._meta
    row = model.objects.first()

    changelist = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    change = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]))

    assert changelist.status_code == 200
    assert change.status_code == 200


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")

"""The diagnostics list (issue 13): open ones by default, each beside its source lines, badges for severity and
code, a link to the task, and "已修正 / 不是问题" taking one off the open list."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.admin_users import EDITORS, staff_user_create
from tests.conftest import SAMPLE_2022, SAMPLE_2020
from tracker import services
from tracker.models import ImportDiagnostic
from tracker.parsing import parse_report_bytes

LIST_URL = reverse("admin:tracker_importdiagnostic_changelist")


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def import_sample(path):
    data = path.read_bytes()
    return services.report_import(parsed=parse_report_bytes(data, source_name=path.name), source=data).report


def test_each_diagnostic_shows_its_source_lines_and_badges(editor_client):
    report = import_sample(SAMPLE_2022)
    diagnostic = ImportDiagnostic.objects.filter(report=report, line__isnull=False, task__isnull=False).first()
    source_line = SAMPLE_2022.read_text(encoding="utf-8").splitlines()[diagnostic.line - 1]

    page = editor_client.get(LIST_URL, {"report__id__exact": report.pk, "code": diagnostic.code})

    assertContains(page, f'<span class="source-line here"><span class="line-number">{diagnostic.line}</span>{source_line}</span>', html=False)
    assertContains(page, f'<code class="badge code">{diagnostic.code}</code>')
    assertContains(page, reverse("admin:tracker_task_change", args=[diagnostic.task_id]))


def test_handled_ones_leave_the_open_list_and_can_come_back(editor_client):
    import_sample(SAMPLE_2022)
    diagnostic = ImportDiagnostic.objects.filter(line__isnull=False).first()

    editor_client.post(LIST_URL, {"action": "mark_resolved", "_selected_action": [diagnostic.pk]})

    assert ImportDiagnostic.objects.get(pk=diagnostic.pk).resolved
    open_ids = [d.pk for d in editor_client.get(LIST_URL).context["cl"].result_list]
    assert diagnostic.pk not in open_ids
    assert diagnostic.pk in [d.pk for d in editor_client.get(LIST_URL, {"state": "resolved"}).context["cl"].result_list]
    editor_client.post(LIST_URL + "?state=all", {"action": "mark_open", "_selected_action": [diagnostic.pk]})
    assert not ImportDiagnostic.objects.get(pk=diagnostic.pk).resolved


@pytest.mark.parametrize("samples", [[SAMPLE_2022], [SAMPLE_2022, SAMPLE_2020]])
def test_the_list_s_queries_do_not_grow_with_reports(editor_client, django_assert_max_num_queries, samples):
    for sample in samples:
        import_sample(sample)

    # session, user, count, page of rows, the page's files (one query), the filters' choices; the rest the admin's own
    with django_assert_max_num_queries(12):
        page = editor_client.get(LIST_URL, {"state": "all"})

    assertNotContains(page, "Traceback")

"""A corrected file for a published report waits as a revision: nothing public changes until it is published;
it can be discarded; an earlier published version can be restored; corrections survive all of it (issue 13)."""

import copy
import dataclasses

import pytest
from django.test import override_settings

from tests.public_site import site_pages
from tracker import services
from tracker.models import Report, ReportRevision, Task
from tracker.services import ImportOutcome

pytestmark = pytest.mark.django_db

CHANGED_SEQ = 6


def corrected_source(parsed, *, suffix: str = "（更正版）", content_hash: str = "c" * 64):
    """The same report (same 信息索引号): one row's progress rewritten and the last row gone."""
    corrected = copy.deepcopy(parsed)
    corrected.tasks[CHANGED_SEQ - 1].progress += suffix
    corrected.tasks.pop()
    return dataclasses.replace(corrected, content_hash=content_hash)


def correct_a_task(report: Report) -> Task:
    task = report.tasks.get(seq=2)
    task.progress = "管理员更正的进展"
    services.task_correct(task=task, fields=["progress"])
    return task


@override_settings(PUBLIC_PAGE_CACHE=False)
def test_reimporting_a_published_report_changes_no_public_page_until_the_revision_is_published(client, parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True, source=b"v1").report
    correct_a_task(report)
    filters = ("/tasks/?status=behind", "/tasks/?q=%E5%81%9C%E8%BD%A6", f"/tasks/?report={report.pk}&sort=status")
    before = site_pages(client, extra=filters)

    result = services.report_import(parsed=corrected_source(parsed_2022), source=b"v2")

    assert result.outcome == ImportOutcome.PENDING
    assert result.revision.state == ReportRevision.State.PENDING
    assert result.row_changes.changed == [CHANGED_SEQ] and result.row_changes.removed == [108]
    after = site_pages(client, extra=filters)
    assert after.keys() == before.keys()
    assert [url for url in before if before[url] != after[url]] == []
    assert len(before) > 150  # home, lists, the report, its themes, departments and every task

    services.revision_publish(revision=result.revision)

    report.refresh_from_db()
    assert report.tasks.count() == 107
    assert report.tasks.get(seq=CHANGED_SEQ).progress.endswith("（更正版）")
    assert report.tasks.get(seq=2).progress == "管理员更正的进展"  # the correction survived
    assert client.get(f"/tasks/{report.tasks.get(seq=CHANGED_SEQ).pk}/").content.decode().count("（更正版）") >= 1
    assert list(report.revisions.values_list("number", "state")) == [(2, "current"), (1, "previous")]


def test_discarding_a_pending_revision_leaves_the_published_version(parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True).report
    pending = services.report_import(parsed=corrected_source(parsed_2022)).revision

    services.revision_discard(revision=pending)

    assert report.tasks.count() == 108
    assert not report.tasks.filter(progress__endswith="（更正版）").exists()
    assert ReportRevision.objects.get(pk=pending.pk).state == ReportRevision.State.DISCARDED
    with pytest.raises(services.ServiceError, match="不是待发布的修订"):
        services.revision_publish(revision=pending)


def test_restoring_brings_back_an_earlier_published_version_with_the_corrections(parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True).report
    corrected_task = correct_a_task(report)
    services.revision_publish(revision=services.report_import(parsed=corrected_source(parsed_2022)).revision)
    first = report.revisions.get(number=1)

    services.revision_restore(revision=first)

    assert report.tasks.count() == 108
    assert not report.tasks.filter(progress__endswith="（更正版）").exists()
    assert Task.objects.get(pk=corrected_task.pk).progress == "管理员更正的进展"
    assert dict(report.revisions.values_list("number", "state")) == {1: "current", 2: "previous"}


def test_a_second_corrected_file_replaces_the_pending_revision(parsed_2022):
    services.report_import(parsed=parsed_2022, publish=True)
    first = services.report_import(parsed=corrected_source(parsed_2022)).revision

    second = services.report_import(parsed=corrected_source(parsed_2022, suffix="（二版）", content_hash="d" * 64)).revision

    assert ReportRevision.objects.get(pk=first.pk).state == ReportRevision.State.DISCARDED
    assert second.state == ReportRevision.State.PENDING


def test_the_same_corrected_file_again_is_unchanged_and_with_publish_publishes_the_revision(parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True).report
    pending = services.report_import(parsed=corrected_source(parsed_2022)).revision

    again = services.report_import(parsed=corrected_source(parsed_2022))
    assert again.outcome == ImportOutcome.UNCHANGED and again.revision == pending

    published = services.report_import(parsed=corrected_source(parsed_2022), publish=True)
    assert published.outcome == ImportOutcome.UPDATED
    assert report.tasks.count() == 107


def test_a_draft_report_is_updated_at_once(parsed_2022):
    report = services.report_import(parsed=parsed_2022).report

    result = services.report_import(parsed=corrected_source(parsed_2022))

    assert result.outcome == ImportOutcome.UPDATED
    assert report.tasks.count() == 107
    assert not report.revisions.filter(state=ReportRevision.State.PENDING).exists()


def test_publish_at_import_replaces_the_published_version(parsed_2022):
    report = services.report_import(parsed=parsed_2022, publish=True).report

    result = services.report_import(parsed=corrected_source(parsed_2022), publish=True)

    assert result.outcome == ImportOutcome.UPDATED
    assert report.tasks.count() == 107


def test_the_revision_keeps_the_file_and_its_reading(parsed_2022):
    result = services.report_import(parsed=parsed_2022, source=b"the file's bytes")

    revision = result.revision
    assert bytes(revision.source) == b"the file's bytes"
    assert revision.reading["report"]["title"] == parsed_2022.meta.title
    assert len(revision.reading["tasks"]) == 108

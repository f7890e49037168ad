"""Whole reports: deleting one (with everything read from it)."""

from __future__ import annotations

from django.db import transaction

from tracker.models import ImportDiagnostic, Report, Task, Theme
from tracker.services.importing import tasks_delete
from tracker.services.locks import report_lock
from tracker.services.public_pages import public_pages_changed

REPORT_DELETE_REASON = "删除报告"


@transaction.atomic
def report_delete(*, report: Report, user=None) -> None:
    """Delete the report, its themes, tasks, links, figures and diagnostics, in a fixed number of statements.

    Each deleted task (and link and figure) gets a "-" history record, as one deleted in the admin would.
    """
    report_lock(report_id=report.pk, patient=True)
    was_published = report.is_published
    tasks_delete(task_ids=list(Task.objects.filter(report=report).values_list("id", flat=True)), user=user, reason=REPORT_DELETE_REASON)
    for queryset in (ImportDiagnostic.objects.filter(report=report), Theme.objects.filter(report=report)):
        queryset._raw_delete(queryset.db)  # no history, and nothing points at them any more
    report._history_user = user
    report.delete()
    if was_published:
        public_pages_changed()

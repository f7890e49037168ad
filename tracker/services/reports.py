"""Whole reports: correcting their metadata, and deleting one (with everything read from it)."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from tracker.models import (
    REPORT_CORRECTABLE_FIELDS,
    ImportDiagnostic,
    Report,
    Task,
    Theme,
)
from tracker.services.aggregates import report_visibility_refresh
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


@transaction.atomic
def report_update_metadata(*, report: Report, fields: Iterable[str], user=None) -> Report:
    """Save an admin's correction of the report's title, year, period, publisher, date or index number (new values
    already assigned), remembered so a re-import keeps them; the report's identity (source key) does not change."""
    fields = [name for name in fields if name in REPORT_CORRECTABLE_FIELDS]
    if not fields:
        return report
    report_lock(report_id=report.pk)
    current = Report.objects.get(pk=report.pk)
    for name in fields:
        setattr(current, name, getattr(report, name))
    current.corrected_fields = sorted(set(current.corrected_fields) | set(fields), key=REPORT_CORRECTABLE_FIELDS.index)
    current._history_user = user
    current.save(update_fields=[*fields, "corrected_fields", "updated_at"])
    report.corrected_fields = current.corrected_fields
    if {"year", "period_end_month"} & set(fields):
        report_visibility_refresh(report_ids=[report.pk])  # the tasks' order in the public lists
    if current.is_published:
        public_pages_changed()
    return report

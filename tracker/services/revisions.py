"""Revisions of a published report: a corrected file waits as a pending revision until an admin publishes it.

Nothing here changes what the public sees except `revision_publish` and `revision_restore`,
which an admin chooses; `revision_discard` only drops a pending one. Every write locks the
report first and keeps the admins' corrections (the reading is applied as a re-import is).
"""

from __future__ import annotations

from django.db import transaction

from tracker.models import ReportRevision
from tracker.services.errors import (
    REVISION_NOT_PENDING,
    REVISION_NOT_PREVIOUS,
    ServiceError,
)
from tracker.services.importing import ImportResult, revision_apply
from tracker.services.locks import report_lock


def _locked(revision: ReportRevision) -> ReportRevision:
    report_lock(report_id=revision.report_id, patient=True)
    return ReportRevision.objects.select_related("report").get(pk=revision.pk)


@transaction.atomic
def revision_publish(*, revision: ReportRevision, user=None) -> ImportResult:
    """Apply a pending revision: the report (public or not) shows its reading from now on."""
    revision = _locked(revision)
    if revision.state != ReportRevision.State.PENDING:
        raise ServiceError(REVISION_NOT_PENDING.format(number=revision.number))
    return revision_apply(revision=revision, user=user)


@transaction.atomic
def revision_discard(*, revision: ReportRevision, user=None) -> ReportRevision:
    """Drop a pending revision; the report stays as it is."""
    revision = _locked(revision)
    if revision.state != ReportRevision.State.PENDING:
        raise ServiceError(REVISION_NOT_PENDING.format(number=revision.number))
    revision.state = ReportRevision.State.DISCARDED
    revision.save(update_fields=["state"])
    return revision


@transaction.atomic
def revision_restore(*, revision: ReportRevision, user=None) -> ImportResult:
    """Bring back an earlier reading of the report (a previous revision), corrections kept."""
    revision = _locked(revision)
    if revision.state != ReportRevision.State.PREVIOUS:
        raise ServiceError(REVISION_NOT_PREVIOUS.format(number=revision.number))
    return revision_apply(revision=revision, user=user)

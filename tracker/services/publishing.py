"""Publishing: what the public site shows. A report is public from `report_publish` until `report_unpublish`."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tracker.models import Report
from tracker.services.aggregates import report_visibility_refresh
from tracker.services.public_pages import public_pages_changed


def mark_published(report: Report) -> bool:
    """Set the published state on the (unsaved) report; True when it was not published before."""
    if report.is_published:
        return False
    report.is_published = True
    report.published_at = timezone.now()
    return True


@transaction.atomic
def report_publish(*, report: Report, user=None) -> Report:
    """Show the report on the public site (nothing happens when it already is)."""
    if mark_published(report):
        report._history_user = user
        report.save(update_fields=["is_published", "published_at", "updated_at"])
        report_visibility_refresh(report_ids=[report.pk])
        public_pages_changed()
    return report


@transaction.atomic
def report_unpublish(*, report: Report, user=None) -> Report:
    """Take the report off the public site; it stays in the admin as a draft."""
    if report.is_published:
        report.is_published = False
        report.published_at = None
        report._history_user = user
        report.save(update_fields=["is_published", "published_at", "updated_at"])
        report_visibility_refresh(report_ids=[report.pk])
        public_pages_changed()
    return report

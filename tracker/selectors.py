"""Reads for the public pages: each returns a queryset that needs no further queries per row."""

from tracker.models import Report, ReportQuerySet


def published_reports() -> ReportQuerySet:
    """Published reports, newest period first, each with `task_count`."""
    return Report.objects.published().with_task_counts().newest_first()

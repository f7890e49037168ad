"""Atom feeds (Django's syndication framework): newly published reports, and per department its tasks whose status
changed since the previous published report of their series.

Feeds are the same in both languages (Chinese, like the reports) and are stored and validated
like the pages (`cached_public_page`).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from tracker import selectors
from tracker.charts import STATUS_LABELS
from tracker.links import detail_url
from tracker.models import Department, Report
from tracker.opendata import selectors as open_data
from tracker.opendata.selectors import StatusChange
from tracker.page_cache import cached_public_page

# What an empty feed says it was last updated: Django would say "now", a new answer on every request.
NEVER_UPDATED = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


class _AtomFeed(Atom1Feed):
    def latest_post_date(self):
        if not any(item["pubdate"] or item["updateddate"] for item in self.items):
            return NEVER_UPDATED
        return super().latest_post_date()


def _status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


class NewReportsFeed(Feed):
    """The reports most recently published (at most FEED_ITEMS), the newest publication first."""

    feed_type = _AtomFeed
    language = "zh-hans"
    title = "进度看板：新发布的报告"
    subtitle = "政府工作报告主要目标任务完成情况，每份报告发布到本站时的通知。"

    def link(self) -> str:
        return reverse("tracker:report-list")

    def items(self) -> list[Report]:
        return open_data.newly_published_reports()

    def item_title(self, report: Report) -> str:
        return report.title

    def item_description(self, report: Report) -> str:
        parts = [report.period_text, f"{report.task_count} 项任务"]
        if report.publisher:
            parts.append(f"{report.publisher}发布")
        return "，".join(part for part in parts if part) + "。"

    def item_link(self, report: Report) -> str:
        return detail_url("report", report.pk)

    def item_pubdate(self, report: Report):
        return report.published_at or report.imported_at

    def item_updateddate(self, report: Report):
        return report.published_at or report.imported_at


class DepartmentStatusFeed(Feed):
    """A department's tasks whose status differs from the same task (Task.series) in the previous published report."""

    feed_type = _AtomFeed
    language = "zh-hans"

    def get_object(self, request, pk: int) -> Department:
        return get_object_or_404(selectors.published_department_lookup(), pk=pk)

    def title(self, department: Department) -> str:
        return f"{department.name}：任务状态变化"

    def subtitle(self, department: Department) -> str:
        return f"{department.name}牵头或配合的任务中，状态与上一期报告不同的任务。"

    def link(self, department: Department) -> str:
        return detail_url("department", department.pk)

    def items(self, department: Department) -> list[StatusChange]:
        return open_data.department_status_changes(department)

    def item_title(self, change: StatusChange) -> str:
        content = change.content if len(change.content) <= 40 else change.content[:39] + "…"
        return f"{_status_label(change.previous_status)} → {_status_label(change.status)}：{content}"

    def item_description(self, change: StatusChange) -> str:
        text = (
            f"{change.previous_period_text}：{_status_label(change.previous_status)}；"
            f"{change.period_text}：{_status_label(change.status)}。"
        )
        return f"{text}{change.status_reason}" if change.status_reason else text

    def item_link(self, change: StatusChange) -> str:
        return detail_url("task", change.task_id)

    def item_guid(self, change: StatusChange) -> str:
        # The task and the change, not just the task: a later correction of its status is a new entry, not an edit
        # of this one. Atom wants an absolute IRI and the feed has no host here, so a name-based UUID.
        name = f"jindu:task:{change.task_id}:status:{change.previous_status}:{change.status}"
        return uuid.uuid5(uuid.NAMESPACE_URL, name).urn

    def item_guid_is_permalink(self, change: StatusChange) -> bool:
        return False

    def item_pubdate(self, change: StatusChange):
        return change.published_at

    def item_updateddate(self, change: StatusChange):
        return change.published_at


new_reports_feed = cached_public_page(per_language=False)(NewReportsFeed())
department_status_feed = cached_public_page(per_language=False)(DepartmentStatusFeed())

"""Judging the unknowns: one screen per report listing what the text did not decide.

Tasks whose status is unknown: an editor sets a status and a reason per task, or one status and
reason for a selection (`services.tasks_judge`, shown publicly as 人工判定). Pairs of target and
actual the parser doubted (待核): an editor accepts or rejects each (`services.metrics_review`).
Both are corrections: kept across re-imports and recorded in the history.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext, gettext_noop, ngettext

from tracker import services
from tracker.models import Metric, Report, Task

# Message ids (the Chinese text); translated when shown.
JUDGE_NOTHING_CHOSEN = gettext_noop(
    "没有选择任何任务的状态或指标的核对结果：请为任务选择状态（或勾选任务后在上方选择统一的状态），或接受、拒绝待核的指标。"
)
# Statuses an editor may give; "unknown" is what the queue is for.
JUDGED_STATUSES = [status for status in Task.Status if status != Task.Status.UNKNOWN]


def judge_queue(report: Report):
    """The report's tasks still to judge: status unknown and not yet judged by hand, in table order."""
    return (
        report.tasks.filter(status=Task.Status.UNKNOWN)
        .select_related("theme")
        .only("id", "seq", "content", "progress", "status", "status_reason", "corrected_fields", "theme__name", "report_id")
        .order_by("seq")
    )


def doubtful_pairs(report: Report):
    """The report's pairs the parser doubted and no admin decided on yet, in table order."""
    return (
        Metric.objects.filter(task__report=report).doubtful().select_related("task").order_by("task__seq", "position")
    )


def judge_view(model_admin, request, report_id: int):
    report = get_object_or_404(Report, pk=report_id)
    if not model_admin.has_view_permission(request, report):
        raise PermissionDenied
    tasks = list(judge_queue(report))
    pairs = list(doubtful_pairs(report))
    if request.method == "POST":
        if not request.user.has_perm("tracker.change_task"):
            raise PermissionDenied
        judgements = _judgements(request.POST, tasks)
        reviews = [(pair, request.POST[f"review-{pair.pk}"]) for pair in pairs if request.POST.get(f"review-{pair.pk}") in ("accepted", "rejected")]
        if not judgements and not reviews:
            model_admin.message_user(request, gettext(JUDGE_NOTHING_CHOSEN), messages.ERROR)
        if judgements:
            count = services.tasks_judge(judgements=judgements, user=request.user)
            message = ngettext("已判定 {count} 项任务的状态（作为人工更正保留）。", "已判定 {count} 项任务的状态（作为人工更正保留）。", count)
            model_admin.message_user(request, message.format(count=count), messages.SUCCESS)
        if reviews:
            count = services.metrics_review(decisions=reviews, user=request.user)
            message = ngettext("已核对 {count} 个待核指标（作为人工更正保留）。", "已核对 {count} 个待核指标（作为人工更正保留）。", count)
            model_admin.message_user(request, message.format(count=count), messages.SUCCESS)
        return redirect(reverse("admin:tracker_report_judge", args=[report.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("判定未知状态"),
        "report": report,
        "tasks": tasks,
        "pairs": pairs,
        "statuses": [(status.value, status.label) for status in JUDGED_STATUSES],
        "can_change": request.user.has_perm("tracker.change_task"),
    }
    return TemplateResponse(request, "admin/tracker/report/judge.html", context)


def _judgements(data, tasks: list[Task]) -> list[tuple[Task, str, str]]:
    """(task, status, reason) from the form: a row's own choice, else the bulk choice for a selected row."""
    allowed = {status.value for status in JUDGED_STATUSES}
    bulk_status, bulk_reason = data.get("bulk_status", ""), data.get("bulk_reason", "").strip()
    selected = set(data.getlist("selected"))
    judgements = []
    for task in tasks:
        status, reason = data.get(f"status-{task.pk}", ""), data.get(f"reason-{task.pk}", "").strip()
        if status not in allowed and str(task.pk) in selected and bulk_status in allowed:
            status, reason = bulk_status, reason or bulk_reason
        if status in allowed:
            judgements.append((task, status, reason))
    return judgements

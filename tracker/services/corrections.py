"""Admins' corrections of what the parser read: a task's fields, its departments, leaders and figures, its theme.

A corrected field is remembered in `Task.corrected_fields`, so a re-import of the report keeps it
(`importing`); a figure an admin edits is locked (`Metric.locked`) for the same reason. Every write
here locks the report's row first (`locks.report_lock`), so an edit waits for, or is refused by,
a running import instead of deadlocking with it, and leaves a history record with the editor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.db.models import Max

from tracker.models import (
    CORRECTABLE_FIELDS,
    Department,
    Leader,
    Metric,
    Report,
    Task,
    TaskDepartment,
    TaskLeader,
    Theme,
)
from tracker.services import bulk
from tracker.services.aggregates import report_counts_refresh
from tracker.services.errors import THEME_OF_ANOTHER_REPORT, ServiceError
from tracker.services.locks import report_lock
from tracker.services.public_pages import public_pages_changed

CORRECTION_REASON = "人工更正"
# Corrected fields that change what `aggregates` counts.
COUNTED_FIELDS = {"status", "theme", "departments"}


def _lock_reports(report_ids: Iterable[int]) -> None:
    """Lock each report once, in id order: two editors of two reports never wait on each other in a circle."""
    for report_id in sorted(set(report_ids)):
        report_lock(report_id=report_id)


def _public_if_published(report_ids: Iterable[int]) -> None:
    if Report.objects.filter(pk__in=set(report_ids), is_published=True).exists():
        public_pages_changed()


def _with_corrected(task: Task, fields: Iterable[str]) -> None:
    corrected = set(task.corrected_fields) | {name for name in fields if name in CORRECTABLE_FIELDS}
    task.corrected_fields = sorted(corrected, key=CORRECTABLE_FIELDS.index)


@transaction.atomic
def task_correct(*, task: Task, fields: Iterable[str], user=None) -> Task:
    """Save an admin's correction of `task` (its new values already assigned) and remember which
    fields were corrected, so a re-import of the report keeps them.

    `fields` are names from CORRECTABLE_FIELDS ("departments"/"leaders" when the links were
    edited); other names (e.g. "seq") are saved but not protected. Only these fields are written,
    onto the row as it is once the report is locked: an import that finished while the admin's
    form was open keeps everything the admin did not touch. `user` goes into the history.
    """
    fields = list(fields)
    report_lock(report_id=task.report_id)
    edited = [Task._meta.get_field(name) for name in fields if _is_column(name)]
    current = Task.objects.get(pk=task.pk)
    for model_field in edited:
        setattr(current, model_field.attname, getattr(task, model_field.attname))
    _with_corrected(current, fields)
    current._history_user = user
    current.save(update_fields=[*(model_field.name for model_field in edited), "corrected_fields"])
    for model_field in Task._meta.concrete_fields:  # the caller's object shows what was saved
        setattr(task, model_field.attname, getattr(current, model_field.attname))
    if COUNTED_FIELDS & set(fields):
        report_counts_refresh(report_ids=[task.report_id])
    _public_if_published([task.report_id])
    return task


def _is_column(name: str) -> bool:
    try:
        model_field = Task._meta.get_field(name)
    except FieldDoesNotExist:  # not a field of the task, e.g. "departments" for its links
        return False
    return model_field.concrete and not model_field.many_to_many


def _tasks_save(tasks: Sequence[Task], fields: Sequence[str], *, user, counted: bool = True) -> None:
    """Bulk-save these fields of the tasks (and `corrected_fields`), with one history record each; `counted`: the
    change moves the reports' counts (a status, a theme, the departments)."""
    bulk.rows_update(Task, tasks, [*fields, "corrected_fields"])
    Task.history.bulk_history_create(
        tasks, update=True, default_user=user, default_change_reason=CORRECTION_REASON, batch_size=bulk.INSERT_BATCH_SIZE
    )
    if counted:
        report_counts_refresh(report_ids=[task.report_id for task in tasks])
    _public_if_published(task.report_id for task in tasks)


@transaction.atomic
def tasks_set_status(*, tasks: Iterable[Task], status: str, user=None, reason: str | None = None) -> int:
    """Give every task this status (an admin's correction: kept on re-import); `reason` replaces the status reason."""
    status = Task.Status(status)
    tasks = list(tasks)
    _lock_reports(task.report_id for task in tasks)
    fields = ["status"] if reason is None else ["status", "status_reason"]
    for task in tasks:
        task.status = status
        if reason is not None:
            task.status_reason = reason
        _with_corrected(task, fields)
    _tasks_save(tasks, fields, user=user)
    return len(tasks)


@transaction.atomic
def tasks_move_to_theme(*, tasks: Iterable[Task], theme: Theme, user=None) -> int:
    """Move tasks to another 项目 of their own report; a theme of another report is refused."""
    tasks = list(tasks)
    if any(task.report_id != theme.report_id for task in tasks):
        raise ServiceError(THEME_OF_ANOTHER_REPORT.format(theme=theme.name))
    _lock_reports([theme.report_id])
    for task in tasks:
        task.theme = theme
        _with_corrected(task, ["theme"])
    _tasks_save(tasks, ["theme"], user=user)
    return len(tasks)


@transaction.atomic
def tasks_add_department(*, tasks: Iterable[Task], department: Department, role: str, user=None) -> int:
    """Name `department` on every task in `role` (牵头/配合): added last, or its role changed if already named."""
    role = TaskDepartment.Role(role)
    tasks = list(tasks)
    _lock_reports(task.report_id for task in tasks)
    task_ids = [task.id for task in tasks]
    existing = {link.task_id: link for link in TaskDepartment.objects.filter(task_id__in=task_ids, department=department)}
    last_positions = dict(
        TaskDepartment.objects.filter(task_id__in=task_ids).values("task_id").annotate(last=Max("position")).values_list("task_id", "last")
    )
    changed = [link for link in existing.values() if link.role != role]
    for link in changed:
        link.role = role
    added = [
        TaskDepartment(task_id=task.id, department=department, role=role, position=last_positions.get(task.id, 0) + 1)
        for task in tasks
        if task.id not in existing
    ]
    bulk.rows_update(TaskDepartment, changed, ["role"])
    TaskDepartment.objects.bulk_create(added, batch_size=bulk.INSERT_BATCH_SIZE)
    TaskDepartment.history.bulk_history_create(changed, update=True, default_user=user, default_change_reason=CORRECTION_REASON)
    TaskDepartment.history.bulk_history_create(added, default_user=user, default_change_reason=CORRECTION_REASON)
    for task in tasks:
        _with_corrected(task, ["departments"])
    _tasks_save(tasks, [], user=user)
    return len(tasks)


@transaction.atomic
def task_departments_set(*, task: Task, links: Sequence[tuple[Department, str]], user=None) -> Task:
    """The task's departments become `links` ((department, role), in cell order): the admin's inline form."""
    report_lock(report_id=task.report_id)
    current = [(link.department_id, link.role) for link in task.department_links.order_by("position")]
    wanted = [(department.pk, TaskDepartment.Role(role).value) for department, role in links]
    if current != wanted:
        bulk.rows_delete(task.department_links.all(), user=user, reason=CORRECTION_REASON)
        created = TaskDepartment.objects.bulk_create(
            TaskDepartment(task=task, department_id=department_id, role=role, position=position)
            for position, (department_id, role) in enumerate(wanted, start=1)
        )
        TaskDepartment.history.bulk_history_create(created, default_user=user, default_change_reason=CORRECTION_REASON)
        _with_corrected(task, ["departments"])
        _tasks_save([task], [], user=user)
    return task


@transaction.atomic
def task_leaders_set(*, task: Task, leaders: Sequence[Leader], user=None) -> Task:
    """The task's leaders become `leaders`, in order: the admin's inline form."""
    report_lock(report_id=task.report_id)
    current = list(task.leader_links.order_by("position").values_list("leader_id", flat=True))
    wanted = [leader.pk for leader in leaders]
    if current != wanted:
        bulk.rows_delete(task.leader_links.all(), user=user, reason=CORRECTION_REASON)
        created = TaskLeader.objects.bulk_create(
            TaskLeader(task=task, leader_id=leader_id, position=position) for position, leader_id in enumerate(wanted, start=1)
        )
        TaskLeader.history.bulk_history_create(created, default_user=user, default_change_reason=CORRECTION_REASON)
        _with_corrected(task, ["leaders"])
        _tasks_save([task], [], user=user, counted=False)
    return task


@transaction.atomic
def task_metrics_save(
    *, task: Task, edited: Sequence[tuple[Metric, Sequence[str]]], deleted: Sequence[Metric] = (), user=None
) -> Task:
    """Save figures an admin edited or added (each with the names of the fields changed) and delete others.

    An edited or added figure is a correction: it is locked, so re-imports keep it, unless the
    admin set the lock box themselves (then their choice stands).
    """
    report_lock(report_id=task.report_id)
    for metric, changed_fields in edited:
        if "locked" not in changed_fields:
            metric.locked = True
        metric.task = task
        metric._history_user = user
        metric.save()
    for metric in deleted:
        metric._history_user = user
        metric.delete()
    report_counts_refresh(report_ids=[task.report_id])  # the report's measured targets
    _public_if_published([task.report_id])
    return task


@transaction.atomic
def theme_update(*, theme: Theme, fields: Iterable[str], user=None) -> Theme:
    """Save an admin's change of a theme's name or number (its new values already assigned)."""
    report_lock(report_id=theme.report_id)
    theme.save(update_fields=[name for name in fields if name in ("name", "number")] or None)
    _public_if_published([theme.report_id])
    return theme


# Written into the reason when an editor judges a status without giving one.
JUDGED_WITHOUT_REASON = "人工判定"


@transaction.atomic
def tasks_judge(*, judgements: Sequence[tuple[Task, str, str]], user=None) -> int:
    """An editor's status for each task, with their reason: (task, status, reason). Corrections, kept on re-import."""
    tasks = []
    _lock_reports(task.report_id for task, _, _ in judgements)
    for task, status, reason in judgements:
        task.status = Task.Status(status)
        task.status_reason = reason or JUDGED_WITHOUT_REASON
        _with_corrected(task, ["status", "status_reason"])
        tasks.append(task)
    _tasks_save(tasks, ["status", "status_reason"], user=user)
    return len(tasks)


@transaction.atomic
def metrics_review(*, decisions: Sequence[tuple[Metric, str]], user=None) -> int:
    """An admin's decision on doubtful pairs: (metric, "accepted" | "rejected"). Kept across re-imports (the metric is
    locked with it). An accepted pair counts from now on, a rejected one never; the tasks' statuses are judged again
    from their trusted pairs, unless an admin set the status."""
    decisions = [(metric, Metric.Review(review)) for metric, review in decisions]
    _lock_reports(metric.task.report_id for metric, _ in decisions)
    for metric, review in decisions:
        metric.review = review
        metric.locked = True
        if review == Metric.Review.ACCEPTED and metric.completion is None:
            metric.completion = _completion(metric)
    bulk.rows_update(Metric, [metric for metric, _ in decisions], ["review", "locked", "completion"])
    Metric.history.bulk_history_create(
        [metric for metric, _ in decisions], update=True, default_user=user, default_change_reason=CORRECTION_REASON
    )
    tasks = {metric.task_id: metric.task for metric, _ in decisions}
    rejudged = [task for task in tasks.values() if _rejudge_status(task)]
    if rejudged:
        bulk.rows_update(Task, rejudged, ["status", "status_reason"])
        Task.history.bulk_history_create(rejudged, update=True, default_user=user, default_change_reason=CORRECTION_REASON)
    # The statuses and the measured targets (a pair counts from now on, or never).
    report_counts_refresh(report_ids=[task.report_id for task in tasks.values()])
    _public_if_published(task.report_id for task in tasks.values())
    return len(decisions)


def _completion(metric: Metric) -> float | None:
    """actual over the least that meets the target (its floor, when the target gives one), as the parser computes it."""
    yardstick = metric.floor if metric.floor is not None else metric.target
    if metric.actual is None or not yardstick or metric.kind in (Metric.Kind.GROWTH, Metric.Kind.PERCENT):
        return None
    return metric.actual / yardstick


def _rejudge_status(task: Task) -> bool:
    """Judge the task's status again from its trusted pairs (the parser's rule); False when an admin set it or it stays."""
    if "status" in task.corrected_fields:
        return False
    from tracker.parsing.metrics import Metric as ParsedMetric
    from tracker.parsing.status import judge_status

    figures = []
    for row in Metric.objects.filter(task=task).trusted().order_by("position"):
        figure = ParsedMetric(
            label=row.label, target=row.target, unit=row.unit, comparator=row.comparator, kind=row.kind,
            actual=row.actual, actual_unit=row.actual_unit, completion=row.completion,
        )
        for name in ("floor", "range_high", "approx", "target_text"):
            if hasattr(figure, name):
                setattr(figure, name, getattr(row, name))
        figures.append(figure)
    status, reason = judge_status(
        content=task.content, progress=task.progress, completion_text=task.completion_text,
        metrics=figures, period_end_month=task.report.period_end_month,
    )
    if (status.value, reason) == (task.status, task.status_reason):
        return False
    task.status, task.status_reason = status.value, reason
    return True

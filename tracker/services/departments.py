"""Departments and leaders across reports: renaming, aliases, and merging two names of one unit.

Departments are shared by every report, so each of these may change many public pages at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from tracker.models import Department, DepartmentAlias, Leader, TaskDepartment
from tracker.services import bulk
from tracker.services.aggregates import report_counts_refresh
from tracker.services.errors import (
    DEPARTMENT_MERGE_SAME,
    DEPARTMENT_NAME_TAKEN,
    ServiceError,
)
from tracker.services.public_pages import public_pages_changed

MERGE_REASON = "合并单位"


@transaction.atomic
def departments_merge(*, sources: Iterable[Department], target: Department, user=None) -> Department:
    """Merge every source into `target`, in one transaction: their tasks move to `target`, their names (and
    aliases) become aliases of `target`, so later imports that print an old name link to `target`. A task
    naming both keeps one link, at `target`'s place, as 牵头 if either was. Returns `target`."""
    sources = [source for source in sources]
    if any(source.pk == target.pk for source in sources):
        raise ServiceError(DEPARTMENT_MERGE_SAME)
    if not sources:
        return target
    source_ids = [source.pk for source in sources]
    links = list(
        TaskDepartment.objects.select_for_update().filter(department_id__in=[*source_ids, target.pk]).select_related("task").order_by("id")
    )
    by_task: dict[int, list[TaskDepartment]] = {}
    for link in links:
        by_task.setdefault(link.task_id, []).append(link)
    moved, promoted, dropped = [], [], []
    for task_links in by_task.values():
        keeper = next((link for link in task_links if link.department_id == target.pk), None)
        for link in task_links:
            if link is keeper:
                continue
            if keeper is None:
                link.department_id = target.pk
                keeper = link
                moved.append(link)
            else:
                if link.role == TaskDepartment.Role.LEAD and keeper.role != TaskDepartment.Role.LEAD:
                    keeper.role = TaskDepartment.Role.LEAD
                    promoted.append(keeper)
                dropped.append(link)
    bulk.rows_delete(TaskDepartment.objects.filter(pk__in=[link.pk for link in dropped]), user=user, reason=MERGE_REASON)
    bulk.rows_update(TaskDepartment, moved, ["department"])
    bulk.rows_update(TaskDepartment, promoted, ["role"])
    TaskDepartment.history.bulk_history_create(
        [*moved, *promoted], update=True, default_user=user, default_change_reason=MERGE_REASON
    )
    DepartmentAlias.objects.filter(department_id__in=source_ids).update(department=target)
    for source in sources:
        DepartmentAlias.objects.update_or_create(name=source.name, defaults={"department": target})
    Department.objects.filter(pk__in=source_ids).delete()  # no links left: PROTECT has nothing to protect
    report_counts_refresh(report_ids={link.task.report_id for link in links})
    public_pages_changed()
    return target


def department_merge(*, source: Department, target: Department, user=None) -> Department:
    """Merge one department into another (see `departments_merge`)."""
    return departments_merge(sources=[source], target=target, user=user)


@transaction.atomic
def department_rename(*, department: Department, name: str, user=None) -> Department:
    """Give a department another name; a name another department (or an alias) already has is refused."""
    name = name.strip()
    if name != department.name:
        taken = Department.objects.filter(name=name).exclude(pk=department.pk).exists() or DepartmentAlias.objects.filter(
            name=name
        ).exclude(department=department).exists()
        if taken:
            raise ServiceError(DEPARTMENT_NAME_TAKEN.format(name=name))
        department.name = name
        department.save(update_fields=["name"])
        public_pages_changed()
    return department


@transaction.atomic
def department_aliases_set(*, department: Department, names: Sequence[str], user=None) -> Department:
    """The department's other names become `names` (imports map each to it); a department's own name is refused."""
    names = [name.strip() for name in names if name.strip()]
    taken = Department.objects.filter(name__in=names).exclude(pk=department.pk).values_list("name", flat=True).first()
    if taken:
        raise ServiceError(DEPARTMENT_NAME_TAKEN.format(name=taken))
    DepartmentAlias.objects.filter(department=department).exclude(name__in=names).delete()
    for name in names:
        DepartmentAlias.objects.update_or_create(name=name, defaults={"department": department})
    return department


@transaction.atomic
def department_alias_save(*, alias: DepartmentAlias, user=None) -> DepartmentAlias:
    """Save one alias (the alias list's own form); the name of an existing department is refused."""
    if Department.objects.filter(name=alias.name.strip()).exists():
        raise ServiceError(DEPARTMENT_NAME_TAKEN.format(name=alias.name))
    alias.name = alias.name.strip()
    alias.save()
    return alias


@transaction.atomic
def department_alias_delete(*, alias: DepartmentAlias, user=None) -> None:
    """Forget an alias: later imports printing it create (or find) a department of that name."""
    alias.delete()


@transaction.atomic
def leader_rename(*, leader: Leader, name: str, user=None) -> Leader:
    """Correct a leader's name everywhere it is shown."""
    leader.name = name.strip()
    leader.save(update_fields=["name"])
    public_pages_changed()
    return leader

"""What a reading would change, laid out for the admin: the import preview's plan and the revision pages' diff.

Reads only; the writes are the services (`report_import`, `revision_publish`, `revision_discard`,
`revision_restore`). Values are shown as text ("区财政局（牵头）、区民政局（配合）"), long texts as
they are (the page wraps them).
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop, pgettext

from tracker.admin.tasks import CORRECTED_FIELD_LABELS
from tracker.models import Report, TaskDepartment
from tracker.services import ImportOutcome, ImportPlan
from tracker.services.matching import RowsDiff

# Message ids (the Chinese text); translated when shown.
PLAN_MESSAGES = {
    ImportOutcome.CREATED: gettext_noop("这是一份新报告：确认后保存为草稿，公开网站不显示，发布前还可以逐条更正。"),
    ImportOutcome.UPDATED: gettext_noop("此文件将更新尚未发布的报告《{title}》：确认后直接替换草稿中的行，人工更正保留。公开网站不受影响。"),
    ImportOutcome.REREAD: gettext_noop("解析器已更新，此文件将重新读取尚未发布的报告《{title}》：确认后替换草稿中的行，人工更正保留。"),
    ImportOutcome.PENDING: gettext_noop(
        "此文件将更新已发布的报告《{title}》。确认后保存为待发布的修订：公开网站仍显示现在的版本，"
        "直到你在该报告的页面比较并发布这个修订。"
    ),
    ImportOutcome.UNCHANGED: gettext_noop("这个文件以前已导入过（报告《{title}》），确认不会改变任何内容。"),
}
CONFIRM_LABELS = {
    ImportOutcome.CREATED: gettext_noop("确认导入为草稿"),
    ImportOutcome.UPDATED: gettext_noop("确认更新草稿"),
    ImportOutcome.REREAD: gettext_noop("确认更新草稿"),
    ImportOutcome.PENDING: gettext_noop("确认保存为待发布的修订"),
    ImportOutcome.UNCHANGED: gettext_noop("确认（不会改变任何内容）"),
}


def value_text(name: str, value) -> str:
    """A field's value as one line of text for the diff."""
    if value is None or value == "" or value == []:
        return "—"
    if name == "departments":
        roles = dict(TaskDepartment.Role.choices)
        separator = pgettext("list separator", "、")
        return separator.join(gettext("{department}（{role}）").format(department=d, role=roles.get(r, r)) for d, r in value)
    if name == "leaders":
        return pgettext("list separator", "、").join(value)
    if name == "status":
        from tracker.models import Task

        return str(dict(Task.Status.choices).get(value, value))
    return str(value)


def diff_context(diff: RowsDiff) -> dict:
    """The diff as rows the template prints: changed rows with their fields old → new, new and removed rows."""
    changed = [
        {
            "seq": row.seq,
            "old_seq": row.old_seq,
            "task_id": row.task_id,
            "fields": [
                {
                    "label": CORRECTED_FIELD_LABELS.get(change.name, change.name),
                    "old": value_text(change.name, change.old),
                    "new": value_text(change.name, change.new),
                    "kept": change.name in row.kept,
                }
                for change in row.changes
            ],
        }
        for row in diff.changed
    ]
    return {
        "diff": diff,
        "changed_rows": changed,
        "new_rows": [{"seq": seq, "content": values.get("content", "")} for seq, values in diff.new],
        "removed_rows": [{"seq": row.seq, "task_id": row.task_id, "content": row.values.get("content", "")} for row in diff.removed],
        "kept_count": len(diff.kept_corrections),
        "row_summary": diff.row_changes().summary(),
    }


def plan_context(plan: ImportPlan, report: Report | None) -> dict:
    title = report.title if report is not None else ""
    return {
        "plan": plan,
        "plan_message": gettext(PLAN_MESSAGES[plan.outcome]).format(title=title),
        "confirm_label": gettext(CONFIRM_LABELS[plan.outcome]),
        "target_report": report,
        "updates_public": plan.outcome is ImportOutcome.PENDING,
    }

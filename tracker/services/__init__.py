"""Writes: every change to reports, tasks, departments and what the public site shows goes through here.

One module per use case, after zulip's `zerver/actions/`:

    importing     report_import: create a report, update a stored one in place (keeping corrections), or nothing
    matching      which stored task a re-imported row continues, and how it differs (pure functions, no database)
    corrections   an admin's corrections of tasks, their departments, leaders, figures and themes
    departments   renaming departments and leaders, aliases, merging two names of one unit
    publishing    what the public site shows
    reports       deleting a report
    revisions     publishing, discarding and restoring readings of a published report
    series        the same task followed through a family's reports (linked on import, or by hand)
    diagnostics   marking the parser's doubts handled
    layouts       column layouts admins confirmed, remembered for the next file with the same header

Rules every service keeps: keyword-only arguments; one transaction (`transaction.atomic`); the
report's row locked first (`locks`); history records with the editor; refusals a person can act on
raised as `ServiceError`; and its effect on the public pages said once, after the commit
(`public_pages.public_pages_changed`) — no model signals do hidden work. The admin and the
management commands call these; nothing writes around them.
"""

from tracker.services.corrections import (
    metrics_review,
    task_correct,
    task_departments_set,
    task_leaders_set,
    task_metrics_save,
    tasks_add_department,
    tasks_judge,
    tasks_move_to_theme,
    tasks_set_status,
    theme_update,
)
from tracker.services.departments import (
    department_alias_delete,
    department_alias_save,
    department_aliases_set,
    department_merge,
    department_rename,
    departments_merge,
    leader_rename,
)
from tracker.services.diagnostics import diagnostic_set_resolved, diagnostics_reopen, diagnostics_resolve
from tracker.services.errors import (
    DEPARTMENT_MERGE_SAME,
    DEPARTMENT_NAME_TAKEN,
    REPORT_BUSY,
    REPORT_WITHOUT_CONTENT_HASH,
    REPORT_WITHOUT_TASKS,
    REVISION_NOT_PENDING,
    REVISION_NOT_PREVIOUS,
    SERIES_NEEDS_TWO_TASKS,
    SERIES_SAME_REPORT,
    THEME_OF_ANOTHER_REPORT,
    ServiceError,
)
from tracker.services.importing import (
    ImportOutcome,
    ImportPlan,
    ImportResult,
    RowChanges,
    import_plan,
    report_import,
    report_source_key,
    rows_diff,
)
from tracker.services.layouts import column_layout_forget, column_layout_remember, known_layouts
from tracker.services.publishing import report_publish, report_unpublish
from tracker.services.reports import report_delete, report_update_metadata
from tracker.services.series import report_series_link, tasks_series_link, tasks_series_unlink
from tracker.services.revisions import (
    revision_discard,
    revision_publish,
    revision_restore,
)

__all__ = [
    "DEPARTMENT_MERGE_SAME",
    "DEPARTMENT_NAME_TAKEN",
    "REPORT_BUSY",
    "REPORT_WITHOUT_CONTENT_HASH",
    "REPORT_WITHOUT_TASKS",
    "REVISION_NOT_PENDING",
    "REVISION_NOT_PREVIOUS",
    "SERIES_NEEDS_TWO_TASKS",
    "SERIES_SAME_REPORT",
    "THEME_OF_ANOTHER_REPORT",
    "ImportOutcome",
    "ImportPlan",
    "ImportResult",
    "RowChanges",
    "ServiceError",
    "column_layout_forget",
    "column_layout_remember",
    "department_alias_delete",
    "department_alias_save",
    "department_aliases_set",
    "department_merge",
    "department_rename",
    "departments_merge",
    "diagnostic_set_resolved",
    "diagnostics_reopen",
    "diagnostics_resolve",
    "known_layouts",
    "leader_rename",
    "metrics_review",
    "import_plan",
    "report_delete",
    "report_import",
    "report_publish",
    "report_series_link",
    "report_source_key",
    "report_unpublish",
    "report_update_metadata",
    "revision_discard",
    "revision_publish",
    "revision_restore",
    "rows_diff",
    "task_correct",
    "task_departments_set",
    "task_leaders_set",
    "task_metrics_save",
    "tasks_add_department",
    "tasks_judge",
    "tasks_move_to_theme",
    "tasks_series_link",
    "tasks_series_unlink",
    "tasks_set_status",
    "theme_update",
]

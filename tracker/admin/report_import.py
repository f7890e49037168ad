"""The import page's helpers: keeping an upload between preview and confirm, and laying out the preview.

The uploaded bytes wait in the user's session (server-side, so they cannot be swapped by the
browser) under a random token that the confirm button posts back; one pending upload per
session, taken once. The size limit was checked before anything is kept.
"""

from __future__ import annotations

import base64
import dataclasses
import bisect
import secrets
import typing
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext, gettext_noop, pgettext

import tracker.parsing as parsing
from tracker import services
from tracker.admin import revision_views
from tracker.models import ImportDiagnostic, Task
from tracker.parsing import ParsedReport

SESSION_KEY = "tracker_pending_import"
# Rows laid out in the preview of a very long file (rows with errors or warnings are always shown).
PREVIEW_ROW_LIMIT = 500
# Message ids (the Chinese text); translated when shown.
FORMAT_NAMES = {
    "text": gettext_noop("网页另存的文本（.txt）"),
    "html": gettext_noop("网页（.html）"),
    "xlsx": gettext_noop("Excel 工作簿（.xlsx）"),
    "docx": gettext_noop("Word 文档（.docx）"),
}
FORMATS_AND_PASTE = gettext_noop("{formats}；也可直接粘贴从网页复制的文本。")


def accepted_formats() -> str:
    """The formats `parse_report_bytes` reads, in words: asked of the parser, so the page never promises more."""
    try:
        from tracker.parsing.formats import Format
    except ImportError:  # a parser that reads text only
        formats = ["text"]
    else:
        formats = [name for name in typing.get_args(Format) if name in FORMAT_NAMES]
    names = pgettext("list separator", "、").join(gettext(FORMAT_NAMES[name]) for name in formats)
    return gettext(FORMATS_AND_PASTE).format(formats=names)


@dataclass(frozen=True)
class Pending:
    data: bytes
    source_name: str
    is_pasted: bool
    # How the admin steered the reader (issue 11): each column's role, and the header's line when none was found.
    columns: tuple[str, ...] | None = None
    header_line: int | None = None

    @property
    def steered(self) -> bool:
        return self.columns is not None or self.header_line is not None


# Each role an admin may give a column, in the order the select lists them, with its label (message ids).
COLUMN_ROLE_LABELS = {
    "seq": gettext_noop("序号"),
    "theme": gettext_noop("项目（分组）"),
    "content": gettext_noop("工作内容"),
    "lead": gettext_noop("牵头单位"),
    "responsible": gettext_noop("责任单位（首个牵头）"),
    "co": gettext_noop("配合单位"),
    "leader": gettext_noop("领导"),
    "progress": gettext_noop("进展情况"),
    "completion": gettext_noop("完成进度"),
    "target": gettext_noop("目标（数字）"),
    "actual": gettext_noop("实际（数字）"),
    "note": gettext_noop("备注"),
    "other": gettext_noop("其他（记入备注）"),
    "ignore": gettext_noop("忽略"),
}


def max_upload_bytes() -> int:
    return settings.TRACKER_MAX_UPLOAD_BYTES


def parse(pending: Pending, *, judge: bool = True) -> ParsedReport:
    """Read the upload as the admin steered it, and with the column layouts admins confirmed before.

    `judge=False` (the preview) leaves targets, actuals and status unread: `preview_context` reads them for the rows
    it shows (all of them when the file updates a stored report, whose rows it compares)."""
    options = {
        "source_name": pending.source_name,
        "columns": list(pending.columns) if pending.columns is not None else None,
        "header_line": pending.header_line,
        "known_layouts": services.known_layouts(),
        "judge": judge,
    }
    if pending.is_pasted:
        return parsing.parse_report_text(pending.data.decode("utf-8"), **options)
    return parsing.parse_report_bytes(pending.data, **options)


def pending_keep(request, pending: Pending) -> str:
    token = secrets.token_urlsafe(16)
    request.session[SESSION_KEY] = {
        "token": token,
        "data": base64.b64encode(pending.data).decode("ascii"),
        "source_name": pending.source_name,
        "is_pasted": pending.is_pasted,
        "columns": list(pending.columns) if pending.columns is not None else None,
        "header_line": pending.header_line,
    }
    return token


def pending_get(request, *, token: str) -> Pending | None:
    """The kept upload if `token` is its token, else None (it stays kept)."""
    kept = request.session.get(SESSION_KEY)
    if not kept or not token or not secrets.compare_digest(kept["token"], token):
        return None
    return Pending(
        data=base64.b64decode(kept["data"]),
        source_name=kept["source_name"],
        is_pasted=kept["is_pasted"],
        columns=tuple(kept["columns"]) if kept.get("columns") is not None else None,
        header_line=kept.get("header_line"),
    )


def pending_take(request, *, token: str) -> Pending | None:
    """The kept upload if `token` is its token (then forgotten), else None."""
    pending = pending_get(request, token=token)
    if pending is not None:
        del request.session[SESSION_KEY]
    return pending


def steering_from(post, pending: Pending) -> Pending:
    """The upload with the admin's choices from the preview's form: a header line, and a role per column."""
    header_line = post.get("header_line", "")
    columns = [post.get(f"column-{index}", "") for index in range(int(post.get("column_count", 0) or 0))]
    return dataclasses.replace(
        pending,
        header_line=int(header_line) if header_line.isdigit() else pending.header_line,
        columns=tuple(columns) if columns and all(name in COLUMN_ROLE_LABELS for name in columns) else pending.columns,
    )


def steering_context(parsed: ParsedReport | None, pending: Pending, candidates=()) -> dict:
    """What the preview shows to steer the reader: the role chosen for each column, or the lines to pick a header from."""
    roles = [(name, gettext(label)) for name, label in COLUMN_ROLE_LABELS.items()]
    if parsed is None:
        return {"candidates": list(candidates), "role_choices": roles}
    chosen = parsed.layout.split("|") if parsed.layout else []
    return {
        "column_roles": [
            {"index": index, "label": label, "role": chosen[index] if index < len(chosen) else "other"}
            for index, label in enumerate(parsed.columns)
        ],
        "role_choices": roles,
        "steered": pending.steered,
        "remembered_layout": parsed.header_signature in services.known_layouts() and not pending.steered,
    }


def pending_discard(request) -> None:
    request.session.pop(SESSION_KEY, None)


def source_lines(pending: Pending) -> list[str] | None:
    """The upload's lines, for showing beside the rows; None for files that are not plain text."""
    data = pending.data
    if data.lstrip()[:1] == b"<":
        return None  # a web page: its line numbers are the markup's, not a reader's
    return file_lines(data)


def file_lines(data: bytes) -> list[str] | None:
    """A stored file's lines as an editor numbers them (the diagnostics' lines); None for workbooks and documents."""
    if data.startswith(b"PK\x03\x04") or not data:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    return None


def preview_context(pending: Pending, parsed: ParsedReport, *, judged: bool = True) -> dict:
    """Every parsed row with the diagnostics whose line falls in its line range, and its source lines.

    Linear in rows and diagnostics (each diagnostic is placed by a binary search over the
    sorted lines, once): a 12,000-row file used to compare every row with every diagnostic.
    At most PREVIEW_ROW_LIMIT rows are laid out: those with an error first, then those with a
    warning, then the first others; the page says how many are not shown (after the import the
    diagnostics list has them all).

    `judged=False`: `parsed` was read without its figures and statuses (`parse(judge=False)`); they are read here
    for the rows laid out, or for every row when the file updates a stored report (the comparison covers them).
    Reading them is no diagnostic's source, so the counts and the rows shown are the same either way.
    """
    plan = services.import_plan(parsed=parsed)
    if not judged and plan.report is not None:
        parsing.judge_tasks(parsed.tasks, period_end_month=parsed.meta.period_end_month)
        judged = True
    lines = source_lines(pending)
    severity_labels = dict(ImportDiagnostic.Severity.choices)
    diagnostics = [
        {
            "line": d.line,
            "severity": d.severity.value,
            "severity_label": severity_labels.get(d.severity.value, d.severity.value),
            "code": d.code,
            "message": d.message,
        }
        for d in parsed.diagnostics
    ]
    placed_lines = sorted((d["line"], index) for index, d in enumerate(diagnostics) if d["line"] is not None)
    line_keys = [line for line, _ in placed_lines]
    placed: set[int] = set()
    candidates = []
    for position, task in enumerate(parsed.tasks):
        start = bisect.bisect_left(line_keys, task.first_line)
        end = bisect.bisect_right(line_keys, task.last_line)
        row_diagnostics = [diagnostics[index] for _, index in placed_lines[start:end]]
        placed.update(index for _, index in placed_lines[start:end])
        severities = {d["severity"] for d in row_diagnostics}
        # Rows an admin must look at first: errors, then warnings, then the others in table order.
        rank = 0 if "error" in severities else 1 if "warning" in severities else 2
        candidates.append((rank, position, task, row_diagnostics))
    shown = sorted(sorted(candidates, key=lambda c: c[:2])[:PREVIEW_ROW_LIMIT], key=lambda c: c[1])
    hidden = len(candidates) - len(shown)
    if not judged:
        parsing.judge_tasks([task for _, _, task, _ in shown], period_end_month=parsed.meta.period_end_month)
    rows = [
        {
            "task": task,
            "departments": [{"name": ref.name, "is_lead": ref.role.value == "lead"} for ref in task.departments],
            "status_label": Task.Status(task.status.value).label,
            "diagnostics": row_diagnostics,
            "source": lines[task.first_line - 1 : task.last_line] if lines else None,
            "doubtful_pairs": _doubtful_pairs(task),
        }
        for _, _, task, row_diagnostics in shown
    ]
    counts = {severity: parsed.count(severity) for severity in ("error", "warning", "info")}
    comparison = {}
    if plan.report is not None and plan.outcome is not services.ImportOutcome.UNCHANGED:
        comparison = revision_views.diff_context(services.rows_diff(report=plan.report, parsed=parsed))
    return {
        **revision_views.plan_context(plan, plan.report),
        **comparison,
        "parsed": parsed,
        "meta": parsed.meta,
        "rows": rows,
        "task_count": len(parsed.tasks),
        "hidden_row_count": hidden,
        "other_diagnostics": [d for index, d in enumerate(diagnostics) if index not in placed],
        "diagnostic_counts": counts,
        "source_name": pending.source_name,
        "byte_count": len(pending.data),
    }


def _doubtful_pairs(task) -> list[dict]:
    """The row's target–actual pairs the parser doubted (待核): accepted or rejected on the task's page once imported."""
    pairs = []
    for metric in task.metrics:
        data = metric.to_json() if hasattr(metric, "to_json") else dict(metric)
        if data.get("confidence") == "doubtful":
            pairs.append(data)
    return pairs

"""Template helpers of the public pages: status labels, percentages, figures, periods and shareable query strings."""

from html import escape as _escape_text  # what django's escape() does, without its lazy-text check: for table rows

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext

from tracker import display
from tracker.charts import STATUS_LABELS
from tracker.links import detail_url as _detail_url

register = template.Library()

# A sign beside each status colour, so the status reads in greyscale and print too.
STATUS_SIGNS = {
    "completed": "✓",
    "on_track": "→",
    "behind": "!",
    "not_started": "○",
    "suspended": "‖",
    "unknown": "?",
}


def _status_label(status: str) -> str:
    """The translated label of a Task.Status value."""
    return str(STATUS_LABELS.get(status, status))


@register.filter
def period(report) -> str:
    return display.period_name(report)


@register.filter
def report_name(report) -> str:
    return display.report_name(report)


@register.filter
def figure(value, written: str = "") -> str:
    return display.figure_text(value, written)


@register.simple_tag
def status_help_link() -> str:
    """A small link to the page that says how a status is judged, put beside a status heading or figure."""
    return format_html(
        '<a class="help-link" href="{}">{}</a>', reverse("tracker:status-help"), gettext("状态如何判定")
    )


@register.filter
def status_label(status: str) -> str:
    return _status_label(status)


@register.filter
def status_sign(status: str) -> str:
    return STATUS_SIGNS.get(status, "?")


@register.filter
def percent(ratio) -> str:
    """0.756 -> "76%"; "—" when there is no ratio."""
    if ratio is None or ratio == "":
        return "—"
    return f"{round(float(ratio) * 100)}%"


@register.filter
def index(sequence, position: int):
    """sequence[position]: a chart's values read by the row of its fallback table."""
    return sequence[position]


@register.filter
def ratio_of(part, whole):
    """part / whole, or None when whole is 0."""
    return part / whole if whole else None


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with `changes` applied (a None value drops the key); `page` resets unless given."""
    params = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def sort_link(context, field: str) -> dict:
    """Query string and state of a sortable column header: ascending first, then descending."""
    current = context["request"].GET.get("sort", "")
    if current == field:
        next_value, state = f"-{field}", "ascending"
    elif current == f"-{field}":
        next_value, state = field, "descending"
    else:
        next_value, state = field, "none"
    return {"query": query_with(context, sort=next_value), "state": state}


@register.simple_tag
def role_label(role: str) -> str:
    return gettext("牵头") if role == "lead" else gettext("配合")


def _percent_step(ratio) -> int:
    """The ratio as a percentage rounded to 5, for the CSS width classes (no inline styles under a CSP)."""
    if ratio is None or ratio == "":
        return 0
    return max(0, min(100, 5 * round(float(ratio) * 20)))


@register.simple_tag
def status_badge(status: str) -> str:
    """The status as a badge: colour, sign and word (a tag, not an include: it renders once per table row)."""
    # An f-string with escape(), not format_html: this runs once per row of every task table.
    return mark_safe(
        f'<span class="status-badge status-{escape(status)}"><span class="status-sign" aria-hidden="true">'
        f"{escape(status_sign(status))}</span> {escape(_status_label(status))}</span>"
    )


@register.simple_tag
def department_links(links, role_labels: dict | None = None) -> str:
    """A task's departments (selectors.DepartmentLinkRow), each linked, with its lead/co role (a tag: it renders once
    per table row).

    `role_labels`: {role: escaped label}, when the caller has them (task_rows, once per table).
    """
    roles = role_labels if role_labels is not None else _role_labels()
    items = []
    for link in links:
        label = roles.get(link.role) or _escape_text(role_label(link.role))
        items.append(
            f'<li><a href="{_detail_url("department", link.department_id)}">{_escape_text(link.name)}</a> '
            f'<span class="role role-{_escape_text(link.role)}">{label}</span></li>'
        )
    if not items:
        return mark_safe('<ul class="department-list"><li class="muted">—</li></ul>')
    # Every value above went through escape().
    return mark_safe('<ul class="department-list">' + "".join(items) + "</ul>")


@register.simple_tag
def detail_url(kind: str, pk: int) -> str:
    """`{% detail_url "task" task.pk %}`: as `{% url "tracker:task-detail" task.pk %}`, for table rows (see tracker.links)."""
    return _detail_url(kind, pk)


@register.simple_tag
def progress_bar(ratio, elapsed) -> str:
    """A completion bar with the 序时进度 (share of the year elapsed) marked; a tag: it renders once per table row.

    ratio: 0..1 or None (no tasks); elapsed: 0..1 or None (period not known).
    """
    fill = format_html('<span class="progress-fill w-{}"></span>', _percent_step(ratio)) if ratio is not None else ""
    if elapsed:
        mark = format_html('<span class="progress-elapsed-mark at-{}"></span>', _percent_step(elapsed))
        elapsed_text = format_html(' <span class="progress-elapsed">{} {}</span>', gettext("序时"), percent(elapsed))
    else:
        mark = elapsed_text = ""
    return format_html(
        '<span class="progress"><span class="progress-track" aria-hidden="true">{}{}</span>'
        '<span class="progress-text">{}{}</span></span>',
        fill, mark, percent(ratio), elapsed_text,
    )


# The content column shows this many characters, the last an ellipsis when cut (as `truncatechars`).
CONTENT_PREVIEW_CHARS = 120


class TaskTableText:
    """What every task table of a page says the same: its cells' labels, the role words, each status's badge.

    Translated once per page rather than once per table or per row: the report page has a table per theme (~20),
    ~110 rows and ~250 department links, and each translation looks up the request's language.
    """

    def __init__(self) -> None:
        self.cell_labels = {
            key: escape(gettext(text))
            for key, text in [
                ("report", "报告"), ("seq", "序号"), ("theme", "项目"),
                ("content", "工作内容"), ("departments", "责任单位"), ("status", "状态"),
            ]
        }
        self.roles = _role_labels()
        self.caption = _escape_text(gettext("任务"))
        self.status_heading = f"{_escape_text(gettext('状态'))} {status_help_link()}"
        self._badges: dict[str, str] = {}

    def badge(self, status: str) -> str:
        if status not in self._badges:
            self._badges[status] = status_badge(status)
        return self._badges[status]


@register.simple_tag
def task_rows(tasks, show_report: bool = False, show_theme: bool = False, text: TaskTableText | None = None) -> str:
    """The <tr>s of a task table (each task with `department_rows`: selectors.department_rows_attach), built in Python.

    A report's ~110 rows cost about 30 ms through the template engine, most of the page's time:
    each variable, filter and tag there resolves through several layers. Built here they cost
    a few milliseconds. The cells and their order are those of the header in task_table.html.
    `text`: the page's TaskTableText, when it has several tables.
    """
    text = text or TaskTableText()
    labels = text.cell_labels
    rows = []
    for task in tasks:
        cells = []
        if show_report:
            report = task.report
            cells.append(
                f'<td class="compact" data-label="{labels["report"]}"><a href="{_detail_url("report", task.report_id)}">'
                f"{_escape_text(display.report_name(report))}</a></td>"
            )
        cells.append(f'<td class="numeric compact" data-label="{labels["seq"]}">{_escape_text(str(task.source_seq or task.seq))}</td>')
        if show_theme:
            theme = (
                f'<a href="{_detail_url("theme", task.theme_id)}">{_escape_text(task.theme.name)}</a>' if task.theme_id else "—"
            )
            cells.append(f'<td data-label="{labels["theme"]}">{theme}</td>')
        cells.append(
            f'<td class="task-content" data-label="{labels["content"]}"><a href="{_detail_url("task", task.pk)}">'
            f"{_escape_text(_preview(task.content))}</a></td>"
        )
        cells.append(f'<td data-label="{labels["departments"]}">{department_links(task.department_rows, text.roles)}</td>')
        cells.append(f'<td class="compact" data-label="{labels["status"]}">{text.badge(task.status)}</td>')
        rows.append('<tr class="task-row">' + "".join(cells) + "</tr>")
    # Every value above went through escape() or is markup built by format_html.
    return mark_safe("\n".join(rows))


@register.simple_tag
def plain_task_table(tasks, show_report: bool = False, show_theme: bool = False, text: TaskTableText | None = None) -> str:
    """A task table with plain (not sortable) headers: the department and theme pages have one, the report page one
    per theme (theme_task_groups). Built here, not by including task_table.html per theme, which cost more than the
    rows."""
    text = text or TaskTableText()
    labels = text.cell_labels
    headers = []
    if show_report:
        headers.append(f'<th scope="col">{labels["report"]}</th>')
    headers.append(f'<th scope="col" class="numeric">{labels["seq"]}</th>')
    if show_theme:
        headers.append(f'<th scope="col">{labels["theme"]}</th>')
    headers.append(f'<th scope="col">{labels["content"]}</th>')
    headers.append(f'<th scope="col">{labels["departments"]}</th>')
    headers.append(f'<th scope="col">{text.status_heading}</th>')
    return mark_safe(
        '<table class="data-table task-table">\n'
        f'  <caption class="sr-only">{text.caption}</caption>\n'
        f'  <thead><tr>{"".join(headers)}</tr></thead>\n'
        f"  <tbody>\n{task_rows(tasks, show_report, show_theme, text)}\n  </tbody>\n</table>"
    )


@register.simple_tag
def theme_task_groups(groups) -> str:
    """The report page's tasks, a folded group per theme (views._tasks_by_theme): its name and counts, then its table."""
    text = TaskTableText()
    no_theme = _escape_text(gettext("未分项目"))
    html = []
    for group in groups:
        theme, mix, count = group["theme"], group["mix"], len(group["tasks"])
        if theme is None:
            name = no_theme
        else:
            number = f"（{_escape_text(str(theme.number))}）" if theme.number else ""
            name = number + _escape_text(theme.name)
        counts = ngettext(
            "%(counter)s 项 · 按期 %(on_schedule)s · 滞后 %(behind)s",
            "%(counter)s 项 · 按期 %(on_schedule)s · 滞后 %(behind)s",
            count,
        ) % {"counter": count, "on_schedule": mix.on_schedule, "behind": mix.behind}
        html.append(
            '<details class="theme-group">\n'
            f'    <summary><span class="theme-group-name">{name}</span>\n'
            f'      <span class="theme-group-counts">{_escape_text(counts)}</span></summary>\n'
            f"    {plain_task_table(group['tasks'], text=text)}\n"
            "  </details>"
        )
    return mark_safe("\n  ".join(html))


def _role_labels() -> dict[str, str]:
    return {role: _escape_text(role_label(role)) for role in ("lead", "co")}


def _preview(text: str) -> str:
    return text if len(text) <= CONTENT_PREVIEW_CHARS else text[: CONTENT_PREVIEW_CHARS - 1] + "…"


# The dashboard's fallback tables (a report has ~20 themes and up to ~90 departments, on the home page and the report
# page) are built here for the reason task_rows is: through the template engine they were most of those pages' time.
# Every value goes through escape() or is markup built by this module.


def _labels(*texts: str) -> list[str]:
    return [_escape_text(gettext(text)) for text in texts]


def _numeric_cell(label: str, value) -> str:
    return f'<td class="numeric" data-label="{label}">{_escape_text(str(value))}</td>'


def _rows_or_empty(rows: list[str], *, columns: int, empty: str) -> str:
    """The rows, or one row across the table saying it has none."""
    if not rows:
        return format_html('<tr><td colspan="{}">{}</td></tr>', columns, gettext(empty))
    return mark_safe("\n".join(rows))


@register.simple_tag
def department_ranking_rows(rows, start: int = 1) -> str:
    """The <tr>s of the department ranking (department_rows.html): rank, linked name, counts, on-schedule bar."""
    rank_label, total, lead, on_schedule, behind, unknown, share = _labels(
        "名次", "任务数", "牵头", "按期推进", "滞后", "无法从原文判断", "可判断的任务中按期推进"
    )
    html = []
    for rank, row in enumerate(rows, start):
        mix = row["mix"]
        html.append(
            f'<tr><td class="numeric rank" data-label="{rank_label}">{rank}</td>'
            f'<th scope="row" class="name-cell"><a href="{_detail_url("department", row["department"].pk)}">'
            f'{_escape_text(str(row["label"]))}</a></th>'
            f"{_numeric_cell(total, row['total'])}{_numeric_cell(lead, row['lead'])}"
            f"{_numeric_cell(on_schedule, mix.on_schedule)}{_numeric_cell(behind, mix.behind)}"
            f"{_numeric_cell(unknown, mix.unknown)}"
            f'<td class="share-cell" data-label="{share}">{progress_bar(mix.on_schedule_ratio, None)}</td></tr>'
        )
    return _rows_or_empty(html, columns=8, empty="暂无单位")


@register.simple_tag
def theme_status_rows(rows) -> str:
    """The <tr>s of the themes' status table (theme_table.html)."""
    total, on_schedule, behind, stalled, unknown = _labels("任务数", "按期推进", "滞后", "未开工或暂停", "无法从原文判断")
    html = []
    for row in rows:
        theme, mix = row["theme"], row["mix"]
        number = f"（{_escape_text(str(theme.number))}）" if theme.number else ""
        html.append(
            f'<tr><th scope="row" class="name-cell"><a href="{_detail_url("theme", theme.pk)}">{number}'
            f'{_escape_text(str(row["label"]))}</a></th>'
            f"{_numeric_cell(total, row['total'])}{_numeric_cell(on_schedule, mix.on_schedule)}"
            f"{_numeric_cell(behind, mix.behind)}{_numeric_cell(stalled, mix.stalled)}{_numeric_cell(unknown, mix.unknown)}</tr>"
        )
    return _rows_or_empty(html, columns=6, empty="暂无项目")


@register.simple_tag
def measured_rows(rows, row_kind: str, elapsed) -> str:
    """The <tr>s of a measured-completion table (measured_table.html); the pace column only when the period is known."""
    count_label, median_label, pace_label = _labels("可量化目标", "实际占目标（中位数）", "达到序时进度的目标")
    html = []
    for row in rows:
        pace = (
            f'<td class="numeric" data-label="{pace_label}">{_escape_text(str(row["at_pace"]))} / {_escape_text(str(row["count"]))}</td>'
            if elapsed
            else ""
        )
        html.append(
            f'<tr><th scope="row" class="name-cell"><a href="{_detail_url(row_kind, row["id"])}">{_escape_text(str(row["label"]))}</a></th>'
            f"{_numeric_cell(count_label, row['count'])}{_numeric_cell(median_label, percent(row['median']))}{pace}</tr>"
        )
    return mark_safe("\n".join(html))


@register.simple_tag
def status_bars_rows(data) -> str:
    """The <tr>s of a stacked-bars chart's fallback table (status_bars_table.html): one per bar, a cell per status."""
    (total,) = _labels("任务数")
    series_labels = [_escape_text(str(series["label"])) for series in data["series"]]
    html = []
    for position, label in enumerate(data["labels"]):
        cells = "".join(
            _numeric_cell(series_label, series["values"][position])
            for series_label, series in zip(series_labels, data["series"])
        )
        html.append(
            f'<tr><th scope="row" class="name-cell">{_escape_text(str(label))}</th>{cells}'
            f"{_numeric_cell(total, data['totals'][position])}</tr>"
        )
    return mark_safe("\n".join(html))


@register.simple_tag
def change_rows(rows) -> str:
    """The <li>s of a "since the previous report" list (change_list.html): a report's new and dropped tasks can be a
    hundred rows each, built here like the task rows. `rows`: dicts of selectors.CHANGE_ROW_COLUMNS (+ `before`)."""
    task_word = _escape_text(gettext("任务"))
    items = []
    for row in rows:
        change = (
            f' <span class="status-change">{status_badge(row["before"])} → {status_badge(row["status"])}</span>'
            if row.get("before")
            else ""
        )
        items.append(
            f'<li><a href="{_detail_url("task", row["id"])}">{task_word} {_escape_text(str(row["source_seq"] or row["seq"]))}</a> '
            f'{_escape_text(Truncator(row["content"]).chars(60))}{change}</li>'
        )
    return mark_safe("".join(items))

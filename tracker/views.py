"""Public pages. Views only assemble context; reads live in `tracker.selectors`, chart shapes in `tracker.charts`."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode

from tracker import charts, display, selectors
from tracker.departments_index import department_index
from tracker.evidence import evidence_segments
from tracker.filters import TaskFilter
from tracker.models import TaskDepartment
from tracker.pagination import KnownCountPaginator
from tracker.page_cache import cached_public_page

TASKS_PER_PAGE = 50
REPORTS_PER_PAGE = 20
# The department page's record across reports: the newest this many (the page says how many there are in all).
DEPARTMENT_HISTORY_REPORTS = 12
# The home page lists the newest reports only; the rest are on /reports/, a page at a time.
HOME_REPORT_COUNT = 8
# The department chart shows the units with the most tasks; the ranking table below it lists them all.
DEPARTMENT_CHART_ROWS = 15


def _report_dashboard(report) -> dict:
    """Headline, charts and tables of one report (two queries)."""
    mix = charts.status_mix(selectors.report_status_counts(report))
    themes = selectors.report_theme_rows(report)
    departments = selectors.report_department_rows(report)
    elapsed = charts.elapsed_share(report.period_end_month)
    measured_themes = charts.measured_completion_rows(
        selectors.report_measured_completions(report, key="theme"),
        labels={row["theme"].pk: row["label"] for row in themes},
        elapsed=elapsed,
    )
    measured_departments = charts.measured_completion_rows(
        selectors.report_measured_completions(report, key="department"),
        labels={row["department"].pk: row["label"] for row in departments},
        elapsed=elapsed,
    )
    busiest = sorted(departments, key=lambda row: -row["total"])[:DEPARTMENT_CHART_ROWS]
    return {
        "report": report,
        "mix": mix,
        "elapsed_share": elapsed,
        "task_list_query": urlencode({"report": report.pk}),
        "theme_rows": themes,
        "department_rows": departments,
        "measured_theme_rows": measured_themes,
        "measured_department_rows": measured_departments,
        "status_chart": charts.status_chart(mix),
        "theme_chart": charts.status_bars_chart(themes),
        "department_chart": charts.status_bars_chart(busiest),
        "measured_theme_chart": charts.measured_completion_chart(measured_themes, elapsed=elapsed),
        "measured_department_chart": charts.measured_completion_chart(measured_departments, elapsed=elapsed),
    }


@cached_public_page()
def home(request: HttpRequest) -> HttpResponse:
    # One more than shown tells whether to link to the full list, without counting them all.
    reports = list(selectors.published_reports(with_stats=True)[: HOME_REPORT_COUNT + 1])
    context = {"reports": reports[:HOME_REPORT_COUNT], "more_reports": len(reports) > HOME_REPORT_COUNT}
    if reports:
        context |= _report_dashboard(reports[0])
    return render(request, "tracker/home.html", context)


@cached_public_page(query=("page",))
def report_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.published_reports(), REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "tracker/report_list.html", {"page": page, "reports": page.object_list})


@cached_public_page()
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.published_report_lookup(), pk=pk)
    tasks = selectors.report_tasks(report)
    context = _report_dashboard(report)
    history = selectors.report_family_history(report)
    previous = history[-2] if len(history) > 1 else None
    context |= {
        "history": history,
        "history_chart": charts.status_bars_chart([{"label": display.report_name(row), "mix": row.mix} for row in history]),
        "previous": previous,
        "changes": selectors.report_changes_since(report, previous) if previous else None,
        "tasks": tasks,
        "theme_groups": _tasks_by_theme(tasks, context["theme_rows"]),
    }
    return render(request, "tracker/report_detail.html", context)


def _tasks_by_theme(tasks: list, theme_rows: list[dict]) -> list[dict]:
    """The report's tasks under their themes, in table order: each group has `theme` (None: no theme), `mix`, `tasks`."""
    by_theme: dict = {}
    for task in tasks:
        by_theme.setdefault(task.theme_id, []).append(task)
    groups = [
        {"theme": row["theme"], "mix": row["mix"], "tasks": by_theme.pop(row["theme"].pk)}
        for row in theme_rows
        if row["theme"].pk in by_theme
    ]
    if None in by_theme:
        groups.append({"theme": None, "mix": charts.status_mix(task.status for task in by_theme[None]), "tasks": by_theme[None]})
    return groups


@cached_public_page(query=("q",))
def department_list(request: HttpRequest) -> HttpResponse:
    """Every public department, sorted by pinyin and grouped by initial; `?q=` searches names, aliases and pinyin."""
    query = request.GET.get("q", "")
    index = department_index(selectors.public_departments(), query)
    return render(request, "tracker/department_list.html", {"index": index, "query": query})


@cached_public_page(query=("report",))
def department_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report's tasks of the department (the newest unless `?report=` picks another), beside its record in the
    newest DEPARTMENT_HISTORY_REPORTS reports (a city's decade of reports would be hundreds of rows)."""
    department = get_object_or_404(selectors.published_department_lookup(), pk=pk)
    reports = selectors.department_reports(department, limit=DEPARTMENT_HISTORY_REPORTS)
    report = _chosen_report(department, reports, request.GET.get("report"))
    links = selectors.department_task_links(department, report) if report else []
    mix = charts.status_mix(link.task.status for link in links)
    history = list(reversed(reports))
    return render(
        request,
        "tracker/department_detail.html",
        {
            "department": department,
            "reports": reports,
            "report_count": selectors.department_report_count(department),
            "report": report,
            "links": links,
            "lead_links": [link for link in links if link.role == TaskDepartment.Role.LEAD],
            "co_links": [link for link in links if link.role != TaskDepartment.Role.LEAD],
            "mix": mix,
            "elapsed_share": charts.elapsed_share(report.period_end_month) if report else None,
            "task_list_query": urlencode({"report": report.pk, "department": department.pk}) if report else "",
            "status_chart": charts.status_chart(mix),
            "history_chart": charts.status_bars_chart([{"label": display.report_name(row), "mix": row.mix} for row in history]),
        },
    )


def _chosen_report(department, reports: list, report_param: str | None):
    """The report `?report=` names (any of the department's, not only the newest), the newest when absent; 404 for
    a report the department has no published tasks in."""
    if not report_param:
        return reports[0] if reports else None
    chosen = next((report for report in reports if str(report.pk) == report_param), None)
    chosen = chosen or selectors.department_report(department, report_param)
    if chosen is None:
        raise Http404("该单位在此报告中没有任务")
    return chosen


@cached_public_page()
def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_object_or_404(selectors.published_theme_lookup(), pk=pk)
    tasks = selectors.theme_tasks(theme)
    mix = charts.status_mix(task.status for task in tasks)
    history = selectors.theme_history(theme)  # ends with this theme
    return render(
        request,
        "tracker/theme_detail.html",
        {
            "theme": theme,
            "report": theme.report,
            "tasks": tasks,
            "mix": mix,
            "elapsed_share": charts.elapsed_share(theme.report.period_end_month),
            "task_list_query": urlencode({"report": theme.report_id, "theme": theme.pk}),
            "status_chart": charts.status_chart(mix),
            "history": history,
            "history_chart": charts.status_bars_chart(
                [{"label": display.report_name(row.report), "mix": row.mix} for row in history]
            ),
        },
    )


@cached_public_page()
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(selectors.published_task_lookup(), pk=pk)
    selectors.department_rows_attach([task])
    metrics = selectors.task_metrics(task)
    # Evidence offsets index the text as imported: none once an admin corrected that text.
    corrected = set(task.corrected_fields)
    content_spans = [] if "content" in corrected else [(m["target_start"], m["target_end"]) for m in metrics]
    progress_spans = [] if "progress" in corrected else [(m["actual_start"], m["actual_end"]) for m in metrics]
    timeline = selectors.task_timeline(task)
    for metric in metrics:  # the words each figure was read from: one written in 万 is shown in 万
        metric["target_written"] = "" if "content" in corrected else _words(task.content, metric["target_start"], metric["target_end"])
        metric["actual_written"] = "" if "progress" in corrected else _words(task.progress, metric["actual_start"], metric["actual_end"])
    entries = [
        {
            "task": member,
            "period": display.report_name(member.report),
            "elapsed": charts.elapsed_share(member.report.period_end_month),
            "metrics": [_metric_values(metric) for metric in member.metrics.all()],
            "current": member.pk == task.pk,
        }
        for member in timeline
    ]
    return render(
        request,
        "tracker/task_detail.html",
        {
            "task": task,
            "report": task.report,
            "content_segments": evidence_segments(task.content, content_spans),
            "progress_segments": evidence_segments(task.progress, progress_spans),
            "metrics": metrics,
            "target_actual_chart": charts.target_actual_chart(metrics),
            "timeline": entries if len(entries) > 1 else [],
            "timeline_chart": charts.timeline_chart(entries) if len(entries) > 1 else {"labels": []},
            "status_judged": "status" in corrected,
        },
    )


def _words(text: str, start: int | None, end: int | None) -> str:
    """The words of `text` between two evidence offsets, "" when they are unknown."""
    return text[start:end] if start is not None and end is not None else ""


def _metric_values(metric) -> dict:
    return {
        "label": metric.label, "target": metric.target, "actual": metric.actual, "unit": metric.unit,
        "actual_unit": metric.actual_unit, "kind": metric.kind, "comparator": metric.comparator,
    }


@cached_public_page(query=(*TaskFilter.base_filters, "page"))
def task_list(request: HttpRequest) -> HttpResponse:
    task_filter = selectors.task_search(request.GET)
    counting = selectors.task_list_counting(request.GET)
    page = KnownCountPaginator(task_filter.qs, TASKS_PER_PAGE, **counting).get_page(request.GET.get("page"))
    page.object_list = selectors.department_rows_attach(list(page.object_list))
    return render(request, "tracker/task_list.html", {"filter": task_filter, "page": page})


@cached_public_page()
def status_help(request: HttpRequest) -> HttpResponse:
    """How a task's status is judged: 序时进度, figures against words, an editor's judgement."""
    return render(request, "tracker/status_help.html")

"""Public pages. Views only assemble context; reads live in `tracker.selectors`, chart shapes in `tracker.charts`."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tracker import charts, selectors
from tracker.evidence import evidence_segments
from tracker.filters import TaskFilter
from tracker.page_cache import cached_public_page

TASKS_PER_PAGE = 50
REPORTS_PER_PAGE = 20
# The home page lists the newest reports only; the rest are on /reports/, a page at a time.
HOME_REPORT_COUNT = 8


def _report_dashboard(report) -> dict:
    """Figures and chart data of one report (three queries)."""
    mix = charts.status_mix(selectors.report_status_counts(report))
    themes = selectors.report_theme_completion(report)
    departments = selectors.report_department_ranking(report)
    elapsed = charts.elapsed_share(report.period_end_month)
    return {
        "report": report,
        "mix": mix,
        "elapsed_share": elapsed,
        "theme_rows": themes,
        "department_rows": departments,
        "status_chart": charts.status_chart(mix),
        "theme_chart": charts.completion_chart(themes, elapsed=elapsed),
        "department_chart": charts.completion_chart(departments, elapsed=elapsed),
    }


@cached_public_page()
def home(request: HttpRequest) -> HttpResponse:
    # One more than shown tells whether to link to the full list, without counting them all.
    reports = list(selectors.published_reports()[: HOME_REPORT_COUNT + 1])
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
    context = _report_dashboard(report)
    context["tasks"] = selectors.report_tasks(report)
    return render(request, "tracker/report_detail.html", context)


@cached_public_page(query=("report",))
def department_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One report's tasks of the department (the newest unless `?report=` picks another), beside its record per report."""
    department = get_object_or_404(selectors.published_department_lookup(), pk=pk)
    reports = selectors.department_reports(department)
    report = _chosen_report(reports, request.GET.get("report"))
    links = selectors.department_task_links(department, report) if report else []
    mix = charts.status_mix(link.task.status for link in links)
    return render(
        request,
        "tracker/department_detail.html",
        {
            "department": department,
            "reports": reports,
            "report": report,
            "links": links,
            "mix": mix,
            "elapsed_share": charts.elapsed_share(report.period_end_month) if report else None,
            "status_chart": charts.status_chart(mix),
        },
    )


def _chosen_report(reports: list, report_param: str | None):
    """The report `?report=` names among `reports`, the newest when absent; 404 for one the list lacks."""
    if not reports:
        return None
    if not report_param:
        return reports[0]
    chosen = next((report for report in reports if str(report.pk) == report_param), None)
    if chosen is None:
        raise Http404("该单位在此报告中没有任务")
    return chosen


@cached_public_page()
def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_object_or_404(selectors.published_theme_lookup(), pk=pk)
    tasks = selectors.theme_tasks(theme)
    mix = charts.status_mix(task.status for task in tasks)
    return render(
        request,
        "tracker/theme_detail.html",
        {"theme": theme, "report": theme.report, "tasks": tasks, "mix": mix, "status_chart": charts.status_chart(mix)},
    )


@cached_public_page()
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(selectors.published_task_lookup(), pk=pk)
    metrics = selectors.task_metrics(task)
    # Evidence offsets index the text as imported: none once an admin corrected that text.
    corrected = set(task.corrected_fields)
    content_spans = [] if "content" in corrected else [(m["target_start"], m["target_end"]) for m in metrics]
    progress_spans = [] if "progress" in corrected else [(m["actual_start"], m["actual_end"]) for m in metrics]
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
            "same_year_tasks": selectors.task_same_year_versions(task),
            "status_judged": "status" in corrected,
        },
    )


@cached_public_page(query=(*TaskFilter.base_filters, "page"))
def task_list(request: HttpRequest) -> HttpResponse:
    task_filter = selectors.task_search(request.GET)
    page = Paginator(task_filter.qs, TASKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "tracker/task_list.html", {"filter": task_filter, "page": page})

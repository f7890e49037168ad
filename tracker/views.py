"""Public pages. Views only assemble context; reads live in `tracker.selectors`, chart shapes in `tracker.charts`."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tracker import charts, selectors
from tracker.evidence import evidence_segments
from tracker.models import Department

TASKS_PER_PAGE = 50


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


def home(request: HttpRequest) -> HttpResponse:
    reports = list(selectors.published_reports())
    context = {"reports": reports}
    if reports:
        context |= _report_dashboard(reports[0])
    return render(request, "tracker/home.html", context)


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(selectors.published_report_lookup(), pk=pk)
    context = _report_dashboard(report)
    context["tasks"] = selectors.tasks_with_departments(report.tasks.select_related("theme").order_by("seq"))
    return render(request, "tracker/report_detail.html", context)


def department_detail(request: HttpRequest, pk: int) -> HttpResponse:
    department = get_object_or_404(Department, pk=pk)
    links = selectors.department_task_links(department)
    mix = charts.status_mix(link.task.status for link in links)
    return render(
        request,
        "tracker/department_detail.html",
        {
            "department": department,
            "links": links,
            "mix": mix,
            "lead_count": sum(1 for link in links if link.role == link.Role.LEAD),
            "status_chart": charts.status_chart(mix),
        },
    )


def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_object_or_404(selectors.published_theme_lookup(), pk=pk)
    tasks = selectors.theme_tasks(theme)
    mix = charts.status_mix(task.status for task in tasks)
    return render(
        request,
        "tracker/theme_detail.html",
        {"theme": theme, "report": theme.report, "tasks": tasks, "mix": mix, "status_chart": charts.status_chart(mix)},
    )


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
        },
    )


def task_list(request: HttpRequest) -> HttpResponse:
    task_filter = selectors.task_search(request.GET)
    page = Paginator(task_filter.qs, TASKS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "tracker/task_list.html", {"filter": task_filter, "page": page})

"""Downloads of the tables the public pages show, as CSV or XLSX: the same rows in the same order as the page.

Each is stored and validated like a page (`cached_public_page`): rendered once per change of the
data, answered 304 while the visitor's copy is current. A table of one report (a report's, a
theme's, a department's in one report) is a few hundred rows at most: built whole and stored. The
task list and a department's tasks in every report grow with the years: their CSV is streamed
(never whole in memory, never stored), their XLSX stored only while small.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404

from tracker import selectors
from tracker.filters import TaskFilter
from tracker.models import Report, Task
from tracker.opendata import selectors as open_data
from tracker.opendata.files import FORMATS, Heading, content_disposition, csv_pieces, period_slug, xlsx_bytes
from tracker.opendata.throttling import too_many_requests
from tracker.page_cache import cached_public_page

# An XLSX larger than this is sent but not kept in the page cache (a report's is ~60 kB; every task's, megabytes).
STORE_MAX_BYTES = 1024 * 1024


def _download(
    request: HttpRequest,
    *,
    tasks: QuerySet[Task],
    file_format: str,
    heading: Heading,
    ascii_name: str,
    name: str,
    unbounded: bool = False,
) -> HttpResponse:
    """The file; `unbounded`: the rows are not those of one report, so a CSV is streamed."""
    refused = too_many_requests(request)
    if refused is not None:
        return refused
    rows = open_data.export_tasks(tasks)
    if file_format == "csv" and unbounded:
        response = StreamingHttpResponse(csv_pieces(rows), content_type=FORMATS["csv"])
    elif file_format == "csv":
        response = HttpResponse(b"".join(csv_pieces(rows)), content_type=FORMATS["csv"])
    else:
        response = HttpResponse(xlsx_bytes(rows, heading), content_type=FORMATS["xlsx"])
    response["Content-Disposition"] = content_disposition(
        ascii_name=f"{ascii_name}.{file_format}", name=f"{name}.{file_format}"
    )
    return response


def _period_name(report: Report) -> str:
    """The period for a file name, without spaces: "2022年三季度"; the title when the period was not read."""
    return report.period_text.replace(" ", "") or report.title


def _report_ascii_name(kind: str, pk: int, report: Report | None) -> str:
    slug = period_slug(year=report.year, quarter=report.quarter, period_end_month=report.period_end_month) if report else ""
    return "_".join(part for part in ("jindu", f"{kind}-{pk}", slug) if part)


def report_title_with_period(report: Report) -> str:
    """The report's title, with its year and period in front when the title lacks them: the importer reads them there."""
    title = report.title
    missing_year = report.year is not None and str(report.year) not in title
    missing_period = bool(report.period_label) and report.period_label not in title
    return f"{report.period_text} {title}" if missing_year or missing_period else title


def report_details(report: Report) -> tuple[str, ...]:
    """The metadata a published page prints beside the title, labelled as the importer reads them."""
    details = []
    if report.publisher:
        details.append(f"发布机构：{report.publisher}")
    if report.published_on:
        details.append(f"发布日期：{report.published_on:%Y-%m-%d}")
    if report.index_no:
        details.append(f"信息索引号：{report.index_no}")
    return tuple(details)


@cached_public_page(per_language=False, store_max_bytes=STORE_MAX_BYTES)
def report_download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """A report's tasks, as on its page; the XLSX reads back into the importer as the same tasks."""
    report = get_object_or_404(selectors.published_report_lookup(), pk=pk)
    period = _period_name(report)
    readable_name = report.title if period in report.title.replace(" ", "") else f"{period}_{report.title}"
    return _download(
        request,
        tasks=open_data.report_tasks(report),
        file_format=file_format,
        heading=Heading(title=report_title_with_period(report), details=report_details(report)),
        ascii_name=_report_ascii_name("report", pk, report),
        name=readable_name,
    )


@cached_public_page(per_language=False, store_max_bytes=STORE_MAX_BYTES)
def theme_download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """A theme's tasks, as on its page."""
    theme = get_object_or_404(selectors.published_theme_lookup(), pk=pk)
    return _download(
        request,
        tasks=open_data.theme_tasks(theme),
        file_format=file_format,
        heading=Heading(title=f"{theme.name} · {theme.report.title}"),
        ascii_name=_report_ascii_name("theme", pk, theme.report),
        name=f"{theme.name}_{_period_name(theme.report)}",
    )


@cached_public_page(query=("report",), per_language=False, store_max_bytes=STORE_MAX_BYTES)
def department_download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """A department's tasks in `?report=` (the table of its page for that report), or in every published report."""
    department = get_object_or_404(selectors.published_department_lookup(), pk=pk)
    report = None
    if report_param := request.GET.get("report"):
        report = open_data.department_report(department, report_param)
        if report is None:
            raise Http404("该单位在此报告中没有任务")
    scope = report.title if report else "全部已发布的报告"
    return _download(
        request,
        tasks=open_data.department_tasks(department, report),
        file_format=file_format,
        heading=Heading(title=f"{department.name} 的任务 · {scope}"),
        ascii_name=_report_ascii_name("department", pk, report) + ("" if report else "_all-reports"),
        name=f"{department.name}_{_period_name(report) if report else '全部报告'}",
        unbounded=report is None,
    )


@cached_public_page(query=tuple(TaskFilter.base_filters), per_language=False, store_max_bytes=STORE_MAX_BYTES)
def task_list_download(request: HttpRequest, file_format: str) -> HttpResponse:
    """Every task the task list shows for these filters and sort (all its pages), in its order."""
    task_filter = selectors.task_search(request.GET)
    tasks = task_filter.qs
    report = task_filter.form.cleaned_data.get("report") if task_filter.is_bound and task_filter.form.is_valid() else None
    filters = "，".join(f"{name}={value}" for name, values in request.GET.lists() for value in values)
    return _download(
        request,
        tasks=tasks,
        file_format=file_format,
        heading=Heading(
            title="任务列表" + (f" · {report.title}" if report else ""),
            details=(f"筛选条件：{filters}",) if filters else (),
        ),
        ascii_name="jindu_tasks" + (f"_{_report_ascii_name('report', report.pk, report).removeprefix('jindu_')}" if report else ""),
        name="任务列表" + (f"_{_period_name(report)}" if report else ""),
        unbounded=True,
    )

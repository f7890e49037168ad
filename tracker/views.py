"""Public pages. Views only assemble context; reads live in `tracker.selectors`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tracker.selectors import published_reports


def report_list(request: HttpRequest) -> HttpResponse:
    return render(request, "tracker/report_list.html", {"reports": published_reports()})

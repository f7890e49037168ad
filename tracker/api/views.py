"""The API's views: read-only viewsets over the open-data selectors, and the docs page.

Each list is paginated (`tracker.api.pagination`); the task list takes the task list page's
filters and sort (`tracker.filters.TaskFilter`), an invalid value answered 400 with the reason.
"""

from __future__ import annotations

import copy

import django_filters
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers as fields
from rest_framework import viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker import selectors
from tracker.api import serializers
from tracker.api.links import origin_of
from tracker.filters import TaskFilter
from tracker.models import Department, TaskDepartment, Theme
from tracker.opendata import selectors as open_data


class _OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "origin": origin_of(self.request)}


@extend_schema_view(
    list=extend_schema(summary="Published reports, newest period first"),
    retrieve=extend_schema(summary="One published report"),
)
class ReportViewSet(_OpenDataViewSet):
    serializer_class = serializers.ReportSerializer
    filter_backends = []

    def get_queryset(self):
        return open_data.api_reports()

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        open_data.status_counts_attach(page)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        report = self.get_object()
        open_data.status_counts_attach([report])
        return Response(self.get_serializer(report).data)


class ThemeFilter(django_filters.FilterSet):
    report = django_filters.NumberFilter(field_name="report_id", help_text="Only this report's themes.")

    class Meta:
        model = Theme
        fields = ["report"]


@extend_schema_view(
    list=extend_schema(summary="Themes (项目) of published reports, newest report first, in table order"),
    retrieve=extend_schema(summary="One theme"),
)
class ThemeViewSet(_OpenDataViewSet):
    serializer_class = serializers.ThemeSerializer
    filterset_class = ThemeFilter

    def get_queryset(self):
        return open_data.api_themes()


class DepartmentFilter(django_filters.FilterSet):
    report = django_filters.NumberFilter(method="filter_report", help_text="Only departments with tasks in this report.")

    class Meta:
        model = Department
        fields = ["report"]

    def filter_report(self, queryset, name: str, value):
        # Published only: which units a draft names is not public either.
        links = TaskDepartment.objects.filter(department=OuterRef("pk"), task__report_id=value, task__report__is_published=True)
        return queryset.filter(Exists(links))


@extend_schema_view(
    list=extend_schema(summary="Departments (单位) named in published reports, by name"),
    retrieve=extend_schema(summary="One department"),
)
class DepartmentViewSet(_OpenDataViewSet):
    serializer_class = serializers.DepartmentSerializer
    filterset_class = DepartmentFilter

    def get_queryset(self):
        return open_data.api_departments()


def _typed_for_schema(name: str, schema_type):
    """A copy of the task list's filter `name`, with the type the schema is to show for it."""
    annotated = copy.deepcopy(TaskFilter.base_filters[name])
    return extend_schema_field(schema_type)(annotated)


class ApiTaskFilter(TaskFilter):
    """The task list page's FilterSet, unchanged; `department` and `role` share one filter method, whose parameter
    types drf-spectacular cannot read, so they are given here (on copies: the page's filters stay as they are)."""


# After the class is made: django-filter's metaclass sets base_filters itself.
ApiTaskFilter.base_filters = {
    **TaskFilter.base_filters,
    "department": _typed_for_schema("department", OpenApiTypes.INT),
    "role": _typed_for_schema("role", fields.ChoiceField(choices=TaskDepartment.Role.values)),
}


@extend_schema_view(
    list=extend_schema(
        summary="Tasks of published reports, filtered and sorted as the task list page",
        description="Newest report first, then table order; `sort` orders by report, seq, theme or status "
        "(`-` for descending; status means most urgent first).",
    ),
    retrieve=extend_schema(summary="One task"),
)
class TaskViewSet(_OpenDataViewSet):
    serializer_class = serializers.TaskSerializer
    filterset_class = ApiTaskFilter

    def get_queryset(self):
        return open_data.api_tasks() if self.action == "list" else open_data.api_task_lookup()

    def list(self, request: Request, *args, **kwargs) -> Response:
        counting = selectors.task_list_counting(request.query_params)
        self.paginator.known_count, self.paginator.count_cap = counting["count"], counting["cap"]
        # The page is chosen among ids, then its rows read whole (tracker.opendata.selectors.api_task_ids).
        task_ids = self.paginate_queryset(open_data.api_task_ids(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(self.get_serializer(open_data.api_task_rows(list(task_ids)), many=True).data)

    def retrieve(self, request: Request, *args, **kwargs) -> Response:
        task = self.get_object()
        open_data.api_task_details_attach([task])
        return Response(self.get_serializer(task).data)


class ApiRootView(APIView):
    """Where everything is: the lists, the schema and the docs."""

    @extend_schema(exclude=True)
    def get(self, request: Request) -> Response:
        origin = origin_of(request)
        return Response(
            {
                name: origin + reverse(route)
                for name, route in {
                    "reports": "api:report-list",
                    "themes": "api:theme-list",
                    "departments": "api:department-list",
                    "tasks": "api:task-list",
                    "schema": "api:schema",
                    "docs": "api:docs",
                    "report_feed": "opendata:report-feed",
                }.items()
            }
        )


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, as JSON only: one representation per URL, so a stored copy is always the right one.

    In English, like the API's own descriptions (DRF's and the filters' labels would otherwise be
    half Chinese), and shown in the browser rather than saved: drf-spectacular names a file after
    the title, and a Chinese title makes that header unreadable to most clients.
    """

    renderer_classes = [OpenApiJsonRenderer]

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with translation.override("en"):
            response = super().get(request, *args, **kwargs)
            response = self.finalize_response(request, response, *args, **kwargs)
            response.render()
        del response["Content-Disposition"]
        return response


def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI over the schema, its files served from this site (the CSP allows no other)."""
    return render(request, "tracker/api_docs.html", {"schema_url": reverse("api:schema"), "api_root": reverse("api:root")})

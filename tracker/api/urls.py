"""/api/v1/: each view stored and validated like a public page, reading only the query parameters it documents."""

from django.urls import path

from tracker.api import views
from tracker.filters import TaskFilter
from tracker.page_cache import cached_public_page

app_name = "api"

PAGES = ("page", "page_size")


def _open_data(view, *, query: tuple[str, ...] = ()):
    return cached_public_page(query=query, per_language=False)(view)


def _viewset(viewset, *, filters: tuple[str, ...] = ()):
    """The list and detail views of a viewset."""
    return (
        _open_data(viewset.as_view({"get": "list"}), query=(*filters, *PAGES)),
        _open_data(viewset.as_view({"get": "retrieve"})),
    )


report_list, report_detail = _viewset(views.ReportViewSet)
theme_list, theme_detail = _viewset(views.ThemeViewSet, filters=("report",))
department_list, department_detail = _viewset(views.DepartmentViewSet, filters=("report",))
task_list, task_detail = _viewset(views.TaskViewSet, filters=tuple(TaskFilter.base_filters))

urlpatterns = [
    path("", _open_data(views.ApiRootView.as_view()), name="root"),
    path("reports/", report_list, name="report-list"),
    path("reports/<int:pk>/", report_detail, name="report-detail"),
    path("themes/", theme_list, name="theme-list"),
    path("themes/<int:pk>/", theme_detail, name="theme-detail"),
    path("departments/", department_list, name="department-list"),
    path("departments/<int:pk>/", department_detail, name="department-detail"),
    path("tasks/", task_list, name="task-list"),
    path("tasks/<int:pk>/", task_detail, name="task-detail"),
    path("schema/", _open_data(views.SchemaView.as_view()), name="schema"),
    path("docs/", cached_public_page()(views.docs), name="docs"),
]

"""Public URLs of the tracker app: read-only pages over published reports."""

from django.urls import path

from tracker import views

app_name = "tracker"

urlpatterns = [
    path("", views.home, name="home"),
    path("reports/", views.report_list, name="report-list"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("departments/", views.department_list, name="department-list"),
    path("departments/<int:pk>/", views.department_detail, name="department-detail"),
    path("themes/<int:pk>/", views.theme_detail, name="theme-detail"),
    path("tasks/", views.task_list, name="task-list"),
    path("tasks/<int:pk>/", views.task_detail, name="task-detail"),
    path("status/", views.status_help, name="status-help"),
]

"""Public URLs of the tracker app."""

from django.urls import path

from tracker import views

app_name = "tracker"

urlpatterns = [
    path("", views.report_list, name="report-list"),
]

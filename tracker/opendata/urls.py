"""URLs of the downloads and the feeds (the API's are in tracker.api.urls)."""

from django.urls import path, register_converter

from tracker.opendata import downloads, feeds


class DownloadFormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(DownloadFormatConverter, "download_format")

app_name = "opendata"

urlpatterns = [
    path("downloads/reports/<int:pk>.<download_format:file_format>", downloads.report_download, name="report-download"),
    path("downloads/themes/<int:pk>.<download_format:file_format>", downloads.theme_download, name="theme-download"),
    path(
        "downloads/departments/<int:pk>.<download_format:file_format>",
        downloads.department_download,
        name="department-download",
    ),
    path("downloads/tasks.<download_format:file_format>", downloads.task_list_download, name="task-list-download"),
    path("feeds/reports.atom", feeds.new_reports_feed, name="report-feed"),
    path("feeds/departments/<int:pk>.atom", feeds.department_status_feed, name="department-feed"),
]

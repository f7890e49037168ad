"""What the API returns for each kind of object. Ids are the database's, stable across re-imports (a re-imported
row updates its task in place); `url` is the object in the API, `html_url` its public page.

Labels (status) are in Chinese, as the reports are; codes (`status`, `role`) are stable English values.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.links import api_list_url, api_url, department_feed_url, download_url, page_url
from tracker.charts import STATUS_LABELS
from tracker.models import Department, Report, Task, TaskDepartment, Theme


def _origin(serializer: serializers.Serializer) -> str:
    return serializer.context["origin"]


class _LinkedSerializer(serializers.ModelSerializer):
    """`url` and `html_url` of the object, absolute. Subclasses name `link_kind` ("report", "theme"…)."""

    link_kind = ""
    url = serializers.SerializerMethodField(help_text="This object in the API.")
    html_url = serializers.SerializerMethodField(help_text="Its public page.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, instance) -> str:
        return api_url(_origin(self), self.link_kind, instance.pk)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, instance) -> str:
        return page_url(_origin(self), self.link_kind, instance.pk)


class ReportSummarySerializer(_LinkedSerializer):
    link_kind = "report"
    period = serializers.CharField(source="period_text", help_text="The period as people say it, e.g. 2022年 三季度.")

    class Meta:
        model = Report
        fields = ["id", "url", "html_url", "title", "year", "period"]


class DownloadLinksSerializer(serializers.Serializer):
    csv = serializers.URLField()
    xlsx = serializers.URLField()


class ReportLinksSerializer(DownloadLinksSerializer):
    themes = serializers.URLField(help_text="This report's themes.")
    tasks = serializers.URLField(help_text="This report's tasks.")


class ReportSerializer(_LinkedSerializer):
    link_kind = "report"
    period = serializers.CharField(source="period_text", help_text="The period as people say it, e.g. 2022年 三季度.")
    task_count = serializers.IntegerField()
    status_counts = serializers.DictField(
        child=serializers.IntegerField(), help_text="Tasks per status code (completed, on_track, behind…)."
    )
    links = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = [
            "id", "url", "html_url", "title", "year", "quarter", "period_end_month", "period_label", "period",
            "publisher", "index_no", "published_on", "published_at", "task_count", "status_counts", "links",
        ]

    @extend_schema_field(ReportLinksSerializer)
    def get_links(self, report: Report) -> dict:
        origin = _origin(self)
        return {
            "themes": api_list_url(origin, "themes", report=report.pk),
            "tasks": api_list_url(origin, "tasks", report=report.pk),
            "csv": download_url(origin, "report", report.pk, "csv"),
            "xlsx": download_url(origin, "report", report.pk, "xlsx"),
        }


class ThemeLinksSerializer(DownloadLinksSerializer):
    tasks = serializers.URLField(help_text="This theme's tasks.")


class ThemeSerializer(_LinkedSerializer):
    link_kind = "theme"
    report = ReportSummarySerializer()
    task_count = serializers.IntegerField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = Theme
        fields = ["id", "url", "html_url", "report", "ordinal", "number", "name", "task_count", "links"]

    @extend_schema_field(ThemeLinksSerializer)
    def get_links(self, theme: Theme) -> dict:
        origin = _origin(self)
        return {
            "tasks": api_list_url(origin, "tasks", theme=theme.pk),
            "csv": download_url(origin, "theme", theme.pk, "csv"),
            "xlsx": download_url(origin, "theme", theme.pk, "xlsx"),
        }


class DepartmentLinksSerializer(DownloadLinksSerializer):
    tasks = serializers.URLField(help_text="This department's tasks, as lead or co-operating unit.")
    feed = serializers.URLField(help_text="Atom feed of its tasks whose status changed.")


class DepartmentSerializer(_LinkedSerializer):
    link_kind = "department"
    task_count = serializers.IntegerField(help_text="Its tasks in published reports.")
    links = serializers.SerializerMethodField()

    class Meta:
        model = Department
        fields = ["id", "url", "html_url", "name", "task_count", "links"]

    @extend_schema_field(DepartmentLinksSerializer)
    def get_links(self, department: Department) -> dict:
        origin = _origin(self)
        return {
            "tasks": api_list_url(origin, "tasks", department=department.pk),
            "csv": download_url(origin, "department", department.pk, "csv"),
            "xlsx": download_url(origin, "department", department.pk, "xlsx"),
            "feed": department_feed_url(origin, department.pk),
        }


class TaskThemeSerializer(_LinkedSerializer):
    link_kind = "theme"

    class Meta:
        model = Theme
        fields = ["id", "url", "html_url", "number", "name"]


class TaskDepartmentSerializer(serializers.Serializer):
    """One of a task's departments (tracker.selectors.DepartmentLinkRow)."""

    id = serializers.IntegerField(source="department_id")
    url = serializers.SerializerMethodField()
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=TaskDepartment.Role.values, help_text="lead (牵头) or co (配合).")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, link) -> str:
        return api_url(_origin(self), "department", link.department_id)


class MetricSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="What is counted, e.g. 停车泊位.")
    target = serializers.FloatField(allow_null=True)
    unit = serializers.CharField()
    comparator = serializers.CharField(help_text="=, >= or <= : how the target is to be met.")
    kind = serializers.CharField()
    actual = serializers.FloatField(allow_null=True)
    actual_unit = serializers.CharField()
    completion = serializers.FloatField(allow_null=True, help_text="actual / target; 1 is exactly met.")


class TaskSerializer(_LinkedSerializer):
    link_kind = "task"
    report = ReportSummarySerializer()
    theme = TaskThemeSerializer(allow_null=True)
    status = serializers.ChoiceField(choices=Task.Status.values)
    status_label = serializers.SerializerMethodField()
    # The rows opendata.selectors.api_task_details_attach gives each task.
    departments = TaskDepartmentSerializer(source="department_rows", many=True)
    leaders = serializers.SerializerMethodField()
    metrics = MetricSerializer(
        source="metric_rows", many=True, help_text="Targets read from the content and actuals from the progress."
    )
    series = serializers.IntegerField(
        source="series_id", allow_null=True, help_text="The same task in other reports has the same series id."
    )

    class Meta:
        model = Task
        fields = [
            "id", "url", "html_url", "report", "theme", "seq", "source_seq", "content", "progress",
            "completion_text", "note", "status", "status_label", "status_reason", "departments", "leaders",
            "metrics", "series",
        ]

    def get_status_label(self, task: Task) -> str:
        return str(STATUS_LABELS.get(task.status, task.status))

    def get_leaders(self, task: Task) -> list[str]:
        return [link.leader.name for link in task.leader_rows]

    def to_representation(self, task: Task) -> dict:
        """The fields declared above, built directly: DRF walks ~60 field objects per task, which was most of the
        time of a page of 50 tasks. The declarations stay the schema and the reference: a test checks that this
        gives what DRF's own `to_representation` gives (tests/test_api.py)."""
        origin = _origin(self)
        report, theme = task.report, task.theme
        return {
            "id": task.pk,
            "url": api_url(origin, "task", task.pk),
            "html_url": page_url(origin, "task", task.pk),
            "report": {
                "id": report.pk,
                "url": api_url(origin, "report", report.pk),
                "html_url": page_url(origin, "report", report.pk),
                "title": report.title,
                "year": report.year,
                "period": report.period_text,
            },
            "theme": None
            if theme is None
            else {
                "id": theme.pk,
                "url": api_url(origin, "theme", theme.pk),
                "html_url": page_url(origin, "theme", theme.pk),
                "number": theme.number,
                "name": theme.name,
            },
            "seq": task.seq,
            "source_seq": task.source_seq,
            "content": task.content,
            "progress": task.progress,
            "completion_text": task.completion_text,
            "note": task.note,
            "status": task.status,
            "status_label": self.get_status_label(task),
            "status_reason": task.status_reason,
            "departments": [
                {
                    "id": link.department_id,
                    "url": api_url(origin, "department", link.department_id),
                    "name": link.name,
                    "role": link.role,
                }
                for link in task.department_rows
            ],
            "leaders": self.get_leaders(task),
            "metrics": [_metric_representation(metric) for metric in task.metric_rows],
            "series": task.series_id,
        }


def _float_or_none(value) -> float | None:
    return None if value is None else float(value)


def _metric_representation(metric) -> dict:
    """As MetricSerializer gives it."""
    return {
        "label": metric.label,
        "target": _float_or_none(metric.target),
        "unit": metric.unit,
        "comparator": metric.comparator,
        "kind": metric.kind,
        "actual": _float_or_none(metric.actual),
        "actual_unit": metric.actual_unit,
        "completion": _float_or_none(metric.completion),
    }

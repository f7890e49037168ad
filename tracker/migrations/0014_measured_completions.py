from django.db import migrations


def measured_fill(apps, schema_editor):
    """Add each report's measurable targets' completions per theme and per department to its counts (what
    services.aggregates now keeps), for the reports stored before. Written out here, not imported: a migration must
    not change with the code."""

    from collections import defaultdict

    from django.db.models import Q

    Metric = apps.get_model("tracker", "Metric")
    Report = apps.get_model("tracker", "Report")
    trusted = Q(confidence="confident") & ~Q(review="rejected") | Q(review="accepted")
    cumulative = (
        Q(target__isnull=False, actual__isnull=False, completion__isnull=False)
        & ~Q(kind__in=("percent", "growth"))
        & ~Q(comparator="<=")
    )
    # {report id: {"theme"|"department": {str(id): {metric id: completion}}}}: a target once per group.
    grouped = defaultdict(lambda: {"theme": defaultdict(dict), "department": defaultdict(dict)})
    rows = (
        Metric.objects.filter(trusted, cumulative)
        .order_by()
        .values_list("task__report_id", "id", "completion", "task__theme_id", "task__department_links__department_id")
    )
    for report_id, metric_id, completion, theme_id, department_id in rows.iterator():
        for kind, group_id in (("theme", theme_id), ("department", department_id)):
            if group_id is not None:
                grouped[report_id][kind][str(group_id)][metric_id] = float(completion)
    for report in Report.objects.only("pk", "stats"):
        groups = grouped.get(report.pk, {"theme": {}, "department": {}})
        measured = {kind: {key: list(values.values()) for key, values in by_id.items()} for kind, by_id in groups.items()}
        report.stats = {**(report.stats or {}), "measured": measured}
        report.save(update_fields=["stats"])


class Migration(migrations.Migration):
    dependencies = [("tracker", "0013_theme_status_counts")]

    operations = [migrations.RunPython(measured_fill, migrations.RunPython.noop)]

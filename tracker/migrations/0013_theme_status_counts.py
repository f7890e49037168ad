from django.db import migrations


def theme_status_fill(apps, schema_editor):
    """Add each report's tasks by status per theme to its counts (what services.aggregates now keeps), for the
    reports stored before. Written out here, not imported: a migration must not change with the code."""

    from collections import defaultdict

    from django.db.models import Count

    Report = apps.get_model("tracker", "Report")
    Task = apps.get_model("tracker", "Task")
    per_report = defaultdict(dict)
    rows = Task.objects.filter(theme__isnull=False).order_by().values_list("report_id", "theme_id", "status")
    for report_id, theme_id, status, count in rows.annotate(count=Count("pk")):
        per_report[report_id].setdefault(str(theme_id), {})[status] = count
    for report in Report.objects.only("pk", "stats"):
        report.stats = {**(report.stats or {}), "theme_status": per_report.get(report.pk, {})}
        report.save(update_fields=["stats"])


class Migration(migrations.Migration):
    dependencies = [("tracker", "0012_aggregates_for_scale")]

    operations = [migrations.RunPython(theme_status_fill, migrations.RunPython.noop)]

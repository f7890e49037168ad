"""Give the admin groups their rights on metrics: editors correct and lock them, viewers read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_CODENAMES = ["view_metric", "add_metric", "change_metric", "delete_metric", "view_historicalmetric"]
VIEWER_CODENAMES = ["view_metric", "view_historicalmetric"]


def permissions_grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("编辑", EDITOR_CODENAMES), ("查看", VIEWER_CODENAMES)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames))


def permissions_revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    metric_permissions = Permission.objects.filter(content_type__app_label="tracker", codename__in=EDITOR_CODENAMES)
    for group in Group.objects.filter(name__in=["编辑", "查看"]):
        group.permissions.remove(*metric_permissions)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0004_metrics"), ("tracker", "0003_editor_viewer_groups")]

    operations = [migrations.RunPython(permissions_grant, permissions_revoke)]

"""Create the two admin groups: 编辑 (import, correct, publish) and 查看 (read only)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "编辑"
VIEWERS = "查看"

TRACKER_MODELS = [
    "report", "theme", "task", "taskdepartment", "taskleader", "department", "departmentalias",
    "leader", "importdiagnostic",
    "historicalreport", "historicaltask", "historicaltaskdepartment", "historicaltaskleader",
]
# Editors change everything they correct; they delete only links, aliases and themes, never reports or tasks.
EDITOR_CODENAMES = (
    [f"view_{model}" for model in TRACKER_MODELS]
    + [f"add_{model}" for model in ["report", "theme", "taskdepartment", "taskleader", "department", "departmentalias", "leader"]]
    + [f"change_{model}" for model in ["report", "theme", "task", "taskdepartment", "taskleader", "department", "departmentalias", "leader", "importdiagnostic"]]
    + [f"delete_{model}" for model in ["theme", "taskdepartment", "taskleader", "departmentalias"]]
)
VIEWER_CODENAMES = [f"view_{model}" for model in TRACKER_MODELS]


def groups_create(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITORS, EDITOR_CODENAMES), (VIEWERS, VIEWER_CODENAMES)):
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames)
        group.permissions.set(permissions)


def groups_delete(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, VIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_corrections_aliases_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(groups_create, groups_delete)]

"""`manage.py seed_demo`: fill a migrated database for a demo: the sample reports, published, and an admin login.

Besides the two real samples it imports the made-up quarters in fixtures/demo/ (2022 Q1 and Q2, made from
the Q3 sample by scripts/make_demo_quarters.py), so a task's page shows its progress quarter by quarter.
Their titles say "【演示数据·非真实】" wherever a title shows; `--real-only` leaves them out.

Safe to run again: the reports are left as they are when unchanged, and the
admin user gets a fresh password each time (printed, since nobody could know it otherwise).
"""

import secrets
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_ADMIN_USERNAME = "admin"
MADE_UP_LINE = "另导入 {count} 份演示用的虚构季度报告（标题带“【演示数据·非真实】”，来自 fixtures/demo/）。"
ADMIN_LOGIN_LINE = "管理后台 http://127.0.0.1:8000/admin/  用户名 {username}  密码 {password}"


class Command(BaseCommand):
    help = "演示数据：导入并发布 fixtures/*.txt 与 fixtures/demo/*.txt（虚构的季度报告），并创建（或重设密码）管理员 admin。"

    def add_arguments(self, parser):
        parser.add_argument("--real-only", action="store_true", help="只导入真实的样例报告，不导入 fixtures/demo/ 中虚构的季度报告。")

    def handle(self, *args, **options):
        fixture_paths = sorted(path.relative_to(settings.BASE_DIR) for path in settings.BASE_DIR.glob("fixtures/*.txt"))
        made_up_paths = [] if options["real_only"] else sorted(
            path.relative_to(settings.BASE_DIR) for path in settings.BASE_DIR.glob("fixtures/demo/*.txt")
        )
        fixture_paths += made_up_paths
        if fixture_paths:
            call_command(
                "import_report",
                *[str(path) for path in fixture_paths],
                publish=True,
                # The raw streams, not our wrappers: import_report draws its progress bar on stderr.
                stdout=options.get("stdout") or sys.stdout,
                stderr=options.get("stderr") or sys.stderr,
            )
        if made_up_paths:
            self.stdout.write(MADE_UP_LINE.format(count=len(made_up_paths)))
        password = demo_admin_reset(username=DEMO_ADMIN_USERNAME)
        self.stdout.write(ADMIN_LOGIN_LINE.format(username=DEMO_ADMIN_USERNAME, password=password))


@transaction.atomic
def demo_admin_reset(*, username: str) -> str:
    """Make `username` an active superuser with a new random password, and return the password."""
    user, _ = get_user_model().objects.get_or_create(username=username)
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.is_active = user.is_staff = user.is_superuser = True
    user.save()
    return password

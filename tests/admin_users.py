"""Users for the admin tests: a superuser, an editor (编辑) and a viewer (查看), all staff."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

EDITORS = "编辑"
VIEWERS = "查看"
PASSWORD = "a-long-test-password"


def staff_user_create(*, username: str, group: str | None = None, superuser: bool = False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.com", PASSWORD)
    user = User.objects.create_user(username, f"{username}@example.com", PASSWORD, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user

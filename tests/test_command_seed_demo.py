"""Tests for `manage.py seed_demo`: the sample reports published, and an admin login printed."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tracker.models import Report

LOGIN_LINE = re.compile(r"^管理后台 http://127\.0\.0\.1:8000/admin/  用户名 admin  密码 (\S+)$", re.MULTILINE)


def run_seed_demo() -> str:
    stdout = io.StringIO()
    call_command("seed_demo", stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue()


@pytest.mark.django_db
def test_it_imports_and_publishes_every_fixture_and_prints_the_login():
    out = run_seed_demo()

    assert Report.objects.published().count() == 2
    password = LOGIN_LINE.search(out).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password(password)


@pytest.mark.django_db
def test_running_it_again_keeps_one_copy_and_gives_a_new_password():
    first_password = LOGIN_LINE.search(run_seed_demo()).group(1)

    out = run_seed_demo()

    second_password = LOGIN_LINE.search(out).group(1)
    assert "unchanged" in out
    assert Report.objects.count() == 2
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert second_password != first_password
    assert get_user_model().objects.get(username="admin").check_password(second_password)

"""Tests for `manage.py seed_demo`: the sample reports published, and an admin login printed."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tracker.models import Report, Task

LOGIN_LINE = re.compile(r"^管理后台 http://127\.0\.0\.1:8000/admin/  用户名 admin  密码 (\S+)$", re.MULTILINE)


def run_seed_demo() -> str:
    stdout = io.StringIO()
    call_command("seed_demo", stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue()


@pytest.mark.django_db
def test_it_imports_and_publishes_every_fixture_and_prints_the_login():
    out = run_seed_demo()

    # The two real samples and the two made-up quarters, which say so in their titles.
    assert Report.objects.published().count() == 4
    made_up = Report.objects.filter(title__startswith="【演示数据·非真实】")
    assert sorted(made_up.values_list("quarter", flat=True)) == [1, 2]
    assert "另导入 2 份演示用的虚构季度报告" in out
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
    assert Report.objects.count() == 4
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert second_password != first_password
    assert get_user_model().objects.get(username="admin").check_password(second_password)


@pytest.mark.django_db
def test_the_made_up_quarters_give_the_real_q3_tasks_a_timeline():
    run_seed_demo()

    q3 = Report.objects.get(year=2022, quarter=3)
    linked = q3.tasks.filter(series_score__isnull=False).count()
    assert linked >= q3.tasks.count() - 2  # all but the task Q2 left out (and so "new" in Q3)
    reworded = Report.objects.get(year=2022, quarter=1).tasks.get(seq=3)
    assert Task.objects.get(report__quarter=2, report__year=2022, seq=3).series_id == reworded.series_id


@pytest.mark.django_db
def test_real_only_leaves_the_made_up_quarters_out():
    stdout = io.StringIO()
    call_command("seed_demo", "--real-only", stdout=stdout, stderr=io.StringIO())

    assert Report.objects.count() == 2
    assert not Report.objects.filter(title__contains="演示数据").exists()

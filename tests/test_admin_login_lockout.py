"""The admin login locks a username for 15 minutes after 5 wrong passwords (django-axes)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from pytest_django.asserts import assertContains

from tests.admin_users import PASSWORD, staff_user_create

LOGIN_URL = "/admin/login/?next=/admin/"


def login(client, password: str, username: str = "editor"):
    return client.post(LOGIN_URL, {"username": username, "password": password})


@pytest.fixture
def editor(db):
    return staff_user_create(username="editor", superuser=True)


def test_it_logs_in_with_the_right_password(client, editor):
    response = login(client, PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_four_wrong_passwords_still_let_the_right_one_in(client, editor):
    for _ in range(4):
        assert login(client, "wrong").status_code == 200  # the form again, with its error

    assert login(client, PASSWORD).status_code == 302


def test_five_wrong_passwords_lock_out_the_sixth_even_with_the_right_one(client, editor):
    for _ in range(5):
        login(client, "wrong")

    response = login(client, PASSWORD)

    assert response.status_code == 429
    assertContains(response, "连续 5 次密码错误，已暂停登录 15 分钟", status_code=429)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_the_lock_follows_the_username_not_the_address(client, editor):
    for number in range(5):
        client.post(LOGIN_URL, {"username": "editor", "password": "wrong"}, REMOTE_ADDR=f"10.0.0.{number}")

    assert client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="10.0.1.1").status_code == 429


def test_the_lock_lifts_after_15_minutes(client, editor):
    for _ in range(5):
        login(client, "wrong")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))

    assert login(client, PASSWORD).status_code == 302

"""The admin login locks a username at one address for 15 minutes after 5 wrong passwords (django-axes),
and slows guessing the same username from many addresses (tracker/admin/login_throttle.py)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import override_settings
from django.utils import timezone
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


def test_a_guesser_s_address_is_locked_and_the_admin_elsewhere_still_logs_in(client, editor):
    """Locking the username alone let anyone lock the admins out; the lock is per username and address."""
    for _ in range(5):
        client.post(LOGIN_URL, {"username": "editor", "password": "wrong"}, REMOTE_ADDR="203.0.113.9")

    assert client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_the_lock_lifts_after_15_minutes(client, editor):
    for _ in range(5):
        login(client, "wrong")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))

    assert login(client, PASSWORD).status_code == 302


def guess_from_many_addresses(client, count: int) -> None:
    for number in range(count):
        client.post(LOGIN_URL, {"username": "editor", "password": "wrong"}, REMOTE_ADDR=f"10.1.{number // 250}.{number % 250}")


@override_settings(LOGIN_THROTTLE_FAILURES=30, LOGIN_THROTTLE_SECONDS=10)
def test_guessing_from_many_addresses_is_throttled_per_username(client, editor):
    guess_from_many_addresses(client, 30)

    response = client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.50")

    assertContains(response, "该用户名近期登录失败次数过多，请 10 秒后再试。")
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_THROTTLE_FAILURES=30, LOGIN_THROTTLE_SECONDS=10)
def test_the_throttle_lets_a_login_through_after_the_wait(client, editor):
    guess_from_many_addresses(client, 30)
    AccessFailureLog.objects.update(attempt_time=timezone.now() - timedelta(seconds=11))

    assert client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.50").status_code == 302


@override_settings(LOGIN_THROTTLE_FAILURES=30, LOGIN_THROTTLE_SECONDS=10)
def test_an_address_the_admin_logged_in_from_before_is_never_throttled(client, editor):
    assert client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1").status_code == 302
    client.logout()
    guess_from_many_addresses(client, 30)

    assert client.post(LOGIN_URL, {"username": "editor", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1").status_code == 302


def test_behind_the_proxy_the_address_is_the_one_the_proxy_saw(editor):
    """With one trusted proxy, a client's own X-Forwarded-For entry cannot pick the address that gets locked."""
    from axes.helpers import get_client_ip_address
    from django.test import RequestFactory

    request = RequestFactory().post(
        LOGIN_URL, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.9"
    )
    with override_settings(
        AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
        AXES_IPWARE_PROXY_COUNT=1,
        AXES_IPWARE_PROXY_ORDER="right-most",
    ):
        assert get_client_ip_address(request) == "203.0.113.9"

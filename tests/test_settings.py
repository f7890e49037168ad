"""Tests for config.settings, each loading the settings afresh in a child process."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SETTINGS_VARIABLES = (
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "TRACKER_MAX_UPLOAD_BYTES",
    "DJANGO_HSTS_SECONDS",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS",
    "DJANGO_HSTS_PRELOAD",
    "DJANGO_SSL_REDIRECT",
    "DJANGO_ADMINS",
    "DJANGO_TRUSTED_PROXY_COUNT",
)
PRINT_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.SECRET_KEY == s.DEV_SECRET_KEY, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, "
    "s.DATABASES['default']['ENGINE'], s.TRACKER_MAX_UPLOAD_BYTES)"
)


PRINT_SECURITY_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_PROXY_SSL_HEADER, s.X_FRAME_OPTIONS, s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY)"
)
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "kQ7-xV2_pL9mN4bR8tY1wE6uI3oA5sD0fG7hJ2kZ9xC4vB1nM8",  # 50 random characters
    "DJANGO_ALLOWED_HOSTS": "example.org",
}


def run_python(args: list[str], **variables: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_VARIABLES}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", **variables}
    return subprocess.run([sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60)


def load_settings(**variables: str) -> subprocess.CompletedProcess:
    return run_python(["-c", PRINT_SETTINGS], **variables)


def test_defaults_suit_local_use():
    loaded = load_settings()

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split("\n")[0] == (
        "True True ['localhost', '127.0.0.1', '[::1]', 'testserver'] [] django.db.backends.sqlite3 5242880"
    )


def test_production_values_are_read():
    loaded = load_settings(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-real-secret-key-for-this-test-only",
        DJANGO_ALLOWED_HOSTS="jindu.example.org",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://jindu.example.org",
        DATABASE_URL="postgres://user@db.example.org:5432/jindu",
        TRACKER_MAX_UPLOAD_BYTES="1000",
    )

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split("\n")[0] == (
        "False False ['jindu.example.org'] ['https://jindu.example.org'] django.db.backends.postgresql 1000"
    )


def test_debug_off_without_a_secret_key_refuses_to_start():
    loaded = load_settings(DJANGO_DEBUG="false")

    assert loaded.returncode != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in loaded.stderr


def test_a_mistyped_debug_value_refuses_to_start():
    loaded = load_settings(DJANGO_DEBUG="flase")

    assert loaded.returncode != 0
    assert "DJANGO_DEBUG must be one of 1/0/true/false/yes/no, got 'flase'" in loaded.stderr


def test_a_mistyped_upload_limit_refuses_to_start():
    loaded = load_settings(TRACKER_MAX_UPLOAD_BYTES="5MB")

    assert loaded.returncode != 0
    assert "TRACKER_MAX_UPLOAD_BYTES must be a whole number, got '5MB'" in loaded.stderr


def test_a_csrf_origin_without_its_scheme_refuses_to_start():
    loaded = load_settings(DJANGO_CSRF_TRUSTED_ORIGINS="https://jindu.example.org,jindu.example.org")

    assert loaded.returncode != 0
    assert "DJANGO_CSRF_TRUSTED_ORIGINS must list origins like https://jindu.example.org" in loaded.stderr
    assert "'jindu.example.org'" in loaded.stderr


def test_production_turns_on_https_and_browser_protections():
    loaded = run_python(["-c", PRINT_SECURITY_SETTINGS], **PRODUCTION)

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split("\n")[0] == (
        "31536000 True True True ('HTTP_X_FORWARDED_PROTO', 'https') DENY True same-origin"
    )


def test_debug_stays_on_plain_http_without_proxy_trust():
    loaded = run_python(["-c", PRINT_SECURITY_SETTINGS])

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split("\n")[0] == "0 False False False None DENY True same-origin"


def test_hsts_and_ssl_redirect_can_be_turned_down_for_a_first_rollout():
    loaded = run_python(["-c", PRINT_SECURITY_SETTINGS], **PRODUCTION, DJANGO_HSTS_SECONDS="3600", DJANGO_SSL_REDIRECT="0")

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split()[:2] == ["3600", "False"]


def test_deploy_check_is_clean_in_production():
    checked = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)

    assert checked.returncode == 0, checked.stderr
    assert "System check identified no issues" in checked.stdout


def test_pasted_text_over_the_default_form_field_cap_reaches_the_form():
    loaded = run_python(["-c", "from django.conf import settings as s; print(s.DATA_UPLOAD_MAX_MEMORY_SIZE)"])

    assert loaded.returncode == 0, loaded.stderr
    assert int(loaded.stdout) > 2 * 5 * 1024 * 1024


def test_production_cookies_are_secure_and_same_site():
    loaded = run_python(
        ["-c", "from django.conf import settings as s; print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE, "
               "s.LANGUAGE_COOKIE_HTTPONLY, s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_SAMESITE)"],
        **PRODUCTION,
    )

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split() == ["True", "Lax", "True", "True", "Lax"]


def test_admins_to_mail_are_read_and_checked():
    loaded = run_python(
        ["-c", "from django.conf import settings as s; print(s.ADMINS)"],
        DJANGO_ADMINS="Zhang San <zhang@example.org>, Li Si <li@example.org>",
    )
    assert loaded.stdout.strip() == "[('Zhang San', 'zhang@example.org'), ('Li Si', 'li@example.org')]"

    refused = run_python(["-c", "from django.conf import settings as s; s.ADMINS"], DJANGO_ADMINS="zhang@example.org")
    assert refused.returncode != 0
    assert "DJANGO_ADMINS must list people like" in refused.stderr

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
)
PRINT_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.SECRET_KEY == s.DEV_SECRET_KEY, s.ALLOWED_HOSTS, s.CSRF_TRUSTED_ORIGINS, "
    "s.DATABASES['default']['ENGINE'], s.TRACKER_MAX_UPLOAD_BYTES)"
)


def load_settings(**variables: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_VARIABLES}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", **variables}
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=60
    )


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

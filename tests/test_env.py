"""Tests for config.env: the strict readers of environment variables."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_origins, env_str


@pytest.mark.parametrize("raw, expected", [("1", True), ("true", True), ("YES", True), ("0", False), ("False", False), ("no", False)])
def test_bool_accepts_the_six_words_in_any_case(monkeypatch, raw, expected):
    monkeypatch.setenv("TEST_FLAG", raw)

    assert env_bool("TEST_FLAG", default=not expected) is expected


@pytest.mark.parametrize("raw", ["on", "2", "ture", "y"])
def test_bool_refuses_anything_else_and_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("TEST_FLAG", raw)

    with pytest.raises(ImproperlyConfigured, match="TEST_FLAG must be one of 1/0/true/false/yes/no"):
        env_bool("TEST_FLAG", default=True)


@pytest.mark.parametrize("raw", [None, "", "  "])
def test_unset_or_empty_gives_the_default(monkeypatch, raw):
    if raw is None:
        monkeypatch.delenv("TEST_VALUE", raising=False)
    else:
        monkeypatch.setenv("TEST_VALUE", raw)

    assert env_bool("TEST_VALUE", default=True) is True
    assert env_int("TEST_VALUE", default=7) == 7
    assert env_list("TEST_VALUE", default=["a"]) == ["a"]
    assert env_str("TEST_VALUE", default="x") == "x"


def test_int_reads_whole_numbers(monkeypatch):
    monkeypatch.setenv("TEST_SIZE", " 1048576 ")

    assert env_int("TEST_SIZE", default=1) == 1048576


@pytest.mark.parametrize("raw", ["5MB", "1.5", "ten"])
def test_int_refuses_other_text_and_names_the_variable(monkeypatch, raw):
    monkeypatch.setenv("TEST_SIZE", raw)

    with pytest.raises(ImproperlyConfigured, match="TEST_SIZE must be a whole number"):
        env_int("TEST_SIZE", default=1)


def test_int_below_the_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("TEST_SIZE", "0")

    with pytest.raises(ImproperlyConfigured, match="TEST_SIZE must be at least 1"):
        env_int("TEST_SIZE", default=1, minimum=1)


def test_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("TEST_HOSTS", " example.org, ,www.example.org ,")

    assert env_list("TEST_HOSTS", default=[]) == ["example.org", "www.example.org"]


def test_origins_accept_http_and_https_with_host_and_port(monkeypatch):
    monkeypatch.setenv("TEST_ORIGINS", "https://jindu.example.org, http://127.0.0.1:8000,https://[::1]:8443,https://*.example.org")

    assert env_origins("TEST_ORIGINS", default=[]) == [
        "https://jindu.example.org",
        "http://127.0.0.1:8000",
        "https://[::1]:8443",
        "https://*.example.org",
    ]


@pytest.mark.parametrize(
    "raw", ["jindu.example.org", "ftp://jindu.example.org", "https://jindu.example.org/", "https://jindu.example.org/admin", "https://"]
)
def test_origins_refuse_anything_but_scheme_and_host_and_name_the_variable(monkeypatch, raw):
    monkeypatch.setenv("TEST_ORIGINS", f"https://ok.example.org,{raw}")

    with pytest.raises(ImproperlyConfigured, match=r"TEST_ORIGINS must list origins like https://"):
        env_origins("TEST_ORIGINS", default=[])

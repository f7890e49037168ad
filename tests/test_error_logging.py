"""A server error is logged to stderr with the request id the response carries (config/request_log.py)."""

import io
import logging

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path

from config import settings as project_settings


def failing_view(request):
    raise RuntimeError("the database went away")


def fine_view(request):
    logging.getLogger("tracker.example").warning("something to note")
    return HttpResponse("ok")


urlpatterns = [path("boom/", failing_view), path("fine/", fine_view)]


@pytest.fixture
def stderr_lines():
    """What the configured stderr handler would write: a copy of it (same format and filters) writing to memory."""
    configured = next(
        handler for handler in logging.getLogger("django.request").handlers if type(handler) is logging.StreamHandler
    )
    written = io.StringIO()
    copy = logging.StreamHandler(written)
    copy.setFormatter(configured.formatter)
    for log_filter in configured.filters:
        copy.addFilter(log_filter)
    loggers = [logging.getLogger(name) for name in ("django.request", "tracker")]
    for logger in loggers:
        logger.addHandler(copy)
    yield lambda: written.getvalue().splitlines()
    for logger in loggers:
        logger.removeHandler(copy)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_writes_its_traceback_with_the_request_id(client, stderr_lines):
    client.raise_request_exception = False

    response = client.get("/boom/")

    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    lines = stderr_lines()
    assert any(f"ERROR [{request_id}] django.request: Internal Server Error: /boom/" in line for line in lines)
    assert any("RuntimeError: the database went away" in line for line in lines)


@override_settings(ROOT_URLCONF=__name__)
def test_log_lines_written_while_handling_a_request_carry_its_id(client, stderr_lines):
    response = client.get("/fine/")

    assert f"WARNING [{response['X-Request-ID']}] tracker.example: something to note" in "\n".join(stderr_lines())


def test_admins_are_mailed_only_when_configured():
    handlers = project_settings.LOGGING["loggers"]["django.request"]["handlers"]

    assert ("mail_admins" in handlers) == bool(project_settings.ADMINS)

"""A request id on every response and every log line, so an error a visitor reports can be found in the log.

The id comes from the proxy's `X-Request-ID` header when it looks like one (nginx's
`$request_id`, see docs/deploy.md), else a new random one. It is sent back in the
response's `X-Request-ID` header and, through `RequestIdFilter`, added to every log
record written while the request is handled (`request_id`; "-" outside a request).
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from django.http import HttpRequest, HttpResponse

REQUEST_ID_HEADER = "X-Request-ID"
# Letters, digits and dashes only: the id is written into log lines, so nothing a client sends may forge one.
_ACCEPTED_ID_RE = re.compile(r"[A-Za-z0-9-]{8,64}")
_current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


def current_request_id() -> str:
    return _current_request_id.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        offered = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = offered if _ACCEPTED_ID_RE.fullmatch(offered) else uuid.uuid4().hex
        request.request_id = request_id
        token = _current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current_request_id.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to each record (the handler's format string prints it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = getattr(record, "request_id", None) or current_request_id()
        return True

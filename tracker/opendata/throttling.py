"""How often one address may have the API or a download rendered (settings.OPEN_DATA_REQUESTS_PER_MINUTE).

DRF's throttle, counting in a cache of its own in each process: with several workers the limit
is approximate, which is enough to keep one client from rendering thousands of downloads a
minute. A stored copy or a 304 is served before this is asked and is never counted.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from rest_framework.throttling import SimpleRateThrottle

TOO_MANY_REQUESTS = "请求过于频繁，请稍后再试。 Too many requests: please wait a minute."


class OpenDataThrottle(SimpleRateThrottle):
    """Per client address (the one the trusted proxies saw, REST_FRAMEWORK["NUM_PROXIES"]); never reads the session."""

    scope = "open-data"

    def __init__(self):
        self.cache = caches["throttle"]
        super().__init__()

    def get_rate(self) -> str:
        # Read per request, not once at import as DRF does: settings overridden in a test apply.
        return f"{settings.OPEN_DATA_REQUESTS_PER_MINUTE}/min"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def too_many_requests(request: HttpRequest) -> HttpResponse | None:
    """A 429 answer when this address has used up its rate, else None (for views outside DRF)."""
    throttle = OpenDataThrottle()
    if throttle.allow_request(request, None):
        return None
    response = HttpResponse(TOO_MANY_REQUESTS, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(int(throttle.wait() or 60))
    return response

"""Absolute links in API responses: to the API's own objects, the public pages and the downloads.

A page of 50 tasks holds some 300 links; `reverse()` and `build_absolute_uri()` per link would
cost more than the rows, so the origin is computed once per request (the serializers' context)
and each route reversed once, the id put in (as tracker.links does for the pages).
"""

from __future__ import annotations

import functools

from django.urls import get_script_prefix, get_urlconf, reverse

from tracker.links import detail_url

API_ROUTES = {
    "report": "api:report-detail",
    "theme": "api:theme-detail",
    "department": "api:department-detail",
    "task": "api:task-detail",
}
DOWNLOAD_ROUTES = {
    "report": "opendata:report-download",
    "theme": "opendata:theme-download",
    "department": "opendata:department-download",
}
_PLACEHOLDER = "2147483647"


@functools.cache
def _around_id(route: str, urlconf: str | None, script_prefix: str, *extra: str) -> tuple[str, str]:
    url = reverse(route, urlconf=urlconf, args=[int(_PLACEHOLDER), *extra])
    before, _, after = url.rpartition(_PLACEHOLDER)
    return before, after


def _path(route: str, pk: int, *extra: str) -> str:
    before, after = _around_id(route, get_urlconf(), get_script_prefix(), *extra)
    return f"{before}{int(pk)}{after}"


def origin_of(request) -> str:
    """"https://host" of the request, for the links of one response."""
    return request.build_absolute_uri("/").removesuffix("/")


def api_url(origin: str, kind: str, pk: int) -> str:
    return origin + _path(API_ROUTES[kind], pk)


def page_url(origin: str, kind: str, pk: int) -> str:
    return origin + detail_url(kind, pk)


def download_url(origin: str, kind: str, pk: int, file_format: str) -> str:
    return origin + _path(DOWNLOAD_ROUTES[kind], pk, file_format)


def department_feed_url(origin: str, pk: int) -> str:
    return origin + _path("opendata:department-feed", pk)


@functools.cache
def _list_path(route: str, urlconf: str | None, script_prefix: str) -> str:
    return reverse(route, urlconf=urlconf)


def api_list_url(origin: str, kind: str, **filters: int) -> str:
    """The API list of `kind` ("tasks", "themes"…), filtered: /api/v1/tasks/?report=3."""
    path = _list_path(f"api:{kind.removesuffix('s')}-list", get_urlconf(), get_script_prefix())
    query = "&".join(f"{name}={int(value)}" for name, value in filters.items())
    return f"{origin}{path}?{query}" if query else origin + path

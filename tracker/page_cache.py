"""Rendered public pages, kept until the data behind them changes.

The public site changes when an admin imports, corrects or publishes — a few times a
quarter — and is read all day, so each public page is rendered once per change of the
data and served from memory after that. What makes this safe:

- The key of every stored page holds `ContentVersion.number`, a row in the database that
  moves on once after every committed write the pages could show: each service in
  `tracker.services` says so itself (`services.public_pages.public_pages_changed`, which
  calls `content_changed` on commit); no model signal does it behind the writer's back.
  A request reads the number (one small query) before it reads the data, so a page
  rendered from data older than the last write is stored under a number no longer used.
- Because the version lives in the database, app servers that share the database need
  no shared cache: each keeps its own copies (`CACHES["default"]`, process memory) and
  they all stop using old copies at the same moment.
- Only what a page shows to everyone is stored: a page that set a cookie, used a CSRF
  token or read the session is not (`_visitor_specific`); the key holds the language and
  the query parameters the view reads (no others reach the view).

`DJANGO_PAGE_CACHE=0` turns it off (the benchmark measures both ways).
"""

from __future__ import annotations

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

from tracker.models import ContentVersion

VERSION_ROW = 1


def content_changed() -> None:
    """Mark every stored page stale. Services call it through `public_pages_changed`, after their commit."""
    updated = ContentVersion.objects.filter(pk=VERSION_ROW).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        # The row is made by a migration; a database flushed since (some tests do) lacks it.
        ContentVersion.objects.get_or_create(pk=VERSION_ROW, defaults={"number": 2})


def content_version() -> int | None:
    """The current number, None when the row is missing (then nothing is stored or served from memory)."""
    return ContentVersion.objects.filter(pk=VERSION_ROW).values_list("number", flat=True).first()


def cached_public_page(*, query: tuple[str, ...] = ()):
    """Serve a GET of the decorated view from memory while the data is unchanged (see the module's docstring).

    `query`: the query parameters the view reads. The view sees only those (others are dropped
    from `request.GET`), and they alone make the key, sorted: a junk parameter can neither make
    a new stored copy nor slip into the links of the page.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.GET = _known_parameters(request.GET, query)
            if request.method != "GET" or not settings.PUBLIC_PAGE_CACHE:
                return view(request, *args, **kwargs)
            version = content_version()
            if version is None:
                return view(request, *args, **kwargs)
            key = _page_key(request, version)
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not _visitor_specific(request, response):
                cache.set(key, (response.content, response["Content-Type"]))
            return response

        return wrapper

    return decorator


def _known_parameters(parameters: QueryDict, names: tuple[str, ...]) -> QueryDict:
    """The parameters among `names` with a value, in sorted order (so "?b=1&a=2" and "?a=2&b=1" are one page)."""
    known = QueryDict(mutable=True)
    for name in sorted(names):
        values = [value for value in parameters.getlist(name) if value]
        if values:
            known.setlist(name, values)
    known._mutable = False
    return known


def _visitor_specific(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether the page may hold something of this visitor's: a cookie, a CSRF token, anything from the session.

    None of the public pages does today; this keeps a later change (a form with {% csrf_token %},
    a "logged in as" line) from showing one visitor's page to the next.
    """
    session = getattr(request, "session", None)
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or (session is not None and session.accessed)
    )


def _page_key(request: HttpRequest, version: int) -> str:
    # Hashed: a query string can be longer and hold more characters than a cache key may.
    path = hashlib.sha256(f"{request.path}?{request.GET.urlencode()}".encode()).hexdigest()
    return f"public-page:{version}:{request.LANGUAGE_CODE}:{path}"

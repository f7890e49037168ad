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
  token or read the session is not (`_visitor_specific`); the key holds the scheme and
  host (the API writes absolute links), the language and the query parameters the view
  reads (no others reach the view).

Conditional responses (issue 17): the same number, with the time it last moved, is the
page's validator. A 200 carries `ETag` (the version and when it moved, the release of the
code and the language) and `Last-Modified` (when the version last moved, or the code changed if
later; only once that second is past), with `Cache-Control: no-cache`, so a browser keeps the page and asks again each
time; a request whose `If-None-Match` (or `If-Modified-Since`) still holds is answered
304 after the one query that reads the version: nothing is rendered or sent, on
whichever app server it lands, since they all read the same row. The ETag is weak: the
same version rendered twice is the same data, not always the same bytes (an XLSX holds
the time it was written).

Downloads, the API and the feeds are the same in both languages (`per_language=False`):
they are rendered in Chinese, stored once, and their ETag does not vary with the
language switch.

`DJANGO_PAGE_CACHE=0` turns all of it off: every request renders, and no validator is
sent (the benchmark measures both ways).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from tracker.models import ContentVersion

VERSION_ROW = 1
# Headers a stored copy keeps besides its type: a download's file name.
STORED_HEADERS = ("Content-Disposition",)
# What the validators cover besides the data: the code that renders it (see `release`).
RELEASE_SOURCES = ("tracker", "templates", "static", "config", "requirements.txt")
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".mo", ".json"}
# Last-Modified is sent once the data has stood this long (see `_Validators`).
LAST_MODIFIED_SETTLE_SECONDS = 2


def content_changed() -> None:
    """Mark every stored page stale. Services call it through `public_pages_changed`, after their commit."""
    updated = ContentVersion.objects.filter(pk=VERSION_ROW).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        # The row is made by a migration; a database flushed since (some tests do) lacks it.
        ContentVersion.objects.get_or_create(pk=VERSION_ROW, defaults={"number": 2})


def content_version() -> int | None:
    """The current number, None when the row is missing (then nothing is stored or served from memory)."""
    return ContentVersion.objects.filter(pk=VERSION_ROW).values_list("number", flat=True).first()


def content_state() -> tuple[int, dt.datetime] | None:
    """The current number and when it last moved, in one query; None when the row is missing.

    Every public request asks this, and a stored page is served after it with little else to do: in SQL of its own,
    because building the ORM query took twice as long as running it.
    """
    table = ContentVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, changed_at FROM {connection.ops.quote_name(table)} WHERE id = %s", [VERSION_ROW])
        row = cursor.fetchone()
    if row is None:
        return None
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite hands back the stored text
        changed_at = dt.datetime.fromisoformat(changed_at)
    if timezone.is_naive(changed_at):  # stored in UTC (USE_TZ); SQLite returns it without the zone
        changed_at = changed_at.replace(tzinfo=dt.timezone.utc)
    return number, changed_at


@functools.cache
def release() -> tuple[str, float]:
    """A fingerprint of the code that renders the pages, and the newest modification time among its files.

    A new release can render the same data differently (a template, a column of a download), so
    the validators cover the code too: app servers running the same release compute the same
    fingerprint from the files' contents, whatever their checkout times; the time only ever makes
    `Last-Modified` later, which at worst sends a page that had not changed.
    """
    base = Path(settings.BASE_DIR)
    digest, newest = hashlib.sha256(), 0.0
    for source in RELEASE_SOURCES:
        path = base / source
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if file.suffix in RELEASE_SUFFIXES and file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(base)).encode())
                digest.update(file.read_bytes())
                newest = max(newest, file.stat().st_mtime)
    return digest.hexdigest()[:12], newest


# Free text: anyone can make up a new value on every request, and storing each answer would push the pages
# everyone reads out of the memory (an attacker varying a search would have every visitor's page rendered).
# Such pages are rendered every time, still validated by the ETag.
UNSTORED_PARAMETERS = ("q",)


def cached_public_page(*, query: tuple[str, ...] = (), per_language: bool = True, store_max_bytes: int | None = None):
    """Serve a GET of the decorated view from memory while the data is unchanged, and answer 304 when the
    visitor's copy is still current (see the module's docstring).

    `query`: the query parameters the view reads. The view sees only those (others are dropped
    from `request.GET`), and they alone make the key, sorted: a junk parameter can neither make
    a new stored copy nor slip into the links of the page.
    `per_language`: False for responses that are the same in both languages (downloads, API, feeds):
    rendered in the site's default language, stored and validated once for both.
    `store_max_bytes`: larger responses are sent but not stored (a download of every task is megabytes).
    """

    def decorator(view):
        def render(request, *args, **kwargs) -> HttpResponse:
            if per_language:
                return view(request, *args, **kwargs)
            with translation.override(settings.LANGUAGE_CODE):
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()  # a DRF or template response renders lazily: in this language, now
            response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response

        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            request.GET = _known_parameters(request.GET, query)
            if request.method != "GET" or not settings.PUBLIC_PAGE_CACHE:
                return render(request, *args, **kwargs)
            state = content_state()
            if state is None:
                return render(request, *args, **kwargs)
            version, changed_at = state
            language = request.LANGUAGE_CODE if per_language else "all"
            validators = _Validators(version, changed_at, language, per_language)
            not_modified = get_conditional_response(request, etag=validators.etag, last_modified=validators.last_modified)
            if not_modified is not None:
                return validators.apply(not_modified)
            if any(name in request.GET for name in UNSTORED_PARAMETERS):
                return validators.apply(_rendered(render(request, *args, **kwargs)))
            key = _page_key(request, version, language)
            stored = cache.get(key)
            if stored is not None:
                content, content_type, headers = stored
                return validators.apply(HttpResponse(content, content_type=content_type, headers=headers))
            response = _rendered(render(request, *args, **kwargs))
            if response.status_code != 200 or _visitor_specific(request, response):
                return response
            if not response.streaming and (store_max_bytes is None or len(response.content) <= store_max_bytes):
                headers = {name: response[name] for name in STORED_HEADERS if response.has_header(name)}
                cache.set(key, (response.content, response["Content-Type"], headers))
            return validators.apply(response)

        return wrapper

    return decorator


def _rendered(response: HttpResponse) -> HttpResponse:
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    return response


class _Validators:
    """ETag, Last-Modified and the caching headers of one version of a page."""

    def __init__(self, version: int, changed_at: dt.datetime, language: str, per_language: bool):
        fingerprint, code_changed_at = release()
        # The moment the number moved makes it unique: after a backup is restored, the number counts up again from
        # an older value, and the same number must not validate a copy of what it meant before the restore.
        token = hashlib.sha256(f"{version}|{changed_at.isoformat()}|{fingerprint}|{language}".encode()).hexdigest()
        self.etag = f'W/"{version}-{token[:16]}"'
        last_modified = max(changed_at.timestamp(), code_changed_at)
        # An HTTP date counts whole seconds: a second write within the second of the first would leave it unchanged,
        # and a client asking If-Modified-Since would keep the first. So no date is given until that second (and a
        # second more, for the app servers' clocks, which set it) has passed; the ETag alone validates meanwhile.
        recent = timezone.now().timestamp() - last_modified < LAST_MODIFIED_SETTLE_SECONDS
        self.last_modified = None if recent else int(last_modified)
        self.per_language = per_language

    def apply(self, response: HttpResponse) -> HttpResponse:
        response["ETag"] = self.etag
        if self.last_modified is not None:
            response["Last-Modified"] = http_date(self.last_modified)
        else:
            response.headers.pop("Last-Modified", None)  # a feed sets its own
        # Kept, but asked for again every time: the answer is a 304 until the data changes.
        response["Cache-Control"] = "no-cache"
        if self.per_language:
            # The language comes from the switch's cookie: a shared cache must not give one visitor's language to another.
            patch_vary_headers(response, ("Cookie",))
        return response


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


def _page_key(request: HttpRequest, version: int, language: str) -> str:
    # Hashed: a query string can be longer and hold more characters than a cache key may.
    url = f"{request.scheme}://{request.get_host()}{request.path}?{request.GET.urlencode()}"
    return f"public-page:{version}:{language}:{hashlib.sha256(url.encode()).hexdigest()}"

"""Django settings for 进度看板, read only from the environment (see README "Settings").

Defaults suit a laptop: DEBUG on, SQLite in the project folder. Production sets
DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from config.env import env_admins, env_bool, env_int, env_list, env_origins, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", default=True)

# Only a DEBUG instance may run on the published dev key; a server without its
# own key must not start.
DEV_SECRET_KEY = "django-insecure-dev-only-progress-board-do-not-deploy"
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off")
    SECRET_KEY = DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_origins("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS and browser protections. Off by default only while debugging on a laptop over plain HTTP;
# `manage.py check --deploy` is clean with DJANGO_DEBUG=0 (CI runs it).
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 365 * 24 * 60 * 60, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Asking to be on the browsers' built-in HSTS list is a commitment for the whole domain: its owner's
# decision, so it is off unless set, and Django's reminder about it (security.W021) is silenced.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=False)
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# The language switch's cookie, like the session's: HTTPS only in production, not sent on cross-site requests.
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
if not DEBUG:
    # Trust X-Forwarded-Proto: only behind a proxy that sets it (and drops a client's own), as the
    # nginx example in docs/deploy.md does. Without such a proxy a client could claim HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp; Django 5.2 has none built in): everything from this site only.
# Chart.js is served from static/vendor/, the pages have no inline script or style, and chart data
# sits in json_script blocks, which the browser never runs. The admin follows the same policy; its one
# inline style, simple_history's `style="border-top: 0"` on the history page, is allowed by its hash
# alone ('unsafe-hashes' lets a hash match a style attribute), so no 'unsafe-inline' anywhere.
HISTORY_PAGINATOR_STYLE_HASH = "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"  # "border-top: 0"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-hashes'", HISTORY_PAGINATOR_STYLE_HASH],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: runserver then serves static files through WhiteNoise too, as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    # The open-data API (tracker/api/): DRF for the views, drf-spectacular for the OpenAPI schema, its sidecar
    # for Swagger UI's files served from this site (the CSP allows nothing else); CORS for the open-data URLs.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "simple_history",
    "axes",
    "tracker",
]

MIDDLEWARE = [
    # First, so every response and every log line of the request carries its id.
    "config.request_log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after the HTTPS redirect, before sessions: they need no cookie or query.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that answers on its own (CommonMiddleware's redirects), as django-cors-headers asks.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tracker.middleware.ChineseFirstMiddleware",  # before LocaleMiddleware: Chinese unless the switch says English
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "tracker.middleware.RejectNulBytesMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records who made each admin edit in the models' history.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    ),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite locks the whole database for a writer: take that lock when a transaction begins, so two
    # writers queue (for up to `timeout` seconds) instead of failing when one tries to upgrade its read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one username from one client address lock that pair for 15 minutes. Locking the
# username alone let anyone lock the admins out from anywhere; by pair, the guesser's address is locked and an
# admin elsewhere still logs in. Guessing from many addresses is slowed by the per-username throttle
# (tracker/admin/login_throttle.py). An admin unlocks early with `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Every failure is kept (with its time and address) for the per-username throttle.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The client's address: behind N proxies (nginx, a load balancer) it is the one the outermost of ours wrote into
# X-Forwarded-For; with none (runserver, tests) it is REMOTE_ADDR. Anything a client writes there itself sits
# further left and is never taken. django-ipware reads the header.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", default=0, minimum=0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
# Per username, from any address: after this many failures within the window, a login for that username is
# refused unless THROTTLE_SECONDS have passed since its last failure (from an address it has never logged in from).
LOGIN_THROTTLE_FAILURES = 30
LOGIN_THROTTLE_WINDOW = timedelta(hours=1)
LOGIN_THROTTLE_SECONDS = 10

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
# One English catalogue for the app and the project's templates (templates/ is outside any app).
LOCALE_PATHS = [BASE_DIR / "tracker" / "locale"]
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
# Production serves `collectstatic`'s output through WhiteNoise: names carry a content hash (cached
# for ever) and gzip copies sit beside them. The hashed names exist only after collectstatic, so a
# DEBUG instance (runserver, the tests) uses the plain storage and WhiteNoise reads static/ as is.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        ),
    },
}

# Largest report file the upload form accepts; real reports are about 100 KB.
# Public pages are rendered once per change of the data and then served from each process's memory
# (tracker/page_cache.py says why that stays correct with several app servers). Off: every request renders.
PUBLIC_PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", default=True)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        # A stored page is 5–150 kB: at most ~60 MB per process, the least recently used dropped first.
        "OPTIONS": {"MAX_ENTRIES": env_int("DJANGO_PAGE_CACHE_ENTRIES", default=400, minimum=1)},
    },
    # The open-data throttle's counts, apart: they would otherwise push stored pages out, and pages them.
    "throttle": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "throttle"},
}

# Open data (README "Open data"): any site may read the API, the downloads and the feeds from a browser, with GET
# only and no cookies; the rest of the site sends no CORS headers. The validators are exposed so a script can make
# conditional requests (tracker/page_cache.py).
CORS_URLS_REGEX = r"^/(api/v1|downloads|feeds)/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["Content-Disposition", "ETag", "Last-Modified"]
# Requests per minute from one address to the API and the downloads, counted in each process (approximate with
# several workers, and only for what is rendered: a stored copy or a 304 costs one query and is not counted).
OPEN_DATA_REQUESTS_PER_MINUTE = env_int("DJANGO_OPEN_DATA_RATE", default=120, minimum=1)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Anonymous and read-only: no session read (a stored response must hold nothing of a visitor's), no CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_THROTTLE_CLASSES": ["tracker.opendata.throttling.OpenDataThrottle"],
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_PAGINATION_CLASS": "tracker.api.pagination.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "进度看板 open data API",
    "DESCRIPTION": (
        "Read-only data of the published progress reports (政府工作报告 主要目标任务完成情况): reports, themes (项目), "
        "departments (单位) and tasks. Only published reports appear. Responses carry ETag and Last-Modified; "
        "send If-None-Match to get 304 while the data is unchanged."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": False,
}

TRACKER_MAX_UPLOAD_BYTES = env_int("TRACKER_MAX_UPLOAD_BYTES", default=5 * 1024 * 1024, minimum=1)
# Pasted text is a form field, which Django caps at DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB by default)
# with a bare 400 page. Room for twice the limit plus 1 MB of other fields lets text up to the limit
# through and text well over it reach the form, which says how large it is and what is allowed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * TRACKER_MAX_UPLOAD_BYTES + 1024 * 1024

# Errors are written to stderr (gunicorn passes it to the service's journal) with the request id that the
# response's X-Request-ID header also carries (config/request_log.py); with DJANGO_ADMINS set, each server
# error is also mailed to them. Requests themselves are logged by gunicorn (config/gunicorn.conf.py).
ADMINS = env_admins("DJANGO_ADMINS")
SERVER_EMAIL = env_str("DJANGO_SERVER_EMAIL", default="root@localhost")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", default=25, minimum=1)
LOG_LEVEL = env_str("DJANGO_LOG_LEVEL", default="INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "config.request_log.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "filters": ["request_id"], "formatter": "plain"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "request_id"],
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # Server errors (500s, with their traceback) and refused requests (400s, 403s, 404s are not logged here).
        "django.request": {"handlers": ["stderr", *(["mail_admins"] if ADMINS else [])], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
        "tracker": {"handlers": ["stderr"], "level": LOG_LEVEL, "propagate": False},
        "axes": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}

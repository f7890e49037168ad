"""Top-level URLs: the public pages, the open data (downloads, feeds, API), the admin, and Django's language switch."""

from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from config.health import healthz

urlpatterns = [
    path("", include("tracker.urls")),
    path("", include("tracker.opendata.urls")),
    path("api/v1/", include("tracker.api.urls")),
    path("admin/", admin.site.urls),
    # Without CSRF on purpose: the form is on every public page, and a token in it would tie the
    # stored copy of a page (tracker/page_cache.py) to one visitor's cookie. A forged request can
    # only change the language a visitor reads in, which the visitor changes back with one click.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("healthz", healthz, name="healthz"),
]

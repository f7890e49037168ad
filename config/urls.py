"""Top-level URLs: the public pages, the admin, and Django's language switch."""

from django.contrib import admin
from django.urls import include, path

from config.health import healthz

urlpatterns = [
    path("", include("tracker.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
]

"""Tests for the 404 and 500 pages: the site's layout, both languages, a way back; as deployed (DEBUG off)."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from pytest_django.asserts import assertContains, assertNotContains

from tracker import selectors


@pytest.fixture
def deployed(settings):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = False


@pytest.mark.django_db
def test_a_missing_page_is_answered_in_the_sites_layout_with_a_way_back(client, deployed):
    response = client.get("/reports/999999/")

    assert response.status_code == 404
    assertContains(response, '<a class="site-name" href="/">进度看板</a>', status_code=404, html=True)
    assertContains(response, "<h1>页面不存在</h1>", status_code=404, html=True)
    assertContains(response, '<a href="/">回到首页</a>', status_code=404, html=True)
    assertContains(response, '<a href="/departments/">按名称查找单位</a>', status_code=404, html=True)
    assertNotContains(response, "Not Found", status_code=404)


@pytest.mark.django_db
def test_the_404_page_speaks_english_when_asked(client, deployed):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get("/no-such-page/")

    assertContains(response, '<html lang="en">', status_code=404)
    assertContains(response, "Page not found", status_code=404)
    assertContains(response, "Back to the home page", status_code=404)


@pytest.mark.django_db
@pytest.mark.parametrize("language, heading, way_back", [("zh-hans", "服务器出错", "回到首页"), ("en", "Server error", "Back to the home page")])
def test_a_server_error_is_answered_in_the_sites_layout(deployed, monkeypatch, language, heading, way_back):
    def broken():
        raise RuntimeError("database gone")

    monkeypatch.setattr(selectors, "published_reports", broken)
    client = Client(raise_request_exception=False)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    with override_settings(PUBLIC_PAGE_CACHE=False):
        response = client.get("/")

    assert response.status_code == 500
    assertContains(response, f"<h1>{heading}</h1>", status_code=500, html=True)
    assertContains(response, f'<a href="/">{way_back}</a>', status_code=500, html=True)
    assertContains(response, 'class="site-header"', status_code=500)
    assertNotContains(response, "database gone", status_code=500)

"""Chinese is the default whatever the browser asks for; English is chosen with the switch."""

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains


@pytest.mark.django_db
def test_a_browser_asking_for_english_still_gets_chinese(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assertContains(response, '<html lang="zh-Hans">', html=False)


@pytest.mark.django_db
def test_the_language_switch_turns_the_site_english(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assertContains(response, '<html lang="en">', html=False)

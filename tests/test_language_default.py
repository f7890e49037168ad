"""Chinese is the default whatever the browser asks for; English is chosen with the switch."""

import pytest
from pytest_django.asserts import assertContains


@pytest.mark.django_db
def test_a_browser_asking_for_english_still_gets_chinese(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assertContains(response, '<html lang="zh-Hans">', html=False)

# The switch itself (set_language form → English pages) is driven in a real browser in
# tests/test_browser_dashboard.py: through the test client the active language leaks between tests.

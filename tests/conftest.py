"""Shared fixtures: the two real sample reports, parsed once per test session."""

import os
from pathlib import Path

import pytest

from tracker.parsing import ParsedReport, parse_report_bytes

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE_2022 = FIXTURES_DIR / "2022q3_gongshu.txt"
SAMPLE_2020 = FIXTURES_DIR / "2020q3_gongshu.txt"
CHROMIUM = Path("/usr/bin/chromium")
# Screenshots of the browser tests, kept by CI as artifacts.
ARTIFACTS_DIR = Path(__file__).resolve().parent.parent / "test-artifacts"


def pytest_configure(config):
    """Test-only settings: a fast password hasher (PBKDF2's deliberate slowness took a third of the suite)."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def parsed_2022() -> ParsedReport:
    return parse_report_bytes(SAMPLE_2022.read_bytes(), source_name=SAMPLE_2022.name)


@pytest.fixture(scope="session")
def parsed_2020() -> ParsedReport:
    return parse_report_bytes(SAMPLE_2020.read_bytes(), source_name=SAMPLE_2020.name)


@pytest.fixture(autouse=True)
def page_cache_empty():
    """Every test starts without stored pages: a page another test stored could hold other rows under the same key."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def default_language_afterwards():
    """LocaleMiddleware leaves the last request's language active in the thread: the next test starts in Chinese."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def chromium():
    """A headless Debian Chromium driven by Playwright, for the tests marked `browser`; skips when either is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed: pip install -r requirements-browser.txt"
    )
    # Playwright runs an event loop in this thread; Django would otherwise refuse the ORM calls
    # that live_server and the test make from it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            try:
                yield browser
            finally:
                browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous

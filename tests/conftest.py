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


def pytest_terminal_summary(terminalreporter):
    """Say how to run the browser tests when they were skipped (the README's test command skips them on a machine
    without Chromium or Playwright), instead of leaving it to `-rs`."""
    skipped = [report for report in terminalreporter.stats.get("skipped", []) if "browser" in report.keywords]
    if not skipped:
        return
    longrepr = skipped[0].longrepr
    reason = longrepr[2].removeprefix("Skipped: ") if isinstance(longrepr, tuple) else str(longrepr)
    terminalreporter.write_line(
        f"{len(skipped)} browser tests skipped ({reason}). To run them: apt-get install chromium fonts-noto-cjk, "
        ".venv/bin/pip install -r requirements-browser.txt, then the same command again.",
        yellow=True,
    )


def pytest_configure(config):
    """Test-only settings: a fast password hasher (PBKDF2's deliberate slowness took a third of the suite),
    no open-data rate limit (a crawl renders hundreds of downloads a minute; the throttle's own tests set one),
    and the Hypothesis profile: a quick one while developing, the full count in CI (HYPOTHESIS_PROFILE=ci)."""
    from django.conf import settings
    from hypothesis import settings as hypothesis_settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OPEN_DATA_REQUESTS_PER_MINUTE = 1_000_000
    hypothesis_settings.register_profile("dev", max_examples=100)
    hypothesis_settings.register_profile("ci", max_examples=1000)
    hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def parsed_2022() -> ParsedReport:
    return parse_report_bytes(SAMPLE_2022.read_bytes(), source_name=SAMPLE_2022.name)


@pytest.fixture(scope="session")
def parsed_2020() -> ParsedReport:
    return parse_report_bytes(SAMPLE_2020.read_bytes(), source_name=SAMPLE_2020.name)


@pytest.fixture(autouse=True)
def commits_run_their_hooks(monkeypatch):
    """A service's transaction.on_commit hooks run when its outermost transaction ends, as in production.

    Tests marked django_db run inside a transaction Django's TestCase opens (and rolls back), so
    nothing ever commits and on_commit hooks would never run: the public pages' version would
    never move. Here, when the last atomic block that is not the test's own closes without error,
    its hooks run, exactly where a real commit would run them.
    """
    from django.db import transaction

    original_exit = transaction.Atomic.__exit__

    def exit_then_commit_hooks(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        connection = transaction.get_connection(self.using)
        testcase_only = connection.in_atomic_block and all(block._from_testcase for block in connection.atomic_blocks)
        if exc_type is None and not self._from_testcase and testcase_only and connection.run_on_commit:
            hooks, connection.run_on_commit = connection.run_on_commit, []
            for _, hook, _ in hooks:
                hook()
        return result

    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_then_commit_hooks)
    yield


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

"""Shared fixtures: the two real sample reports, parsed once per test session."""

from pathlib import Path

import pytest

from tracker.parsing import ParsedReport, parse_report_bytes

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE_2022 = FIXTURES_DIR / "2022q3_gongshu.txt"
SAMPLE_2020 = FIXTURES_DIR / "2020q3_gongshu.txt"


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

"""Crawl the public site from `/` with both sample reports imported: every same-site link answers 200, nothing loads from another host."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders

from tracker.services import report_import

PAGE_LIMIT = 800
LINKS_PER_KIND = 4


class LinkCollector(HTMLParser):
    """Every href and src on a page (forms' actions too), as written."""

    def __init__(self):
        super().__init__()
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action") and value is not None:
                self.references.append(value)


def references(html: str) -> list[str]:
    collector = LinkCollector()
    collector.feed(html)
    return collector.references


@pytest.mark.django_db
def test_every_public_page_reached_from_home_answers_200_and_stays_on_site(client, parsed_2022, parsed_2020):
    report_import(parsed=parsed_2022, publish=True)
    report_import(parsed=parsed_2020, publish=True)

    # A page of each kind links to dozens of its own kind (a ranking of ~90 departments): following a few of each
    # kind of link (path and query parameters) reaches every kind of page without rendering hundreds.
    queue, seen, kinds, per_kind = ["/"], {"/"}, set(), {}
    while queue and len(seen) <= PAGE_LIMIT:
        url = queue.pop(0)
        response = client.get(url)
        assert response.status_code == 200, url
        kinds.add(re.sub(r"\d+", "N", urlsplit(url).path))
        if not response["Content-Type"].startswith("text/html"):
            continue  # a download or a feed: reached and answered, holds no page links (a feed's are absolute by design)
        for reference in references(response.content.decode()):
            parts = urlsplit(reference)
            assert parts.scheme in ("", "data"), f"{url} refers to another host: {reference}"
            assert not parts.netloc, f"{url} refers to another host: {reference}"
            if parts.scheme == "data" or reference.startswith("#"):
                continue
            target = urljoin(url, reference).split("#")[0]
            if target.startswith("/static/"):
                assert finders.find(target.removeprefix("/static/")), f"{url} refers to a missing file: {target}"
                continue
            if target.startswith("/i18n/") or target in seen:
                continue
            target_parts = urlsplit(target)
            kind = (re.sub(r"\d+", "N", target_parts.path), tuple(sorted(parse_qs(target_parts.query))))
            per_kind[kind] = per_kind.get(kind, 0) + 1
            if per_kind[kind] > LINKS_PER_KIND:
                continue
            seen.add(target)
            queue.append(target)

    # Every kind of public page was reached, and the open data linked from them.
    assert {"/", "/reports/N/", "/departments/", "/departments/N/", "/themes/N/", "/tasks/N/", "/tasks/", "/status/"} <= kinds
    assert {
        f"/downloads/{kind}/N.{file_format}" for kind in ("reports", "themes", "departments") for file_format in ("csv", "xlsx")
    } | {"/downloads/tasks.csv", "/downloads/tasks.xlsx", "/feeds/reports.atom", "/feeds/departments/N.atom",
         "/api/vN/docs/"} <= kinds  # (the 1 of v1 counted as an id too)

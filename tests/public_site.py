"""The public site as a visitor sees it: every page reached from `/` by links, and the task list's filters.

Downloads are part of it: a CSV as its text, an XLSX as the XML of its sheet and strings (the
file's bytes also hold the time it was written, which says nothing about the data).
"""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

PAGE_LIMIT = 600


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.found.extend(value for name, value in attrs if name == "href" and value)


def response_text(response) -> str:
    """What a visitor reads in a response: the page, the CSV or feed text, an XLSX's sheet and shared strings."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            return "\n".join(
                package.read(name).decode() for name in sorted(package.namelist()) if name.startswith("xl/worksheets/")
                or name == "xl/sharedStrings.xml"
            )
    return content.decode()


def site_pages(client, extra: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """{url: (status, text)} of every same-site page and download linked from `/` (and `extra`), language switch and
    static files aside."""
    queue, pages = ["/", *extra], {}
    while queue and len(pages) < PAGE_LIMIT:
        url = queue.pop(0)
        if url in pages:
            continue
        response = client.get(url)
        text = response_text(response)
        pages[url] = (response.status_code, text)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        links = _Links()
        links.feed(text)
        for reference in links.found:
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc or reference.startswith("#"):
                continue
            target = urljoin(url, reference).split("#")[0]
            if not target.startswith(("/static/", "/i18n/", "/admin/")) and target not in pages:
                queue.append(target)
    return pages

"""The public site as a visitor sees it: every page reached from `/` by links, and the task list's filters."""

from __future__ import annotations

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


def site_pages(client, extra: tuple[str, ...] = ()) -> dict[str, bytes]:
    """{url: content} of every same-site page linked from `/` (and `extra`), language switch and static files aside."""
    queue, pages = ["/", *extra], {}
    while queue and len(pages) < PAGE_LIMIT:
        url = queue.pop(0)
        if url in pages:
            continue
        response = client.get(url)
        pages[url] = (response.status_code, response.content)
        links = _Links()
        links.feed(response.content.decode())
        for reference in links.found:
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc or reference.startswith("#"):
                continue
            target = urljoin(url, reference).split("#")[0]
            if not target.startswith(("/static/", "/i18n/", "/admin/")) and target not in pages:
                queue.append(target)
    return pages

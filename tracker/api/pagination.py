"""Pages of an API list: `?page=` and `?page_size=` (at most MAX_PAGE_SIZE)."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination

from tracker.pagination import KnownCountPaginator


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
    # Set by a view that knows its list's length without counting rows (the unfiltered task list).
    known_count: int | None = None
    # Set by a view whose list counts no further than this (a text search: tracker.pagination).
    count_cap: int | None = None

    def django_paginator_class(self, queryset, page_size):
        """DRF calls this as a class to make the page's paginator: one told the known count, when there is one."""
        return KnownCountPaginator(queryset, page_size, count=self.known_count, cap=self.count_cap)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.page.paginator.count_capped:
            # `count` is then the cap, not the number of matches: said, not left for the client to guess.
            response.data["count_capped"] = True
        return response

    def get_paginated_response_schema(self, schema: dict) -> dict:
        paginated = super().get_paginated_response_schema(schema)
        paginated["properties"]["count_capped"] = {
            "type": "boolean",
            "description": "Present (true) when a text search matched more rows than `count`, which then is the cap: "
            "only that many are listed.",
        }
        return paginated

    def get_next_link(self) -> str | None:
        return self._page_link(self.page.next_page_number()) if self.page.has_next() else None

    def get_previous_link(self) -> str | None:
        return self._page_link(self.page.previous_page_number()) if self.page.has_previous() else None

    def _page_link(self, number: int) -> str:
        """Built from the parameters the view reads, not the raw query string: a stored response is served to
        everyone asking for the same page, and its links must not carry one visitor's junk parameters."""
        parameters = self.request.query_params.copy()
        if number == 1:
            parameters.pop(self.page_query_param, None)
        else:
            parameters[self.page_query_param] = number
        url = self.request.build_absolute_uri(self.request.path)
        return f"{url}?{parameters.urlencode()}" if parameters else url

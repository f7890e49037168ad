"""A paginator told its count: the unfiltered public task list counts from the totals the services keep.

At 60,000 tasks, `SELECT COUNT(*)` over the task table took longer than the rest of the page; the total of
published tasks is already summed per report (Report.stats), so the list counts those instead when no
filter narrows it.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class KnownCountPaginator(Paginator):
    def __init__(self, object_list, per_page, *args, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count if self._known_count is not None else super().count

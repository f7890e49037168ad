"""A paginator told its count, or told to count no further than a cap.

At 60,000 tasks, `SELECT COUNT(*)` over the task table took longer than the rest of the page; the total of
published tasks is already summed per report (Report.stats), so the list counts those instead when no
filter narrows it. A text search cannot be counted from totals, and counting every match of a common word
means reading every task's text: it counts up to `cap` (and lists that many), enough to say "more than".
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class KnownCountPaginator(Paginator):
    def __init__(self, object_list, per_page, *args, count: int | None = None, cap: int | None = None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self._known_count = count
        self.cap = cap

    @cached_property
    def count(self) -> int:
        if self._known_count is not None:
            return self._known_count
        if self.cap is None:
            return super().count
        return min(self._counted_to_cap, self.cap)

    @cached_property
    def count_capped(self) -> bool:
        """Whether there are more rows than the cap (the count and the pages stop there)."""
        return self._known_count is None and self.cap is not None and self._counted_to_cap > self.cap

    @cached_property
    def _counted_to_cap(self) -> int:
        # Unordered, so the database stops after cap + 1 matches instead of sorting every match first.
        return self.object_list.order_by()[: self.cap + 1].count()

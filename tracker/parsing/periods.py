"""The share of the year elapsed at a period's end (序时进度): the one yardstick status and charts use.

A Q3 report (period ending in September) is held to 9/12 = 75%; a figure reported
for "1-8月" to 8/12. Plain Python, no Django.
"""

from __future__ import annotations


def elapsed_share(period_end_month: int | None) -> float | None:
    """0..1 for months 1..12 (a month past 12 counts as the whole year); None when the period is unknown."""
    if not period_end_month or period_end_month < 1:
        return None
    return min(period_end_month, 12) / 12

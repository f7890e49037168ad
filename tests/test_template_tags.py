"""Tests for the public pages' template tags built in Python (tracker/templatetags/tracker_tags.py)."""

from tracker.templatetags.tracker_tags import progress_bar


def test_progress_bar_fills_to_the_nearest_five_percent_and_marks_the_elapsed_share():
    html = progress_bar(0.33, 0.75)

    assert '<span class="progress-fill w-35"></span>' in html
    assert '<span class="progress-elapsed-mark at-75"></span>' in html
    assert '<span class="progress-text">33% <span class="progress-elapsed">序时 75%</span></span>' in html


def test_progress_bar_without_tasks_or_period_has_no_fill_and_no_mark():
    html = progress_bar(None, None)

    assert "progress-fill" not in html
    assert "progress-elapsed" not in html
    assert '<span class="progress-text">—</span>' in html


def test_progress_bar_stays_within_the_track():
    assert "w-100" in progress_bar(1.8, None)

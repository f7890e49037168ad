"""Tests for `manage.py link_series`: a database filled before task series existed gets its tasks linked."""

import io

import pytest
from django.core.management import call_command

from tests.test_services_series import imported
from tracker.models import Task


@pytest.mark.django_db
def test_it_links_tasks_stored_without_a_series_oldest_report_first():
    q2, q3 = imported(2022, 6), imported(2022, 9)
    Task.objects.update(series=None, series_score=None)  # as stored before series existed
    stdout = io.StringIO()

    call_command("link_series", stdout=stdout)

    assert "将为 2 份报告连接任务系列" in stdout.getvalue()
    for seq in (1, 2, 3, 4):
        earlier, later = q2.tasks.get(seq=seq), q3.tasks.get(seq=seq)
        assert earlier.series_id is not None and earlier.series_id == later.series_id
        assert later.series_score == 1.0

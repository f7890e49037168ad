"""Tests for tracker.charts: chart data from plain counts and plain dicts, no database."""

import pytest

from tracker.charts import completion_chart, elapsed_share, status_chart, status_mix, target_actual_chart


@pytest.mark.parametrize("month, share", [(9, 0.75), (6, 0.5), (12, 1.0), (None, None)])
def test_elapsed_share_is_the_share_of_the_year_at_the_period_end(month, share):
    assert elapsed_share(month) == share


def test_status_mix_counts_every_status_in_a_fixed_order():
    mix = status_mix(["behind", "completed", "behind", "unknown"])

    assert [(row["status"], row["count"]) for row in mix.rows()] == [
        ("completed", 1), ("on_track", 0), ("behind", 2), ("not_started", 0), ("suspended", 0), ("unknown", 1),
    ]
    assert (mix.total, mix.completed, mix.known, mix.completion_ratio) == (4, 1, 3, 0.25)


def test_status_mix_of_nothing_has_no_completion_ratio():
    assert status_mix({}).completion_ratio is None


def test_status_chart_leaves_out_empty_statuses():
    chart = status_chart(status_mix({"completed": 2, "behind": 1}))

    assert chart == {"labels": ["已完成", "滞后"], "statuses": ["completed", "behind"], "values": [2, 1], "total": 3}


def test_completion_chart_gives_shares_and_the_elapsed_line():
    rows = [{"label": "甲", "total": 4, "completed": 3, "known": 4}, {"label": "乙", "total": 3, "completed": 0, "known": 1}]

    chart = completion_chart(rows, elapsed=0.75)

    assert (chart["mode"], chart["labels"], chart["values"], chart["elapsed"]) == ("share", ["甲", "乙"], [75.0, 0.0], 75.0)


def test_completion_chart_falls_back_to_counts_when_no_status_is_known():
    rows = [{"label": "甲", "total": 4, "completed": 0, "known": 0}, {"label": "乙", "total": 2, "completed": 0, "known": 0}]

    chart = completion_chart(rows, elapsed=0.75)

    assert (chart["mode"], chart["values"], chart["elapsed"]) == ("count", [4, 2], None)


def test_target_actual_chart_scales_each_actual_to_its_target():
    metrics = [
        {"label": "新建学校", "target": 3, "actual": 2, "unit": "所"},
        {"label": "GDP增速", "target": "6.5", "actual": 7.2, "unit": "%"},
        {"label": "未报实际", "target": 10, "actual": None, "unit": "公里"},
        {"label": "无目标", "target": None, "actual": 5, "unit": "个"},
        {"label": "目标为零", "target": 0, "actual": 5, "unit": "个"},
    ]

    chart = target_actual_chart(metrics)

    assert chart["labels"] == ["新建学校", "GDP增速", "未报实际"]
    assert chart["target_percent"] == [100, 100, 100]
    assert chart["actual_percent"] == [66.7, 110.8, None]
    assert chart["targets"] == [3.0, 6.5, 10.0]
    assert chart["actuals"] == [2.0, 7.2, None]
    assert chart["units"] == ["所", "%", "公里"]


def test_target_actual_chart_of_no_metrics_is_empty():
    assert target_actual_chart([])["labels"] == []

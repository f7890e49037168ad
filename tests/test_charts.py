"""Tests for tracker.charts: chart data from plain counts and plain dicts, no database."""

import pytest

from tracker.charts import (
    elapsed_share,
    measured_completion_chart,
    measured_completion_rows,
    measured_completions,
    status_bars_chart,
    status_chart,
    status_mix,
    target_actual_chart,
    timeline_chart,
)


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


def test_the_headline_groups_on_schedule_behind_stalled_and_unknown():
    mix = status_mix({"completed": 14, "on_track": 23, "behind": 10, "not_started": 1, "suspended": 1, "unknown": 59})

    assert [(group["group"], group["label"], group["count"]) for group in mix.groups()] == [
        ("on_schedule", "按期推进", 37), ("behind", "滞后", 10), ("stalled", "未开工或暂停", 2), ("unknown", "无法从原文判断", 59),
    ]
    assert [row["status"] for row in mix.groups()[0]["statuses"]] == ["completed", "on_track"]
    assert (mix.total, mix.known, mix.on_schedule) == (108, 49, 37)
    assert mix.on_schedule_ratio == 37 / 49


def test_without_a_judged_task_there_is_no_on_schedule_share():
    assert status_mix({"unknown": 3}).on_schedule_ratio is None


def test_status_bars_stack_every_status_some_row_has_with_the_full_names():
    rows = [
        {"label": "（一）经济社会发展主要预期目标与重点工作任务", "mix": status_mix(["completed", "behind", "behind"])},
        {"label": "民生", "mix": status_mix(["unknown"])},
    ]

    chart = status_bars_chart(rows)

    assert chart["labels"] == ["（一）经济社会发展主要预期目标与重点工作任务", "民生"]
    assert chart["series"] == [
        {"status": "completed", "label": "已完成", "values": [1, 0]},
        {"status": "behind", "label": "滞后", "values": [2, 0]},
        {"status": "unknown", "label": "无法从原文判断", "values": [0, 1]},
    ]
    assert chart["totals"] == [3, 1]


def test_measured_targets_give_each_group_its_median_and_count_a_target_once_per_group():
    targets = [
        {"metric_id": 1, "completion": 0.5, "theme_id": 10, "department_id": 7},
        {"metric_id": 1, "completion": 0.5, "theme_id": 10, "department_id": 8},  # the same target, a second department
        {"metric_id": 2, "completion": 1.2, "theme_id": 10, "department_id": 7},
        {"metric_id": 3, "completion": 0.9, "theme_id": 10, "department_id": None},
        {"metric_id": 4, "completion": 0.2, "theme_id": 11, "department_id": 8},
    ]

    by_theme = measured_completions(targets, key="theme_id")
    by_department = measured_completions(targets, key="department_id")
    assert by_theme == {"10": [0.5, 1.2, 0.9], "11": [0.2]}

    themes = measured_completion_rows(by_theme, labels={11: "乙", 10: "甲", 12: "丙"}, elapsed=0.75)
    departments = measured_completion_rows(by_department, labels={7: "财政局", 8: "建设局"}, elapsed=None)

    assert [(row["label"], row["count"], row["median"], row["at_pace"]) for row in themes] == [("乙", 1, 0.2, 0), ("甲", 3, 0.9, 2)]
    assert [(row["label"], row["count"], row["median"], row["at_pace"]) for row in departments] == [
        ("财政局", 2, 0.85, None), ("建设局", 2, 0.35, None),
    ]
    chart = measured_completion_chart(themes, elapsed=0.75)
    assert (chart["labels"], chart["values"], chart["counts"], chart["elapsed"]) == (["乙", "甲"], [20.0, 90.0], [1, 3], 75.0)


def test_timeline_follows_each_target_through_the_reports_beside_the_pace():
    entries = [
        {"period": "2022年 一季度", "elapsed": 0.25, "metrics": [{"label": "停车泊位", "target": 3500, "actual": 700}]},
        {"period": "2022年 上半年", "elapsed": 0.5, "metrics": []},
        {"period": "2022年 三季度", "elapsed": 0.75, "metrics": [{"label": "停车泊位", "target": 3500, "actual": 2800}, {"label": "无实际", "target": 5, "actual": None}]},
    ]

    chart = timeline_chart(entries)

    assert chart["labels"] == ["2022年 一季度", "2022年 上半年", "2022年 三季度"]
    assert chart["lines"] == [{"label": "停车泊位", "values": [20.0, None, 80.0]}]
    assert chart["pace"] == [25.0, 50.0, 75.0]


def test_timeline_without_any_actual_is_empty():
    assert timeline_chart([{"period": "甲", "elapsed": 0.25, "metrics": [{"label": "x", "target": 3, "actual": None}]}])["labels"] == []


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


def test_growth_rates_shares_and_ceilings_are_not_measured_against_the_pace():
    entries = [
        {"period": "一季度", "elapsed": 0.25, "metrics": [
            {"label": "地区生产总值", "target": 7, "actual": 1.2, "kind": "growth"},
            {"label": "森林覆盖率", "target": 24.5, "actual": 24.6, "kind": "percent"},
            {"label": "PM2.5", "target": 35, "actual": 32.8, "kind": "amount", "comparator": "<="},
            {"label": "停车泊位", "target": 3500, "actual": 700, "kind": "count"},
        ]},
        {"period": "二季度", "elapsed": 0.5, "metrics": []},
    ]

    assert [line["label"] for line in timeline_chart(entries)["lines"]] == ["停车泊位"]

"""Metrics are stored with the tasks, and a metric an admin locked survives re-imports."""

import dataclasses

import pytest

from tracker.models import Metric
from tracker.services import report_import

PARKING = {
    "label": "停车泊位", "target": 3500.0, "unit": "个", "comparator": ">=", "kind": "count",
    "actual": 11494.0, "actual_unit": "个", "completion": 3.284, "evidence": {"target": [4, 9], "actual": [7, 13]},
}


def _with_metric(parsed, metric, *, content_hash):
    # Only task 1 carries a metric, so the assertions see exactly the one injected.
    tasks = [dataclasses.replace(task, metrics=[]) for task in parsed.tasks]
    tasks[0].metrics = [dict(metric)]
    return dataclasses.replace(parsed, tasks=tasks, content_hash=content_hash)


@pytest.mark.django_db
def test_imported_metrics_are_stored_with_their_evidence(parsed_2022):
    result = report_import(parsed=_with_metric(parsed_2022, PARKING, content_hash="a" * 64))

    metric = Metric.objects.get(task__report=result.report)
    assert (metric.task.seq, metric.label, metric.target, metric.actual) == (1, "停车泊位", 3500.0, 11494.0)
    assert (metric.target_start, metric.target_end, metric.actual_start, metric.actual_end) == (4, 9, 7, 13)
    assert not metric.locked


@pytest.mark.django_db
def test_reimport_replaces_unlocked_metrics(parsed_2022):
    report_import(parsed=_with_metric(parsed_2022, PARKING, content_hash="a" * 64))
    report_import(parsed=_with_metric(parsed_2022, {**PARKING, "actual": 12000.0}, content_hash="b" * 64))

    assert list(Metric.objects.values_list("actual", flat=True)) == [12000.0]


@pytest.mark.django_db
def test_locked_metric_survives_reimport_of_a_corrected_source(parsed_2022):
    report_import(parsed=_with_metric(parsed_2022, PARKING, content_hash="a" * 64))
    Metric.objects.update(actual=11500.0, locked=True)

    report_import(parsed=_with_metric(parsed_2022, {**PARKING, "actual": 99.0}, content_hash="b" * 64))

    assert list(Metric.objects.values_list("actual", "locked")) == [(11500.0, True)]

"""parse_report_bytes(judge=False): the table without its figures and statuses, read later for the rows wanted.

The admin's preview of a long table reads the figures of the rows it shows only (tracker/admin/report_import.py).
"""

import pytest

from tests.conftest import SAMPLE_2020, SAMPLE_2022
from tracker.parsing import judge_tasks, parse_report_bytes
from tracker.parsing.types import Status


@pytest.mark.parametrize("sample", [SAMPLE_2022, SAMPLE_2020], ids=lambda path: path.name)
def test_judging_afterwards_gives_the_same_reading(sample):
    data = sample.read_bytes()
    whole = parse_report_bytes(data, source_name=sample.name)

    unjudged = parse_report_bytes(data, source_name=sample.name, judge=False)
    assert all(task.status is Status.UNKNOWN and not task.metrics for task in unjudged.tasks)
    assert [d.to_json() for d in unjudged.diagnostics] == [d.to_json() for d in whole.diagnostics]

    judge_tasks(unjudged.tasks, period_end_month=unjudged.meta.period_end_month)
    assert unjudged.to_json() == whole.to_json()

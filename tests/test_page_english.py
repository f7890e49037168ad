"""English and numbers on the public pages: labels in context, dates and periods localised, figures formatted alike."""

import pytest
from django.conf import settings
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import report_create
from tests.page_factories import dashboard_report_create
from tracker.models import Metric, Task


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def task_with_figures(db):
    task = dashboard_report_create(statuses=["on_track"], contents=["新增绿地60万方，建成绿道10公里"]).tasks.get()
    Task.objects.filter(pk=task.pk).update(progress="新增绿地57.82万方，建成绿道23.60公里")
    Metric.objects.create(task=task, position=1, label="绿地", target=600000, unit="平方米", actual=578200,
                          target_start=4, target_end=8, actual_start=4, actual_end=10, completion=0.9637)
    Metric.objects.create(task=task, position=2, label="绿道", target=10, unit="公里", actual=23.6, completion=2.36)
    return task


def test_a_metrics_unit_column_is_headed_unit_not_department(client, task_with_figures):
    response = english(client).get(f"/tasks/{task_with_figures.pk}/")

    assertContains(response, '<th scope="col">Unit</th>', html=True)
    assertNotContains(response, '<th scope="col">Department</th>', html=True)


def test_figures_have_thousands_separators_and_no_trailing_zeros(client, task_with_figures):
    response = english(client).get(f"/tasks/{task_with_figures.pk}/")

    assertContains(response, '<td class="numeric">600,000</td><td class="numeric">578,200</td>', html=False)
    assertContains(response, '<td class="numeric">10</td><td class="numeric">23.6</td>', html=False)


def test_in_chinese_a_figure_the_source_wrote_in_wan_stays_in_wan(client, task_with_figures):
    response = client.get(f"/tasks/{task_with_figures.pk}/")

    assertContains(response, '<td class="numeric">60万</td><td class="numeric">57.82万</td>', html=False)


@pytest.mark.django_db
def test_dates_and_periods_are_in_english(client):
    report_create(title="2022年三季度报告")
    report_create(title="2022年1-8月", quarter=None, period_end_month=8, period_label="1-8月")

    response = english(client).get("/reports/")

    assertContains(response, '<time datetime="2022-10-25">Oct. 25, 2022</time>', html=True)
    assertContains(response, '<td data-label="Period">2022 Q3</td>', html=True)
    assertContains(response, '<td data-label="Period">2022 Jan–Aug</td>', html=True)
    assertNotContains(response, "三季度</td>")


@pytest.mark.django_db
def test_the_headline_reads_in_english(client):
    report = dashboard_report_create(statuses=["completed", "on_track", "behind", "unknown"])

    response = english(client).get(f"/reports/{report.pk}/")

    assertContains(response, "4 tasks: 2 on schedule (1 of them completed), 1 behind, 0 not started or suspended, 1 that cannot be judged from the text.")
    assertContains(response, "Cannot be judged from the text")
    assertContains(response, "How status is judged")

"""Judging the unknowns (issue 13): one screen per report, a status and reason per task or for a selection,
kept as corrections across re-imports and shown publicly as 人工判定."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.admin_users import EDITORS, VIEWERS, staff_user_create
from tracker import services
from tracker.models import Task


@pytest.fixture
def report(db, parsed_2022):
    return services.report_import(parsed=parsed_2022, publish=True).report


@pytest.fixture
def editor_client(client, db):
    client.force_login(staff_user_create(username="editor", group=EDITORS))
    return client


def judge_url(report):
    return reverse("admin:tracker_report_judge", args=[report.pk])


def test_the_queue_lists_the_tasks_whose_status_is_unknown(editor_client, report):
    unknown = report.tasks.filter(status=Task.Status.UNKNOWN)

    page = editor_client.get(judge_url(report))

    assert page.status_code == 200
    assert page.content.decode().count('class="judge-row"') == unknown.count() > 0
    assertContains(page, f"还有 {unknown.count()} 项任务的状态无法从文字判断")


def test_a_status_and_reason_per_task_are_kept_as_corrections_and_shown_publicly(editor_client, report, client, parsed_2022):
    task = report.tasks.filter(status=Task.Status.UNKNOWN).order_by("seq").first()

    editor_client.post(judge_url(report), {f"status-{task.pk}": "on_track", f"reason-{task.pk}": "已召开专题会议推进"})

    task.refresh_from_db()
    assert (task.status, task.status_reason) == ("on_track", "已召开专题会议推进")
    assert set(task.corrected_fields) >= {"status", "status_reason"}
    assertContains(client.get(f"/tasks/{task.pk}/"), "人工判定")
    import copy, dataclasses
    corrected = copy.deepcopy(parsed_2022)
    corrected.tasks[0].progress += "（更正）"
    services.report_import(parsed=dataclasses.replace(corrected, content_hash="f" * 64), publish=True)
    task.refresh_from_db()
    assert task.status == "on_track"


def test_one_status_for_a_selection(editor_client, report):
    tasks = list(report.tasks.filter(status=Task.Status.UNKNOWN).order_by("seq")[:3])

    editor_client.post(
        judge_url(report), {"selected": [task.pk for task in tasks], "bulk_status": "behind", "bulk_reason": "未报送进展"}
    )

    assert [(t.status, t.status_reason) for t in Task.objects.filter(pk__in=[t.pk for t in tasks])] == [("behind", "未报送进展")] * 3
    assertNotContains(editor_client.get(judge_url(report)), f'name="status-{tasks[0].pk}"')  # judged: off the queue


def test_nothing_chosen_says_so(editor_client, report):
    response = editor_client.post(judge_url(report), {}, follow=True)

    assertContains(response, "没有选择任何任务的状态")


def test_a_viewer_cannot_judge(client, report):
    client.force_login(staff_user_create(username="viewer", group=VIEWERS))
    task = report.tasks.filter(status=Task.Status.UNKNOWN).first()

    assert client.post(judge_url(report), {f"status-{task.pk}": "completed"}).status_code == 403
    assert Task.objects.get(pk=task.pk).status == Task.Status.UNKNOWN


def test_the_queue_s_queries_do_not_grow_with_its_tasks(editor_client, report, django_assert_max_num_queries):
    # session, user, report, the queue; the rest is the admin's own page
    with django_assert_max_num_queries(8):
        editor_client.get(judge_url(report))


def doubtful_metric(task, **fields):
    from tracker.models import Metric

    values = dict(position=9, label="上市挂牌企业", target=5, unit="家", kind="count", actual=9, actual_unit="家",
                  target_text="5家", confidence="doubtful", confidence_reason="实际值是拟上市企业库，不是上市企业")
    return Metric.objects.create(task=task, **(values | fields))


def test_doubtful_pairs_are_listed_and_accepting_or_rejecting_is_kept(editor_client, report, client, parsed_2022):
    from tracker.models import Metric

    first, second = report.tasks.order_by("seq")[:2]
    accepted, rejected = doubtful_metric(first), doubtful_metric(second, label="应急广播", target=18, actual=20)
    assert not any(m["label"] == "上市挂牌企业" for m in client.get(f"/tasks/{first.pk}/").context["metrics"])

    page = editor_client.get(judge_url(report))
    assertContains(page, "实际值是拟上市企业库，不是上市企业")
    editor_client.post(judge_url(report), {f"review-{accepted.pk}": "accepted", f"review-{rejected.pk}": "rejected"})

    assert Metric.objects.get(pk=accepted.pk).review == "accepted" and Metric.objects.get(pk=accepted.pk).locked
    assert Metric.objects.get(pk=accepted.pk).completion == pytest.approx(9 / 5)
    assert [m["label"] for m in client.get(f"/tasks/{first.pk}/").context["metrics"]].count("上市挂牌企业") == 1
    assert not any(m["label"] == "应急广播" for m in client.get(f"/tasks/{second.pk}/").context["metrics"])
    assertNotContains(editor_client.get(judge_url(report)), "实际值是拟上市企业库")
    import copy, dataclasses
    corrected = copy.deepcopy(parsed_2022)
    corrected.tasks[5].progress += "（更正）"
    services.report_import(parsed=dataclasses.replace(corrected, content_hash="a" * 64), publish=True)
    assert Metric.objects.get(pk=accepted.pk).review == "accepted"
    assert Metric.objects.get(pk=rejected.pk).review == "rejected"


def test_an_accepted_pair_counts_in_the_report_s_measured_targets_and_an_edited_figure_moves_them(editor_client, report):
    from tracker import charts, selectors
    from tracker.models import Metric, Report

    task = report.tasks.filter(theme__isnull=False).order_by("seq").first()

    def theme_row():
        stored = Report.objects.get(pk=report.pk)  # what the report and home pages read
        completions = selectors.report_measured_completions(stored, key="theme")
        rows = charts.measured_completion_rows(completions, labels={task.theme_id: "项目"}, elapsed=None)
        return rows[0] if rows else {"count": 0}

    before = theme_row()["count"]
    pair = doubtful_metric(task)
    assert theme_row()["count"] == before  # doubtful: not public

    editor_client.post(judge_url(report), {f"review-{pair.pk}": "accepted"})
    assert theme_row()["count"] == before + 1

    pair = Metric.objects.get(pk=pair.pk)
    pair.actual = None
    services.task_metrics_save(task=task, edited=[(pair, ["actual"])])
    assert theme_row()["count"] == before  # no actual: nothing to measure

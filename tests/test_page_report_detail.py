"""Tests for `/reports/<id>/`: one published report's figures, themes, departments and task table."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create


@pytest.mark.django_db
def test_it_shows_the_report_with_its_themes_departments_and_tasks(client):
    report = dashboard_report_create(title="2022年三季度报告", themes=["经济发展", "民生保障"], lead="区建设局", co="区财政局")
    task = report.tasks.get(seq=3)

    response = client.get(f"/reports/{report.pk}/")

    assertContains(response, "<h1>2022年三季度报告</h1>", html=True)
    assertContains(response, "经济发展")
    assertContains(response, "民生保障")
    assertContains(response, "区建设局")
    assertContains(response, '<span class="role role-co">配合</span>', html=True)
    assertContains(response, f'href="/tasks/{task.pk}/"')
    assertContains(response, '<span class="status-badge status-behind">', count=2)  # the task table and the sr-only status table


@pytest.mark.django_db
def test_unpublished_or_missing_reports_are_not_found(client):
    report = dashboard_report_create(is_published=False)

    assert client.get(f"/reports/{report.pk}/").status_code == 404
    assert client.get("/reports/999999/").status_code == 404


@pytest.mark.django_db
def test_the_headline_measures_against_the_elapsed_share_of_the_year(client):
    report = dashboard_report_create(period_end_month=6, quarter=2, period_label="上半年")

    response = client.get(f"/reports/{report.pk}/")

    assertContains(response, "全年已过 50%")


@pytest.mark.django_db
def test_tasks_are_grouped_under_their_themes_with_their_counts(client):
    report = dashboard_report_create(statuses=["completed", "behind", "on_track"], themes=["经济发展", "民生保障"])

    page = client.get(f"/reports/{report.pk}/").content.decode()

    groups = page.split('<details class="theme-group">')[1:]
    assert len(groups) == 2
    assert "（1）经济发展" in groups[0] and "2 项 · 按期 2 · 滞后 0" in groups[0]
    assert groups[0].count('class="task-row"') == 2 and groups[1].count('class="task-row"') == 1


@pytest.mark.django_db
def test_report_without_tasks_says_so(client):
    report = dashboard_report_create(statuses=[])

    response = client.get(f"/reports/{report.pk}/")

    assertContains(response, "本报告暂无任务")
    assertNotContains(response, 'class="task-row"')


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    reports = [dashboard_report_create(year=2000 + number) for number in range(report_count)]

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the report (its tasks per status, and per status in each theme, counted by the services: Report.stats)
    # 3. its tasks
    # 4. the tasks' department links with their departments
    # 5. its themes
    # 6. its departments with their counts (DepartmentReportStat; its measurable targets are in Report.stats)
    # 7. the last reports of its family (the previous one among them)
    # 8. its and the previous report's tasks, for "since the previous report"
    with django_assert_num_queries(8):
        response = client.get(f"/reports/{reports[-1].pk}/")

    assert response.content.decode().count('class="task-row"') == 4


@pytest.mark.django_db
def test_markup_in_content_theme_and_department_names_shows_as_text(client):
    # The table rows are built in Python (tracker_tags.task_rows), not by the template engine's autoescape.
    report = dashboard_report_create(
        contents=['<script>alert("内容")</script>'], statuses=["on_track"], themes=["<b>项目</b>"], lead="<i>单位</i>", co=None
    )

    page = client.get(f"/reports/{report.pk}/").content.decode()

    assert "&lt;script&gt;alert(&quot;内容&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;项目&lt;/b&gt;" in page
    assert "&lt;i&gt;单位&lt;/i&gt;" in page
    assert "<script>alert" not in page and "<b>项目" not in page and "<i>单位" not in page


@pytest.mark.django_db
def test_long_content_is_cut_to_120_characters_with_an_ellipsis(client):
    report = dashboard_report_create(contents=["长" * 130], statuses=["on_track"])

    page = client.get(f"/reports/{report.pk}/").content.decode()

    assert "长" * 119 + "…</a>" in page
    assert "长" * 120 not in page


@pytest.mark.django_db
def test_it_lists_what_changed_since_the_previous_report_of_the_family(client):
    from tests.test_services_series import imported
    from tracker.parsing import Status

    imported(2022, 6, ["甲", "乙", "丙", "丁<b>"], statuses=[Status.ON_TRACK, Status.ON_TRACK, Status.COMPLETED, Status.ON_TRACK])
    q3 = imported(2022, 9, ["甲", "乙", "丙", "戊"], statuses=[Status.COMPLETED, Status.BEHIND, Status.COMPLETED, Status.ON_TRACK])
    completed = q3.tasks.get(content__startswith="甲")

    page = client.get(f"/reports/{q3.pk}/").content.decode()
    section = page.split('id="changes-heading"')[1].split("</section>")[0]

    lists = {kind: section.split(f'change-{kind}"')[1].split("</details>")[0] for kind in ("completed", "behind", "new", "dropped")}
    assert f'<a href="/tasks/{completed.pk}/">任务 1</a> 甲' in lists["completed"]
    assert 'status-on_track' in lists["completed"] and "→" in lists["completed"] and "status-completed" in lists["completed"]
    assert "乙" in lists["behind"] and "status-behind" in lists["behind"]
    assert "戊" in lists["new"] and "status-change" not in lists["new"]
    assert "丁&lt;b&gt;" in lists["dropped"] and "丁<b>" not in section

"""Tests for `/tasks/`: all published tasks, filtered, sorted and paged through shareable GET parameters."""

import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.page_factories import dashboard_report_create, department_get
from tracker.models import Report, Theme


@pytest.fixture
def two_reports():
    old = dashboard_report_create(
        title="2021年报告", year=2021, statuses=["completed", "behind"], contents=["修建公园", "治理河道"], lead="区建设局", co=None
    )
    new = dashboard_report_create(
        title="2022年报告", year=2022, statuses=["on_track", "behind"], contents=["新建学校", "改造老旧小区"], lead="区教育局", co="区建设局"
    )
    return old, new


def rows(response) -> int:
    return response.content.decode().count('class="task-row"')


@pytest.mark.django_db
def test_it_lists_every_published_task_newest_report_first(client, two_reports):
    dashboard_report_create(contents=["未发布任务"] * 4, is_published=False)

    response = client.get("/tasks/")

    assert rows(response) == 4
    assertContains(response, "共 4 项任务")
    assertNotContains(response, "未发布任务")
    page = response.content.decode()
    assert page.index("新建学校") < page.index("修建公园")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=behind", {"治理河道", "改造老旧小区"}),
        ("q=学校", {"新建学校"}),
        ("q=进展 2", {"治理河道", "改造老旧小区"}),
        ("role=co", {"新建学校", "改造老旧小区"}),
    ],
)
def test_filters_narrow_the_list(client, two_reports, query, expected):
    response = client.get(f"/tasks/?{query}")

    shown = {content for content in ["修建公园", "治理河道", "新建学校", "改造老旧小区"] if content in response.content.decode()}
    assert shown == expected


@pytest.mark.django_db
def test_department_and_role_filter_one_link_together(client, two_reports):
    construction = department_get("区建设局")

    lead = client.get(f"/tasks/?department={construction.pk}&role=lead").content.decode()
    co = client.get(f"/tasks/?department={construction.pk}&role=co").content.decode()

    assert "修建公园" in lead and "新建学校" not in lead
    assert "新建学校" in co and "修建公园" not in co


@pytest.mark.django_db
def test_report_and_theme_filters(client, two_reports):
    old, new = two_reports
    theme = Theme.objects.get(report=new, name="经济发展")

    by_report = client.get(f"/tasks/?report={old.pk}")
    by_theme = client.get(f"/tasks/?theme={theme.pk}")

    assert rows(by_report) == 2 and "修建公园" in by_report.content.decode()
    assert rows(by_theme) == 1 and "新建学校" in by_theme.content.decode()


@pytest.mark.django_db
def test_sorting_by_status_and_links_keep_the_filters(client, two_reports):
    response = client.get("/tasks/?q=进展&sort=status")

    page = response.content.decode()
    # Most urgent first: behind, then on track, then completed.
    assert page.index("治理河道") < page.index("新建学校") < page.index("修建公园")
    assertContains(response, '<th scope="col" aria-sort="ascending"><a href="?q=%E8%BF%9B%E5%B1%95&amp;sort=-status" class="sort sort-ascending">状态</a> <a class="help-link" href="/status/">状态如何判定</a></th>', html=True)
    assertContains(response, 'href="?q=%E8%BF%9B%E5%B1%95&amp;sort=-status"')


@pytest.mark.django_db
def test_no_match_shows_the_empty_state(client, two_reports):
    response = client.get("/tasks/?q=不存在的词")

    assertContains(response, "没有符合条件的任务")


@pytest.mark.django_db
def test_invalid_parameters_do_not_break_the_page(client, two_reports):
    response = client.get("/tasks/?report=abc&status=nonsense&page=zz&sort=evil")

    assert response.status_code == 200


@pytest.mark.django_db
def test_pages_of_fifty_with_shareable_links(client):
    for number in range(3):
        dashboard_report_create(year=2000 + number, statuses=["on_track"] * 20)

    first = client.get("/tasks/?status=on_track")
    last = client.get("/tasks/?status=on_track&page=2")

    assert rows(first) == 50 and rows(last) == 10
    assertContains(first, 'href="?status=on_track&amp;page=2" rel="next"')


@pytest.mark.django_db
def test_theme_choices_are_those_of_the_chosen_report(client, two_reports):
    old, new = two_reports
    new_theme = Theme.objects.filter(report=new).first()

    unfiltered = client.get("/tasks/").content.decode()
    by_report = client.get(f"/tasks/?report={old.pk}").content.decode()
    by_theme = client.get(f"/tasks/?theme={new_theme.pk}").content.decode()

    def theme_options(page: str) -> set[str]:
        select = page[re.search(r'<select[^>]* name="theme"', page).start():]
        select = select[: select.index("</select>")]
        return set(re.findall(r'<option value="(\d+)"', select))

    assert theme_options(unfiltered) == set()
    assert "全部项目（先选报告）" in unfiltered
    assert theme_options(by_report) == {str(pk) for pk in Theme.objects.filter(report=old).values_list("pk", flat=True)}
    assert theme_options(by_theme) == {str(pk) for pk in Theme.objects.filter(report=new).values_list("pk", flat=True)}


@pytest.mark.django_db
def test_department_choices_narrow_to_the_chosen_report(client, two_reports):
    old, _ = two_reports

    def department_options(page: str) -> set[str]:
        select = page[re.search(r'<select[^>]* name="department"', page).start():]
        return set(re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select[: select.index("</select>")]))

    assert department_options(client.get("/tasks/").content.decode()) == {"区建设局", "区教育局"}
    assert department_options(client.get(f"/tasks/?report={old.pk}").content.decode()) == {"区建设局"}


@pytest.mark.django_db
@pytest.mark.parametrize("report_count", [2, 100])
def test_query_count_does_not_grow_with_reports(client, django_assert_num_queries, report_count):
    for number in range(report_count):
        dashboard_report_create(year=2000 + number)

    # 1. the page cache's content version (tracker.page_cache)
    # 2. the count for the paginator
    # 3. one page of tasks with report and theme
    # 4. their department links with departments
    # 5-6. the filter form's choices: reports, departments (themes only once a report is chosen)
    with django_assert_num_queries(6):
        response = client.get("/tasks/?status=behind&sort=-seq")

    assert rows(response) == min(report_count, 50)

    # With a report chosen, the same and 7. the chosen report, checked by the form, 8. the themes of that report.
    newest = Report.objects.newest_first().first()
    with django_assert_num_queries(8):
        response = client.get(f"/tasks/?report={newest.pk}&sort=-seq")

    assert rows(response) == 4


@pytest.mark.django_db
def test_a_search_lists_no_more_than_the_cap_and_says_there_are_more(client, monkeypatch):
    # Counting every task that holds a common word reads every task's text: a search counts to a cap.
    monkeypatch.setattr("tracker.selectors.SEARCH_MAX_RESULTS", 3)
    dashboard_report_create(contents=[f"道路改造{n}" for n in range(5)], statuses=["on_track"] * 5)

    capped = client.get("/tasks/?q=道路")
    under_the_cap = client.get("/tasks/?q=道路改造1")
    unsearched = client.get("/tasks/")

    assertContains(capped, "超过 3 项任务符合搜索，只列出前 3 项")
    assert capped.content.decode().count('class="task-row"') == 3
    assertContains(under_the_cap, "共 1 项任务")
    assertContains(unsearched, "共 5 项任务")

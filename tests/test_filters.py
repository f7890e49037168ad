"""Tests for tracker.filters.TaskFilter, on querysets, without the web layer."""

import pytest

from tests.page_factories import dashboard_report_create, department_get
from tracker.filters import TaskFilter
from tracker.models import Task


def contents(params) -> list[str]:
    return sorted(TaskFilter(params, queryset=Task.objects.all()).qs.values_list("content", flat=True))


ALL = sorted(["办学", "修路", "建桥"])


@pytest.fixture
def tasks():
    dashboard_report_create(statuses=["completed", "behind"], contents=["修路", "建桥"], lead="区建设局", co="区财政局")
    dashboard_report_create(statuses=["on_track"], contents=["办学"], lead="区财政局", co=None)


@pytest.mark.django_db
def test_role_alone_keeps_tasks_with_any_co_operating_department(tasks):
    assert contents({"role": "co"}) == sorted(["修路", "建桥"])


@pytest.mark.django_db
def test_department_with_role_must_match_the_same_link(tasks):
    finance = department_get("区财政局").pk

    assert contents({"department": finance}) == ALL
    assert contents({"department": finance, "role": "lead"}) == ["办学"]
    assert contents({"department": finance, "role": "co"}) == sorted(["修路", "建桥"])


@pytest.mark.django_db
def test_text_search_needs_every_word_in_content_or_progress(tasks):
    assert contents({"q": "修"}) == ["修路"]
    assert contents({"q": "进展 2"}) == ["建桥"]
    assert contents({"q": "进展 办"}) == ["办学"]


@pytest.mark.django_db
def test_status_filter_and_invalid_values(tasks):
    assert contents({"status": "behind"}) == ["建桥"]
    assert contents({"status": "nonsense"}) == ALL


@pytest.mark.django_db
def test_unpublished_reports_are_not_offered_as_choices():
    dashboard_report_create(title="公开报告")
    dashboard_report_create(title="内部报告", is_published=False)

    choices = [label for _, label in TaskFilter({}).form.fields["report"].choices]

    assert "公开报告" in choices and "内部报告" not in choices


@pytest.mark.django_db
def test_sorting_by_status_puts_the_most_urgent_first(tasks):
    ordered = TaskFilter({"sort": "status"}, queryset=Task.objects.all()).qs
    assert [task.content for task in ordered] == ["建桥", "办学", "修路"]  # behind, on track, completed

    reversed_order = TaskFilter({"sort": "-status"}, queryset=Task.objects.all()).qs
    assert [task.content for task in reversed_order] == ["修路", "办学", "建桥"]


@pytest.mark.django_db
def test_a_chosen_report_or_department_not_among_the_options_is_an_error():
    dashboard_report_create(title="内部报告", is_published=False)
    hidden = Task.objects.first().report

    assert "report" in TaskFilter({"report": hidden.pk}).form.errors
    assert "department" in TaskFilter({"department": 999999}).form.errors


@pytest.mark.django_db
def test_the_form_keeps_the_chosen_values_selected(tasks):
    finance = department_get("区财政局").pk

    report = Task.objects.get(content="办学").report
    form = TaskFilter({"report": report.pk, "department": finance, "role": "co", "status": "behind"}).form

    assert f'<option value="{report.pk}" selected>{report.title}</option>' in str(form["report"])
    assert f'<option value="{finance}" selected>区财政局</option>' in str(form["department"])
    assert '<option value="co" selected>配合</option>' in str(form["role"])
    assert '<select id="id_status" name="status">' in str(form["status"])


def test_a_search_keeps_ten_distinct_words_of_its_first_hundred_characters():
    from tracker.filters import SEARCH_MAX_CHARACTERS, SEARCH_MAX_TERMS, search_terms

    assert search_terms("修路  建桥 修路") == ["修路", "建桥"]
    words = search_terms(" ".join(f"w{n}" for n in range(2000)))
    assert len(words) == SEARCH_MAX_TERMS == 10
    assert search_terms("x" * 500) == ["x" * SEARCH_MAX_CHARACTERS]
    assert search_terms("a\x00b") == ["a", "b"]


@pytest.mark.django_db
def test_a_two_thousand_word_search_is_one_filter_of_ten_words(tasks, django_assert_num_queries):
    query = " ".join(f"词{n}" for n in range(2000))

    queryset = TaskFilter({"q": query}, queryset=Task.objects.all()).qs
    sql = str(queryset.query)

    assert sql.count("LIKE") == 2 * 10  # content or progress, for each of ten words
    with django_assert_num_queries(1):
        assert list(queryset) == []


@pytest.mark.django_db
def test_a_word_with_letters_matches_in_any_case_and_a_chinese_word_as_written():
    # Words without case are matched with LIKE (faster); words with letters must still match in any case.
    dashboard_report_create(statuses=["on_track", "on_track"], contents=["建设5G基站", "推进ppp项目"])

    assert contents({"q": "5g"}) == ["建设5G基站"]
    assert contents({"q": "PPP 项目"}) == ["推进ppp项目"]
    assert contents({"q": "基站"}) == ["建设5G基站"]

"""Tests for the read-only JSON API, /api/v1/: reports, themes, departments and tasks of published reports."""

import re

import pytest
from django.core.management import call_command
from django.test import override_settings
from drf_spectacular.validation import validate_schema

from tests.open_data import full_report_create
from tests.page_factories import dashboard_report_create, department_get
from tracker.models import Task, TaskSeries, Theme

pytestmark = pytest.mark.django_db


def test_the_root_says_where_everything_is(client):
    links = client.get("/api/v1/").json()

    assert links == {
        "reports": "http://testserver/api/v1/reports/",
        "themes": "http://testserver/api/v1/themes/",
        "departments": "http://testserver/api/v1/departments/",
        "tasks": "http://testserver/api/v1/tasks/",
        "schema": "http://testserver/api/v1/schema/",
        "docs": "http://testserver/api/v1/docs/",
        "report_feed": "http://testserver/feeds/reports.atom",
    }


def test_reports_newest_first_with_their_counts_and_links(client):
    old = dashboard_report_create(title="2021年报告", year=2021, statuses=["completed", "behind"])
    new = full_report_create(title="2022年报告", year=2022)
    dashboard_report_create(title="草稿报告", year=2023, is_published=False)

    listing = client.get("/api/v1/reports/").json()

    assert listing["count"] == 2 and listing["next"] is None and listing["previous"] is None
    assert [report["title"] for report in listing["results"]] == ["2022年报告", "2021年报告"]
    report = listing["results"][0]
    assert report == client.get(f"/api/v1/reports/{new.pk}/").json()
    assert report["id"] == new.pk
    assert report["url"] == f"http://testserver/api/v1/reports/{new.pk}/"
    assert report["html_url"] == f"http://testserver/reports/{new.pk}/"
    assert report["period"] == "2022年 三季度" and report["year"] == 2022 and report["quarter"] == 3
    assert report["task_count"] == 2
    assert report["status_counts"] == {
        "completed": 0, "on_track": 1, "behind": 1, "not_started": 0, "suspended": 0, "unknown": 0
    }
    assert report["links"] == {
        "themes": f"http://testserver/api/v1/themes/?report={new.pk}",
        "tasks": f"http://testserver/api/v1/tasks/?report={new.pk}",
        "csv": f"http://testserver/downloads/reports/{new.pk}.csv",
        "xlsx": f"http://testserver/downloads/reports/{new.pk}.xlsx",
    }
    assert listing["results"][1]["status_counts"]["completed"] == 1
    assert old.pk == listing["results"][1]["id"]


def test_a_task_with_everything_it_has(client):
    report = full_report_create(title="2022年报告")
    task = report.tasks.get(seq=1)
    task.series = TaskSeries.objects.create()
    task.save()

    shown = client.get(f"/api/v1/tasks/{task.pk}/").json()

    assert shown == {
        "id": task.pk,
        "url": f"http://testserver/api/v1/tasks/{task.pk}/",
        "html_url": f"http://testserver/tasks/{task.pk}/",
        "report": {
            "id": report.pk, "url": f"http://testserver/api/v1/reports/{report.pk}/",
            "html_url": f"http://testserver/reports/{report.pk}/", "title": "2022年报告", "year": 2022,
            "period": "2022年 三季度",
        },
        "theme": {
            "id": task.theme_id, "url": f"http://testserver/api/v1/themes/{task.theme_id}/",
            "html_url": f"http://testserver/themes/{task.theme_id}/", "number": "1", "name": "经济发展",
        },
        "seq": 1,
        "source_seq": "",
        "content": "新增停车泊位3500个",
        "progress": "停车泊位已新增1000个",
        "completion_text": "29%",
        "note": "市级考核",
        "status": "behind",
        "status_label": "滞后",
        "status_reason": "停车泊位完成率28.57%，低于序时进度75%",
        "departments": [
            {"id": department_get("区发改经信局").pk, "url": f"http://testserver/api/v1/departments/{department_get('区发改经信局').pk}/",
             "name": "区发改经信局", "role": "lead"},
            {"id": department_get("区财政局").pk, "url": f"http://testserver/api/v1/departments/{department_get('区财政局').pk}/",
             "name": "区财政局", "role": "co"},
        ],
        "leaders": ["张三"],
        "metrics": [
            {"label": "停车泊位", "target": 3500.0, "unit": "个", "comparator": "=", "kind": "count", "actual": 1000.0,
             "actual_unit": "个", "completion": pytest.approx(0.2857, abs=1e-4)},
        ],
        "series": task.series_id,
    }


def test_themes_and_departments_of_published_reports_only(client):
    report = dashboard_report_create(themes=["经济发展", "民生保障"], lead="区建设局", co="区财政局")
    draft = dashboard_report_create(themes=["草稿项目"], lead="草稿单位", co=None, is_published=False)

    themes = client.get("/api/v1/themes/").json()["results"]
    departments = client.get("/api/v1/departments/").json()["results"]

    assert [theme["name"] for theme in themes] == ["经济发展", "民生保障"]
    assert themes[0]["task_count"] == 2 and themes[0]["report"]["id"] == report.pk
    assert [department["name"] for department in departments] == ["区建设局", "区财政局"]
    assert departments[0]["task_count"] == 4
    construction = department_get("区建设局").pk
    assert departments[0]["links"] == {
        "tasks": f"http://testserver/api/v1/tasks/?department={construction}",
        "csv": f"http://testserver/downloads/departments/{construction}.csv",
        "xlsx": f"http://testserver/downloads/departments/{construction}.xlsx",
        "feed": f"http://testserver/feeds/departments/{construction}.atom",
    }
    assert client.get(f"/api/v1/themes/?report={draft.pk}").json()["count"] == 0
    assert client.get(f"/api/v1/themes/{Theme.objects.get(name='草稿项目').pk}/").status_code == 404
    assert client.get(f"/api/v1/departments/{department_get('草稿单位').pk}/").status_code == 404


def test_themes_and_departments_of_one_report(client):
    first = dashboard_report_create(themes=["甲"], lead="区建设局", co=None, year=2021)
    dashboard_report_create(themes=["乙"], lead="区教育局", co=None, year=2022)

    assert [theme["name"] for theme in client.get(f"/api/v1/themes/?report={first.pk}").json()["results"]] == ["甲"]
    assert [d["name"] for d in client.get(f"/api/v1/departments/?report={first.pk}").json()["results"]] == ["区建设局"]


@pytest.fixture
def two_reports():
    old = dashboard_report_create(
        title="2021年报告", year=2021, statuses=["completed", "behind", "on_track"], contents=["修建公园", "治理河道", "植树造林"],
        lead="区建设局", co=None,
    )
    new = dashboard_report_create(
        title="2022年报告", year=2022, statuses=["on_track", "behind", "unknown"], contents=["新建学校", "改造老旧小区", "建设停车场"],
        lead="区教育局", co="区建设局",
    )
    return old, new


@pytest.mark.parametrize(
    "query",
    [
        "",
        "status=behind",
        "q=学校",
        "sort=-status",
        "sort=theme",
        "department={construction}&role=co",
        "report={new}&sort=status",
        "theme={theme}",
    ],
)
def test_tasks_are_filtered_and_sorted_as_the_task_list_page(client, two_reports, query):
    old, new = two_reports
    query = query.format(
        construction=department_get("区建设局").pk, new=new.pk, theme=Theme.objects.filter(report=old).first().pk
    )
    page = client.get(f"/tasks/?{query}").content.decode()
    shown = [int(pk) for pk in re.findall(r'<tr class="task-row">.*?href="/tasks/(\d+)/"', page, flags=re.S)]

    listed = client.get(f"/api/v1/tasks/?{query}").json()

    assert [task["id"] for task in listed["results"]] == shown
    assert listed["count"] == len(shown)


def test_an_invalid_filter_is_answered_400_with_the_reason(client, two_reports):
    response = client.get("/api/v1/tasks/?status=nonsense")

    assert response.status_code == 400
    assert list(response.json()) == ["status"]


def test_pages_link_to_each_other_keeping_the_filters_and_nothing_else(client):
    dashboard_report_create(contents=[f"任务{number}" for number in range(5)], statuses=["on_track"] * 5)

    first = client.get("/api/v1/tasks/?status=on_track&page_size=2&utm_source=mail").json()
    second = client.get(first["next"]).json()

    assert first["count"] == 5 and len(first["results"]) == 2
    assert first["next"] == "http://testserver/api/v1/tasks/?page_size=2&status=on_track&page=2"
    assert second["previous"] == "http://testserver/api/v1/tasks/?page_size=2&status=on_track"
    assert [task["content"] for task in second["results"]] == ["任务2", "任务3"]
    assert client.get("/api/v1/tasks/?page_size=1000").json()["results"].__len__() == 5  # at most 200 a page


def test_ids_stay_the_same_when_the_data_changes(client):
    report = dashboard_report_create()
    before = client.get("/api/v1/tasks/").json()["results"]

    dashboard_report_create(year=2023)

    after = {task["id"]: task for task in client.get("/api/v1/tasks/").json()["results"]}
    assert all(after[task["id"]]["content"] == task["content"] for task in before)
    assert {task["report"]["id"] for task in before} == {report.pk}


def test_drafts_and_missing_objects_are_not_found(client):
    draft = dashboard_report_create(is_published=False)

    for url in (
        f"/api/v1/reports/{draft.pk}/",
        f"/api/v1/tasks/{draft.tasks.first().pk}/",
        "/api/v1/reports/999999/",
        "/api/v1/reports/abc/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/reports/").json()["count"] == 0
    assert client.get(f"/api/v1/tasks/?report={draft.pk}").status_code == 400  # not a choice: no such published report


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_nothing_can_be_written(client, method):
    report = dashboard_report_create()

    for url in ("/api/v1/reports/", f"/api/v1/reports/{report.pk}/", "/api/v1/tasks/"):
        response = getattr(client, method)(url, data={"title": "改"}, content_type="application/json")
        assert response.status_code == 405, url
    assert client.get(f"/api/v1/reports/{report.pk}/").json()["title"] == report.title


def test_the_schema_validates_and_documents_every_endpoint(client):
    # What `manage.py spectacular --validate --fail-on-warn` checks: OpenAPI 3 JSON schema valid, no warning.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
    served = client.get("/api/v1/schema/")
    schema = served.json()
    validate_schema(schema)

    assert served["Content-Type"] == "application/vnd.oai.openapi+json"
    assert "Content-Disposition" not in served  # shown in the browser, not saved under an unreadable name
    assert set(schema["paths"]) == {
        "/api/v1/reports/", "/api/v1/reports/{id}/", "/api/v1/themes/", "/api/v1/themes/{id}/",
        "/api/v1/departments/", "/api/v1/departments/{id}/", "/api/v1/tasks/", "/api/v1/tasks/{id}/",
    }
    assert all(set(operations) == {"get"} for operations in schema["paths"].values())
    task_filters = {parameter["name"]: parameter for parameter in schema["paths"]["/api/v1/tasks/"]["get"]["parameters"]}
    assert set(task_filters) == {"report", "theme", "department", "role", "status", "q", "sort", "page", "page_size"}
    assert task_filters["role"]["schema"]["enum"] == ["co", "lead"]
    assert task_filters["department"]["schema"]["type"] == "integer"
    assert task_filters["page"]["description"] == "A page number within the paginated result set."  # in English


def test_the_docs_page_runs_swagger_ui_from_this_site(client):
    response = client.get("/api/v1/docs/")

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-schema-url="/api/v1/schema/"' in page
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)
    assert "<script>" not in page  # nothing inline: the CSP allows scripts from this site's files only
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@override_settings(OPEN_DATA_REQUESTS_PER_MINUTE=3, PUBLIC_PAGE_CACHE=False)
def test_one_address_may_make_a_few_requests_a_minute(client):
    from django.core.cache import caches

    caches["throttle"].clear()
    dashboard_report_create()

    statuses = [client.get("/api/v1/reports/").status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    assert client.get("/api/v1/reports/", REMOTE_ADDR="10.0.0.9").status_code == 200


@pytest.mark.parametrize("report_count", [2, 100])
def test_query_counts_do_not_grow_with_reports(client, django_assert_num_queries, report_count):
    reports = [dashboard_report_create(year=2000 + number, lead="区建设局") for number in range(report_count)]
    report = reports[-1]
    theme = Theme.objects.filter(report=report).first()
    task = Task.objects.filter(report=report).first()
    construction = department_get("区建设局")
    # Each: 1. the content version, then
    expected = {
        "/api/v1/": 1,
        "/api/v1/schema/": 1,  # from the code alone
        "/api/v1/docs/": 1,
        "/api/v1/reports/": 3,  # 2. the count  3. a page of reports with task counts (status counts kept in Report.stats)
        f"/api/v1/reports/{report.pk}/": 2,  # 2. the report (its status counts kept in Report.stats)
        "/api/v1/themes/": 3,  # 2. the count  3. a page of themes with their reports and task counts
        f"/api/v1/themes/?report={report.pk}": 3,
        f"/api/v1/themes/{theme.pk}/": 2,  # 2. the theme with its report and task count
        "/api/v1/departments/": 3,  # 2. the count  3. a page of departments with task counts
        f"/api/v1/departments/?report={report.pk}": 3,
        f"/api/v1/departments/{construction.pk}/": 2,
        # 2. the count  3. the page's ids, sorted  4. their rows with report and theme  5. department links
        # 6. leader links  7. figures
        "/api/v1/tasks/": 7,
        f"/api/v1/tasks/?report={report.pk}&status=behind&sort=-status": 8,  # + the chosen report, checked
        f"/api/v1/tasks/?department={construction.pk}&role=lead": 8,  # + the chosen department, checked
        f"/api/v1/tasks/{task.pk}/": 5,  # 2. the task  3.-5. its departments, leaders, figures
    }
    for url, count in expected.items():
        with django_assert_num_queries(count):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.django_db
def test_a_search_counts_to_the_cap_and_says_so(client, monkeypatch):
    monkeypatch.setattr("tracker.selectors.SEARCH_MAX_RESULTS", 3)
    dashboard_report_create(contents=[f"道路改造{n}" for n in range(5)], statuses=["on_track"] * 5)

    capped = client.get("/api/v1/tasks/", {"q": "道路"}).json()
    counted = client.get("/api/v1/tasks/", {"q": "道路改造1"}).json()

    assert (capped["count"], capped["count_capped"], len(capped["results"])) == (3, True, 3)
    assert counted["count"] == 1 and "count_capped" not in counted


@pytest.mark.django_db
def test_the_task_representation_built_by_hand_is_what_drf_would_give():
    # TaskSerializer.to_representation is written out for speed; DRF's generic one, from the declared fields, is the
    # reference (same keys in the same order, same values), with and without a theme, figures and leaders.
    import json

    from rest_framework import serializers as drf

    from tracker.api.serializers import TaskSerializer
    from tracker.opendata import selectors as open_data

    report = full_report_create()
    Task.objects.filter(report=report, seq=2).update(theme=None)
    tasks = open_data.api_task_rows(list(report.tasks.order_by("seq").values_list("pk", flat=True)))
    context = {"origin": "https://example.org"}

    for task in tasks:
        by_hand = TaskSerializer(task, context=context).data
        generic = drf.ModelSerializer.to_representation(TaskSerializer(context=context), task)
        assert json.dumps(by_hand, ensure_ascii=False) == json.dumps(generic, ensure_ascii=False)
    assert tasks[0].metric_rows and tasks[0].leader_rows and tasks[1].theme is None

"""Drafts and pending revisions never appear in any download, API response or feed: only published data is open."""

import pytest

from tests.factories import parsed_report_build, parsed_task_build
from tests.public_site import response_text
from tracker import services
from tracker.models import Department, Report, Task, Theme
from tracker.parsing import DepartmentRole
from tracker.services import ImportOutcome

pytestmark = pytest.mark.django_db

LEAD, CO = DepartmentRole.LEAD, DepartmentRole.CO
# Words found only in the draft and in the pending revision; no published row holds them.
SECRETS = ("草稿", "待发布")


def report_with(*, marker: str, index_no: str, title: str, revision: str = ""):
    """A parsed report of two tasks whose every text (and one department, theme and leader) carries `marker`."""
    return parsed_report_build(
        title=title,
        index_no=index_no,
        revision=revision,
        tasks=[
            parsed_task_build(
                seq=1, theme=f"{marker}项目", content=f"{marker}内容", progress=f"{marker}进展",
                departments=[("区发改经信局", LEAD), (f"{marker}单位", CO)], leaders=[f"{marker}领导"],
            ),
            parsed_task_build(seq=2, theme=f"{marker}项目", content=f"另一项{marker}内容"),
        ],
    )


@pytest.fixture
def published_draft_and_pending():
    published = services.report_import(
        parsed=parsed_report_build(
            index_no="K1/2022-1",
            tasks=[
                parsed_task_build(seq=1, content="公开的内容", departments=[("区发改经信局", LEAD), ("区财政局", CO)], leaders=["张三"]),
                parsed_task_build(seq=2, theme="民生保障", content="另一项公开的内容"),
            ],
        ),
        publish=True,
    ).report
    draft = services.report_import(
        parsed=report_with(marker="草稿", index_no="K1/2023-9", title="2023年一季度草稿报告"),
    ).report
    pending = services.report_import(
        parsed=report_with(marker="待发布", index_no="K1/2022-1", title=published.title, revision="corrected"),
    )
    assert pending.outcome == ImportOutcome.PENDING and not draft.is_published
    return published, draft


def open_data_urls(published: Report) -> list[str]:
    """Every download, API response and feed about the published report, its themes, departments and tasks."""
    urls = ["/api/v1/", "/api/v1/schema/", "/feeds/reports.atom"]
    for file_format in ("csv", "xlsx"):
        urls += [f"/downloads/reports/{published.pk}.{file_format}", f"/downloads/tasks.{file_format}"]
        urls += [f"/downloads/tasks.{file_format}?q={word}" for word in ("内容", *SECRETS)]
        urls += [f"/downloads/themes/{theme.pk}.{file_format}" for theme in Theme.objects.filter(report=published)]
        for department in Department.objects.filter(task_links__task__report=published).distinct():
            urls += [
                f"/downloads/departments/{department.pk}.{file_format}",
                f"/downloads/departments/{department.pk}.{file_format}?report={published.pk}",
            ]
    for kind in ("reports", "themes", "departments", "tasks"):
        urls.append(f"/api/v1/{kind}/?page_size=200")
    urls += [f"/api/v1/tasks/?q={word}" for word in ("内容", *SECRETS)]
    urls += [f"/api/v1/reports/{published.pk}/", f"/api/v1/themes/?report={published.pk}"]
    urls += [f"/api/v1/themes/{theme.pk}/" for theme in Theme.objects.filter(report=published)]
    urls += [f"/api/v1/tasks/{task.pk}/" for task in Task.objects.filter(report=published)]
    for department in Department.objects.filter(task_links__task__report=published).distinct():
        urls += [f"/api/v1/departments/{department.pk}/", f"/feeds/departments/{department.pk}.atom"]
    return urls


def test_no_download_api_response_or_feed_shows_a_draft_or_a_pending_revision(client, published_draft_and_pending):
    published, _ = published_draft_and_pending

    answers = {url: client.get(url) for url in open_data_urls(published)}

    assert {url: response.status_code for url, response in answers.items() if response.status_code != 200} == {}
    texts = {url: response_text(response) for url, response in answers.items()}
    assert all("公开的内容" in texts[url] for url in (f"/downloads/reports/{published.pk}.csv", "/api/v1/tasks/?page_size=200"))
    assert {url: [word for word in SECRETS if word in text] for url, text in texts.items() if any(w in text for w in SECRETS)} == {}


def test_every_open_data_url_of_a_draft_is_not_found(client, published_draft_and_pending):
    _, draft = published_draft_and_pending
    draft_only_department = Department.objects.get(name="草稿单位")
    theme = Theme.objects.filter(report=draft).first()
    task = Task.objects.filter(report=draft).first()

    not_found = [
        f"/downloads/reports/{draft.pk}.csv",
        f"/downloads/reports/{draft.pk}.xlsx",
        f"/downloads/themes/{theme.pk}.csv",
        f"/downloads/departments/{draft_only_department.pk}.csv",
        f"/downloads/departments/{Department.objects.get(name='区发改经信局').pk}.csv?report={draft.pk}",
        f"/api/v1/reports/{draft.pk}/",
        f"/api/v1/themes/{theme.pk}/",
        f"/api/v1/tasks/{task.pk}/",
        f"/api/v1/departments/{draft_only_department.pk}/",
        f"/feeds/departments/{draft_only_department.pk}.atom",
    ]
    assert {url: client.get(url).status_code for url in not_found} == dict.fromkeys(not_found, 404)
    # As a filter, the draft is no choice: the API says so; the download, like the page, ignores it.
    assert client.get(f"/api/v1/tasks/?report={draft.pk}").status_code == 400
    assert "草稿" not in response_text(client.get(f"/downloads/tasks.csv?report={draft.pk}"))
    assert client.get(f"/api/v1/themes/?report={draft.pk}").json()["count"] == 0
    assert client.get(f"/api/v1/departments/?report={draft.pk}").json()["count"] == 0


def test_publishing_the_revision_opens_it(client, published_draft_and_pending):
    published, _ = published_draft_and_pending
    before = response_text(client.get(f"/downloads/reports/{published.pk}.csv"))

    services.revision_publish(revision=published.revisions.get(state="pending"))

    after = response_text(client.get(f"/downloads/reports/{published.pk}.csv"))
    assert "待发布" not in before and "待发布内容" in after
    assert client.get("/api/v1/tasks/?q=待发布").json()["count"] == 2


@pytest.mark.django_db
def test_doubtful_and_rejected_pairs_are_in_no_download_api_response_or_page(client):
    from tests.page_factories import dashboard_report_create
    from tracker.models import Metric

    report = dashboard_report_create(statuses=["on_track"], contents=["新增停车泊位3500个"])
    task = report.tasks.get()
    base = dict(task=task, unit="个", kind="count", target=3500, actual=1000, completion=0.29)
    Metric.objects.create(position=1, label="可信的指标", **base)
    Metric.objects.create(position=2, label="待核的指标", confidence="doubtful", **base)
    Metric.objects.create(position=3, label="已拒绝的指标", review="rejected", **base)
    Metric.objects.create(position=4, label="已接受的指标", confidence="doubtful", review="accepted", **base)

    for url in (f"/tasks/{task.pk}/", f"/api/v1/tasks/{task.pk}/", f"/downloads/reports/{report.pk}.csv", f"/reports/{report.pk}/"):
        text = client.get(url).content.decode("utf-8-sig")
        assert "待核的指标" not in text and "已拒绝的指标" not in text, url
    for url in (f"/tasks/{task.pk}/", f"/api/v1/tasks/{task.pk}/", f"/downloads/reports/{report.pk}.csv"):
        text = client.get(url).content.decode("utf-8-sig")
        assert "可信的指标" in text and "已接受的指标" in text, url

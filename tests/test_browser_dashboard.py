"""Browser tests of the dashboard: charts draw, the task filter narrows, the language switch works, phone screenshots.

Chromium through Playwright (the `chromium` fixture of tests/conftest.py);
skipped when either is missing. Run alone with `pytest -m browser`.
"""

import pytest

from tests.page_factories import dashboard_report_create, department_get
from tests.conftest import ARTIFACTS_DIR
from tracker.models import Metric, Task
from tracker.services import report_import

pytestmark = pytest.mark.browser


def open_page(browser, url, *, width=1280, height=800):
    """A new page at `url` in a Chinese browser, collecting console errors and failed or off-site requests."""
    # Headless Chromium asks for en-US, and the site follows Accept-Language; our readers' browsers ask for zh-CN.
    page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    origin = url.split("/", 3)[:3]
    page.on(
        "request",
        lambda request: None
        if request.url.startswith("/".join(origin)) or request.url.startswith("data:")
        else problems.append(f"off-site: {request.url}"),
    )
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("load")
    return page, problems


def canvas_sizes(page) -> list[tuple[int, int]]:
    return page.eval_on_selector_all("canvas[data-chart]", "nodes => nodes.map(node => [node.width, node.height])")


def drawn_charts(page) -> int:
    """How many canvases Chart.js has drawn on."""
    return page.evaluate("Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => window.Chart.getChart(c)).length")


@pytest.fixture
def samples(parsed_2022, parsed_2020):
    report_import(parsed=parsed_2022, publish=True)
    report_import(parsed=parsed_2020, publish=True)
    # The samples state no status yet; give the 2022 report a few, as a classified report would have.
    tasks = Task.objects.filter(report__year=2022).order_by("seq")
    statuses = [Task.Status.COMPLETED, Task.Status.ON_TRACK, Task.Status.ON_TRACK, Task.Status.BEHIND]
    for index, task in enumerate(tasks):
        task.status = statuses[index % len(statuses)] if index % 5 else Task.Status.UNKNOWN
    Task.objects.bulk_update(tasks, ["status"])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width, height", [(1280, 800), (375, 740)], ids=["desktop", "phone"])
def test_home_charts_draw_without_console_errors(chromium, live_server, samples, width, height):
    page, problems = open_page(chromium, live_server.url + "/", width=width, height=height)

    sizes = canvas_sizes(page)
    # Status, theme bars, measurable targets by theme and by department, department bars (issue 14).
    assert len(sizes) == 5
    assert all(w > 0 and h > 0 for w, h in sizes), sizes
    assert drawn_charts(page) == 5
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / f"home_{width}x{height}.png"), full_page=True)
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_department_page_on_a_phone(chromium, live_server, samples):
    department = department_get("区发改经信局")
    page, problems = open_page(chromium, f"{live_server.url}/departments/{department.pk}/", width=375, height=740)

    assert drawn_charts(page) == len(canvas_sizes(page)) >= 1
    assert page.locator(".task-row").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_DIR / "department_375x740.png"), full_page=True)
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_report_page_charts_draw(chromium, live_server, samples):
    report_id = Task.objects.filter(report__year=2022).values_list("report_id", flat=True).first()
    page, problems = open_page(chromium, f"{live_server.url}/reports/{report_id}/")

    # The five of the home page, and the family's reports one by one (2020 Q3 before it).
    assert drawn_charts(page) == 6
    assert all(w > 0 and h > 0 for w, h in canvas_sizes(page))
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_a_filter_narrows_the_task_list(chromium, live_server):
    dashboard_report_create(statuses=["completed", "behind", "on_track", "behind"], contents=["甲", "乙", "丙", "丁"])
    page, problems = open_page(chromium, live_server.url + "/tasks/")
    assert page.locator(".task-row").count() == 4

    page.select_option("#id_status", "behind")
    with page.expect_navigation():
        page.get_by_role("button", name="筛选").click()

    assert page.locator(".task-row").count() == 2
    assert "status=behind" in page.url
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_the_language_switch_turns_the_page_english_and_back(chromium, live_server):
    report = dashboard_report_create()
    page, problems = open_page(chromium, f"{live_server.url}/reports/{report.pk}/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"

    with page.expect_navigation():
        page.get_by_role("button", name="English").click()

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.url.endswith(f"/reports/{report.pk}/")
    assert page.get_by_role("heading", name="Department ranking").is_visible()
    assert drawn_charts(page) == 3

    with page.expect_navigation():
        page.get_by_role("button", name="中文").click()
    assert page.get_by_role("heading", name="单位排名").is_visible()
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_target_actual_chart_draws_when_a_task_has_metrics(chromium, live_server):
    task = dashboard_report_create(statuses=["on_track"]).tasks.get()
    Metric.objects.create(task=task, position=1, label="新建学校", target=3, actual=2, unit="所")
    Metric.objects.create(task=task, position=2, label="GDP增速", target=6.5, actual=7.2, unit="%")
    page, problems = open_page(chromium, f"{live_server.url}/tasks/{task.pk}/", width=375, height=740)

    assert drawn_charts(page) == 1
    assert all(w > 0 and h > 0 for w, h in canvas_sizes(page))
    assert problems == []


@pytest.mark.django_db(transaction=True)
def test_printing_shows_the_tables_instead_of_the_charts(chromium, live_server):
    dashboard_report_create()
    page, problems = open_page(chromium, live_server.url + "/")

    page.emulate_media(media="print")

    assert not page.locator(".chart-canvas").first.is_visible()
    status_table = page.locator(".chart-status .chart-table")
    assert status_table.evaluate("node => node.getBoundingClientRect().width") > 100
    assert not page.locator(".language-switch").is_visible()
    assert problems == []

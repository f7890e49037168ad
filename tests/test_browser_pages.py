"""Every public page in Chromium at desktop (1366) and phone (390) width: screenshots, no overflow, no console
errors, and an accessibility check with axe-core (tests/vendor/axe-core, evaluated in the page): 0 violations.

The data: both real samples and the demo's made-up 2022 Q1 and Q2 (fixtures/demo/), all published, so the
report page has "since the previous report" and the task page a timeline. Screenshots go to test-artifacts/,
named <page>_<width>.png. Run alone with `pytest -m browser`.
"""

from pathlib import Path

import pytest

from tests.conftest import ARTIFACTS_DIR, FIXTURES_DIR
from tracker.models import Report, Task, TaskDepartment
from tracker.parsing import parse_report_bytes
from tracker.services import report_import

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
# WCAG 2.1 A and AA, and axe's best practices (landmarks, one h1, headings in order).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


@pytest.fixture
def published_quarters(db):
    paths = [*sorted(FIXTURES_DIR.glob("*.txt")), *sorted((FIXTURES_DIR / "demo").glob("*.txt"))]
    for path in paths:
        report_import(parsed=parse_report_bytes(path.read_bytes(), source_name=path.name), publish=True)
    q3 = Report.objects.get(year=2022, quarter=3)
    task = Task.objects.filter(report=q3, metrics__actual__isnull=False, series_score__isnull=False).order_by("seq").first()
    busiest = max(
        set(TaskDepartment.objects.filter(task__report=q3).values_list("department_id", flat=True)),
        key=lambda pk: TaskDepartment.objects.filter(department_id=pk, task__report=q3).count(),
    )
    return {
        "home": "/",
        "reports": "/reports/",
        "report": f"/reports/{q3.pk}/",
        "theme": f"/themes/{task.theme_id}/",
        "departments": "/departments/",
        "departments-search": "/departments/?q=czj",
        "department": f"/departments/{busiest}/",
        "tasks": "/tasks/",
        "tasks-filtered": f"/tasks/?report={q3.pk}&status=behind",
        "task": f"/tasks/{task.pk}/",
        "status-help": "/status/",
        "not-found": "/reports/999999/",
    }


def visit(browser, url: str, *, width: int, height: int, language: str = "zh-CN"):
    """A page at `url`, with the problems a reader would meet: console errors, failed or off-site requests."""
    page = browser.new_page(viewport={"width": width, "height": height}, locale=language)
    problems = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    origin = "/".join(url.split("/", 3)[:3])
    page.on(
        "request",
        lambda request: None if request.url.startswith((origin, "data:")) else problems.append(f"off-site: {request.url}"),
    )
    response = page.goto(url)
    page.wait_for_load_state("load")
    return page, response, problems


def axe_violations(page) -> list[str]:
    """axe-core's violations on the page, one line each (rule, impact, the first elements)."""
    # Evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not govern.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    assert result["passes"], "axe ran no check"
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", list(WIDTHS))
def test_every_public_page_screenshot_and_axe(chromium, live_server, published_quarters, size):
    width, height = WIDTHS[size]
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    failures = []
    for name, path in published_quarters.items():
        page, response, problems = visit(chromium, live_server.url + path, width=width, height=height)
        expected = 404 if name == "not-found" else 200
        if response.status != expected:
            failures.append(f"{name}: status {response.status}")
        # Each chart drawn on its canvas.
        canvases = page.eval_on_selector_all("canvas[data-chart]", "nodes => nodes.length")
        drawn = page.evaluate(
            "Array.from(document.querySelectorAll('canvas[data-chart]')).filter(c => window.Chart && window.Chart.getChart(c)).length"
        )
        if drawn != canvases:
            failures.append(f"{name}: {drawn} of {canvases} charts drawn")
        overflow = page.evaluate("document.documentElement.scrollWidth")
        if overflow > width:
            failures.append(f"{name}: {overflow}px wide at {width}")
        page.screenshot(path=str(ARTIFACTS_DIR / f"{name}_{width}.png"), full_page=True)
        failures += [f"{name}: {problem}" for problem in problems if not (name == "not-found" and "404" in problem)]
        failures += [f"{name}: axe {violation}" for violation in axe_violations(page)]
        page.close()
    assert failures == []


@pytest.mark.django_db(transaction=True)
def test_english_pages_pass_axe_too(chromium, live_server, published_quarters):
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    # English is chosen with the language switch, which sets the language cookie.
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    failures = []
    for name in ("home", "report", "department", "task", "not-found"):
        page = context.new_page()
        page.goto(live_server.url + published_quarters[name])
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == "en"
        page.screenshot(path=str(ARTIFACTS_DIR / f"{name}_1366_en.png"), full_page=True)
        failures += [f"{name}: axe {violation}" for violation in axe_violations(page)]
        page.close()
    context.close()
    assert failures == []


@pytest.mark.django_db(transaction=True)
def test_the_report_page_on_a_phone_is_a_few_screens_tall_and_keeps_names_whole(chromium, live_server, published_quarters):
    page, _, problems = visit(chromium, live_server.url + published_quarters["report"], width=390, height=844)

    height = page.evaluate("document.documentElement.scrollHeight")
    # Every department name in the ranking whole on one line (it was broken every two characters).
    broken = page.evaluate(
        "Array.from(document.querySelectorAll('.ranking-table .name-cell a')).filter(a => a.getClientRects().length > 1).map(a => a.textContent)"
    )
    assert height < 20000, height  # it was 34,000 px with every task expanded
    assert broken == []
    assert problems == []

"""Render time of each public page for the 2022 sample on SQLite: `python benchmarks/page_benchmark.py [--runs N]`.

Imports and publishes both fixtures and the demo's made-up 2022 Q1 and Q2 (fixtures/demo/: so the Q3
report has a previous report and its tasks a timeline) into a temporary SQLite database, then asks the
Django test client for one page of each kind (the pages of the 2022 Q3 report) N times
and prints the median milliseconds and the query count per page, rendering every
request (as on the first visit after a change of the data) and served from memory
(tracker/page_cache.py). Target: under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/benchmark.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        os.environ["DJANGO_DEBUG"] = "0"
        os.environ["DJANGO_SSL_REDIRECT"] = "0"  # the test client speaks plain HTTP; production sits behind TLS
        os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-" + "x" * 40)
        os.environ["DJANGO_STATIC_ROOT"] = f"{folder}/static"  # hashed static names, as in production
        import django

        django.setup()
        from django.core.management import call_command
        from django.test import Client, override_settings
        from django.test.utils import setup_test_environment

        from tracker.models import Task, TaskDepartment
        from tracker.parsing import parse_report_bytes
        from tracker.services import report_import

        setup_test_environment()
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        for path in [*sorted((ROOT / "fixtures").glob("*.txt")), *sorted((ROOT / "fixtures" / "demo").glob("*.txt"))]:
            report_import(parsed=parse_report_bytes(path.read_bytes(), source_name=path.name), publish=True)

        task = Task.objects.filter(report__year=2022, report__quarter=3).order_by("seq").first()
        busiest = (
            TaskDepartment.objects.filter(task__report=task.report).values("department").order_by("department")
        )
        department_id = max(
            {row["department"] for row in busiest},
            key=lambda pk: TaskDepartment.objects.filter(department_id=pk).count(),
        )
        pages = {
            "home": "/",
            "report": f"/reports/{task.report_id}/",
            "department": f"/departments/{department_id}/",
            "departments": "/departments/",
            "departments q": "/departments/?q=czj",
            "theme": f"/themes/{task.theme_id}/",
            "task": f"/tasks/{task.pk}/",
            "tasks": "/tasks/",
            "tasks filtered": f"/tasks/?report={task.report_id}&q=%E5%AE%8C%E6%88%90&sort=-status",
            "tasks on sched.": f"/tasks/?report={task.report_id}&status=on_schedule",
            "status help": "/status/",
        }
        client = Client()
        print(f"{'page':<16} {'rendered ms':>12} {'queries':>8} {'stored ms':>10} {'queries':>8}  url")
        for name, url in pages.items():
            with override_settings(PUBLIC_PAGE_CACHE=False):
                rendered_ms, rendered_queries = measure(client, url, args.runs)
            stored_ms, stored_queries = measure(client, url, args.runs)
            print(f"{name:<16} {rendered_ms:>12.1f} {rendered_queries:>8} {stored_ms:>10.1f} {stored_queries:>8}  {url}")


def measure(client, url: str, runs: int) -> tuple[float, int]:
    """Median milliseconds of `runs` requests after a first one, and the queries of one more."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the template cache (and, when on, store the page)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries)

if __name__ == "__main__":
    main()

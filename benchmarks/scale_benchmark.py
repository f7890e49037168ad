"""Import and page-load benchmark at scale, on PostgreSQL: `python benchmarks/scale_benchmark.py`.

1. Builds N synthetic reports (default 100, about 12,000 tasks) from the two
   samples: each copy gets its own index number, year and slightly different
   progress text, so each is a distinct report with a distinct hash.
2. Imports them into a fresh PostgreSQL database (seconds per report).
3. Serves the site with gunicorn against that database and loads each kind of
   public page under concurrency, beside a trivial view measured in the same run
   (the ratio page/trivial is the figure that holds across machines): once as
   deployed (a page is rendered once, then served from memory until the data
   changes, tracker/page_cache.py), once rendering every request.
   The open data is loaded the same way: the API's lists and one task, a report's XLSX and CSV, a
   filtered task list as CSV, the feeds; and a page and an API list asked again with the ETag of
   the previous answer (If-None-Match, answered 304).
4. Counts the SQL queries that render each page.
5. Writes the results as Markdown to benchmarks/results/ and prints them.

`--reuse-database` skips steps 1-2 and loads the pages of the database an
earlier run left (for trying a change to the pages).

Needs a local PostgreSQL (DATABASE_URL's server; the database named by
--database is dropped and created) and gunicorn (requirements.txt). Requests go
only to 127.0.0.1, their number is bounded, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER_URL = "postgres://postgres@127.0.0.1:5432"
PORT = 8765


def synthetic_reports(count: int) -> list[tuple[str, bytes]]:
    """`count` distinct report files made from the samples (name, bytes)."""
    samples = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "fixtures").glob("*.txt"))]
    files = []
    for number in range(count):
        text = samples[number % len(samples)]
        year = 2000 + number // len(samples)
        text = re.sub(r"K1493206-6/(\d{4})-(\d+)", f"K9999999-{number}/{year}-{number:05d}", text)
        text = re.sub(r"20(22|20)(年|第)", f"{year}\\2", text, count=4)
        # A distinct progress text per copy, so the rows differ like real quarters do.
        text = text.replace("正常推进", f"正常推进（第{number}期）")
        files.append((f"synthetic-{number:03d}.txt", text.encode("utf-8")))
    return files


def recreate_database(name: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def import_reports(files: list[tuple[str, bytes]]) -> list[float]:
    from django.core.management import call_command

    from tracker.parsing import parse_report_bytes
    from tracker.services import report_import

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    seconds = []
    for name, data in files:
        started = time.perf_counter()
        report_import(parsed=parse_report_bytes(data, source_name=name), publish=True, source=data)
        seconds.append(time.perf_counter() - started)
    analyze()
    return seconds


def _import_line(seconds: list[float]) -> str:
    """Median, 95th percentile and slowest import, and which report was slowest (the first runs in a cold process)."""
    ordered = sorted(seconds)
    slowest = max(range(len(seconds)), key=seconds.__getitem__)
    return (
        f"- import seconds per report (parse and import, in one process): median {statistics.median(seconds):.3f}, "
        f"p95 {ordered[int(0.95 * (len(ordered) - 1))]:.3f}, max {ordered[-1]:.3f} (report {slowest + 1} of {len(seconds)})"
    )


def analyze() -> None:
    """Refresh PostgreSQL's statistics, as its autovacuum does soon after a bulk load in production: planned on the
    statistics of an empty database, per-report queries scan every task."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def fetch(url: str, headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[float, int, str]:
    started = time.perf_counter()
    # As nginx passes it (docs/deploy.md): without it the DEBUG-off site redirects every request to HTTPS.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read().decode("utf-8", errors="replace")
            status = response.status
    except urllib.error.HTTPError as error:
        if error.code != 304:
            raise
        body, status = "", 304
    return (time.perf_counter() - started) * 1000, status, body


def etag_of(url: str) -> str:
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.headers["ETag"]


def discover_pages(base: str) -> dict[str, str]:
    """One URL per kind of public page, found by following links from the home page."""
    pages = {"home": "/"}
    _, _, home = fetch(base + "/")
    links = re.findall(r'href="(/[^"#?]*)"', home)
    kinds = {
        "report list": r"/reports/$", "report": r"/reports/\d+", "department": r"/departments/\d+",
        "theme": r"/themes/\d+", "tasks": r"/tasks/$",
    }
    for kind, pattern in kinds.items():
        match = next((link for link in links if re.search(pattern, link)), None)
        if match:
            pages[kind] = match
    if "report" in pages:
        _, _, report_page = fetch(base + pages["report"])
        task = next((link for link in re.findall(r'href="(/[^"#?]*)"', report_page) if re.search(r"/tasks/\d+", link)), None)
        if task:
            pages["task"] = task
        report_id = re.search(r"\d+", pages["report"]).group()
        pages["tasks, filtered and sorted"] = f"/tasks/?report={report_id}&status=behind&sort=-status"
        pages |= {
            "API: reports": "/api/v1/reports/",
            "API: themes": "/api/v1/themes/",
            "API: departments": "/api/v1/departments/",
            "API: tasks": "/api/v1/tasks/",
            "API: tasks, filtered and sorted": f"/api/v1/tasks/?report={report_id}&status=behind&sort=-status",
            "report XLSX": f"/downloads/reports/{report_id}.xlsx",
            "report CSV": f"/downloads/reports/{report_id}.csv",
            "tasks CSV, filtered": f"/downloads/tasks.csv?report={report_id}&status=behind",
            "feed: new reports": "/feeds/reports.atom",
        }
        if task:
            pages["API: task"] = "/api/v1" + task
        if "department" in pages:
            department_id = re.search(r"\d+", pages["department"]).group()
            pages["feed: a department's changes"] = f"/feeds/departments/{department_id}.atom"
    return pages


def load(url: str, *, requests: int, concurrency: int, headers: dict[str, str] | None = None, expect: int = 200):
    latencies: list[float] = []
    lock = threading.Lock()

    def one(_: int) -> None:
        elapsed, status, _ = fetch(url, headers)
        if status != expect:
            raise RuntimeError(f"{url} answered {status}")
        with lock:
            latencies.append(elapsed)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(one, range(requests)))
    return _figures(latencies, time.perf_counter() - started)


def serve_and_load(args, *, page_cache: str) -> dict[str, tuple[str, dict[str, float]]]:
    """Start gunicorn with DJANGO_PAGE_CACHE=`page_cache`, load every kind of page, stop it: {page: (path, figures)}."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{args.port}",
         "--log-level", "warning"],
        # The open data's rate limit is per client address: every request here comes from 127.0.0.1.
        cwd=ROOT, env={**os.environ, "DJANGO_PAGE_CACHE": page_cache, "DJANGO_OPEN_DATA_RATE": "100000000"},
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(100):
            try:
                fetch(base + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
        pages = {"trivial (/healthz)": "/healthz", **discover_pages(base)}
        # Every page a few times over before any is measured: each worker's first requests open its database
        # connection and compile its templates (up to a second), which belongs to no page's figures.
        for path in pages.values():
            load(base + path, requests=4 * args.concurrency, concurrency=args.concurrency)
        results = {}
        for name, path in pages.items():
            results[name] = (path, load(base + path, requests=args.requests, concurrency=args.concurrency))
        if page_cache == "1":
            results |= search_attack(base, pages, args)
            # Returning visitors: the ETag of their copy still holds, so the answer is a 304 without a body.
            for name in ("report", "API: tasks"):
                path = pages[name]
                etag = etag_of(base + path)
                figures = load(
                    base + path, requests=args.requests, concurrency=args.concurrency, headers={"If-None-Match": etag}, expect=304
                )
                results[f"{name}, If-None-Match (304)"] = (path, figures)
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


ATTACK_WORDS = 2_000
ATTACK_SECONDS = 30
ATTACKERS = 4


def attack_query(rng: random.Random) -> str:
    """A search of ATTACK_WORDS one-character words (4 KB, the size that once tied up every worker for a minute):
    digits and letters, which most tasks contain, so no row is ruled out early; shuffled, so each one is a new page."""
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    return "+".join(rng.choice(alphabet) for _ in range(ATTACK_WORDS))


def search_attack(base: str, pages: dict[str, str], args) -> dict[str, tuple[str, dict[str, float]]]:
    """The load test with the search attack mixed in (issue 18): ATTACKERS clients send 2,000-word searches without
    pause while `args.concurrency` clients load the report page and the task list, and a health check asks /healthz
    every 0.2 s with a 2 s timeout, for ATTACK_SECONDS. Prints errors and the health check's worst answer.

    Before that, one 2,000-word search at a time (no other load): how long one takes to answer."""
    rng = random.Random(18)
    alone = [fetch(f"{base}/tasks/?q={attack_query(rng)}")[0] for _ in range(20)]
    results = {f"search of {ATTACK_WORDS} words, one at a time": ("/tasks/?q=…", _figures(alone, sum(alone) / 1000))}

    deadline = time.perf_counter() + ATTACK_SECONDS
    latencies: dict[str, list[float]] = {"search attack": [], "pages under attack": [], "health check under attack": []}
    errors: dict[str, list[str]] = {name: [] for name in latencies}
    lock = threading.Lock()

    def record(kind: str, url: str, timeout: float = 30) -> None:
        try:
            elapsed, status, _ = fetch(url, timeout=timeout)
            problem = None if status == 200 else f"{url[:80]} answered {status}"
        except (OSError, urllib.error.URLError) as error:
            elapsed, problem = timeout * 1000, f"{url[:80]}: {error}"
        with lock:
            latencies[kind].append(elapsed)
            if problem:
                errors[kind].append(problem)

    def attacker(seed: int) -> None:
        attacker_rng = random.Random(seed)
        while time.perf_counter() < deadline:
            record("search attack", f"{base}/tasks/?q={attack_query(attacker_rng)}")

    def visitor(number: int) -> None:
        paths = [pages["report"], pages["tasks"], pages["home"]]
        while time.perf_counter() < deadline:
            record("pages under attack", base + paths[number % len(paths)])
            number += 1

    def health_check() -> None:
        while time.perf_counter() < deadline:
            record("health check under attack", base + "/healthz", timeout=2)
            time.sleep(0.2)

    threads = [threading.Thread(target=attacker, args=(seed,)) for seed in range(ATTACKERS)]
    threads += [threading.Thread(target=visitor, args=(number,)) for number in range(args.concurrency)]
    threads.append(threading.Thread(target=health_check))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    for kind, values in latencies.items():
        shown = "/tasks/?q=…" if kind == "search attack" else ("/healthz" if kind.startswith("health") else "report, tasks, home")
        results[f"{kind} ({len(errors[kind])} errors of {len(values)})"] = (shown, _figures(values, wall))
        for problem in errors[kind][:5]:
            print("  error:", problem)
    return results


def _figures(latencies: list[float], wall: float) -> dict[str, float]:
    latencies = sorted(latencies)
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[int(0.95 * (len(latencies) - 1))],
        "max": latencies[-1],
        "rps": len(latencies) / wall,
    }


def queries_per_page(paths: dict[str, str]) -> dict[str, int]:
    """SQL queries of one uncached request of each page, in this process (the tests fix them with 2 and 30 reports)."""
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="localhost", HTTP_X_FORWARDED_PROTO="https")
    counts = {}
    with override_settings(PUBLIC_PAGE_CACHE=False, OPEN_DATA_REQUESTS_PER_MINUTE=100_000_000):
        for name, path in paths.items():
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
                if response.streaming:
                    b"".join(response.streaming_content)  # a CSV is read from the database while it is sent
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            counts[name] = len(queries.captured_queries)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100)
    parser.add_argument("--database", default="jindu_benchmark")
    parser.add_argument("--requests", type=int, default=300, help="requests per page")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=PORT, help="gunicorn's port on 127.0.0.1 (another run may hold the default)")
    parser.add_argument(
        "--reuse-database", action="store_true",
        help="load the pages of the database an earlier run left, without importing again (for profiling page changes)",
    )
    args = parser.parse_args()

    database_url = f"{SERVER_URL}/{args.database}"
    os.environ.update(
        DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings", DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="benchmark-only-" + "x" * 40, DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        # DEBUG off serves collectstatic's hashed files (WhiteNoise), as production does.
        DJANGO_STATIC_ROOT=tempfile.mkdtemp(prefix="jindu-benchmark-static-"),
    )
    if not args.reuse_database:
        recreate_database(args.database)
    import django

    django.setup()
    if args.reuse_database:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        analyze()
        files, import_seconds = [], []
    else:
        files = synthetic_reports(args.reports)
        import_seconds = import_reports(files)
    from tracker.models import Report, Task

    task_count = Task.objects.count()

    modes = {
        "as deployed: each page rendered once per change of the data, then served from memory": "1",
        "every request rendered (DJANGO_PAGE_CACHE=0)": "0",
    }
    # This process loaded Django to import and count queries: its garbage collector's full passes over all that
    # would pause the client threads and be counted as the server's latency.
    gc.collect()
    gc.freeze()
    tables = {mode: serve_and_load(args, page_cache=flag) for mode, flag in modes.items()}
    # A 304 takes one query (the content version): not measured here, shown as 1.
    queries = queries_per_page(
        {
            name: path for name, (path, _) in next(iter(tables.values())).items()
            if path.startswith("/") and "…" not in path and not name.endswith("(304)")
        }
    )

    lines = [
        f"# Scale benchmark {dt.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"- reports in the database: {Report.objects.count()}, tasks: {task_count}",
        _import_line(import_seconds)
        if import_seconds
        else "- import: not measured (--reuse-database)",
        f"- load: {args.requests} requests per page, {args.concurrency} concurrent clients, gunicorn {args.workers} workers, "
        f"PostgreSQL, DEBUG off, {os.cpu_count()} cores (client and server on the same cores)",
    ]
    for mode, results in tables.items():
        trivial_p95 = results["trivial (/healthz)"][1]["p95"]
        lines += [
            "",
            f"## {mode}",
            "",
            "| page | path | p50 ms | p95 ms | max ms | req/s | p95 / trivial p95 | SQL queries rendering it |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, (path, figures) in results.items():
            lines.append(
                f"| {name} | `{path}` | {figures['p50']:.1f} | {figures['p95']:.1f} | {figures['max']:.0f} | {figures['rps']:.0f} | "
                f"{figures['p95'] / trivial_p95:.1f} | {queries.get(name, '')} |"
            )
    lines += [
        "",
        "A stored page takes one query (the content version) instead of the count in the last column.",
    ]
    report = "\n".join(lines) + "\n"
    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "scale.md").write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())

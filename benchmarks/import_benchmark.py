"""Import costs as an admin meets them: `python benchmarks/import_benchmark.py [--database sqlite|postgres] [--rows N]`.

Into a fresh database (a temporary SQLite file, or a temporary PostgreSQL database on
127.0.0.1 that is dropped afterwards) it measures:

- the admin's import page for the 2022 sample: preview, then confirm (target: confirm < 2 s);
- a generated table of N rows (default 6,000): parse, first import, re-import of a copy with one
  row changed while the report is a draft (applied at once) and while it is published (kept as a
  revision, then published) (target: each < 30 s);
- the admin preview of a 12,000-row pasted text, as a new report (target: < 5 s) and as an update
  of the stored one (every row compared).

Medians of a few runs where a run is cheap; one run for the big tables. Prints one line per step.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"

THEMES = ["城市建设", "民生保障", "产业发展", "生态环境", "社会治理", "营商环境", "乡村振兴", "数字政府"]
VERBS = ["新建", "改造", "提升", "完成", "推进", "建成", "新增", "实施"]
THINGS = ["道路", "停车泊位", "公园绿地", "老旧小区", "幼儿园", "养老服务中心", "污水管网", "充电桩", "口袋公园", "社区食堂"]
UNITS = {"道路": "条", "停车泊位": "个", "公园绿地": "平方米", "老旧小区": "个", "幼儿园": "所", "养老服务中心": "家",
         "污水管网": "公里", "充电桩": "个", "口袋公园": "个", "社区食堂": "家"}
DEPARTMENTS = ["区建设局", "区民政局", "区教育局", "区发改局", "区财政局", "区城管局", "区卫健委", "区商务局", "各街道"]


def generated_table(
    rows: int, *, seed: int = 7, changed_row: int | None = None, title: str = "2023年三季度重点工作任务完成情况（基准测试生成）"
) -> bytes:
    """A pipe-separated progress table of `rows` varied rows, like a city's whole year of district tasks."""
    rng = random.Random(seed)
    lines = [title, "序号 | 项目名称 | 主要工作内容 | 牵头单位 | 配合单位 | 累计完成情况"]
    for number in range(1, rows + 1):
        thing = rng.choice(THINGS)
        target = rng.randint(2, 400)
        actual = rng.randint(0, target * 2)
        content = f"{rng.choice(VERBS)}{rng.choice(['东区', '西区', '南片', '北片', '新城', '老城'])}{thing}{target}{UNITS[thing]}（第{number}项）。"
        progress = f"已{rng.choice(VERBS)}{thing}{actual}{UNITS[thing]}，{rng.choice(['正在推进', '进展顺利', '已完成招标', '前期手续办理中'])}。"
        if number == changed_row:
            progress = "（本季度更正）" + progress
        lead, co = rng.sample(DEPARTMENTS, 2)
        lines.append(f"{number} | {rng.choice(THEMES)} | {content} | {lead} | {co} | {progress}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def timed(function, runs: int = 1) -> tuple[float, object]:
    """(median seconds, last result)."""
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), result


def report(step: str, seconds: float, target: float | None = None, note: str = "") -> None:
    verdict = "" if target is None else ("  OK" if seconds < target else f"  SLOWER THAN {target:g} s")
    print(f"{step:58} {seconds:8.2f} s{verdict}{('  ' + note) if note else ''}", flush=True)


def run(rows: int) -> None:
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.contrib.auth import get_user_model

    from tracker import services
    from tracker.models import Report
    from tracker.parsing import parse_report_bytes

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}, rows: {rows}")
    admin = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench-password-1234")
    client = Client()
    client.force_login(admin)
    import_url = "/admin/tracker/report/import/"
    sample = (ROOT / "fixtures" / "2022q3_gongshu.txt").read_bytes()

    def preview_sample():
        response = client.post(import_url, {"file": SimpleUploadedFile("2022q3.txt", sample), "preview": "1"})
        assert response.status_code == 200, response.status_code
        return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)

    preview_times, confirm_times = [], []
    for _ in range(5):
        seconds, token = timed(preview_sample)
        preview_times.append(seconds)
        seconds, response = timed(lambda: client.post(import_url, {"token": token, "confirm": "1"}))
        assert response.status_code == 302
        confirm_times.append(seconds)
        services.report_delete(report=Report.objects.get())
    report("admin import of the 2022 sample (108 rows): preview", statistics.median(preview_times))
    report("admin import of the 2022 sample (108 rows): confirm", statistics.median(confirm_times), 2.0)

    table = generated_table(rows)
    seconds, parsed = timed(lambda: parse_report_bytes(table, source_name="generated.txt"))
    report(f"parse a {rows}-row table", seconds, note=f"{len(parsed.tasks)} tasks")
    seconds, result = timed(lambda: services.report_import(parsed=parsed, source=table))
    report(f"first import of {rows} rows", seconds, 30.0, result.outcome)
    changed = generated_table(rows, changed_row=rows // 2)
    changed_parsed = parse_report_bytes(changed, source_name="generated-corrected.txt")
    seconds, result = timed(lambda: services.report_import(parsed=changed_parsed, source=changed))
    report(f"re-import of {rows} rows, one changed, draft report", seconds, 30.0, f"{result.outcome}: {result.row_changes.summary()}")
    services.report_publish(report=result.report)
    again = generated_table(rows, changed_row=rows // 3)
    again_parsed = parse_report_bytes(again, source_name="generated-corrected-2.txt")
    seconds, result = timed(lambda: services.report_import(parsed=again_parsed, source=again))
    report(f"re-import of {rows} rows, one changed, published report", seconds, 30.0, f"{result.outcome}: {result.row_changes.summary()}")
    seconds, published = timed(lambda: services.revision_publish(revision=result.revision))
    report("  …then publishing that revision", seconds, 30.0, published.row_changes.summary())

    # A worker previewing a file holds no other tables: the three 6,000-row readings above (millions of objects) would
    # make every pass of the garbage collector during the preview walk them too.
    del table, parsed, changed, changed_parsed, again, again_parsed, result, published
    gc.collect()
    # A new report: the preview reads the figures of the rows it shows only. The same title as the stored table
    # makes it an update of that report: then every row's figures are read, to compare them with the stored ones.
    new_text = generated_table(12_000, seed=11, title="2024年三季度重点工作任务完成情况（基准测试生成）").decode("utf-8")
    seconds, response = timed(lambda: client.post(import_url, {"text": new_text, "preview": "1"}))
    report("admin preview of a pasted 12,000-row text (new report)", seconds, 5.0, f"status {response.status_code}")
    update_text = generated_table(12_000, seed=11).decode("utf-8")
    seconds, response = timed(lambda: client.post(import_url, {"text": update_text, "preview": "1"}))
    report(f"admin preview of a 12,000-row text updating the {rows}-row report", seconds, None, f"status {response.status_code}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rows", type=int, default=6000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["DJANGO_PAGE_CACHE"] = "0"
    if args.database == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            os.environ["DATABASE_URL"] = f"sqlite:///{folder}/benchmark.sqlite3"
            run(args.rows)
        return 0
    import psycopg

    name = f"bench_import_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        os.environ["DATABASE_URL"] = f"{POSTGRES_SERVER}/{name}"
        run(args.rows)
    finally:
        from django.db import connections

        connections.close_all()
        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as server:
            server.execute(f'DROP DATABASE IF EXISTS "{name}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())

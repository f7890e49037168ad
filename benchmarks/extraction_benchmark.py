"""Milliseconds that reading figures and judging statuses add to a report: `python benchmarks/extraction_benchmark.py`.

Times `judge_tasks` alone over each sample's parsed tasks — the whole of what the
feature adds to `parse_report_bytes` — with the extractor's caches cleared before
every run, so each figure is what a new file costs. Prints the median and best of N runs;
the target is under 50 ms per report.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import parse_report_bytes  # noqa: E402
from tracker.parsing import metrics  # noqa: E402
from tracker.parsing.status import judge_tasks  # noqa: E402

TARGET_MS = 50.0


def time_judging(tasks: list, period_end_month: int | None, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        metrics._clear_caches()
        gc.collect()
        started = time.perf_counter()
        judge_tasks(tasks, period_end_month=period_end_month)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted((ROOT / "fixtures").glob("*.txt")))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'file':32} {'tasks':>5} {'metrics':>7} {'median ms':>10} {'best ms':>8}  target < {TARGET_MS:.0f} ms")
    slowest = 0.0
    for path in args.files:
        report = parse_report_bytes(path.read_bytes())
        timings = time_judging(report.tasks, report.meta.period_end_month, args.runs)
        median = statistics.median(timings)
        slowest = max(slowest, median)
        metric_count = sum(len(task.metrics) for task in report.tasks)
        print(f"{path.name:32} {len(report.tasks):>5} {metric_count:>7} {median:>10.1f} {min(timings):>8.1f}")
    print("OK" if slowest < TARGET_MS else "SLOWER THAN TARGET")
    return 0 if slowest < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

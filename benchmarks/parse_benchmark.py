"""How long the parser takes on each sample report: `python benchmarks/parse_benchmark.py`.

Each run starts cold: the parser's per-process caches are cleared first, so the
figure is what an import of a new file costs, not a re-parse of a known one.
Prints the median and best of N runs per file; the target is under 100 ms.
"""

from __future__ import annotations

import argparse
import functools
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import parse_report_bytes  # noqa: E402

TARGET_MS = 100.0


def clear_parser_caches() -> None:
    """A cold parse: empty every memo of every parser module (they fill up within one file)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("tracker.parsing"):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def time_parse(data: bytes, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        clear_parser_caches()
        gc.collect()
        started = time.perf_counter()
        parse_report_bytes(data)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, default=sorted((ROOT / "fixtures").glob("*.txt")))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"{'file':32} {'tasks':>5} {'median ms':>10} {'best ms':>8}  target < {TARGET_MS:.0f} ms")
    slowest = 0.0
    for path in args.files:
        data = path.read_bytes()
        tasks = len(parse_report_bytes(data).tasks)
        timings = time_parse(data, args.runs)
        median = statistics.median(timings)
        slowest = max(slowest, median)
        print(f"{path.name:32} {tasks:>5} {median:>10.1f} {min(timings):>8.1f}")
    print("OK" if slowest < TARGET_MS else "SLOWER THAN TARGET")
    return 0


if __name__ == "__main__":
    sys.exit(main())

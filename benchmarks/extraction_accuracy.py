"""How well targets are paired with their actuals, on hand-annotated tasks: `python benchmarks/extraction_accuracy.py`.

Reads `tests/data/extraction/<half>.json` (conventions in that folder's README.md) and calls
`extract_metrics(content, progress, period_end_month=...)` for every task, adding `target_text=` /
`actual_text=` only when the function accepts them and the task has them.

A predicted pair is a returned metric with both `target` and `actual` set; when metrics carry a `confidence`,
those marked "doubtful" are not predictions (they are listed apart). A predicted pair is true when an annotated
pair of the same task has the same target value and the same actual value (relative tolerance 1e-6; growth
rates by value too; a pair annotated `"direction": "decrease"` also matches with both values negated). Matching
is one to one: a second prediction of an already matched pair is false. Printed per half: predicted, true,
false (each listed), annotated pairs, precision, recall, and target recall (annotated targets, with or without
an actual, whose value is some metric's target). False pairs that equal an annotated pair up to a factor of
10^4 or 10^8 (万/亿 read wrongly) are counted apart as a hint.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing.metrics import extract_metrics  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "extraction"
HALVES = ("dev", "test")
REL_TOL = 1e-6
MAGNITUDES = (1e4, 1e8, 1e-4, 1e-8)  # 万 and 亿 applied or missed


def same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b)) or a == b


def pair_matches(target: float, actual: float, annotated: dict) -> bool:
    if same_value(target, annotated["target"]) and same_value(actual, annotated["actual"]):
        return True
    if annotated.get("direction") == "decrease":
        return same_value(target, -annotated["target"]) and same_value(actual, -annotated["actual"])
    return False


def matches_up_to_magnitude(target: float, actual: float, annotated: dict) -> bool:
    targets = [annotated["target"]] + [annotated["target"] * m for m in MAGNITUDES]
    actuals = [annotated["actual"]] + [annotated["actual"] * m for m in MAGNITUDES]
    return any(same_value(target, t) for t in targets) and any(same_value(actual, a) for a in actuals)


@dataclass
class HalfScore:
    half: str
    tasks: int = 0
    predicted: int = 0
    true: int = 0
    annotated_pairs: int = 0
    annotated_targets: int = 0
    targets_found: int = 0
    magnitude_only: int = 0
    false_pairs: list[str] = field(default_factory=list)
    doubtful: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)


def accepted_keywords() -> set[str]:
    return set(inspect.signature(extract_metrics).parameters)


def run_task(task: dict, keywords: set[str]) -> list:
    kwargs = {"period_end_month": task.get("period_end_month")}
    for key in ("target_text", "actual_text"):
        if key in keywords and task.get(key):
            kwargs[key] = task[key]
    return extract_metrics(task["content"], task["progress"], **kwargs)


def describe(metric) -> str:
    return f"{getattr(metric, 'label', '')!r} target {metric.target} actual {metric.actual}"


def score_half(half: str, keywords: set[str]) -> HalfScore:
    data = json.loads((CORPUS / f"{half}.json").read_text(encoding="utf-8"))
    score = HalfScore(half=half)
    for task in data["tasks"]:
        score.tasks += 1
        annotated = task["pairs"]
        targets = [p["target"] for p in annotated] + [t["target"] for t in task["targets_without_actual"]]
        score.annotated_pairs += len(annotated)
        score.annotated_targets += len(targets)
        try:
            metrics = run_task(task, keywords)
        except Exception as err:  # noqa: BLE001 — a crash scores as no metrics, and is listed
            score.crashes.append(f"{task['id']}: {type(err).__name__}: {err}")
            metrics = []
        score.targets_found += sum(
            1 for value in targets if any(same_value(m.target, value) for m in metrics if m.target is not None)
        )
        unmatched = list(annotated)
        for metric in metrics:
            if metric.target is None or metric.actual is None:
                continue
            if getattr(metric, "confidence", None) == "doubtful":
                score.doubtful.append(f"{task['id']}: {describe(metric)}")
                continue
            score.predicted += 1
            hit = next((p for p in unmatched if pair_matches(metric.target, metric.actual, p)), None)
            if hit is not None:
                unmatched.remove(hit)
                score.true += 1
                continue
            if any(matches_up_to_magnitude(metric.target, metric.actual, p) for p in annotated):
                score.magnitude_only += 1
            score.false_pairs.append(f"{task['id']}: {describe(metric)}")
    return score


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def print_half(score: HalfScore) -> None:
    false = score.predicted - score.true
    print(f"== {score.half}: {score.tasks} tasks")
    print(f"predicted pairs: {score.predicted}   true: {score.true}   false: {false}"
          f"   (of which off by 万/亿 only: {score.magnitude_only})")
    print(f"annotated pairs: {score.annotated_pairs}")
    print(f"precision: {share(score.true, score.predicted)}   recall: {share(score.true, score.annotated_pairs)}")
    print(f"target recall: {share(score.targets_found, score.annotated_targets)}"
          f" ({score.targets_found}/{score.annotated_targets} annotated targets found as a metric's target)")
    if score.doubtful:
        print(f"doubtful pairs (not counted): {len(score.doubtful)}")
        for line in score.doubtful:
            print(f"  ? {line}")
    if score.false_pairs:
        print("false pairs:")
        for line in score.false_pairs:
            print(f"  x {line}")
    for line in score.crashes:
        print(f"  crash {line}")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=(*HALVES, "all"), default="dev")
    args = parser.parse_args()
    keywords = accepted_keywords()
    for half in HALVES if args.half == "all" else (args.half,):
        print_half(score_half(half, keywords))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Rewrite the whole-contract golden files from the current parser, and say what changed.

    .venv/bin/python tests/golden/update.py

Run it only after reading the change it reports row by row against the source
page: the golden files are the checked reading of the real samples.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tracker.parsing import parse_report_bytes  # noqa: E402

SAMPLES = {"2022q3_gongshu.txt": "2022q3_gongshu.contract.json", "2020q3_gongshu.txt": "2020q3_gongshu.contract.json"}


def contract(sample: str) -> dict:
    path = ROOT / "fixtures" / sample
    return parse_report_bytes(path.read_bytes(), source_name=sample).to_json()


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    for sample, golden in SAMPLES.items():
        path = ROOT / "tests" / "golden" / golden
        new = contract(sample)
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        if old == new:
            print(f"{golden}: unchanged")
            continue
        if old is not None:
            changed = [
                task["seq"] for task, before in zip(new["tasks"], old["tasks"]) if task != before
            ]
            print(f"{golden}: report {'changed' if old['report'] != new['report'] else 'same'}, "
                  f"{len(old['tasks'])} -> {len(new['tasks'])} tasks, changed rows {changed}, "
                  f"diagnostics {len(old['diagnostics'])} -> {len(new['diagnostics'])}")
        path.write_text(dump(new), encoding="utf-8")
        print(f"{golden}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Make the demo's made-up quarterly reports from the real 2022 Q3 sample: `python scripts/make_demo_quarters.py`.

The district publishes a table every quarter, but only one quarter of 2022 is among our samples. To show a
task's progress quarter by quarter, the demo and the tests use 2022 Q1 and Q2 tables MADE UP from the Q3
one: every title says "【演示数据·非真实】" (demo data, not real), so they are never taken for published
figures. What changes from Q3:

- the period ("一季度", "二季度"), the 信息索引号 (…/2022-DEMO1) and the dates;
- in each task's progress, "1-9月" (and "1-8月", "1-6月") become the quarter's months, and every count or
  amount with a unit is scaled down to the quarter's share of the year (Q1: a third of Q3's, Q2: two thirds);
- Q1 words task 3 a little differently (a task reworded between quarters), and Q2 leaves out task 29
  (a task that disappears and comes back).

The files are written to fixtures/demo/ and committed; run this again only to remake them.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import parse_report_bytes  # noqa: E402  (plain Python: no Django needed)

SOURCE = ROOT / "fixtures" / "2022q3_gongshu.txt"
DEMO_DIR = ROOT / "fixtures" / "demo"
MADE_UP = "【演示数据·非真实】"
QUARTERS = {1: ("一季度", "04-25"), 2: ("二季度", "07-25")}
REWORDED = {1: {3: ("社会发展有效投资完成市下达目标任务。", "全社会有效投资完成市下达的目标任务。")}}
DROPPED = {2: {29}}
# A count or amount: a number followed by one of these units (not a percentage, a rank or a date).
QUANTITY_RE = re.compile(r"(\d+(?:\.\d+)?)(?=\s*(?:万|亿)?(?:个(?!百分点)|条|公里|处|场|家|所|户|台|套|项|辆|人|座|平方米|方|元|亩|吨|件|场次|人次|幢|栋|间))")
MONTHS_RE = re.compile(r"1-([6-9])月")


def made_up(text: str, quarter: int) -> str:
    """The Q3 file's text as a made-up report for `quarter`.

    A saved page holds the table twice (the page and its print copy): each change is made to every copy of a
    line, and a dropped row is dropped from both, so the parser finds the two copies alike.
    """
    period, date = QUARTERS[quarter]
    parsed = parse_report_bytes(text.encode(), source_name=SOURCE.name)
    lines = text.split("\n")
    share = quarter / 3
    replaced: dict[str, str] = {}
    dropped_rows: list[list[str]] = []
    for task in parsed.tasks:
        block = lines[task.first_line - 1 : task.last_line]
        if task.seq in DROPPED.get(quarter, set()):
            dropped_rows.append([*block, ""])  # with the blank line after the row
            continue
        old, new = REWORDED.get(quarter, {}).get(task.seq, ("", ""))
        for line in block:
            stripped = line.strip()
            changed = line
            if stripped and stripped in task.progress and stripped not in task.content:
                changed = MONTHS_RE.sub(lambda found: f"1-{max(1, round(int(found.group(1)) * share))}月", changed)
                changed = QUANTITY_RE.sub(lambda found: _scaled(found.group(1), share), changed)
            if old:
                changed = changed.replace(old, new)
            if changed != line:
                replaced[line] = changed
    lines = [replaced.get(line, line) for line in lines]
    for row in dropped_rows:
        row = [replaced.get(line, line) for line in row]
        index = 0
        while index <= len(lines) - len(row):
            if lines[index : index + len(row)] == row:
                del lines[index : index + len(row)]
            else:
                index += 1
    result = "\n".join(lines)
    # The page's title says it is made up; the print copy's keeps the plain form a title has.
    result = result.replace("2022年三季度", f"{MADE_UP}2022年{period}", 1).replace("2022年三季度", f"2022年{period}")
    result = result.replace("K1493206-6/2022-25614", f"K1493206-6/2022-DEMO{quarter}")
    return result.replace("2022-10-25", f"2022-{date}")


def _scaled(number: str, share: float) -> str:
    value = float(number) * share
    return f"{value:.2f}".rstrip("0").rstrip(".") if "." in number else str(max(1, round(value)))


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    DEMO_DIR.mkdir(exist_ok=True)
    for quarter in QUARTERS:
        path = DEMO_DIR / f"2022q{quarter}_gongshu_demo.txt"
        path.write_text(made_up(text, quarter), encoding="utf-8")
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()

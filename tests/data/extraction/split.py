"""How the extraction corpus is split (run once, before any task was annotated or scored).

Tasks are split by the table they come from, never within a table:
- a task from a reader-corpus table keeps that table's half (tests/data/reader_corpus/README.md), so a tuner on
  dev sees no test table in either corpus;
- the four extraction-only tables in sources/ are sorted, shuffled with a fixed seed and halved.
The output below is the split; it never changes.
"""

import random

SEED = 20240918
EXTRA_TABLES = [
    "ext_city_indicators_q2.txt",
    "ext_county_minsheng_1to9.txt",
    "ext_district_projects_q3.txt",
    "ext_town_tasks_h1.txt",
]


def split_extra() -> dict[str, list[str]]:
    names = sorted(EXTRA_TABLES)
    random.Random(SEED).shuffle(names)
    return {"dev": sorted(names[:2]), "test": sorted(names[2:])}


if __name__ == "__main__":
    for half, names in split_extra().items():
        print(half, names)

"""Figures in a task: the targets its content sets and the actuals its progress reports.

`extract_metrics(content, progress, period_end_month=9)` returns one `Metric` per
target, e.g. "建设生态绿道10公里、山水连廊2条,新增绿地60万平方米" gives three. A
target's actual is looked for in the progress by what is counted and its unit,
never by position. A figure that contradicts the target (another stage, a part
under 其中, another level) is never its actual: a missing bar on a chart is better
than a wrong one. A figure that may count something else is kept as a doubtful
pair for an admin to judge, and drives nothing until then. A table's numeric
target / actual / rate columns pair directly (`target_text=`, `actual_text=`,
`completion_text=`). Plain Python, no Django.

How a figure is read:
- numbers: Arabic digits, Chinese numerals via cn2an ("百场" -> 100), magnitude
  words multiplied out ("60万平方米" -> 600000 平方米, "6亿美元" -> 600000000 美元);
- units folded to one spelling (万方 = 平方米, 名 = 人, 场次 = 场), so that a target
  in 名 meets an actual in 人; 平方公里 stays distinct from 平方米;
- figures inside quotation marks are names ("最后一公里"), ordinals (第8位) and
  dates (5月31日, 2022年, 1-8月) carry no unit we count, so none is a target;
- growth rates ("增长7%", "保持7%以上增长", "零增长", "压减10%") are kind "growth";
  a reduction is a negative growth;
- targets keep their words: "5.5%左右(确保5%以上)" is 5.5, approximate, floor 5;
  "3-5个" is 3 with a high end of 5; 确保/力争 around a figure are bounds, not labels.

Where each step lives, in the order a task passes through them:
- `vocabulary`: the data (kinds, comparators, units table, regexes, word lists);
- `segments`: sentence and clause boundaries, quoted and bracketed ranges;
- `quantities`: numbers with a unit;
- `phrases`: what a figure counts, from the words around it;
- `targets`: the targets in the content;
- `figures`: the figures in the progress;
- `pairing`: which figure is the actual of which target, and how sure that is;
- `columns`: the pair a table's numeric columns give, without text matching;
- `completion`: ratios and targets the progress states itself, and actual/target;
- `extract`: `extract_metrics`, which runs the steps in turn;
- `metric`: the `Metric` it returns.

This module only re-exports; the names in `__all__` are the package's API.
"""

from .extract import extract_metrics
from .metric import COLUMNS, CONFIDENT, DOUBTFUL, TEXT, Metric
from .phrases import _clean
from .quantities import _number_value


def _clear_caches() -> None:
    """Forget what earlier texts taught the caches: benchmarks/extraction_benchmark.py times a new file's cost."""
    _number_value.cache_clear()
    _clean.cache_clear()
from .vocabulary import AMOUNT, AT_LEAST, AT_MOST, COUNT, EQUAL, GROWTH, PERCENT

__all__ = [
    "AMOUNT",
    "AT_LEAST",
    "AT_MOST",
    "COLUMNS",
    "CONFIDENT",
    "COUNT",
    "DOUBTFUL",
    "EQUAL",
    "GROWTH",
    "PERCENT",
    "TEXT",
    "Metric",
    "extract_metrics",
]

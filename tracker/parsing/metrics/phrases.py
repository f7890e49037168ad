"""What a figure counts, read from the words around it.

A phrase without its leading verbs, trailing fillers, dates and quotation marks, and
whether the thing counted comes before the figure or after it. Text in, text out:
no figures are read here, and nothing is decided about targets or actuals.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .vocabulary import (
    _GENERIC_LEAD_RE,
    _GENERIC_TAIL_RE,
    _GROWTH_AFTER_RE,
    _ITEM_BREAK_RE,
    _VERB_END_RE,
)


def _is_qualifier(after: str) -> bool:
    """The text between two figures names a thing without a break: the first figure qualifies it."""
    stripped = after.removeprefix("以上").removeprefix("以下")
    return (
        bool(_clean(stripped))
        and "、" not in stripped
        and not _GROWTH_AFTER_RE.match(stripped)
        and not _ITEM_BREAK_RE.search(stripped)
    )


def _first_item(between: str) -> str:
    """Of the text between two figures, the part that belongs to the first: up to a 、, a conjunction or a verb."""
    first = between.split("、")[0]
    found = _ITEM_BREAK_RE.search(first)
    return first[: found.start()] if found else first


def _next_item(before: str) -> str:
    """Of the text between two figures, the part that belongs to the second: from its 、, conjunction or verb on."""
    if "、" in before:
        return before.split("、", 1)[1]
    found = _ITEM_BREAK_RE.search(before)
    return before[found.start() :] if found else before


def _names_what_follows(phrase_before: str) -> bool:
    """Whether the counted thing comes after the figure: the text before is only a verb or a list of names."""
    cleaned = _clean(phrase_before)
    if not cleaned or phrase_before.rstrip().endswith("等") or _VERB_END_RE.search(phrase_before):
        return True
    if len(phrase_before.strip("、 ")) <= 2:
        return True  # "保障4条轨道交通线路": two characters before a figure are a verb
    last_item = cleaned.rsplit("、", 1)[-1]
    return "、" in cleaned and len(last_item) <= 3  # "庆隆、上塘2家社区卫生服务中心"


@lru_cache(maxsize=4096)
def _clean(phrase: str) -> str:
    """What is counted: the phrase without leading verbs, trailing fillers and quotation marks."""
    phrase = phrase.strip()
    for _ in range(3):
        before = phrase
        phrase = _GENERIC_TAIL_RE.sub("", _GENERIC_LEAD_RE.sub("", phrase)).strip()
        if phrase == before:
            break
    return phrase


_DIGITS_RE = re.compile(r"\d+(?:\.\d+)?(?:月份|月|日|年|类|号|岁(?:以上|以下)?)?|[-—]")


def _strip_digits(text: str) -> str:
    """Dates and other numbers left in a label ("9月份11类事件") say nothing of what is counted."""
    return _DIGITS_RE.sub("", text)


def _figure_noun(noun: str) -> str:
    return noun.replace("“", "").replace("”", "").replace("‘", "").replace("’", "")

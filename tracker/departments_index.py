"""The department index: every public department sorted by pinyin, grouped by initial, and searchable.

An official looks for "财政局", not for "区财政局": nearly every unit's name starts with 区, which would put
them all under Q. So names are sorted and grouped by their pinyin without that leading 区. A search matches
the name, an alias (a former name), the pinyin ("caizheng") or the initials ("czj" or "qczj"), ignoring
case and spaces. Pinyin comes from pypinyin, which reads polyphones by word ("银行" is yin hang).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin

# A leading 区 ("district") says nothing about the unit; sorting on it would put nearly all under Q.
SORT_IGNORED_PREFIX = "区"
# Quotation marks and brackets a name may open with (区“三改一拆”办): it is listed under the word inside them.
OPENING_MARKS = "“”\"'‘’《》〈〉（）()【】「」"
OTHER_INITIAL = "#"


@functools.lru_cache(maxsize=4096)
def name_pinyin(name: str) -> tuple[tuple[str, ...], str]:
    """(syllables in lower case, initials) of a name; letters and digits stay as they are."""
    syllables = tuple(syllable.lower() for syllable in lazy_pinyin(name))
    initials = "".join(letter.lower() for letter in lazy_pinyin(name, style=Style.FIRST_LETTER))
    return syllables, initials


def sort_name(name: str) -> str:
    """The part of the name the index sorts on: without a leading 区 when something follows it, nor opening marks."""
    if name.startswith(SORT_IGNORED_PREFIX) and len(name) > len(SORT_IGNORED_PREFIX) + 1:
        name = name[len(SORT_IGNORED_PREFIX):]
    return name.lstrip(OPENING_MARKS) or name


def sort_key(name: str) -> tuple:
    """Pinyin order of the sort name, then the whole name (so 区财政局 and 财政局 stay together, in a fixed order)."""
    return (name_pinyin(sort_name(name))[0], name)


def initial(name: str) -> str:
    """The letter the name is listed under: the first letter of its sort name's pinyin, or "#"."""
    syllables = name_pinyin(sort_name(name))[0]
    first = syllables[0][:1].upper() if syllables and syllables[0] else ""
    return first if "A" <= first <= "Z" else OTHER_INITIAL


def _folded(text: str) -> str:
    return "".join(text.split()).lower()


def matches(query: str, name: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a search finds the department: in its name or an alias, or its pinyin or initials (with or without 区)."""
    wanted = _folded(query)
    if not wanted:
        return True
    for text in (name, *aliases):
        if wanted in _folded(text):
            return True
        syllables, initials = name_pinyin(text)
        if wanted in "".join(syllables) or wanted in initials:
            return True
    return False


@dataclass(frozen=True)
class IndexEntry:
    department: object
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class DepartmentIndex:
    groups: list[tuple[str, list[IndexEntry]]]  # (initial, entries in pinyin order), initials A..Z then "#"
    count: int  # entries found
    total: int  # departments searched


def department_index(departments: Iterable, query: str = "") -> DepartmentIndex:
    """Departments (each with `name` and prefetched `aliases`) that the query finds, in pinyin order, by initial."""
    departments = list(departments)
    entries = []
    for department in departments:
        aliases = tuple(alias.name for alias in department.aliases.all())
        if matches(query, department.name, aliases):
            entries.append(IndexEntry(department, department.name, aliases))
    entries.sort(key=lambda entry: sort_key(entry.name))
    groups: dict[str, list[IndexEntry]] = {}
    for entry in entries:
        groups.setdefault(initial(entry.name), []).append(entry)
    ordered = sorted(groups.items(), key=lambda item: (item[0] == OTHER_INITIAL, item[0]))
    return DepartmentIndex(groups=ordered, count=len(entries), total=len(departments))

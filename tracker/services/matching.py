"""Which stored task a re-imported row is, and how the row differs: pure functions, no database.

A corrected source, or next quarter's reading of the same file, must update each task in
place (keeping its id, its history and the admins' corrections), so every new row is paired
with the stored task it continues. The rule, in order:

1. the same content as the parser read it last time (an unchanged row, wherever it moved);
2. then, most alike pairs first: the stored task at the same 序号 if at least
   SAME_SEQ_MIN_SIMILARITY alike (a row reworded in place), or another stored task at least
   MOVED_ROW_MIN_SIMILARITY alike (a row reworded and moved because rows were inserted or
   removed above it).

Step 2 compares a row only with its 序号's task and the few stored tasks that share the most
three-character pieces with it (an inverted index), so matching stays near linear: comparing
every row with every task took minutes on a 6,000-row table.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

SAME_SEQ_MIN_SIMILARITY = 0.6
MOVED_ROW_MIN_SIMILARITY = 0.8
# How many stored tasks, sharing the most three-character pieces with a row, step 2 compares it with.
MOVED_ROW_CANDIDATES = 5
# A piece found in more stored tasks than this ("工作", "完成") tells them apart too little to be worth counting.
COMMON_PIECE_TASKS = 50


@dataclass(frozen=True)
class RowKey:
    """What matching reads of a row or a stored task: its 序号 and its content as parsed."""

    seq: int
    content: str


def similarity(a: str, b: str, *, minimum: float = 0.0) -> float:
    """difflib's ratio (0..1); 0 when even its cheap upper bound is below `minimum`."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < minimum or matcher.quick_ratio() < minimum:
        return 0.0
    return matcher.ratio()


def _pieces(text: str) -> set[str]:
    """Three-character pieces: two characters recur across thousands of Chinese tasks, three rarely do."""
    return {text[i : i + 3] for i in range(len(text) - 2)} or {text}


def match_rows(stored: Sequence[RowKey], parsed: Sequence[RowKey]) -> dict[int, int]:
    """{index in `parsed`: index in `stored`} for the rows that continue a stored task (see the module docstring)."""
    matches: dict[int, int] = {}
    taken: set[int] = set()

    by_content: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(stored):
        by_content[row.content].append(index)
    for index, row in enumerate(parsed):
        same = by_content.get(row.content)
        if same:
            stored_index = same.pop(0)
            matches[index] = stored_index
            taken.add(stored_index)

    left = [index for index in range(len(stored)) if index not in taken]
    if not left or len(matches) == len(parsed):
        return matches
    by_seq = {stored[index].seq: index for index in left}
    index_of_piece: dict[str, list[int]] = defaultdict(list)
    for stored_index in left:
        for piece in _pieces(stored[stored_index].content):
            index_of_piece[piece].append(stored_index)
    # Every plausible pair, scored; then the best pairs first, so a reworded row that moved is not
    # taken by whatever row now stands at its old 序号 when its own task is clearly more alike.
    candidates: list[tuple[float, int, int]] = []
    telling = {piece: tasks for piece, tasks in index_of_piece.items() if len(tasks) <= COMMON_PIECE_TASKS}
    for index, row in enumerate(parsed):
        if index in matches:
            continue
        shared = Counter(stored_index for piece in _pieces(row.content) for stored_index in telling.get(piece, ()))
        nearby = {stored_index for stored_index, _ in shared.most_common(MOVED_ROW_CANDIDATES)}
        same_seq = by_seq.get(row.seq)
        if same_seq is not None:
            nearby.add(same_seq)
        for stored_index in nearby:
            minimum = SAME_SEQ_MIN_SIMILARITY if stored_index == same_seq else MOVED_ROW_MIN_SIMILARITY
            ratio = similarity(stored[stored_index].content, row.content, minimum=minimum)
            if ratio >= minimum:
                candidates.append((-ratio, index, stored_index))
    for _, index, stored_index in sorted(candidates):
        if index not in matches and stored_index not in taken:
            matches[index] = stored_index
            taken.add(stored_index)
    return matches


@dataclass(frozen=True)
class FieldChange:
    name: str
    old: object
    new: object


def field_changes(old: dict, new: dict, *, fields: Sequence[str]) -> list[FieldChange]:
    """The fields (in `fields` order) whose value differs between two readings of a row."""
    return [FieldChange(name, old.get(name), new.get(name)) for name in fields if old.get(name) != new.get(name)]

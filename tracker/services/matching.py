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
from dataclasses import dataclass, field

from django.utils.translation import gettext

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


@dataclass(frozen=True)
class RowChanges:
    """What a new reading does to each row, by 序号: new and unchanged/changed rows by their new seq,
    removed rows by the seq they had. `kept_corrections` maps a new seq to the admin-corrected fields kept."""

    new: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    kept_corrections: dict[int, list[str]] = field(default_factory=dict)

    def summary(self) -> str:
        """One line, e.g. "新增 0  变化 1  未变 107  删除 0  保留更正 1" (in the active language: the admin shows it)."""
        return gettext("新增 {new}  变化 {changed}  未变 {unchanged}  删除 {removed}  保留更正 {kept}").format(
            new=len(self.new),
            changed=len(self.changed),
            unchanged=len(self.unchanged),
            removed=len(self.removed),
            kept=len(self.kept_corrections),
        )

    def to_json(self) -> dict:
        return {
            "new": self.new, "changed": self.changed, "unchanged": self.unchanged, "removed": self.removed,
            "kept_corrections": {str(seq): fields for seq, fields in self.kept_corrections.items()},
        }

    @classmethod
    def from_json(cls, data: dict) -> "RowChanges":
        return cls(
            new=list(data.get("new", [])), changed=list(data.get("changed", [])),
            unchanged=list(data.get("unchanged", [])), removed=list(data.get("removed", [])),
            kept_corrections={int(seq): fields for seq, fields in data.get("kept_corrections", {}).items()},
        )


@dataclass(frozen=True)
class StoredRow:
    """A stored task as a diff reads it: its reading when last imported, and what an admin corrected."""

    task_id: int
    seq: int
    values: dict  # the row as the parser read it last time (Task.parsed_values)
    corrected: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChangedRow:
    seq: int
    old_seq: int
    task_id: int
    changes: list[FieldChange]  # what the new reading changes, old → new
    kept: list[str]  # fields among them an admin corrected: the correction stays, the new reading is not applied


@dataclass(frozen=True)
class RowsDiff:
    """A new reading against the stored rows, row by row (the admin's preview and revision pages show it)."""

    new: list[tuple[int, dict]] = field(default_factory=list)  # (seq, the row's values)
    changed: list[ChangedRow] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    removed: list[StoredRow] = field(default_factory=list)
    kept_corrections: dict[int, list[str]] = field(default_factory=dict)

    def row_changes(self) -> RowChanges:
        return RowChanges(
            new=sorted(seq for seq, _ in self.new),
            changed=sorted(row.seq for row in self.changed),
            unchanged=sorted(self.unchanged),
            removed=sorted(row.seq for row in self.removed),
            kept_corrections=dict(self.kept_corrections),
        )


def rows_diff(stored: Sequence[StoredRow], parsed: Sequence[tuple[int, dict]], *, fields: Sequence[str]) -> RowsDiff:
    """Pair the new rows ((seq, values)) with the stored ones and list what differs in `fields`."""
    matches = match_rows(
        [RowKey(row.seq, row.values.get("content", "")) for row in stored],
        [RowKey(seq, values.get("content", "")) for seq, values in parsed],
    )
    diff = RowsDiff()
    matched = set(matches.values())
    for index, (seq, values) in enumerate(parsed):
        stored_index = matches.get(index)
        if stored_index is None:
            diff.new.append((seq, values))
            continue
        row = stored[stored_index]
        if row.corrected:
            diff.kept_corrections[seq] = sorted(row.corrected)
        changes = field_changes(row.values, values, fields=fields)
        if changes:
            kept = [change.name for change in changes if change.name in row.corrected]
            diff.changed.append(ChangedRow(seq, row.seq, row.task_id, changes, kept))
        else:
            diff.unchanged.append(seq)
    diff.removed.extend(row for index, row in enumerate(stored) if index not in matched)
    return diff

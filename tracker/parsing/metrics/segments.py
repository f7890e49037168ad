"""Where things sit in a text: sentence and clause starts, and what lies inside quotation marks or brackets.

Knows nothing of numbers or of what is counted; the readers of targets and figures
use it to tell which figures share a sentence or clause and which are only names.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .vocabulary import (
    _CLAUSE_END_RE,
    _SENTENCE_END_RE,
)


@dataclass
class _Segments:
    """Sentence and clause boundaries of a text, as start offsets."""

    text: str
    sentence_starts: list[int] = field(default_factory=list)
    clause_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _Segments:
        sentence_starts = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        clause_starts = [0] + [m.end() for m in _CLAUSE_END_RE.finditer(text)]
        return cls(text, sentence_starts, clause_starts)

    def sentence_of(self, position: int) -> int:
        return _index_at(self.sentence_starts, position)

    def clause_of(self, position: int) -> int:
        return _index_at(self.clause_starts, position)

    def clause_bounds(self, clause: int) -> tuple[int, int]:
        start = self.clause_starts[clause]
        end = self.clause_starts[clause + 1] - 1 if clause + 1 < len(self.clause_starts) else len(self.text)
        return start, end

    def sentence_bounds(self, sentence: int) -> tuple[int, int]:
        start = self.sentence_starts[sentence]
        end = self.sentence_starts[sentence + 1] - 1 if sentence + 1 < len(self.sentence_starts) else len(self.text)
        return start, end


def _index_at(starts: list[int], position: int) -> int:
    return bisect.bisect_right(starts, position) - 1


def _masked_ranges(text: str, pairs: dict[str, str]) -> bytearray:
    """1 for every character inside the given bracket pairs (the brackets included)."""
    mask = bytearray(len(text))
    if not any(opening in text for opening in pairs):
        return mask  # most texts quote nothing: skip the walk
    closing_for: list[str] = []
    for index, char in enumerate(text):
        if closing_for and char == closing_for[-1]:
            mask[index] = 1
            closing_for.pop()
            continue
        if char in pairs:
            closing_for.append(pairs[char])
        if closing_for:
            mask[index] = 1
    return mask

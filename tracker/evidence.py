"""Cut a task's text into pieces so the words a figure was read from can be highlighted.

Offsets come from the parser and index the text as imported; once an admin has
corrected that text they no longer line up, so the caller passes no spans then.
"""

from __future__ import annotations

from collections.abc import Iterable


def evidence_segments(text: str, spans: Iterable[tuple[int | None, int | None]]) -> list[tuple[str, bool]]:
    """[(piece, is_evidence), ...] covering `text` in order; bad or overlapping spans are dropped."""
    cuts = sorted(
        (start, end) for start, end in spans if start is not None and end is not None and 0 <= start < end <= len(text)
    )
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in cuts:
        if start < position:
            continue  # overlaps the previous highlight
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces

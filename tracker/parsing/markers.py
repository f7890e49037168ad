"""Sequence numbers ("12", "3.") and group markers ("(十一)", "一、") at the start of a label."""

from __future__ import annotations

import re

_SEQ_RE = re.compile(r"\d{1,4}[.、]?[*※△▲★]?")
# "(一)", "(十一)", "一、" at the start of a group label; after NFKC "(" is "(".
_MARKER_RE = re.compile(r"^\s*(?:[(（]\s*([一二三四五六七八九十百零〇]+)\s*[)）]|([一二三四五六七八九十]+)\s*[、.．])\s*")


def split_marker(key: str) -> tuple[str | None, str]:
    """"(十一)提高城市承载能力" -> ("十一", "提高城市承载能力"); no marker -> (None, key)."""
    match = _MARKER_RE.match(key)
    if not match:
        return None, key
    return match.group(1) or match.group(2), key[match.end() :].strip()


def is_seq(key: str) -> bool:
    return bool(_SEQ_RE.fullmatch(key))


def is_marker_only(key: str) -> bool:
    number, rest = split_marker(key)
    return number is not None and not rest

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


# A 序号 under a group's number: "1-1", "2-3-1", "1.1", "(1)" ("（1）" and "①" are "(1)" and "1" once width-folded).
# "1.1" is also a figure: the row search of flattened text, which must tell 序号 from figures, takes it as a 序号 less
# readily (`scoring._seq_score`).
_SUB_SEQ_RE = re.compile(r"(\d{1,3})(?:[-—–]\d{1,3}){1,2}|\(\s*\d{1,3}\s*\)|(\d{1,3})\.\d{1,2}(?:\.\d{1,2})?")


def is_sub_seq(key: str) -> bool:
    """A hierarchical 序号 ("1-1", "(1)"): a row's number under its group, not a figure and not a group marker."""
    return bool(_SUB_SEQ_RE.fullmatch(key))


def is_any_seq(key: str) -> bool:
    """A 序号 of any form a table numbers its rows with: "12", "3.", "1-1", "(1)"."""
    return is_seq(key) or is_sub_seq(key)


def sub_seq_parent(key: str) -> str | None:
    """The group number a "1-2" 序号 sits under ("1"), or None."""
    match = _SUB_SEQ_RE.fullmatch(key)
    return (match.group(1) or match.group(2)) if match else None


def is_dotted(key: str) -> bool:
    """"1.1": a 序号 under group 1, or the figure 1.1."""
    match = _SUB_SEQ_RE.fullmatch(key)
    return bool(match and match.group(2))


def is_marker_only(key: str) -> bool:
    number, rest = split_marker(key)
    return number is not None and not rest

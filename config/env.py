"""Strict readers for settings taken from the environment.

A typo in a deployment variable should stop the start-up with a message naming
the variable, not quietly fall back to a default. An unset or empty variable
means "use the default".
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"1", "true", "yes"})
FALSE_WORDS = frozenset({"0", "false", "no"})

BOOL_INVALID = "{name} must be one of 1/0/true/false/yes/no, got {raw!r}"
INT_INVALID = "{name} must be a whole number, got {raw!r}"
INT_TOO_SMALL = "{name} must be at least {minimum}, got {value}"
ADMINS_INVALID = "{name} must list people like 'Zhang San <zhang@example.org>', comma-separated, got {raw!r}"
ORIGIN_INVALID = "{name} must list origins like https://jindu.example.org (scheme and host, no path), got {raw!r}"

# An origin as browsers send it: scheme, host (a name, an IPv4 address or a bracketed IPv6 one; Django
# also allows a leading "*." wildcard) and an optional port, with no path, query or trailing slash.
_ORIGIN = re.compile(r"https?://(\*\.)?([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?")


def env_str(name: str, *, default: str = "") -> str:
    raw = os.environ.get(name, "").strip()
    return raw or default


def env_bool(name: str, *, default: bool) -> bool:
    raw = env_str(name)
    if not raw:
        return default
    word = raw.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(BOOL_INVALID.format(name=name, raw=raw))


def env_int(name: str, *, default: int, minimum: int | None = None) -> int:
    raw = env_str(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(INT_INVALID.format(name=name, raw=raw)) from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(INT_TOO_SMALL.format(name=name, minimum=minimum, value=value))
    return value


def env_list(name: str, *, default: list[str]) -> list[str]:
    """A comma-separated list; blanks around items and empty items are dropped."""
    raw = env_str(name)
    if not raw:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_origins(name: str, *, default: list[str]) -> list[str]:
    """A comma-separated list of http(s) origins; anything else (a bare host, a path) raises."""
    origins = env_list(name, default=default)
    for origin in origins:
        if not _ORIGIN.fullmatch(origin):
            raise ImproperlyConfigured(ORIGIN_INVALID.format(name=name, raw=origin))
    return origins


_ADMIN = re.compile(r"\s*(?P<name>[^<>,]+?)\s*<(?P<email>[^<>@\s,]+@[^<>@\s,]+)>\s*")


def env_admins(name: str) -> list[tuple[str, str]]:
    """People to mail about server errors: "Name <email>, Name <email>"; [] when unset."""
    raw = env_str(name)
    if not raw:
        return []
    people = []
    for item in raw.split(","):
        match = _ADMIN.fullmatch(item)
        if not match:
            raise ImproperlyConfigured(ADMINS_INVALID.format(name=name, raw=raw))
        people.append((match["name"], match["email"]))
    return people

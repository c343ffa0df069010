"""Query parameters typed by hand in an address bar: parsed to bounded values, never to a server error.

Filter sets (django-filter) validate their own fields; this is for the few views and selectors that read a
parameter directly. A value that is not a number, or outside [low, high], counts as absent: a list page then
shows its unfiltered view instead of a 500 (an id past 64 bits would overflow the database driver)."""

from __future__ import annotations

from typing import Any

MAX_ID = 2**63 - 1  # the largest BigAutoField value on SQLite and PostgreSQL


def int_param(value: Any, low: int = 1, high: int = MAX_ID) -> int | None:
    """`value` as an int within [low, high], else None."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not text or len(text) > 20 or not text.lstrip("-").isdigit():
        return None
    number = int(text)
    return number if low <= number <= high else None

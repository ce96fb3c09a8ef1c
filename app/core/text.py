"""Text as every feature reads it: squashed as a reader sees it and checked for length.
(Searching by words is the database's: app/bank/fulltext.py; CSV cells are made safe for a
spreadsheet by app/core/csvfile.py.)"""

from __future__ import annotations

import unicodedata


def squash(text: str | None) -> str:
    """Text as a reader sees it: invisible control and format characters (a right-to-left
    override, zero-width spaces) dropped, runs of whitespace folded, the ends trimmed."""
    shown = "".join(
        char
        for char in (text or "")
        if char.isspace() or unicodedata.category(char) not in {"Cc", "Cf"}
    )
    return " ".join(shown.split())


def length_error(value: str, label: str, low: int, high: int) -> str | None:
    """Why a text is too short or too long for a field, or None when it fits."""
    if not value:
        return f"Write {label}."
    if len(value) < low:
        return f"Write {label} in at least {low} characters."
    if len(value) > high:
        return f"Keep {label} to {high} characters or fewer (it has {len(value)})."
    return None

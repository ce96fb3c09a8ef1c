"""Text as every feature reads it: squashed as a reader sees it, checked for length, and
searched literally (the words of a query, a portable case-insensitive "contains")."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement

from app.insight.stopwords import COMMON_WORDS

_WORD = re.compile(r"\w+")


def search_terms(query: str) -> list[str]:
    """The words of a query worth matching literally (common and very short words dropped)."""
    words = [word for word in _WORD.findall(query.lower()) if word not in COMMON_WORDS]
    return [word for word in words if len(word) > 2] or [query.strip().lower()]


def contains(column: ColumnElement[str], term: str, dialect: str) -> ColumnElement[bool]:
    """The column holds the term, ignoring case (LIKE on SQLite, which ignores ASCII case and is
    faster without ``lower()``; ILIKE on PostgreSQL)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    if dialect == "sqlite":
        return column.like(pattern, escape="\\")
    return column.ilike(pattern, escape="\\")


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

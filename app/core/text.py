"""Literal text search that every listing shares: the words of a query, and a portable
case-insensitive "contains" condition."""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement

from app.insight.stopwords import COMMON_WORDS

_WORD = re.compile(r"\w+")
# What a spreadsheet reads as a formula (OWASP's CSV injection advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: formula-like starts get a leading quote."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


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

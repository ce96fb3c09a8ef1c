"""Full-text search in the database: a visitor's words as a safe query, matched and ranked.

The indexes are the database's own (migration db806327b177; ``models/fulltext.py`` names them):
SQLite FTS5 tables (``porter unicode61 remove_diacritics 2``) and PostgreSQL ``tsvector``
columns (``english``) with GIN indexes. Both stem English words, so "evictions" finds "evicted".

**Kept in step by the database, not by the services that write.** SQLite triggers and a
PostgreSQL generated column update an index in the same statement as the row, so every writer is
covered: asking and editing through the services, but also the bulk inserts of the demo seeder,
the benchmarks and dataset imports, and a fix made by hand in SQL, which a service call or an
ORM event would each miss; and the index is never a commit behind its rows. The cost is paid on
write (a few microseconds a row). A later SQLite migration that re-creates ``questions`` or
``datasets`` must re-create their triggers (the migration's docstring says so), and the tests
that edit, hide and delete questions would catch it not doing so.

**What the index may show is still the policy's to say.** These functions only match words;
callers add ``readable_by`` (or ``datasets_readable_by``) to the same query, so a search never
reaches a row a listing would not show. On PostgreSQL questions are searched in their narrow
copy ``question_search`` (migration d3f7a1c9e5b2): conditions on the columns it copies are
checked there, and any other condition joins the questions themselves.

**User input is never query syntax.** A query is reduced to its words (letters and digits);
each word is quoted, joined by AND, and only the last one is a prefix (search as you type). So
quotes, ``NEAR``, ``*``, ``-``, ``AND``/``OR``/``NOT``, ``column:`` filters, ``&|!:<->`` and NUL
bytes are at most separators or plain words. A query with no words is no query at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Integer, column, func, literal_column, select, table
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.orm import Session
from sqlalchemy.sql.visitors import replacement_traverse

from app.insight.stopwords import COMMON_WORDS
from models.fulltext import VECTOR_COLUMN, FullTextIndex

# Letters and digits in any script; everything else separates words (the FTS5 tokenizer and
# PostgreSQL's parser split on the same characters, and on the underscore that \w keeps).
_WORD = re.compile(r"[^\W_]+")
# A search box holds a few words; more would only make every match rarer and slower.
MAX_TERMS = 12
# PostgreSQL's ts_rank divides by 1 + log(length): like bm25, a long text does not win by size.
_RANK_LENGTH_NORMALISATION = 1


@dataclass(frozen=True)
class TextQuery:
    """The words of a search as lower-case terms: all must match, the last as a prefix."""

    terms: tuple[str, ...]

    def fts5(self) -> str:
        """The query in FTS5 syntax: each term a quoted string, the last with ``*``."""
        return " ".join(f'"{term}"' for term in self.terms) + "*"

    def tsquery(self) -> str:
        """The query in ``to_tsquery`` syntax: quoted terms joined by ``&``, the last ``:*``."""
        return " & ".join(f"'{term}'" for term in self.terms) + ":*"


def text_query(raw: str) -> TextQuery | None:
    """The terms of what someone typed, or None when it holds no word (no filter at all).

    Common words ("how", "many") and single letters are dropped so that they do not narrow a
    search (a query of nothing else keeps them), and so is a word said twice.
    """
    words = _WORD.findall(unicodedata.normalize("NFKC", raw).lower())
    if not words:
        return None
    terms = [word for word in words if word not in COMMON_WORDS and len(word) > 1] or words
    return TextQuery(tuple(dict.fromkeys(terms))[:MAX_TERMS])


def _fts(index: FullTextIndex) -> ColumnElement[bool]:
    return literal_column(index.fts_table)


def _vector(index: FullTextIndex) -> ColumnElement[object]:
    return literal_column(f"{index.searched.name}.{VECTOR_COLUMN}", TSVECTOR)


def _tsquery(query: TextQuery) -> ColumnElement[object]:
    return func.to_tsquery("english", query.tsquery())


def matches(index: FullTextIndex, query: TextQuery, dialect: str) -> ColumnElement[bool]:
    """A condition on the searched table: the row holds every term (stemmed)."""
    id_column = index.table.c.id
    if dialect == "sqlite":
        fts = table(index.fts_table, column("rowid", Integer))
        found = select(fts.c.rowid).where(_fts(index).op("MATCH")(query.fts5()))
        return id_column.in_(found)
    if index.narrow is not None:
        narrow = index.narrow
        return id_column.in_(select(narrow.c.id).where(_vector(index).op("@@")(_tsquery(query))))
    return _vector(index).op("@@")(_tsquery(query))


class _NotCopied(Exception):
    """A condition reads a column the narrow table does not copy."""


def _on_narrow(
    index: FullTextIndex, conditions: list[ColumnElement[bool]]
) -> list[ColumnElement[bool]] | None:
    """The conditions re-pointed at the narrow table's copies of their columns, or None when one
    reads a column that is not copied."""
    narrow = index.narrow
    assert narrow is not None

    def replace(element: Any, **_kw: Any) -> Any:
        if isinstance(element, Column) and element.table is index.table:
            if element.name not in narrow.c:
                raise _NotCopied(element.name)
            return narrow.c[element.name]
        return None

    try:
        return [replacement_traverse(condition, {}, replace) for condition in conditions]
    except _NotCopied:
        return None


def ranked_ids(
    session: Session,
    index: FullTextIndex,
    query: TextQuery,
    conditions: list[ColumnElement[bool]],
    limit: int | None = None,
    depth: int | None = None,
) -> list[int]:
    """Ids of the rows meeting the conditions and holding every term, best first.

    Best is bm25 on SQLite and ts_rank on PostgreSQL, both weighting a question's text above its
    action (a dataset's title and keywords above the rest); ties go to the newest row. ``limit``
    returns only that many; ``depth`` ranks only the newest that many matches, which bounds the
    work for a word that thousands of rows hold (ranking reads each match's index entry).
    """
    id_column = index.table.c.id
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        fts = table(index.fts_table, column("rowid", Integer), column("rank"))
        found = (
            select(id_column.label("id"), fts.c.rank.label("rank"))
            .join(fts, fts.c.rowid == id_column)
            .where(_fts(index).op("MATCH")(query.fts5()), *conditions)
        )
        newest = fts.c.rowid.desc()  # FTS5 walks its index in this order: no sort, and it stops
    else:
        searched = index.searched
        found = select(searched.c.id.label("id"), _vector(index).label("vector"))
        if index.narrow is not None:
            copied = _on_narrow(index, conditions)
            if copied is None:
                found = found.join(index.table, id_column == searched.c.id)
            else:
                conditions = copied
        found = found.where(_vector(index).op("@@")(_tsquery(query)), *conditions)
        newest = searched.c.id.desc()
    if depth is not None:
        found = found.order_by(newest).limit(depth)
    hits = found.subquery()
    best = (
        hits.c.rank.asc()
        if sqlite
        else func.ts_rank(hits.c.vector, _tsquery(query), _RANK_LENGTH_NORMALISATION).desc()
    )
    return list(session.scalars(select(hits.c.id).order_by(best, hits.c.id.desc()).limit(limit)))

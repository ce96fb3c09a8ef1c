"""The full-text indexes: database objects outside the declarative metadata.

Migration db806327b177 creates them: on SQLite an FTS5 table ``<table>_fts`` (with its view
``<table>_fts_source`` and triggers), on PostgreSQL a generated ``search_vector`` column with
the GIN index ``ix_<table>_search_vector``. Migration d3f7a1c9e5b2 copies the questions' vectors
into the narrow PostgreSQL table ``question_search`` (kept by triggers) and moves their GIN index
there. Neither dialect has the other's objects, so they are not declared on the models;
``include_name`` keeps Alembic's comparison from reporting them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Integer, MetaData, Table
from sqlalchemy.dialects.postgresql import TSVECTOR

from models.dataset import Dataset
from models.question import Question

VECTOR_COLUMN = "search_vector"
# PostgreSQL only, so in metadata of its own: what a question search reads, a row of ~270 bytes
# instead of ~1 kB (the migration's docstring gives the figures).
QUESTION_SEARCH = Table(
    "question_search",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("visibility", Question.__table__.c.visibility.type),
    Column("hidden", Boolean),
    Column("organisation_id", Integer),
    Column(VECTOR_COLUMN, TSVECTOR),
)
# The tables FTS5 makes beside each of its own: its data, term index, sizes and configuration.
_FTS5_SHADOWS = ("data", "idx", "docsize", "config")


@dataclass(frozen=True)
class FullTextIndex:
    """A searched table's full-text index, by the names each dialect gives it."""

    table: Table
    # On PostgreSQL, a narrow copy of the columns a search reads, searched instead of ``table``.
    narrow: Table | None = None

    @property
    def fts_table(self) -> str:
        """The SQLite FTS5 table, whose rowid is the searched row's id."""
        return f"{self.table.name}_fts"

    @property
    def searched(self) -> Table:
        """The PostgreSQL table holding the ``search_vector`` column that is searched."""
        return self.table if self.narrow is None else self.narrow

    @property
    def vector_index(self) -> str:
        """The PostgreSQL GIN index over the searched ``search_vector`` column."""
        return f"ix_{self.searched.name}_{VECTOR_COLUMN}"

    def names(self) -> set[str]:
        """Every table and index name that belongs to this full-text index."""
        fts = self.fts_table
        shadows = {fts, *(f"{fts}_{shadow}" for shadow in _FTS5_SHADOWS)}
        if self.narrow is not None:
            shadows |= {self.narrow.name, f"{self.narrow.name}_pkey"}
        return {*shadows, self.vector_index}


QUESTIONS_TEXT = FullTextIndex(Question.__table__, QUESTION_SEARCH)  # type: ignore[arg-type]
DATASETS_TEXT = FullTextIndex(Dataset.__table__)  # type: ignore[arg-type]
FULL_TEXT_INDEXES = (QUESTIONS_TEXT, DATASETS_TEXT)


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's ``include_name`` hook: leave the full-text objects out of model comparison."""
    if type_ == "column":
        searched = {index.table.name for index in FULL_TEXT_INDEXES}
        return not (name == VECTOR_COLUMN and parent_names.get("table_name") in searched)
    return name not in {found for index in FULL_TEXT_INDEXES for found in index.names()}

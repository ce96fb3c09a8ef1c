"""The full-text indexes: database objects outside the declarative metadata.

Migration db806327b177 creates them: on SQLite an FTS5 table ``<table>_fts`` (with its view
``<table>_fts_source`` and triggers), on PostgreSQL a generated ``search_vector`` column with
the GIN index ``ix_<table>_search_vector``. Neither dialect has the other's objects, so they
are not declared on the models; ``include_name`` keeps Alembic's comparison from reporting them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Table

from models.dataset import Dataset
from models.question import Question

VECTOR_COLUMN = "search_vector"
# The tables FTS5 makes beside each of its own: its data, term index, sizes and configuration.
_FTS5_SHADOWS = ("data", "idx", "docsize", "config")


@dataclass(frozen=True)
class FullTextIndex:
    """A searched table's full-text index, by the names each dialect gives it."""

    table: Table

    @property
    def fts_table(self) -> str:
        """The SQLite FTS5 table, whose rowid is the searched row's id."""
        return f"{self.table.name}_fts"

    @property
    def vector_index(self) -> str:
        """The PostgreSQL GIN index over the ``search_vector`` column."""
        return f"ix_{self.table.name}_{VECTOR_COLUMN}"

    def names(self) -> set[str]:
        """Every table and index name that belongs to this full-text index."""
        fts = self.fts_table
        return {fts, *(f"{fts}_{shadow}" for shadow in _FTS5_SHADOWS), self.vector_index}


QUESTIONS_TEXT = FullTextIndex(Question.__table__)  # type: ignore[arg-type]
DATASETS_TEXT = FullTextIndex(Dataset.__table__)  # type: ignore[arg-type]
FULL_TEXT_INDEXES = (QUESTIONS_TEXT, DATASETS_TEXT)


def include_name(name: str | None, type_: str, parent_names: Mapping[str, str | None]) -> bool:
    """Alembic's ``include_name`` hook: leave the full-text objects out of model comparison."""
    if type_ == "column":
        searched = {index.table.name for index in FULL_TEXT_INDEXES}
        return not (name == VECTOR_COLUMN and parent_names.get("table_name") in searched)
    return name not in {found for index in FULL_TEXT_INDEXES for found in index.names()}

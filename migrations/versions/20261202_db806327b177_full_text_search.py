"""Full-text search: an index over questions (text, action) and dataset descriptions.

SQLite: an external-content FTS5 table per searched table (``porter unicode61
remove_diacritics 2``, prefix indexes for two and three letters, the bm25 column weights stored
as its rank) reading its content through a view, kept in step by triggers on the table.
PostgreSQL: a generated ``search_vector`` column (``english``, weighted A/B/C) with a GIN index.
Both are filled from the rows already there. They stay outside the models' metadata
(``models/fulltext.py``).

A later SQLite migration that re-creates ``questions`` or ``datasets`` (batch "move and copy")
drops their triggers with the old table and must create them again.

Revision ID: db806327b177
Revises: e7d2a4c81f36
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "db806327b177"
down_revision: str | None = "e7d2a4c81f36"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Per searched table: its columns with their SQLite bm25 weight and PostgreSQL weight class, in
# the order the FTS5 table declares them. A title or a question's text counts most.
SEARCHED = {
    "questions": (("text", 2.0, "A"), ("action", 1.0, "B")),
    "datasets": (
        ("title", 3.0, "A"),
        ("description", 1.0, "C"),
        ("publisher", 1.0, "C"),
        ("keywords", 2.0, "B"),
        ("variables", 1.0, "C"),
    ),
}
# JSON lists of words: SQLite indexes their decoded strings (stored JSON escapes "é" as \u00e9).
JSON_COLUMNS = {"keywords", "variables"}


def _sqlite_value(row: str, name: str) -> str:
    """What FTS5 indexes for a column of a row (``new``, ``old`` or the table itself)."""
    if name in JSON_COLUMNS:
        return f"(SELECT group_concat(value, ' ') FROM json_each({row}.{name}))"
    return f"{row}.{name}"


def _sqlite_upgrade(table: str, columns: tuple[tuple[str, float, str], ...]) -> None:
    names = [name for name, _, _ in columns]
    listed = ", ".join(names)
    fts = f"{table}_fts"

    def values(row: str) -> str:
        return ", ".join(_sqlite_value(row, name) for name in names)

    # The index's content is a view of the indexed values, so its integrity check and the
    # triggers agree on what each row holds. (FTS5's 'rebuild' cannot read this view: JSON
    # decoding is a table-valued function, so the rows already there are copied in below.)
    view_columns = ", ".join(f"{_sqlite_value(table, name)} AS {name}" for name in names)
    op.execute(f"CREATE VIEW {fts}_source AS SELECT {table}.id AS id, {view_columns} FROM {table}")
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content='{fts}_source', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3')"
    )
    weights = ", ".join(f"{weight:g}" for _, weight, _ in columns)
    op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('rank', 'bm25({weights})')")
    op.execute(
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {values('new')}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {values('old')}); "
        "END"
    )
    # Only a change to a searched column touches the index (not a support count or a group).
    op.execute(
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {listed} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {values('old')}); "
        f"INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {values('new')}); END"
    )
    op.execute(f"INSERT INTO {fts}(rowid, {listed}) SELECT id, {listed} FROM {fts}_source")


def _postgresql_upgrade(table: str, columns: tuple[tuple[str, float, str], ...]) -> None:
    # to_tsvector(regconfig, json) indexes a JSON list's strings, not its brackets and quotes.
    parts = " || ".join(
        f"setweight(to_tsvector('english'::regconfig, {name}), '{weight_class}')"
        for name, _, weight_class in columns
    )
    op.execute(
        f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
        f"GENERATED ALWAYS AS ({parts}) STORED"
    )
    # New rows wait in the GIN index's pending list, which every search reads in full until it is
    # merged (by vacuum, or when it outgrows this limit): 4 MB by default, about 13 ms a search
    # after a bulk import; 512 kB keeps that near 1 ms for a little more work on insert.
    op.execute(
        f"CREATE INDEX ix_{table}_search_vector ON {table} USING gin (search_vector) "
        "WITH (gin_pending_list_limit = 512)"
    )


def upgrade() -> None:
    """Apply this revision."""
    dialect = op.get_bind().dialect.name
    for table, columns in SEARCHED.items():
        if dialect == "sqlite":
            _sqlite_upgrade(table, columns)
        elif dialect == "postgresql":
            _postgresql_upgrade(table, columns)
        else:
            raise NotImplementedError(f"no full-text index for {dialect}")


def downgrade() -> None:
    """Revert this revision."""
    dialect = op.get_bind().dialect.name
    for table in SEARCHED:
        if dialect == "sqlite":
            for trigger in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{trigger}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
            op.execute(f"DROP VIEW IF EXISTS {table}_fts_source")
        else:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_vector")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")

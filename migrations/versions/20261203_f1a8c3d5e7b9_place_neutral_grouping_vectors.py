"""A second vector per question for grouping: its text with place names neutralised.

Revision ID: f1a8c3d5e7b9
Revises: db806327b177
Create Date: 2026-12-03 09:00:00

Empty for a question whose text names no place (grouping then reads its embedding). The
questions already stored that name a place are marked for embedding again (their model cleared),
which `flask insight prepare` (run by `make run`) or `flask insight reembed` then does.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f1a8c3d5e7b9"
down_revision: str | None = "db806327b177"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    # A plain ADD/DROP COLUMN, never a batch rebuild: the full-text triggers live on questions.
    op.add_column("questions", sa.Column("grouping_embedding", sa.LargeBinary(), nullable=True))
    # The engine's own place finder (no Flask, no database), so that the questions marked are
    # exactly those the bank now embeds twice.
    from app.insight.places import place_spans

    questions = sa.table(
        "questions", sa.column("id", sa.Integer), sa.column("text"), sa.column("embedding_model")
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(questions.c.id, questions.c.text).where(questions.c.embedding_model.is_not(None))
    )
    placed = [row.id for row in rows if place_spans(row.text)]
    for start in range(0, len(placed), 500):
        connection.execute(
            questions.update()
            .where(questions.c.id.in_(placed[start : start + 500]))
            .values(embedding_model=None)
        )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("questions", "grouping_embedding")

"""A second vector per question for grouping: its text with place names neutralised.

Revision ID: f1a8c3d5e7b9
Revises: db806327b177
Create Date: 2026-12-03 09:00:00

Empty for a question whose text names no place (grouping then reads its embedding). Questions
stored before this revision have none until re-embedded (`flask insight reembed`).
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


def downgrade() -> None:
    """Revert this revision."""
    op.drop_column("questions", "grouping_embedding")

"""The bank's change counter: one row every writing transaction advances (for page caches).

Revision ID: e7d2a4c81f36
Revises: d7a2b9c4e081
Create Date: 2026-12-02 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e7d2a4c81f36"
down_revision: str | None = "d7a2b9c4e081"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    table = op.create_table(
        "bank_changes",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("generation", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_changes")),
    )
    op.bulk_insert(table, [{"id": 1, "generation": 0}])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("bank_changes")

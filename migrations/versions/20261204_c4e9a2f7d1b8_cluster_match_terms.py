"""clusters.match_terms: the c-TF-IDF terms the dataset matcher compares with a dataset's words.

The keyphrases shown as a group's keywords are few, multi-word and chosen to read well; the
matcher's keyword component scores the share of a group's distinctive terms found among a
dataset's words, which those keyphrases serve poorly (P@3 0.85 -> 0.78 on the bench's true
groups). Existing groups get theirs at the next re-cluster; until then the matcher reads their
keyphrases, as before.

Revision ID: c4e9a2f7d1b8
Revises: f3a81c5d92e4
Create Date: 2026-12-04 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4e9a2f7d1b8"
down_revision: str | None = "f3a81c5d92e4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column(
        "clusters",
        sa.Column("match_terms", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("clusters", recreate="never") as batch_op:
        batch_op.drop_column("match_terms")

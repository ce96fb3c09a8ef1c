"""Stored dataset matches: one row per group and dataset scoring at least the minimum; an
index for a group page's list of questions.

Revision ID: d7a2b9c4e081
Revises: e8137509d1c5
Create Date: 2026-12-02 10:00:00

The rows are derived data: the upgrade leaves the table empty, and ``flask insight prepare``
(which ``make run`` runs), ``flask insight rematch`` or the next re-cluster fills it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d7a2b9c4e081"
down_revision: str | None = "e8137509d1c5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "dataset_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("dataset_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("semantic", sa.Float(), nullable=False),
        sa.Column("theme", sa.Float(), nullable=True),
        sa.Column("geography", sa.Float(), nullable=True),
        sa.Column("keyword", sa.Float(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("serves_question_ids", sa.JSON(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_dataset_matches_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_dataset_matches_dataset_id_datasets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset_matches")),
        sa.UniqueConstraint(
            "cluster_id", "dataset_id", name=op.f("uq_dataset_matches_cluster_id_dataset_id")
        ),
    )
    with op.batch_alter_table("dataset_matches", schema=None) as batch_op:
        batch_op.create_index(
            "ix_dataset_matches_cluster_id_score", ["cluster_id", "score"], unique=False
        )
        batch_op.create_index(
            "ix_dataset_matches_dataset_id_score", ["dataset_id", "score"], unique=False
        )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_questions_cluster_listing",
            ["cluster_id", "hidden", "visibility", "support_count", "id"],
            unique=False,
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index("ix_questions_cluster_listing")
    with op.batch_alter_table("dataset_matches", schema=None) as batch_op:
        batch_op.drop_index("ix_dataset_matches_dataset_id_score")
        batch_op.drop_index("ix_dataset_matches_cluster_id_score")
    op.drop_table("dataset_matches")

"""Match feedback: members mark a suggested dataset not relevant for a group.

Revision ID: c4e1f0a9d2b7
Revises: bcb86541fda7
Create Date: 2026-12-01 13:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c4e1f0a9d2b7"
down_revision: str | None = "bcb86541fda7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "match_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column("dataset_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["clusters.id"],
            name=op.f("fk_match_feedback_cluster_id_clusters"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_match_feedback_dataset_id_datasets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_match_feedback_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_feedback")),
        sa.UniqueConstraint(
            "user_id",
            "cluster_id",
            "dataset_id",
            name=op.f("uq_match_feedback_user_id_cluster_id_dataset_id"),
        ),
    )
    with op.batch_alter_table("match_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_match_feedback_cluster_id"), ["cluster_id"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("match_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_feedback_cluster_id"))
    op.drop_table("match_feedback")

"""Figures for listing groups and questions fast: cluster counts and sort indexes.

Revision ID: 16f8f138c2ed
Revises: 536deaefd2c5
Create Date: 2026-11-21 07:10:21.860438
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "16f8f138c2ed"
down_revision: str | None = "536deaefd2c5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("support_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("organisation_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("sector_counts", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )
        batch_op.add_column(
            sa.Column(
                "action_type_counts", sa.JSON(), nullable=False, server_default=sa.text("'{}'")
            )
        )
        batch_op.add_column(
            sa.Column("matched_dataset_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("pledge_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.create_index(
            batch_op.f("ix_clusters_organisation_count"), ["organisation_count"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_clusters_pledge_count"), ["pledge_count"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_clusters_size"), ["size"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_clusters_support_count"), ["support_count"], unique=False
        )

    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cluster_pinned", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index(batch_op.f("ix_questions_created_at"), ["created_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_questions_support_count"), ["support_count"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_questions_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_column("cluster_pinned")
        batch_op.drop_index(batch_op.f("ix_questions_updated_at"))
        batch_op.drop_index(batch_op.f("ix_questions_support_count"))
        batch_op.drop_index(batch_op.f("ix_questions_created_at"))

    with op.batch_alter_table("clusters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clusters_support_count"))
        batch_op.drop_index(batch_op.f("ix_clusters_size"))
        batch_op.drop_index(batch_op.f("ix_clusters_pledge_count"))
        batch_op.drop_index(batch_op.f("ix_clusters_organisation_count"))
        batch_op.drop_column("pledge_count")
        batch_op.drop_column("matched_dataset_count")
        batch_op.drop_column("action_type_counts")
        batch_op.drop_column("sector_counts")
        batch_op.drop_column("organisation_count")
        batch_op.drop_column("support_count")

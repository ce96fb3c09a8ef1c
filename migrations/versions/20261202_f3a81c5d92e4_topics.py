"""Topics: the broad themes question groups nest into (a table, and clusters.topic_id).

clusters.topic_id is a plain indexed column: topics are never deleted (a topic with no groups is
retired), so it needs no ON DELETE action, and without a foreign key SQLite adds and drops it
with ALTER TABLE instead of rebuilding clusters (a rebuild drops the table with foreign keys
on, clearing what points at it).

Revision ID: f3a81c5d92e4
Revises: a9d4e6f2b1c3
Create Date: 2026-12-02 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f3a81c5d92e4"
down_revision: str | None = "a9d4e6f2b1c3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("auto_label", sa.String(length=300), nullable=False),
        sa.Column("keywords", sa.JSON(), nullable=False),
        sa.Column("centroid", sa.LargeBinary(), nullable=True),
        sa.Column("group_count", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
    )
    op.create_index(op.f("ix_topics_active"), "topics", ["active"], unique=False)
    op.add_column("clusters", sa.Column("topic_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_clusters_topic_id"), "clusters", ["topic_id"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f("ix_clusters_topic_id"), table_name="clusters")
    with op.batch_alter_table("clusters", recreate="never") as batch_op:
        batch_op.drop_column("topic_id")
    op.drop_index(op.f("ix_topics_active"), table_name="topics")
    op.drop_table("topics")

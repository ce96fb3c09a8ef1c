"""A heartbeat on clustering runs, so a run whose process died is seen as failed; and the
count of a group's questions that are not public (its figures count only public ones); a
session version per user, so logging out ends sessions server-side; names and expiry for
API tokens.

Revision ID: a3c9e51d7b20
Revises: 16f8f138c2ed
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "a3c9e51d7b20"
down_revision: str | None = "16f8f138c2ed"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add the run heartbeat, the unlisted count, session versions and token names/expiry."""
    with op.batch_alter_table("clustering_runs") as batch:
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("clusters") as batch:
        batch.add_column(
            sa.Column("unlisted_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("public_centroid", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("session_version", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("api_tokens") as batch:
        batch.add_column(sa.Column("name", sa.String(80), nullable=False, server_default=""))
        batch.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    # The figures now count public questions only. Sizes are recounted here; labels, keywords,
    # public centroids and the other figures are rebuilt by the next re-cluster
    # (`flask insight recluster`).
    op.execute(
        """
        UPDATE clusters SET
          unlisted_count = (SELECT count(*) FROM questions q WHERE q.cluster_id = clusters.id
                            AND q.hidden = false AND q.visibility <> 'public'),
          size = (SELECT count(*) FROM questions q WHERE q.cluster_id = clusters.id
                  AND q.hidden = false AND q.visibility = 'public')
        """
    )


def downgrade() -> None:
    """Drop what upgrade added."""
    with op.batch_alter_table("api_tokens") as batch:
        batch.drop_column("expires_at")
        batch.drop_column("name")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("session_version")
    with op.batch_alter_table("clusters") as batch:
        batch.drop_column("public_centroid")
        batch.drop_column("unlisted_count")
    with op.batch_alter_table("clustering_runs") as batch:
        batch.drop_column("heartbeat_at")

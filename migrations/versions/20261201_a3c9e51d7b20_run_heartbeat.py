"""A heartbeat on clustering runs, so a run whose process died is seen as failed.

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
    """Add clustering_runs.heartbeat_at."""
    with op.batch_alter_table("clustering_runs") as batch:
        batch.add_column(sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Drop clustering_runs.heartbeat_at."""
    with op.batch_alter_table("clustering_runs") as batch:
        batch.drop_column("heartbeat_at")

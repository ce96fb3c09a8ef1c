"""Organisation admins: a role each member holds in their own organisation (member or admin).

Every organisation with members gets one admin: its earliest-created member (an active one
first). On SQLite the column and its CHECK are added in one ALTER TABLE: rebuilding ``users``
would drop it with foreign keys on, clearing every row that points at a member.

Revision ID: b5e2c7a9d4f1
Revises: c4e9a2f7d1b8
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b5e2c7a9d4f1"
down_revision: str | None = "c4e9a2f7d1b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES = ("member", "admin")


def upgrade() -> None:
    """Add users.organisation_role and make each organisation's earliest member its admin."""
    if op.get_bind().dialect.name == "sqlite":
        allowed = ", ".join(f"'{role}'" for role in ROLES)
        op.execute(
            "ALTER TABLE users ADD COLUMN organisation_role VARCHAR(6) DEFAULT 'member' NOT NULL "
            f"CONSTRAINT ck_users_organisation_role CHECK (organisation_role IN ({allowed}))"
        )
    else:
        op.add_column(
            "users",
            sa.Column(
                "organisation_role",
                sa.Enum(
                    *ROLES, name="organisation_role", native_enum=False, create_constraint=True
                ),
                nullable=False,
                server_default="member",
            ),
        )
    op.execute(
        """
        UPDATE users SET organisation_role = 'admin'
        WHERE id = (SELECT earliest.id FROM users AS earliest
                    WHERE earliest.organisation_id = users.organisation_id
                    ORDER BY earliest.active DESC, earliest.created_at, earliest.id LIMIT 1)
        """
    )


def downgrade() -> None:
    """Drop users.organisation_role (its CHECK goes with it)."""
    with op.batch_alter_table("users", recreate="never") as batch:
        batch.drop_column("organisation_role")

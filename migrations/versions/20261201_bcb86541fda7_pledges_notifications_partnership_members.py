"""Pledges with conditions and terms, notifications, partnership membership, log and checklist.

Pledges gain structured conditions, an availability date and the terms of use the pledger
accepted; their status changes are logged. Partnership members gain a status (invited,
requested, active, declined) and a lead flag: existing members are active, and each
partnership's creator becomes its lead.

Revision ID: bcb86541fda7
Revises: a57cf38e8be3
Create Date: 2026-12-01 12:12:31.285935
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "bcb86541fda7"
down_revision: str | None = "a57cf38e8be3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notifications_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_user_id_read_at", ["user_id", "read_at"], unique=False
        )

    op.create_table(
        "partnership_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column(
            "item",
            sa.Enum(
                "purpose-agreed",
                "lawful-basis",
                "agreement-signed",
                "anonymisation-agreed",
                "analyst-agreed",
                name="checklist_item",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("ticked_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "ticked_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_partnership_checks_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["ticked_by_id"],
            ["users.id"],
            name=op.f("fk_partnership_checks_ticked_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_checks")),
        sa.UniqueConstraint(
            "partnership_id", "item", name=op.f("uq_partnership_checks_partnership_id_item")
        ),
    )
    with op.batch_alter_table("partnership_checks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_checks_partnership_id"), ["partnership_id"], unique=False
        )

    op.create_table(
        "partnership_log_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partnership_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "decision", "next-step", name="log_kind", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["partnership_id"],
            ["partnerships.id"],
            name=op.f("fk_partnership_log_entries_partnership_id_partnerships"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_partnership_log_entries_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partnership_log_entries")),
    )
    with op.batch_alter_table("partnership_log_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partnership_log_entries_partnership_id"),
            ["partnership_id"],
            unique=False,
        )

    op.create_table(
        "pledge_status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pledge_id", sa.Integer(), nullable=False),
        sa.Column(
            "from_status",
            sa.Enum(
                "offered",
                "in-discussion",
                "shared",
                "withdrawn",
                name="from_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "to_status",
            sa.Enum(
                "offered",
                "in-discussion",
                "shared",
                "withdrawn",
                name="to_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("changed_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["changed_by_id"],
            ["users.id"],
            name=op.f("fk_pledge_status_changes_changed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["pledge_id"],
            ["pledges.id"],
            name=op.f("fk_pledge_status_changes_pledge_id_pledges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pledge_status_changes")),
    )
    with op.batch_alter_table("pledge_status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pledge_status_changes_pledge_id"), ["pledge_id"], unique=False
        )

    with op.batch_alter_table("partnership_members", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                sa.Enum(
                    "invited",
                    "requested",
                    "active",
                    "declined",
                    name="member_status",
                    native_enum=False,
                    create_constraint=True,
                ),
                server_default="active",
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column("is_lead", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("invited_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_partnership_members_invited_by_id_users"),
            "users",
            ["invited_by_id"],
            ["id"],
            ondelete="SET NULL",
        )

    # Whoever started a partnership leads it.
    op.execute(
        sa.text(
            "UPDATE partnership_members SET is_lead = :lead WHERE user_id = "
            "(SELECT created_by_id FROM partnerships WHERE partnerships.id = partnership_id)"
        ).bindparams(lead=True)
    )

    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("condition_kinds", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
        batch_op.add_column(sa.Column("available_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("terms", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(
            sa.Column("terms_accepted_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pledges", schema=None) as batch_op:
        batch_op.drop_column("terms_accepted_at")
        batch_op.drop_column("terms")
        batch_op.drop_column("available_from")
        batch_op.drop_column("condition_kinds")

    with op.batch_alter_table("partnership_members", schema=None) as batch_op:
        # The enum's CHECK goes first, or SQLite's table copy would keep it without its column.
        batch_op.drop_constraint(batch_op.f("ck_partnership_members_member_status"), type_="check")
        batch_op.drop_constraint(
            batch_op.f("fk_partnership_members_invited_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("invited_by_id")
        batch_op.drop_column("is_lead")
        batch_op.drop_column("status")

    with op.batch_alter_table("pledge_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pledge_status_changes_pledge_id"))

    op.drop_table("pledge_status_changes")
    with op.batch_alter_table("partnership_log_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_log_entries_partnership_id"))

    op.drop_table("partnership_log_entries")
    with op.batch_alter_table("partnership_checks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partnership_checks_partnership_id"))

    op.drop_table("partnership_checks")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_user_id_read_at")

    op.drop_table("notifications")

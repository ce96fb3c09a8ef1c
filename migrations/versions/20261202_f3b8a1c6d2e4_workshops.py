"""Workshops: phases, weights, dots, join codes and guests, one score row per participant and
item, the outcome per item and the data mapping of what was prioritised.

Existing workshops keep their rows: planned becomes setup, scoring stays, completed becomes
closed; each member's criterion scores become one row per item (the demo's criterion labels and
the new slugs are both read). Downgrading drops guests, dots, comments and data mapping.

Revision ID: f3b8a1c6d2e4
Revises: f1a8c3d5e7b9
Create Date: 2026-12-02 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f3b8a1c6d2e4"
down_revision: str | None = "f1a8c3d5e7b9"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PHASES = ("setup", "scoring", "reveal", "decided", "mapping", "closed")
MODES = ("in-person", "online")
SECTORS = ("charity", "academic", "government", "public-service", "funder", "other")
OLD_STATUSES = ("planned", "scoring", "completed")
# Old criterion names (the demo wrote labels) -> the new score columns.
CRITERIA = {
    "value": ("value", "value of the action"),
    "gap": ("gap", "gap in current understanding"),
    "feasibility": ("feasibility",),
}
DEFAULT_WEIGHTS = '{"value": 1, "gap": 1, "feasibility": 1}'
NOW = sa.text("(CURRENT_TIMESTAMP)")


def _enum(values: Sequence[str], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True)


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "phase", _enum(PHASES, "workshop_phase"), nullable=False, server_default="setup"
            )
        )
        batch_op.add_column(
            sa.Column(
                "mode", _enum(MODES, "workshop_mode"), nullable=False, server_default="online"
            )
        )
        batch_op.add_column(
            sa.Column(
                "weights", sa.JSON(), nullable=False, server_default=sa.text(f"'{DEFAULT_WEIGHTS}'")
            )
        )
        batch_op.add_column(sa.Column("dots", sa.Integer(), nullable=False, server_default="10"))
        batch_op.add_column(sa.Column("dot_cap", sa.Integer(), nullable=False, server_default="3"))
        batch_op.add_column(
            sa.Column("invite_only", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(sa.Column("join_code", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("repeat_of_id", sa.Integer(), nullable=True))
    op.execute(
        "UPDATE workshops SET phase = CASE status WHEN 'planned' THEN 'setup' "
        "WHEN 'scoring' THEN 'scoring' ELSE 'closed' END"
    )
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        # The enum's CHECK goes first, or SQLite's table copy keeps it.
        batch_op.drop_constraint(batch_op.f("ck_workshops_workshop_status"), type_="check")
        batch_op.drop_column("status")
        batch_op.drop_column("criteria")
        batch_op.create_unique_constraint(batch_op.f("uq_workshops_join_code"), ["join_code"])
        batch_op.create_index(batch_op.f("ix_workshops_repeat_of_id"), ["repeat_of_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_workshops_repeat_of_id_workshops"),
            "workshops",
            ["repeat_of_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("workshop_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("next_step", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("owner", sa.String(length=200), nullable=False, server_default="")
        )

    with op.batch_alter_table("workshop_participants", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(
            sa.Column("display_name", sa.String(length=120), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("sector", _enum(SECTORS, "participant_sector"), nullable=True)
        )
        batch_op.add_column(sa.Column("guest_token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("scored_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False)
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_workshop_participants_guest_token_hash"), ["guest_token_hash"]
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_workshop_participants_one_identity"),
            "(user_id IS NULL) <> (guest_token_hash IS NULL)",
        )

    op.create_table(
        "workshop_item_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("gap", sa.Integer(), nullable=True),
        sa.Column("feasibility", sa.Integer(), nullable=True),
        sa.Column("dots", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.CheckConstraint(
            "value BETWEEN 1 AND 5", name=op.f("ck_workshop_item_scores_value_range")
        ),
        sa.CheckConstraint("gap BETWEEN 1 AND 5", name=op.f("ck_workshop_item_scores_gap_range")),
        sa.CheckConstraint(
            "feasibility BETWEEN 1 AND 5", name=op.f("ck_workshop_item_scores_feasibility_range")
        ),
        sa.CheckConstraint("dots >= 0", name=op.f("ck_workshop_item_scores_dots_positive")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["workshop_items.id"],
            name=op.f("fk_workshop_item_scores_item_id_workshop_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["workshop_participants.id"],
            name=op.f("fk_workshop_item_scores_participant_id_workshop_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_item_scores")),
        sa.UniqueConstraint(
            "item_id",
            "participant_id",
            name=op.f("uq_workshop_item_scores_item_id_participant_id"),
        ),
    )
    with op.batch_alter_table("workshop_item_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_item_scores_item_id"), ["item_id"])
        batch_op.create_index(
            batch_op.f("ix_workshop_item_scores_participant_id"), ["participant_id"]
        )
    columns = ", ".join(
        f"MAX(CASE WHEN s.criterion IN ({', '.join(repr(n) for n in names)}) THEN s.score END)"
        for names in CRITERIA.values()
    )
    op.execute(
        "INSERT INTO workshop_item_scores "
        "(item_id, participant_id, value, gap, feasibility, dots, comment) "
        f"SELECT s.item_id, p.id, {columns}, 0, '' FROM workshop_scores s "
        "JOIN workshop_items i ON i.id = s.item_id "
        "JOIN workshop_participants p ON p.workshop_id = i.workshop_id AND p.user_id = s.user_id "
        "GROUP BY s.item_id, p.id"
    )
    op.execute(
        "UPDATE workshop_participants SET scored_at = CURRENT_TIMESTAMP WHERE id IN "
        "(SELECT participant_id FROM workshop_item_scores)"
    )
    with op.batch_alter_table("workshop_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_scores_item_id"))
    op.drop_table("workshop_scores")

    op.create_table(
        "workshop_mappings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("dataset_id", sa.Integer(), nullable=True),
        sa.Column("holds", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=False),
        sa.Column("barriers", sa.JSON(), nullable=False),
        sa.Column("barrier_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["dataset_id"],
            ["datasets.id"],
            name=op.f("fk_workshop_mappings_dataset_id_datasets"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["workshop_items.id"],
            name=op.f("fk_workshop_mappings_item_id_workshop_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["workshop_participants.id"],
            name=op.f("fk_workshop_mappings_participant_id_workshop_participants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_mappings")),
        sa.UniqueConstraint(
            "item_id", "participant_id", name=op.f("uq_workshop_mappings_item_id_participant_id")
        ),
    )
    with op.batch_alter_table("workshop_mappings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_mappings_dataset_id"), ["dataset_id"])
        batch_op.create_index(batch_op.f("ix_workshop_mappings_item_id"), ["item_id"])
        batch_op.create_index(batch_op.f("ix_workshop_mappings_participant_id"), ["participant_id"])


def downgrade() -> None:
    """Revert this revision: members' criterion scores come back; guests and the rest go."""
    with op.batch_alter_table("workshop_mappings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_mappings_participant_id"))
        batch_op.drop_index(batch_op.f("ix_workshop_mappings_item_id"))
        batch_op.drop_index(batch_op.f("ix_workshop_mappings_dataset_id"))
    op.drop_table("workshop_mappings")

    op.create_table(
        "workshop_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=80), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name=op.f("ck_workshop_scores_score_range")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["workshop_items.id"],
            name=op.f("fk_workshop_scores_item_id_workshop_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_workshop_scores_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_scores")),
        sa.UniqueConstraint(
            "item_id",
            "user_id",
            "criterion",
            name=op.f("uq_workshop_scores_item_id_user_id_criterion"),
        ),
    )
    with op.batch_alter_table("workshop_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshop_scores_item_id"), ["item_id"], unique=False)
    for column, names in CRITERIA.items():
        op.execute(
            "INSERT INTO workshop_scores (item_id, user_id, criterion, score) "
            f"SELECT s.item_id, p.user_id, '{names[-1]}', s.{column} "
            "FROM workshop_item_scores s JOIN workshop_participants p ON p.id = s.participant_id "
            f"WHERE p.user_id IS NOT NULL AND s.{column} IS NOT NULL"
        )
    with op.batch_alter_table("workshop_item_scores", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workshop_item_scores_participant_id"))
        batch_op.drop_index(batch_op.f("ix_workshop_item_scores_item_id"))
    op.drop_table("workshop_item_scores")

    op.execute("DELETE FROM workshop_participants WHERE user_id IS NULL")
    with op.batch_alter_table("workshop_participants", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_workshop_participants_one_identity"), type_="check")
        batch_op.drop_constraint(
            batch_op.f("uq_workshop_participants_guest_token_hash"), type_="unique"
        )
        batch_op.drop_constraint(
            batch_op.f("ck_workshop_participants_participant_sector"), type_="check"
        )
        batch_op.drop_column("created_at")
        batch_op.drop_column("scored_at")
        batch_op.drop_column("guest_token_hash")
        batch_op.drop_column("sector")
        batch_op.drop_column("display_name")
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table("workshop_items", schema=None) as batch_op:
        batch_op.drop_column("owner")
        batch_op.drop_column("next_step")

    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                _enum(OLD_STATUSES, "workshop_status"),
                nullable=False,
                server_default="planned",
            )
        )
        batch_op.add_column(
            sa.Column("criteria", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
    op.execute(
        "UPDATE workshops SET status = CASE phase WHEN 'setup' THEN 'planned' "
        "WHEN 'scoring' THEN 'scoring' ELSE 'completed' END"
    )
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_workshops_repeat_of_id_workshops"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_workshops_repeat_of_id"))
        batch_op.drop_constraint(batch_op.f("uq_workshops_join_code"), type_="unique")
        batch_op.drop_constraint(batch_op.f("ck_workshops_workshop_phase"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_workshops_workshop_mode"), type_="check")
        batch_op.drop_column("repeat_of_id")
        batch_op.drop_column("join_code")
        batch_op.drop_column("invite_only")
        batch_op.drop_column("dot_cap")
        batch_op.drop_column("dots")
        batch_op.drop_column("weights")
        batch_op.drop_column("mode")
        batch_op.drop_column("phase")

"""The dataset register: publisher, optional holder, describer, variables, unit, population,
visibility, retirement and the questions a dataset could help answer.

Existing rows keep their holder and become public records with empty new fields; the access
levels already stored (open, on-request, restricted, personal) are the register's vocabulary, so
no value changes.

Revision ID: a57cf38e8be3
Revises: a3c9e51d7b20
Create Date: 2026-12-01 12:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a57cf38e8be3"
down_revision: str | None = "a3c9e51d7b20"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNITS = ("person", "household", "family", "case", "service", "organisation", "area", "other")
VISIBILITIES = ("public", "members")


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("datasets", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("publisher", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("described_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("contact_details", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("variables", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(
            sa.Column(
                "unit_of_analysis",
                sa.Enum(*UNITS, name="unit_of_analysis", native_enum=False, create_constraint=True),
                nullable=True,
            )
        )
        batch_op.add_column(
            sa.Column("population", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("size", sa.String(length=80), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("could_answer", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column(
                "visibility",
                sa.Enum(
                    *VISIBILITIES,
                    name="dataset_visibility",
                    native_enum=False,
                    create_constraint=True,
                ),
                nullable=False,
                server_default="public",
            )
        )
        batch_op.add_column(sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column("holder_organisation_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(
            batch_op.f("ix_datasets_described_by_id"), ["described_by_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_datasets_described_by_id_users"),
            "users",
            ["described_by_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    """Revert this revision; public records without a holder cannot survive it and are removed."""
    op.execute("DELETE FROM datasets WHERE holder_organisation_id IS NULL")
    with op.batch_alter_table("datasets", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_datasets_described_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_datasets_described_by_id"))
        batch_op.alter_column("holder_organisation_id", existing_type=sa.Integer(), nullable=False)
        # The CHECK constraints of the two enum columns go first, or SQLite's table copy keeps them.
        batch_op.drop_constraint(batch_op.f("ck_datasets_dataset_visibility"), type_="check")
        batch_op.drop_constraint(batch_op.f("ck_datasets_unit_of_analysis"), type_="check")
        batch_op.drop_column("retired_at")
        batch_op.drop_column("visibility")
        batch_op.drop_column("could_answer")
        batch_op.drop_column("size")
        batch_op.drop_column("population")
        batch_op.drop_column("unit_of_analysis")
        batch_op.drop_column("variables")
        batch_op.drop_column("contact_details")
        batch_op.drop_column("described_by_id")
        batch_op.drop_column("publisher")

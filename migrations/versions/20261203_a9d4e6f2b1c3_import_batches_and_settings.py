"""Import batches and settings: questions imported from a spreadsheet belong to the batch that
brought them (so the import can be undone whole), and a small table of settings an admin
chooses (the open-data licence), each overriding the configuration's default.

The link is a table of its own (``import_batch_questions``): a column on ``questions`` would
need a SQLite "move and copy" of the table to carry its foreign key, which drops the table's
full-text triggers.

Revision ID: a9d4e6f2b1c3
Revises: f3b8a1c6d2e4
Create Date: 2026-12-02 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "a9d4e6f2b1c3"
down_revision: str | None = "f3b8a1c6d2e4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS_BEFORE = ("recluster", "dataset-import", "reembed")
KINDS_AFTER = (*KINDS_BEFORE, "import-batch")
ONE_LIVE = "kind IN ('recluster', 'reembed') AND status IN ('queued', 'running')"
STAMP = sa.DateTime(timezone=True)
NOW = sa.text("(CURRENT_TIMESTAMP)")


def _job_kinds(kinds: tuple[str, ...]) -> None:
    """Let the jobs table hold these kinds: its CHECK constraint is replaced (on SQLite by
    re-creating the small jobs table, its partial index made again after)."""
    op.drop_index("uq_jobs_one_live_kind", table_name="jobs")
    with op.batch_alter_table("jobs") as batch_op:
        batch_op.drop_constraint(op.f("ck_jobs_job_kind"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_jobs_job_kind"), "kind IN ({})".format(", ".join(f"'{k}'" for k in kinds))
        )
    op.create_index(
        "uq_jobs_one_live_kind",
        "jobs",
        ["kind"],
        unique=True,
        sqlite_where=sa.text(ONE_LIVE),
        postgresql_where=sa.text(ONE_LIVE),
    )


def upgrade() -> None:
    """Apply this revision."""
    _job_kinds(KINDS_AFTER)
    op.create_table(
        "import_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), nullable=True),
        sa.Column("question_count", sa.Integer(), nullable=False),
        sa.Column("created_at", STAMP, server_default=NOW, nullable=False),
        sa.Column("undone_at", STAMP, nullable=True),
        sa.Column("undone_by_id", sa.Integer(), nullable=True),
        sa.Column("undone_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["imported_by_id"],
            ["users.id"],
            name=op.f("fk_import_batches_imported_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["undone_by_id"],
            ["users.id"],
            name=op.f("fk_import_batches_undone_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_index(op.f("ix_import_batches_imported_by_id"), "import_batches", ["imported_by_id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", STAMP, server_default=NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_settings_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "import_batch_questions",
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batches.id"],
            name=op.f("fk_import_batch_questions_batch_id_import_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_import_batch_questions_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("batch_id", "question_id", name=op.f("pk_import_batch_questions")),
        sa.UniqueConstraint("question_id", name=op.f("uq_import_batch_questions_question_id")),
    )


def downgrade() -> None:
    """Revert this revision: imported questions stay, no longer tied to a batch."""
    op.execute("DELETE FROM jobs WHERE kind = 'import-batch'")
    _job_kinds(KINDS_BEFORE)
    op.drop_table("import_batch_questions")
    op.drop_table("settings")
    op.drop_index(op.f("ix_import_batches_imported_by_id"), table_name="import_batches")
    op.drop_table("import_batches")

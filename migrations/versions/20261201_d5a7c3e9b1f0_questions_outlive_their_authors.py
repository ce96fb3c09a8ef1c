"""Questions outlive their authors: a member who deletes their account may leave their questions
as anonymous contributions, so a question's author becomes optional.

Revision ID: d5a7c3e9b1f0
Revises: c4e1f0a9d2b7
Create Date: 2026-12-01 15:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "d5a7c3e9b1f0"
down_revision: str | None = "c4e1f0a9d2b7"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_questions_author_id_users"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_constraint(FK, type_="foreignkey")
        batch_op.alter_column("author_id", existing_type=sa.Integer(), nullable=True)
        batch_op.create_foreign_key(FK, "users", ["author_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    """Revert this revision: anonymous contributions cannot keep a missing author, so they go."""
    op.execute("DELETE FROM questions WHERE author_id IS NULL")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_constraint(FK, type_="foreignkey")
        batch_op.alter_column("author_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(FK, "users", ["author_id"], ["id"], ondelete="CASCADE")

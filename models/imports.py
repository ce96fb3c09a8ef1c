"""Questions imported from a spreadsheet, one batch per import (so it can be undone whole), and
the few settings an admin changes at run time."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, DateTime, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, UpdatedAt

if TYPE_CHECKING:
    from models.user import User


class ImportBatch(Base):
    """One spreadsheet's questions, imported together by a facilitator; undone together."""

    __tablename__ = "import_batches"

    id: Mapped[IntPK]
    filename: Mapped[str] = mapped_column(String(200))
    imported_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    question_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[CreatedAt]
    # Set once the import is undone: the batch stays as the record of what was done, by whom.
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    undone_count: Mapped[int] = mapped_column(default=0)

    imported_by: Mapped[User | None] = relationship(foreign_keys=[imported_by_id])
    undone_by: Mapped[User | None] = relationship(foreign_keys=[undone_by_id])

    def __repr__(self) -> str:
        return f"<ImportBatch {self.id} {self.filename!r}>"


# Which questions each batch brought in. A table of its own rather than a column on questions:
# SQLite cannot add a named foreign key to a table in place, and re-creating ``questions``
# would drop its full-text triggers.
import_batch_questions = Table(
    "import_batch_questions",
    Base.metadata,
    Column("batch_id", ForeignKey("import_batches.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "question_id",
        ForeignKey("questions.id", ondelete="CASCADE"),
        primary_key=True,
        unique=True,
    ),
)


class Setting(Base):
    """A setting an admin chose, overriding the configuration's default."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[UpdatedAt]

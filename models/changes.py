"""The bank's change counter: one row whose generation every writing transaction advances."""

from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base

# The counter's only row (made by its migration).
CHANGES_ROW_ID = 1


class BankChanges(Base):
    """How many transactions have written to the bank: a page built at one generation is still
    right while the generation is the same, in every process that serves the bank."""

    __tablename__ = "bank_changes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    generation: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<BankChanges {self.generation}>"

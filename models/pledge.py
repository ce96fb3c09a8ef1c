"""The history of a pledge's status."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, enum_column
from models.dataset import PledgeStatus

if TYPE_CHECKING:
    from models.dataset import Pledge
    from models.user import User


class PledgeStatusChange(Base):
    """One step in a pledge's status history, with who took it."""

    __tablename__ = "pledge_status_changes"

    id: Mapped[IntPK]
    pledge_id: Mapped[int] = mapped_column(ForeignKey("pledges.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[PledgeStatus | None] = mapped_column(
        enum_column(PledgeStatus, "from_status")
    )
    to_status: Mapped[PledgeStatus] = mapped_column(enum_column(PledgeStatus, "to_status"))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]

    pledge: Mapped[Pledge] = relationship(back_populates="status_changes")
    changed_by: Mapped[User | None] = relationship()

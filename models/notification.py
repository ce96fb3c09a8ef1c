"""In-app notifications: a pledge, a status change, an invitation; read or unread."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK

if TYPE_CHECKING:
    from models.user import User


class Notification(Base):
    """Something a member should know about, with a link to where it happened."""

    __tablename__ = "notifications"
    # The header's unread count and the newest-first list both start from the user.
    __table_args__ = (Index("ix_notifications_user_id_read_at", "user_id", "read_at"),)

    id: Mapped[IntPK]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(String(500))
    link: Mapped[str] = mapped_column(String(500), default="")
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[CreatedAt]

    user: Mapped[User] = relationship()

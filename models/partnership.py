"""Partnerships formed around a shared question or question group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, UpdatedAt, enum_column

if TYPE_CHECKING:
    from models.cluster import Cluster
    from models.question import Question
    from models.user import User


class PartnershipStatus(LabelledEnum):
    """The life of a partnership."""

    FORMING = "forming"
    ACTIVE = "active"
    COMPLETED = "completed"
    CLOSED = "closed"


class PartnerRole(LabelledEnum):
    """What a member brings to a partnership."""

    ASKER = "asker"
    DATA_HOLDER = "data-holder"
    ANALYST = "analyst"
    FUNDER = "funder"


class Partnership(Base):
    """Members working together to answer a question or a group of questions."""

    __tablename__ = "partnerships"

    id: Mapped[IntPK]
    title: Mapped[str] = mapped_column(String(200))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[PartnershipStatus] = mapped_column(
        enum_column(PartnershipStatus, "partnership_status"), default=PartnershipStatus.FORMING
    )
    next_steps: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    cluster: Mapped[Cluster | None] = relationship()
    question: Mapped[Question | None] = relationship()
    members: Mapped[list[PartnershipMember]] = relationship(
        back_populates="partnership", cascade="all, delete-orphan", passive_deletes=True
    )


class PartnershipMember(Base):
    """A person in a partnership, with their role."""

    __tablename__ = "partnership_members"
    __table_args__ = (UniqueConstraint("partnership_id", "user_id"),)

    id: Mapped[IntPK]
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[PartnerRole] = mapped_column(enum_column(PartnerRole, "partner_role"))
    joined_at: Mapped[CreatedAt]

    partnership: Mapped[Partnership] = relationship(back_populates="members")
    user: Mapped[User] = relationship()

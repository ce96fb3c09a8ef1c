"""Prioritisation workshops: what is on the table, who takes part, their scores."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, UpdatedAt, enum_column

if TYPE_CHECKING:
    from models.cluster import Cluster
    from models.question import Question
    from models.user import User


class WorkshopStatus(LabelledEnum):
    """Whether a workshop is ahead, running or done."""

    PLANNED = "planned"
    SCORING = "scoring"
    COMPLETED = "completed"


class Workshop(Base):
    """A facilitated session that scores question groups and records priorities."""

    __tablename__ = "workshops"

    id: Mapped[IntPK]
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    facilitator_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    held_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[WorkshopStatus] = mapped_column(
        enum_column(WorkshopStatus, "workshop_status"), default=WorkshopStatus.PLANNED
    )
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    facilitator: Mapped[User | None] = relationship()
    items: Mapped[list[WorkshopItem]] = relationship(
        back_populates="workshop",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="WorkshopItem.position",
    )
    participants: Mapped[list[WorkshopParticipant]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class WorkshopItem(Base):
    """A question group or question on a workshop's table."""

    __tablename__ = "workshop_items"
    __table_args__ = (
        CheckConstraint("(question_id IS NULL) <> (cluster_id IS NULL)", name="one_target"),
    )

    id: Mapped[IntPK]
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    prioritised: Mapped[bool] = mapped_column(Boolean, default=False)
    final_rank: Mapped[int | None] = mapped_column(Integer)

    workshop: Mapped[Workshop] = relationship(back_populates="items")
    cluster: Mapped[Cluster | None] = relationship()
    question: Mapped[Question | None] = relationship()


class WorkshopParticipant(Base):
    """A person taking part in a workshop."""

    __tablename__ = "workshop_participants"
    __table_args__ = (UniqueConstraint("workshop_id", "user_id"),)

    id: Mapped[IntPK]
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))

    user: Mapped[User] = relationship()


class WorkshopScore(Base):
    """One participant's score (1–5) of one item against one criterion."""

    __tablename__ = "workshop_scores"
    __table_args__ = (
        UniqueConstraint("item_id", "user_id", "criterion"),
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
    )

    id: Mapped[IntPK]
    item_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_items.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    criterion: Mapped[str] = mapped_column(String(80))
    score: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[CreatedAt]

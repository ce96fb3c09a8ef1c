"""Prioritisation workshops: what is on the table, who takes part, their scores, the outcome
and the data mapping of what was prioritised."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, UpdatedAt, enum_column
from models.organisation import Sector

if TYPE_CHECKING:
    from models.cluster import Cluster
    from models.dataset import Dataset
    from models.question import Question
    from models.user import User


class WorkshopPhase(LabelledEnum):
    """Where a workshop is: it only ever moves forward, in this order."""

    SETUP = "setup"
    SCORING = "scoring"
    REVEAL = "reveal"
    DECIDED = "decided"
    MAPPING = "mapping"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """The phase as a participant would say it."""
        return {
            WorkshopPhase.SETUP: "Setting up",
            WorkshopPhase.SCORING: "Scoring",
            WorkshopPhase.REVEAL: "Results revealed",
            WorkshopPhase.DECIDED: "Priorities decided",
            WorkshopPhase.MAPPING: "Data mapping",
            WorkshopPhase.CLOSED: "Closed",
        }[self]


class WorkshopMode(LabelledEnum):
    """How the session is held."""

    IN_PERSON = "in-person"
    ONLINE = "online"


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
    phase: Mapped[WorkshopPhase] = mapped_column(
        enum_column(WorkshopPhase, "workshop_phase"), default=WorkshopPhase.SETUP
    )
    mode: Mapped[WorkshopMode] = mapped_column(
        enum_column(WorkshopMode, "workshop_mode"), default=WorkshopMode.ONLINE
    )
    # Criterion slug -> weight (the criteria are app/workshops/data/criteria.json).
    weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dots: Mapped[int] = mapped_column(Integer, default=10)
    dot_cap: Mapped[int] = mapped_column(Integer, default=3)
    invite_only: Mapped[bool] = mapped_column(Boolean, default=False)
    join_code: Mapped[str | None] = mapped_column(String(12), unique=True)
    repeat_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshops.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    facilitator: Mapped[User | None] = relationship()
    repeat_of: Mapped[Workshop | None] = relationship(remote_side="Workshop.id")
    items: Mapped[list[WorkshopItem]] = relationship(
        back_populates="workshop",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="WorkshopItem.position",
    )
    participants: Mapped[list[WorkshopParticipant]] = relationship(
        back_populates="workshop",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="WorkshopParticipant.id",
    )


class WorkshopItem(Base):
    """A question group or question on a workshop's table, and what was decided about it."""

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
    # The rank the results gave it at reveal: what a follow-up workshop compares against.
    final_rank: Mapped[int | None] = mapped_column(Integer)
    next_step: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(200), default="")

    workshop: Mapped[Workshop] = relationship(back_populates="items")
    cluster: Mapped[Cluster | None] = relationship()
    question: Mapped[Question | None] = relationship()


class WorkshopParticipant(Base):
    """A person taking part in a workshop: a member, or a guest who joined by code."""

    __tablename__ = "workshop_participants"
    __table_args__ = (
        UniqueConstraint("workshop_id", "user_id"),
        CheckConstraint("(user_id IS NULL) <> (guest_token_hash IS NULL)", name="one_identity"),
    )

    id: Mapped[IntPK]
    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshops.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    display_name: Mapped[str] = mapped_column(String(120), default="")
    sector: Mapped[Sector | None] = mapped_column(enum_column(Sector, "participant_sector"))
    # A guest's token: only its SHA-256 digest is kept, and it opens this workshop only.
    guest_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    scored_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[CreatedAt]

    workshop: Mapped[Workshop] = relationship(back_populates="participants")
    user: Mapped[User | None] = relationship()


class WorkshopScore(Base):
    """One participant's scores (1–5 per criterion, any may be missing), dots and comment for
    one item."""

    __tablename__ = "workshop_item_scores"
    __table_args__ = (
        UniqueConstraint("item_id", "participant_id"),
        CheckConstraint("value BETWEEN 1 AND 5", name="value_range"),
        CheckConstraint("gap BETWEEN 1 AND 5", name="gap_range"),
        CheckConstraint("feasibility BETWEEN 1 AND 5", name="feasibility_range"),
        CheckConstraint("dots >= 0", name="dots_positive"),
    )

    id: Mapped[IntPK]
    item_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_items.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_participants.id", ondelete="CASCADE"), index=True
    )
    value: Mapped[int | None] = mapped_column(Integer)
    gap: Mapped[int | None] = mapped_column(Integer)
    feasibility: Mapped[int | None] = mapped_column(Integer)
    dots: Mapped[int] = mapped_column(Integer, default=0)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]


class WorkshopMapping(Base):
    """What one participant holds toward a prioritised item, what they need from others and the
    barriers they face in sharing it."""

    __tablename__ = "workshop_mappings"
    __table_args__ = (UniqueConstraint("item_id", "participant_id"),)

    id: Mapped[IntPK]
    item_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_items.id", ondelete="CASCADE"), index=True
    )
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_participants.id", ondelete="CASCADE"), index=True
    )
    dataset_id: Mapped[int | None] = mapped_column(
        ForeignKey("datasets.id", ondelete="SET NULL"), index=True
    )
    holds: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    # Barrier slugs from app/workshops/data/barriers.json.
    barriers: Mapped[list[str]] = mapped_column(JSON, default=list)
    barrier_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]

    dataset: Mapped[Dataset | None] = relationship()

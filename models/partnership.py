"""Partnerships formed around a shared question or question group."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
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
    COMPLETED = "completed"  # shown as "concluded"; the stored value predates the wording
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """The status as members say it."""
        return "Concluded" if self is PartnershipStatus.COMPLETED else super().label


class PartnerRole(LabelledEnum):
    """What a member brings to a partnership."""

    ASKER = "asker"
    DATA_HOLDER = "data-holder"
    ANALYST = "analyst"
    FUNDER = "funder"


class MemberStatus(LabelledEnum):
    """Where a person stands with a partnership: invited, asking to join, in, or declined."""

    INVITED = "invited"
    REQUESTED = "requested"
    ACTIVE = "active"
    DECLINED = "declined"


class LogKind(LabelledEnum):
    """What a partnership's log entry records."""

    DECISION = "decision"
    NEXT_STEP = "next-step"


class ChecklistItem(LabelledEnum):
    """The data-sharing readiness checklist, in the order partners usually get there."""

    PURPOSE = "purpose-agreed"
    LAWFUL_BASIS = "lawful-basis"
    AGREEMENT = "agreement-signed"
    ANONYMISATION = "anonymisation-agreed"
    ANALYST = "analyst-agreed"

    @property
    def label(self) -> str:
        """The checklist item as a sentence."""
        return {
            ChecklistItem.PURPOSE: "Purpose agreed",
            ChecklistItem.LAWFUL_BASIS: "Lawful basis identified",
            ChecklistItem.AGREEMENT: "Data-sharing agreement signed",
            ChecklistItem.ANONYMISATION: "Anonymisation agreed",
            ChecklistItem.ANALYST: "Who does the analysis agreed",
        }[self]


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
        back_populates="partnership",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PartnershipMember.id",
    )
    log_entries: Mapped[list[PartnershipLogEntry]] = relationship(
        back_populates="partnership",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PartnershipLogEntry.id.desc()",
    )
    checks: Mapped[list[PartnershipCheck]] = relationship(
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
    status: Mapped[MemberStatus] = mapped_column(
        enum_column(MemberStatus, "member_status"),
        default=MemberStatus.ACTIVE,
        server_default=MemberStatus.ACTIVE.value,
    )
    is_lead: Mapped[bool] = mapped_column(default=False, server_default=false())
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    joined_at: Mapped[CreatedAt]

    partnership: Mapped[Partnership] = relationship(back_populates="members")
    user: Mapped[User] = relationship(foreign_keys=[user_id])
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])


class PartnershipLogEntry(Base):
    """A decision or next step a member recorded (members only see these)."""

    __tablename__ = "partnership_log_entries"

    id: Mapped[IntPK]
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[LogKind] = mapped_column(enum_column(LogKind, "log_kind"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[CreatedAt]

    partnership: Mapped[Partnership] = relationship(back_populates="log_entries")
    user: Mapped[User | None] = relationship()


class PartnershipCheck(Base):
    """A ticked item of the readiness checklist: who ticked it and when (unticking deletes it)."""

    __tablename__ = "partnership_checks"
    __table_args__ = (UniqueConstraint("partnership_id", "item"),)

    id: Mapped[IntPK]
    partnership_id: Mapped[int] = mapped_column(
        ForeignKey("partnerships.id", ondelete="CASCADE"), index=True
    )
    item: Mapped[ChecklistItem] = mapped_column(enum_column(ChecklistItem, "checklist_item"))
    ticked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    ticked_at: Mapped[CreatedAt]

    partnership: Mapped[Partnership] = relationship(back_populates="checks")
    ticked_by: Mapped[User | None] = relationship()

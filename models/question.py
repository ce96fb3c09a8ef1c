"""Questions, the demand signal around them, their history and moderation."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, UpdatedAt, enum_column
from models.vocabulary import ActionType, Theme, question_themes

if TYPE_CHECKING:
    from models.cluster import Cluster
    from models.organisation import Organisation
    from models.user import User


class QuestionStatus(LabelledEnum):
    """Where a question is on its way to an answer."""

    OPEN = "open"
    PRIORITISED = "prioritised"
    BEING_ANSWERED = "being-answered"
    ANSWERED = "answered"
    ARCHIVED = "archived"


class Visibility(LabelledEnum):
    """Who may read a question."""

    PUBLIC = "public"  # anyone, and open-data exports
    MEMBERS = "members"  # signed-in members only
    PRIVATE = "private"  # the asker's organisation only


class Question(Base):
    """A question a member wants answered, pegged to the action an answer would enable."""

    __tablename__ = "questions"
    # A group's page counts and lists the questions a visitor may read, most supported first:
    # this index answers both without reading the (wide) rows.
    __table_args__ = (
        Index(
            "ix_questions_cluster_listing",
            "cluster_id",
            "hidden",
            "visibility",
            "support_count",
            "id",
        ),
    )

    id: Mapped[IntPK]
    text: Mapped[str] = mapped_column(String(500))
    action: Mapped[str] = mapped_column(String(500))
    action_type_slug: Mapped[str] = mapped_column(
        ForeignKey("action_types.slug", ondelete="RESTRICT"), index=True
    )
    geography: Mapped[str] = mapped_column(String(120), default="UK-wide")
    population_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[QuestionStatus] = mapped_column(
        enum_column(QuestionStatus, "question_status"), default=QuestionStatus.OPEN, index=True
    )
    visibility: Mapped[Visibility] = mapped_column(
        enum_column(Visibility, "visibility"), default=Visibility.PUBLIC
    )
    show_organisation: Mapped[bool] = mapped_column(Boolean, default=True)
    # Empty once the author deleted their account and left the question as an anonymous
    # contribution of their organisation.
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    cluster_similarity: Mapped[float | None] = mapped_column(Float)
    # Set when a facilitator placed the question by hand: re-clustering leaves it where it is.
    cluster_pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    embedding_model: Mapped[str | None] = mapped_column(String(200))
    # The embedding of the text with its place names neutralised, which grouping reads so that
    # what is asked, not where, decides the group; empty when the text names no place.
    grouping_embedding: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    support_count: Mapped[int] = mapped_column(default=0, index=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    hidden_reason: Mapped[str | None] = mapped_column(String(500))
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[CreatedAt] = mapped_column(index=True)
    updated_at: Mapped[UpdatedAt] = mapped_column(index=True)

    action_type: Mapped[ActionType] = relationship()
    themes: Mapped[list[Theme]] = relationship(secondary=question_themes, order_by=Theme.position)
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    organisation: Mapped[Organisation] = relationship()
    cluster: Mapped[Cluster | None] = relationship(
        back_populates="questions", foreign_keys=[cluster_id]
    )
    supports: Mapped[list[Support]] = relationship(
        back_populates="question", cascade="all, delete-orphan", passive_deletes=True
    )
    status_changes: Mapped[list[QuestionStatusChange]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="QuestionStatusChange.created_at",
    )
    answer_links: Mapped[list[AnswerLink]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AnswerLink.created_at"
    )

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.text[:40]!r}>"


class Support(Base):
    """ "We ask this too": one per person per question."""

    __tablename__ = "supports"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: Mapped[IntPK]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[CreatedAt]

    user: Mapped[User] = relationship()
    question: Mapped[Question] = relationship(back_populates="supports")


class QuestionStatusChange(Base):
    """One step in a question's status history."""

    __tablename__ = "question_status_changes"

    id: Mapped[IntPK]
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[QuestionStatus | None] = mapped_column(
        enum_column(QuestionStatus, "from_status")
    )
    to_status: Mapped[QuestionStatus] = mapped_column(enum_column(QuestionStatus, "to_status"))
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]

    changed_by: Mapped[User | None] = relationship()


class AnswerLink(Base):
    """Where an answer to a question can be read."""

    __tablename__ = "answer_links"

    id: Mapped[IntPK]
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str] = mapped_column(String(300))
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[CreatedAt]


class Flag(Base):
    """A member's report that a question needs a moderator's look."""

    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[IntPK]
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[CreatedAt]
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    question: Mapped[Question] = relationship()
    user: Mapped[User] = relationship()

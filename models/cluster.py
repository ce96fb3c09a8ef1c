"""Question groups and the log of facilitators' curation (the runs that make them are jobs)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, ForeignKey, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, UpdatedAt, enum_column

if TYPE_CHECKING:
    from models.question import Question
    from models.topic import Topic
    from models.user import User


class ClusterState(LabelledEnum):
    """Whether a group is live or was folded into another."""

    ACTIVE = "active"
    MERGED = "merged"
    DISSOLVED = "dissolved"


class Cluster(Base):
    """A group of similar questions with a stable id that survives re-clustering."""

    __tablename__ = "clusters"

    id: Mapped[IntPK]
    title: Mapped[str | None] = mapped_column(String(200))
    auto_label: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The distinctive terms of its public questions (c-TF-IDF), for the dataset matcher; the
    # keyphrases above are for people to read.
    match_terms: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    representative_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="SET NULL", use_alter=True)
    )
    centroid: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The centroid of the public questions alone: what matching shows everyone is made from it.
    public_centroid: Mapped[bytes | None] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(default=0, index=True)
    # Figures for the groups page, refreshed whenever membership, support or pledges change,
    # so listing thousands of groups never aggregates over every question.
    support_count: Mapped[int] = mapped_column(default=0, index=True)
    organisation_count: Mapped[int] = mapped_column(default=0, index=True)
    sector_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    action_type_counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    matched_dataset_count: Mapped[int] = mapped_column(default=0)
    # Visible questions that are not public (members-only or organisation-only): counted, never
    # described. ``size`` and the other figures count the public questions only.
    unlisted_count: Mapped[int] = mapped_column(default=0)
    pledge_count: Mapped[int] = mapped_column(default=0, index=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[ClusterState] = mapped_column(
        enum_column(ClusterState, "cluster_state"), default=ClusterState.ACTIVE, index=True
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL")
    )
    # The broad topic the group nests in (app/bank/topics.py), set after each re-cluster. No
    # foreign key: topics are retired, never deleted, so nothing needs an ON DELETE action.
    topic_id: Mapped[int | None] = mapped_column(index=True)
    created_run_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id", ondelete="SET NULL"))
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    questions: Mapped[list[Question]] = relationship(
        back_populates="cluster", foreign_keys="Question.cluster_id"
    )
    representative_question: Mapped[Question | None] = relationship(
        foreign_keys=[representative_question_id], post_update=True
    )
    topic: Mapped[Topic | None] = relationship(
        primaryjoin="foreign(Cluster.topic_id) == Topic.id", back_populates="clusters"
    )

    @property
    def display_title(self) -> str:
        """The facilitator's title when set, else the automatic keyword label."""
        return self.title or self.auto_label or f"Group {self.id}"

    def __repr__(self) -> str:
        return f"<Cluster {self.id} {self.display_title!r}>"


class CurationLog(Base):
    """Who changed a group or a question's place in it, when, and how."""

    __tablename__ = "curation_log"

    id: Mapped[IntPK]
    action: Mapped[str] = mapped_column(String(40))
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="SET NULL"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[CreatedAt]

    user: Mapped[User | None] = relationship()

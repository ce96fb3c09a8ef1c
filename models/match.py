"""Stored dataset matches: how well each live dataset could serve each live group."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, IntPK, utcnow


class Match(Base):
    """A dataset's score for a group, its components, the reasons, and the group's questions it
    serves; one row per pair scoring at least the matcher's minimum.

    Written only by ``app.bank.matchstore``, which refreshes the rows where they change (a
    dataset described, changed or retired; a group's questions changing; a re-cluster), so
    pages read them instead of ranking every dataset on every view. The questions it serves are
    public ones (matches are shown to everyone); a component is null when one side had nothing
    to compare.
    """

    __tablename__ = "dataset_matches"
    __table_args__ = (
        UniqueConstraint("cluster_id", "dataset_id"),
        # Read best first for a group, and for a dataset: both scan these backwards.
        Index("ix_dataset_matches_cluster_id_score", "cluster_id", "score"),
        Index("ix_dataset_matches_dataset_id_score", "dataset_id", "score"),
    )

    id: Mapped[IntPK]
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id", ondelete="CASCADE"))
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))
    score: Mapped[float] = mapped_column(Float)
    semantic: Mapped[float] = mapped_column(Float)
    theme: Mapped[float | None] = mapped_column(Float)
    geography: Mapped[float | None] = mapped_column(Float)
    keyword: Mapped[float | None] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    serves_question_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    refreshed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<Match group {self.cluster_id} dataset {self.dataset_id} {self.score:.2f}>"

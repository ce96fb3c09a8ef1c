"""Members' feedback on the matcher: a suggested dataset marked not relevant for a group."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, CreatedAt, IntPK

REASON_MAX = 300


class MatchFeedback(Base):
    """One member's word that a dataset the matcher suggests does not serve a group.

    A dataset with any such feedback is demoted for that group (listed last and not counted
    in its ``matched_dataset_count``); the engine's scores are left as they are.
    """

    __tablename__ = "match_feedback"
    __table_args__ = (UniqueConstraint("user_id", "cluster_id", "dataset_id"),)

    id: Mapped[IntPK]
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    dataset_id: Mapped[int] = mapped_column(ForeignKey("datasets.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(String(REASON_MAX))
    created_at: Mapped[CreatedAt]

    def __repr__(self) -> str:
        return f"<MatchFeedback group {self.cluster_id} dataset {self.dataset_id}>"

"""Topics: the few broad themes question groups nest into, recomputed after each re-cluster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, UpdatedAt

if TYPE_CHECKING:
    from models.cluster import Cluster


class Topic(Base):
    """A broad theme holding several groups, with an id that survives re-clustering.

    A topic that no group belongs to any more is kept, retired (``active`` false), so its id is
    never given to another topic and an old link to it says it has gone.
    """

    __tablename__ = "topics"

    id: Mapped[IntPK]
    auto_label: Mapped[str] = mapped_column(String(300), default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The size-weighted mean of its groups' centroids: where the next run starts from.
    centroid: Mapped[bytes | None] = mapped_column(LargeBinary)
    group_count: Mapped[int] = mapped_column(default=0)
    # Public questions in its groups, as the groups' sizes count them.
    size: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    clusters: Mapped[list[Cluster]] = relationship(
        primaryjoin="Topic.id == foreign(Cluster.topic_id)", back_populates="topic"
    )

    @property
    def display_title(self) -> str:
        """The automatic label, or the topic's number when it has none."""
        return self.auto_label or f"Topic {self.id}"

    def __repr__(self) -> str:
        return f"<Topic {self.id} {self.display_title!r}>"

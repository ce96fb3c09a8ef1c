"""Figures about the bank as a whole."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.policy import datasets_readable_by
from models import Cluster, ClusterState, Dataset, Organisation, Question


@dataclass(frozen=True)
class BankCounts:
    """How much the bank holds: visible questions, live groups, datasets, organisations."""

    questions: int
    clusters: int
    datasets: int
    organisations: int

    def as_dict(self) -> dict[str, int]:
        """The counts as a plain mapping (for JSON)."""
        return asdict(self)


def bank_counts(session: Session) -> BankCounts:
    """Count what the bank holds, leaving out hidden questions, retired groups and datasets
    that are retired or for members only (the figure is public). One round trip."""
    row = session.execute(
        select(
            select(func.count())
            .select_from(Question)
            .where(Question.hidden.is_(False))
            .scalar_subquery(),
            select(func.count())
            .select_from(Cluster)
            .where(Cluster.state == ClusterState.ACTIVE)
            .scalar_subquery(),
            select(func.count())
            .select_from(Dataset)
            .where(datasets_readable_by(None))
            .scalar_subquery(),
            select(func.count()).select_from(Organisation).scalar_subquery(),
        )
    ).one()
    return BankCounts(*(count or 0 for count in row))

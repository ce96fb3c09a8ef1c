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
    that are retired or for members only (the figure is public)."""
    return BankCounts(
        questions=session.scalar(
            select(func.count()).select_from(Question).where(Question.hidden.is_(False))
        )
        or 0,
        clusters=session.scalar(
            select(func.count()).select_from(Cluster).where(Cluster.state == ClusterState.ACTIVE)
        )
        or 0,
        datasets=session.scalar(
            select(func.count()).select_from(Dataset).where(datasets_readable_by(None))
        )
        or 0,
        organisations=session.scalar(select(func.count()).select_from(Organisation)) or 0,
    )

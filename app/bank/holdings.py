"""The datasets a member's organisation holds: what pledge forms on group, question and pledge
pages offer (a shared query, so no feature needs another's)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Dataset, User


def organisation_datasets(session: Session, user: User | None) -> list[Dataset]:
    """The datasets the member's organisation holds, by title; none for a visitor."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        session.scalars(
            select(Dataset)
            .where(Dataset.holder_organisation_id == user.organisation_id)
            .order_by(Dataset.title, Dataset.id)
        )
    )

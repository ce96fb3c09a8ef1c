"""The datasets a member's organisation holds: what pledge forms on group, question and pledge
pages offer (a shared query, so no feature needs another's), and a short description added
from elsewhere than the register's own form (a workshop's data mapping)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bank.embeddings import embed_datasets
from app.bank.matchstore import refresh_datasets
from models import AccessLevel, Dataset, DatasetVisibility, User


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


def describe_held_dataset(session: Session, user: User, title: str, description: str) -> Dataset:
    """Add a short description of a dataset the member's organisation holds to the register:
    members-only and shared on request until its holder fills in the rest; embedded and matched
    like any other. Flush only: the caller validates the texts and commits."""
    dataset = Dataset(
        title=title,
        description=description,
        publisher=user.organisation.name,
        holder_organisation_id=user.organisation_id,
        described_by_id=user.id,
        visibility=DatasetVisibility.MEMBERS,
        access_level=AccessLevel.ON_REQUEST,
        keywords=[],
        variables=[],
    )
    embed_datasets([dataset])
    session.add(dataset)
    session.flush()
    refresh_datasets(session, [dataset.id])
    return dataset

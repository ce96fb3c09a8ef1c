"""Support figures every list of questions shows: supporters by sector, and which questions
the viewer says they ask too."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Organisation, Sector, Support, User


def sector_counts(session: Session, question_ids: Iterable[int]) -> dict[int, dict[Sector, int]]:
    """Supporters of each question counted by their organisation's sector, in one query."""
    ids = list(question_ids)
    counts: dict[int, dict[Sector, int]] = {question_id: {} for question_id in ids}
    if not ids:
        return counts
    rows = session.execute(
        select(Support.question_id, Organisation.sector, func.count())
        .join(User, User.id == Support.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(Support.question_id.in_(ids))
        .group_by(Support.question_id, Organisation.sector)
    )
    for question_id, sector, count in rows:
        counts[question_id][sector] = count
    order = list(Sector)
    return {
        question_id: dict(sorted(by_sector.items(), key=lambda item: order.index(item[0])))
        for question_id, by_sector in counts.items()
    }


def supported_ids(session: Session, user: User | None, question_ids: Iterable[int]) -> set[int]:
    """Which of these questions the user says they ask too."""
    ids = list(question_ids)
    if user is None or not user.is_authenticated or not ids:
        return set()
    return set(
        session.scalars(
            select(Support.question_id).where(
                Support.user_id == user.id, Support.question_id.in_(ids)
            )
        )
    )

"""In-app notifications other features raise, and who hears about a question or a group.

Here, not in the notifications feature, because features must not import each other: pledges
and partnerships both notify, and the bank is the shared database side they already stand on.
``notify`` only adds rows to the caller's session, so a notification is kept exactly when the
change it announces is committed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from models import Notification, Question, Support, User

TEXT_MAX = 500
LINK_MAX = 500


def notify(
    session: Session,
    user_ids: Iterable[int],
    kind: str,
    text: str,
    link: str = "",
    *,
    actor_id: int | None = None,
) -> int:
    """Add a notification for each of these active members (never the actor); how many."""
    wanted = set(user_ids) - {actor_id}
    if not wanted:
        return 0
    active = session.scalars(select(User.id).where(User.id.in_(wanted), User.active.is_(True)))
    recipients = sorted(active)
    session.add_all(
        Notification(user_id=user_id, kind=kind, text=text[:TEXT_MAX], link=link[:LINK_MAX])
        for user_id in recipients
    )
    return len(recipients)


def question_audience(session: Session, question_ids: Iterable[int]) -> set[int]:
    """The askers and supporters of these questions."""
    ids = list(question_ids)
    if not ids:
        return set()
    askers = select(Question.author_id.label("user_id")).where(
        Question.id.in_(ids), Question.author_id.is_not(None)
    )
    supporters = select(Support.user_id.label("user_id")).where(Support.question_id.in_(ids))
    return set(session.scalars(select(union(askers, supporters).subquery().c.user_id)))


def group_audience(session: Session, cluster_id: int) -> set[int]:
    """The askers and supporters of the questions in a group."""
    ids = session.scalars(select(Question.id).where(Question.cluster_id == cluster_id))
    return question_audience(session, ids)

"""Notification use cases: a member's list, the unread count, marking read.

Other features raise notifications through ``app.bank.notify``; this feature only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.core.errors import NotFound
from app.core.paging import Page, PageRequest, paginate
from app.core.policy import require_member
from models import Notification, User, utcnow


def list_notifications(
    session: Session, user: User, at: PageRequest, unread_only: bool = False
) -> Page[Notification]:
    """One page of the member's notifications, newest first."""
    require_member(user)
    query = select(Notification).where(Notification.user_id == user.id)
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return paginate(session, query.order_by(Notification.id.desc()), at)


def unread_count(session: Session, user_id: int) -> int:
    """How many of the member's notifications are unread (one indexed count)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
        or 0
    )


def mark_read(session: Session, user: User, notification_id: int) -> Notification:
    """Mark one of the member's notifications read, and commit.

    :raise NotFound: no such notification of this member's (another's looks the same).
    """
    require_member(user)
    found = session.get(Notification, notification_id)
    if found is None or found.user_id != user.id:
        raise NotFound("There is no notification of yours with this id.")
    if found.read_at is None:
        found.read_at = utcnow()
        session.commit()
    return found


def mark_many_read(session: Session, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the member's unread notifications read (only ``ids`` when given); how many."""
    require_member(user)
    query = update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)
    )
    if ids is not None:
        query = query.where(Notification.id.in_(list(ids)))
    result = session.execute(query.values(read_at=utcnow()))
    session.commit()
    return int(getattr(result, "rowcount", 0) or 0)

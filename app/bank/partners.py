"""Partnerships around a group or a question, as the pages of both show them.

A shared query (groups and questions list them; the partnerships feature owns the use cases),
so it lives in the bank rather than in either feature.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, selectinload

from app.core.policy import can_read_partnership
from models import MemberStatus, Partnership, PartnershipMember, Question, User


@dataclass(frozen=True)
class PartnershipLine:
    """A partnership's public face: title, status and the organisations of its members."""

    partnership: Partnership
    organisations: list[str]


def _lines(
    session: Session, where: ColumnElement[bool], viewer: User | None
) -> list[PartnershipLine]:
    partnerships = session.scalars(
        select(Partnership)
        .options(
            selectinload(Partnership.members)
            .selectinload(PartnershipMember.user)
            .selectinload(User.organisation),
            selectinload(Partnership.question),
        )
        .where(where)
        .order_by(Partnership.created_at.desc(), Partnership.id.desc())
    )
    lines = []
    for partnership in partnerships:
        if not can_read_partnership(viewer, partnership):
            continue
        names = dict.fromkeys(
            m.user.organisation.name for m in partnership.members if m.status is MemberStatus.ACTIVE
        )
        lines.append(PartnershipLine(partnership, list(names)))
    return lines


def group_partnership_lines(
    session: Session, cluster_id: int, viewer: User | None
) -> list[PartnershipLine]:
    """Partnerships around the group or one of its questions that the viewer may see."""
    in_group = Partnership.question_id.in_(
        select(Question.id).where(Question.cluster_id == cluster_id)
    )
    return _lines(session, or_(Partnership.cluster_id == cluster_id, in_group), viewer)


def question_partnership_lines(
    session: Session, question: Question, viewer: User | None
) -> list[PartnershipLine]:
    """Partnerships around the question or around its group."""
    around = [Partnership.question_id == question.id]
    if question.cluster_id is not None:
        around.append(Partnership.cluster_id == question.cluster_id)
    return _lines(session, or_(*around), viewer)

"""Partnership use cases: starting one around a group or a question, reading it, its status,
log and checklist. Joining (invitations and requests) is in ``membership``.

Anyone who reads the question or group reads a partnership's title, status and member
organisations; only accepted members read and write its log and checklist.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app.bank.notify import notify
from app.core.errors import Conflict, Forbidden, NotFound, Refused
from app.core.paging import Page, PageRequest, paginate
from app.core.policy import (
    can_read,
    can_read_partnership,
    is_partner,
    leads,
    membership,
    readable_by,
    require_member,
)
from app.partnerships.rules import LOG_TEXT_MAX, NEXT_STATUSES, TITLE_MAX
from models import (
    ChecklistItem,
    Cluster,
    ClusterState,
    LogKind,
    MemberStatus,
    PartnerRole,
    Partnership,
    PartnershipCheck,
    PartnershipLogEntry,
    PartnershipMember,
    PartnershipStatus,
    Question,
    User,
)


def partnership_link(partnership: Partnership) -> str:
    """The partnership's page, for notifications."""
    return url_for("partnerships.show", partnership_id=partnership.id)


def _target(
    session: Session, user: User, cluster_id: int | None, question_id: int | None
) -> Cluster | Question:
    if (cluster_id is None) == (question_id is None):
        raise Refused.on("target", "Start a partnership around one group or one question.")
    if cluster_id is not None:
        cluster = session.get(Cluster, cluster_id)
        if cluster is None or cluster.state is not ClusterState.ACTIVE:
            raise NotFound("There is no live group with this id.")
        return cluster
    question = session.get(Question, question_id)
    if question is None or question.hidden or not can_read(user, question):
        raise NotFound("There is no question with this id that you can read.")
    return question


def start_partnership(
    session: Session,
    user: User,
    title: str | None,
    *,
    cluster_id: int | None = None,
    question_id: int | None = None,
) -> Partnership:
    """Form a partnership around a live group or a readable question, with the member as its
    lead and first asker, and commit.

    :raise NotFound: no such live group or readable question.
    :raise Conflict: the member is already in a partnership around it.
    :raise Refused: neither or both targets, or the name is too long.
    """
    require_member(user)
    target = _target(session, user, cluster_id, question_id)
    around = (
        Partnership.cluster_id == target.id
        if isinstance(target, Cluster)
        else Partnership.question_id == target.id
    )
    existing = session.scalar(
        select(Partnership)
        .join(PartnershipMember)
        .where(
            around,
            PartnershipMember.user_id == user.id,
            PartnershipMember.status == MemberStatus.ACTIVE,
        )
        .limit(1)
    )
    if existing is not None:
        raise Conflict.on("title", f"You are already in the partnership “{existing.title}” here.")
    name = (title or "").strip()
    if len(name) > TITLE_MAX:
        raise Refused.on("title", f"Keep the name to {TITLE_MAX} characters or fewer.")
    label = target.display_title if isinstance(target, Cluster) else target.text
    partnership = Partnership(
        title=name or f"Partnership on {label}"[:TITLE_MAX],
        cluster_id=target.id if isinstance(target, Cluster) else None,
        question_id=target.id if isinstance(target, Question) else None,
        status=PartnershipStatus.FORMING,
        created_by_id=user.id,
        members=[
            PartnershipMember(
                user_id=user.id, role=PartnerRole.ASKER, is_lead=True, status=MemberStatus.ACTIVE
            )
        ],
    )
    session.add(partnership)
    session.commit()
    return partnership


def get_partnership(session: Session, viewer: User | None, partnership_id: int) -> Partnership:
    """A partnership the viewer may see, with its members.

    :raise NotFound: missing, or around a question the viewer may not read.
    """
    partnership = session.scalar(
        select(Partnership)
        .options(
            selectinload(Partnership.members)
            .selectinload(PartnershipMember.user)
            .selectinload(User.organisation),
            selectinload(Partnership.question),
            selectinload(Partnership.cluster),
        )
        .where(Partnership.id == partnership_id)
    )
    if partnership is None or not can_read_partnership(viewer, partnership):
        raise NotFound("There is no partnership with this id that you can read.")
    return partnership


def partner_only(session: Session, user: User, partnership_id: int) -> Partnership:
    """The partnership, if the member is an accepted member of it.

    :raise NotFound: the member may not see it.
    :raise Forbidden: they see it but are not an accepted member.
    """
    require_member(user)
    partnership = get_partnership(session, user, partnership_id)
    if not is_partner(user, partnership):
        raise Forbidden("Only members of this partnership can do this.")
    return partnership


def active_members(partnership: Partnership) -> list[PartnershipMember]:
    """The accepted members, leads first."""
    rows = [m for m in partnership.members if m.status is MemberStatus.ACTIVE]
    return sorted(rows, key=lambda m: (not m.is_lead, m.id))


def set_status(session: Session, user: User, partnership_id: int, to: str | None) -> Partnership:
    """Move the partnership along (its lead only), tell the members, and commit.

    :raise NotFound: the member may not see it.
    :raise Forbidden: they do not lead it.
    :raise Refused: a status it cannot move to.
    """
    partnership = partner_only(session, user, partnership_id)
    if not leads(user, partnership):
        raise Forbidden("Only the partnership's lead changes its status.")
    allowed = NEXT_STATUSES[partnership.status]
    target = next((s for s in allowed if s.value == to), None)
    if target is None:
        choices = ", ".join(s.label.lower() for s in allowed) or "nothing: it has concluded"
        raise Refused.on("status", f"This partnership can move to {choices}.")
    partnership.status = target
    notify(
        session,
        (m.user_id for m in active_members(partnership)),
        "partnership-status",
        f"The partnership “{partnership.title}” is now {target.label.lower()}.",
        partnership_link(partnership),
        actor_id=user.id,
    )
    session.commit()
    return partnership


def add_log_entry(
    session: Session, user: User, partnership_id: int, kind: str | None, text: str | None
) -> PartnershipLogEntry:
    """Record a decision or a next step (members only), and commit.

    :raise NotFound: the member may not see the partnership.
    :raise Forbidden: they are not a member.
    :raise Refused: an unknown kind, or no text or too much.
    """
    partnership = partner_only(session, user, partnership_id)
    errors: dict[str, list[str]] = {}
    found = next((k for k in LogKind if k.value == kind), None)
    if found is None:
        errors["kind"] = ["Choose a decision or a next step."]
    words = (text or "").strip()
    if not words or len(words) > LOG_TEXT_MAX:
        errors["text"] = [f"Write what was decided or comes next, up to {LOG_TEXT_MAX} characters."]
    if errors or found is None:
        raise Refused(errors)
    entry = PartnershipLogEntry(partnership=partnership, user=user, kind=found, text=words)
    session.add(entry)
    session.commit()
    return entry


def set_check(
    session: Session, user: User, partnership_id: int, item: str, ticked: bool
) -> Partnership:
    """Tick or untick a readiness item (members only), and commit; ticking twice keeps the first.

    :raise NotFound: the member may not see the partnership, or no such item.
    :raise Forbidden: they are not a member.
    """
    partnership = partner_only(session, user, partnership_id)
    found = next((i for i in ChecklistItem if i.value == item), None)
    if found is None:
        raise NotFound("There is no such checklist item.")
    current = next((c for c in partnership.checks if c.item is found), None)
    if ticked and current is None:
        partnership.checks.append(PartnershipCheck(item=found, ticked_by=user))
    elif not ticked and current is not None:
        partnership.checks.remove(current)
    session.commit()
    return partnership


@dataclass(frozen=True)
class ChecklistLine:
    """A readiness item and its tick, if ticked."""

    item: ChecklistItem
    check: PartnershipCheck | None


def checklist(partnership: Partnership) -> list[ChecklistLine]:
    """Every readiness item in order, with who ticked it and when."""
    ticks = {check.item: check for check in partnership.checks}
    return [ChecklistLine(item, ticks.get(item)) for item in ChecklistItem]


def can_be_invited(partnership: Partnership, user: User | None) -> bool:
    """Whether this person has no live row in the partnership (never asked, or declined)."""
    row = membership(user, partnership)
    return row is None or row.status is MemberStatus.DECLINED


def member_partnerships(session: Session, user: User) -> list[PartnershipMember]:
    """The member's rows in partnerships (in, invited, asking), newest first, for their account."""
    return list(
        session.scalars(
            select(PartnershipMember)
            .options(selectinload(PartnershipMember.partnership))
            .where(
                PartnershipMember.user_id == user.id,
                PartnershipMember.status != MemberStatus.DECLINED,
            )
            .order_by(PartnershipMember.id.desc())
        )
    )


def list_partnerships(
    session: Session,
    viewer: User | None,
    at: PageRequest,
    *,
    cluster_id: int | None = None,
    question_id: int | None = None,
    mine: bool = False,
) -> Page[Partnership]:
    """One page of the partnerships the viewer may see, newest first, optionally around a
    group or a question, or only the viewer's own (in, invited or asking)."""
    readable = or_(
        Partnership.question_id.is_(None),
        Partnership.question_id.in_(select(Question.id).where(readable_by(viewer))),
    )
    query = select(Partnership).options(
        selectinload(Partnership.members)
        .selectinload(PartnershipMember.user)
        .selectinload(User.organisation),
        selectinload(Partnership.log_entries),
        selectinload(Partnership.checks),
    )
    if mine and viewer is not None:
        query = query.where(
            Partnership.id.in_(
                select(PartnershipMember.partnership_id).where(
                    PartnershipMember.user_id == viewer.id,
                    PartnershipMember.status != MemberStatus.DECLINED,
                )
            )
        )
    else:
        query = query.where(readable)
    if cluster_id is not None:
        query = query.where(Partnership.cluster_id == cluster_id)
    if question_id is not None:
        query = query.where(Partnership.question_id == question_id)
    return paginate(session, query.order_by(Partnership.id.desc()), at)

"""Joining a partnership: invitations a member sends (the invitee accepts or declines),
requests to join (a lead accepts or declines), and whom the page suggests inviting."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.bank.notify import notify
from app.core.errors import Conflict, Forbidden, NotFound, Refused
from app.core.policy import is_partner, leads, membership, require_member
from app.partnerships.rules import SUGGESTED_ORGANISATIONS
from app.partnerships.service import (
    active_members,
    get_partnership,
    partner_only,
    partnership_link,
)
from models import (
    Dataset,
    MemberStatus,
    Organisation,
    PartnerRole,
    Partnership,
    PartnershipMember,
    Pledge,
    PledgeStatus,
    Question,
    User,
    utcnow,
)


def _role(value: str | None) -> PartnerRole:
    found = next((role for role in PartnerRole if role.value == value), None)
    if found is None:
        raise Refused.on(
            "role", f"Choose a role: {', '.join(r.label.lower() for r in PartnerRole)}."
        )
    return found


def _invitee(session: Session, user_id: int | None, email: str | None) -> User:
    if user_id is not None:
        found = session.get(User, user_id)
    elif email and email.strip():
        found = session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    else:
        raise Refused.on("email", "Choose someone suggested, or give a member's email.")
    if found is None or not found.active:
        raise Refused.on("email", "No active member has this email.")
    return found


def invite(
    session: Session,
    actor: User,
    partnership_id: int,
    role: str | None,
    *,
    user_id: int | None = None,
    email: str | None = None,
) -> PartnershipMember:
    """Invite an existing member (by id or email) with a role; they are told, and commit.

    :raise NotFound: the actor may not see the partnership.
    :raise Forbidden: the actor is not a member of it.
    :raise Refused: no such active member, or an unknown role.
    :raise Conflict: they are in already, invited already, or asked to join (accept them).
    """
    partnership = partner_only(session, actor, partnership_id)
    chosen_role = _role(role)
    person = _invitee(session, user_id, email)
    row = membership(person, partnership)
    if row is not None and row.status is not MemberStatus.DECLINED:
        messages = {
            MemberStatus.ACTIVE: "is already a member",
            MemberStatus.INVITED: "is already invited",
            MemberStatus.REQUESTED: "has asked to join: a lead can accept them",
        }
        raise Conflict.on("email", f"{person.display_name} {messages[row.status]}.")
    if row is None:
        row = PartnershipMember(user=person, partnership=partnership)
        session.add(row)
    row.role, row.status, row.invited_by, row.is_lead = (
        chosen_role,
        MemberStatus.INVITED,
        actor,
        False,
    )
    notify(
        session,
        [person.id],
        "partnership-invitation",
        f"{actor.display_name} ({actor.organisation.name}) invites you to join the partnership "
        f"“{partnership.title}” as {chosen_role.label.lower()}.",
        partnership_link(partnership),
    )
    session.commit()
    return row


def ask_to_join(
    session: Session, user: User, partnership_id: int, role: str | None
) -> PartnershipMember:
    """Ask to join with a role; the leads are told, and commit.

    :raise NotFound: the member may not see the partnership.
    :raise Refused: an unknown role.
    :raise Conflict: already in, invited (accept the invitation) or asking.
    """
    require_member(user)
    partnership = get_partnership(session, user, partnership_id)
    chosen_role = _role(role)
    row = membership(user, partnership)
    if row is not None and row.status is not MemberStatus.DECLINED:
        messages = {
            MemberStatus.ACTIVE: "You are already a member.",
            MemberStatus.INVITED: "You are invited already: accept the invitation.",
            MemberStatus.REQUESTED: "You have asked already; a lead will answer.",
        }
        raise Conflict.on("role", messages[row.status])
    if row is None:
        row = PartnershipMember(user=user, partnership=partnership)
        session.add(row)
    row.role, row.status, row.invited_by, row.is_lead = (
        chosen_role,
        MemberStatus.REQUESTED,
        None,
        False,
    )
    notify(
        session,
        (m.user_id for m in active_members(partnership) if m.is_lead),
        "partnership-request",
        f"{user.display_name} ({user.organisation.name}) asks to join “{partnership.title}” "
        f"as {chosen_role.label.lower()}.",
        partnership_link(partnership),
    )
    session.commit()
    return row


def respond(
    session: Session, actor: User, partnership_id: int, member_id: int, accept: bool
) -> PartnershipMember:
    """Accept or decline: the invitee answers an invitation, a lead answers a request; commit.

    :raise NotFound: the actor may not see the partnership, or no such pending row in it.
    :raise Forbidden: the actor is not the one who may answer.
    """
    require_member(actor)
    partnership = get_partnership(session, actor, partnership_id)
    row = next((m for m in partnership.members if m.id == member_id), None)
    if row is None or row.status not in (MemberStatus.INVITED, MemberStatus.REQUESTED):
        raise NotFound("There is no invitation or request with this id waiting here.")
    invitation = row.status is MemberStatus.INVITED
    if invitation and row.user_id != actor.id:
        raise Forbidden("Only the person invited can answer an invitation.")
    if not invitation and not leads(actor, partnership):
        raise Forbidden("Only a lead of the partnership can answer a request to join.")
    row.status = MemberStatus.ACTIVE if accept else MemberStatus.DECLINED
    if accept:
        row.joined_at = utcnow()
    verb = "accepted" if accept else "declined"
    if invitation:
        told = [row.invited_by_id] if row.invited_by_id else []
        text = f"{actor.display_name} {verb} your invitation to “{partnership.title}”."
    else:
        told = [row.user_id]
        text = f"{actor.display_name} {verb} your request to join “{partnership.title}”."
    notify(session, told, "partnership-answer", text, partnership_link(partnership))
    session.commit()
    return row


def pending(viewer: User | None, partnership: Partnership) -> list[PartnershipMember]:
    """Invitations and requests still waiting (for members to see)."""
    if not is_partner(viewer, partnership):
        return []
    waiting = (MemberStatus.INVITED, MemberStatus.REQUESTED)
    return [m for m in partnership.members if m.status in waiting]


@dataclass(frozen=True)
class Suggestion:
    """An organisation worth inviting, why, and its members not yet in the partnership."""

    organisation: Organisation
    reason: str
    people: list[User]


def _question_ids(session: Session, partnership: Partnership) -> list[int]:
    cluster_id = partnership.cluster_id or (
        partnership.question.cluster_id if partnership.question else None
    )
    if cluster_id is None:
        return [partnership.question_id] if partnership.question_id else []
    return list(session.scalars(select(Question.id).where(Question.cluster_id == cluster_id)))


def suggestions(
    session: Session, viewer: User | None, partnership: Partnership
) -> list[Suggestion]:
    """Organisations asking questions in the group (or the question's group) and holders of
    data pledged to them, with their members not yet in; for members only."""
    if not is_partner(viewer, partnership):
        return []
    ids = _question_ids(session, partnership)
    cluster_id = partnership.cluster_id or (
        partnership.question.cluster_id if partnership.question else None
    )
    askers = set(
        session.scalars(
            select(Question.organisation_id).where(Question.id.in_(ids), Question.hidden.is_(False))
        )
    )
    on_target: list[ColumnElement[bool]] = [Pledge.question_id.in_(ids)]
    if cluster_id is not None:
        on_target.append(Pledge.cluster_id == cluster_id)
    holders = set(
        session.scalars(
            select(Dataset.holder_organisation_id)
            .join(Pledge, Pledge.dataset_id == Dataset.id)
            .where(or_(*on_target), Pledge.status != PledgeStatus.WITHDRAWN)
        )
    ) - {None}
    taken = {m.user_id for m in partnership.members if m.status is not MemberStatus.DECLINED}
    organisations = session.scalars(
        select(Organisation)
        .options(selectinload(Organisation.users))
        .where(Organisation.id.in_(askers | holders))
        .order_by(Organisation.name)
        .limit(SUGGESTED_ORGANISATIONS)
    )
    found = []
    for organisation in organisations:
        people = [u for u in organisation.users if u.active and u.id not in taken]
        if people:
            reason = " and ".join(
                words
                for words, yes in (
                    ("asks these questions", organisation.id in askers),
                    ("pledged data to them", organisation.id in holders),
                )
                if yes
            )
            found.append(
                Suggestion(organisation, reason, sorted(people, key=lambda u: u.display_name))
            )
    return found

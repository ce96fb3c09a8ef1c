"""The organisation use cases a member has: reading its members, and (its admins) choosing
who else administers it. Its record and closing are ``app.bank.organisations``'s."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.errors import Forbidden, NotFound, Refused
from app.core.policy import manages_organisation, require_member
from models import OrganisationRole, User


def organisation_members(session: Session, actor: User | None) -> list[User]:
    """The members of the actor's organisation, longest-standing first.

    :raise Forbidden: not a signed-in member.
    """
    actor = require_member(actor)
    return list(
        session.scalars(
            select(User)
            .where(User.organisation_id == actor.organisation_id)
            .order_by(User.created_at, User.id)
        )
    )


def set_organisation_role(session: Session, actor: User | None, user_id: int, role: str) -> User:
    """Make a member of the actor's organisation one of its admins, or a member again (``role``
    is an ``OrganisationRole`` value), and commit; its admins only, never its last admin.

    :raise Forbidden: the actor is not an admin of their organisation.
    :raise NotFound: no such member in the actor's organisation.
    :raise Refused: no such role, or the change would leave the organisation without an admin.
    """
    actor = require_member(actor)
    if not manages_organisation(actor, actor.organisation_id):
        raise Forbidden("Only your organisation's admins can do this.")
    user = session.get(User, user_id)
    if user is None or user.organisation_id != actor.organisation_id:
        raise NotFound("There is no member of your organisation with this id.")
    chosen = next((choice for choice in OrganisationRole if choice.value == role), None)
    if chosen is None:
        raise Refused.on("organisation_role", "Choose member or admin.")
    if chosen is OrganisationRole.MEMBER and user.is_organisation_admin:
        admins = session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.organisation_id == user.organisation_id,
                User.organisation_role == OrganisationRole.ADMIN,
            )
        )
        if (admins or 0) <= 1:
            raise Refused.on(
                "organisation_role",
                f"{user.display_name} is the organisation's only admin: make another member "
                "an admin first.",
            )
    user.organisation_role = chosen
    session.commit()
    return user

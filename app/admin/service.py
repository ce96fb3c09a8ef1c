"""Admin use cases: the members list and their roles, and the background jobs."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.bank.reembed import start_reembed
from app.core.errors import NotFound, Refused
from app.core.policy import require_admin
from models import Job, Organisation, Role, User

JOBS_SHOWN = 50


def set_role(session: Session, actor: User, user_id: int, role: Role) -> User:
    """Change a member's role; admins only, and an admin cannot demote themself.

    :raise Forbidden: the actor is not an admin.
    :raise NotFound: no such user.
    :raise Refused: an admin tried to remove their own admin role, or no such role.
    """
    require_admin(actor)
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(f"There is no member {user_id}.")
    if user.id == actor.id and role is not Role.ADMIN:
        raise Refused.on("role", "You cannot remove your own admin role.")
    user.role = role
    session.commit()
    return user


def list_members(session: Session, actor: User) -> list[User]:
    """Every user with their organisation, by organisation then name; admins only.

    :raise Forbidden: the actor is not an admin.
    """
    require_admin(actor)
    return list(
        session.scalars(
            select(User).join(User.organisation).order_by(Organisation.name, User.display_name)
        )
    )


def list_organisations(session: Session, actor: User) -> list[tuple[Organisation, int]]:
    """Every organisation with its number of members, by name; admins only.

    :raise Forbidden: the actor is not an admin.
    """
    require_admin(actor)
    rows = session.execute(
        select(Organisation, func.count(User.id))
        .outerjoin(User, User.organisation_id == Organisation.id)
        .group_by(Organisation.id)
        .order_by(Organisation.name)
    )
    return [(organisation, int(members)) for organisation, members in rows]


def recent_jobs(session: Session, actor: User) -> list[Job]:
    """The latest background jobs of every kind, newest first; admins only.

    :raise Forbidden: the actor is not an admin.
    """
    require_admin(actor)
    return list(session.scalars(select(Job).order_by(Job.id.desc()).limit(JOBS_SHOWN)))


def request_reembed(app: Flask, actor: User) -> Job:
    """Start re-embedding in the background, or return the one under way; admins only.

    :raise Forbidden: the actor is not an admin.
    """
    require_admin(actor)
    return start_reembed(app, actor.id)

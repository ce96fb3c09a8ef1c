"""Admin use cases: the members list and their roles."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFound, Refused
from app.core.policy import require_admin
from models import Organisation, Role, User


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

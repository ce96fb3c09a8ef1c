"""Account use cases: registering, authenticating, roles and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from models import ApiToken, Organisation, Role, Sector, User, utcnow

TOKEN_PREFIX = "qb_"
PASSWORD_METHOD = "scrypt"


class AccountError(ValueError):
    """A use case refused its input; ``field`` names the form field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation a registering member creates."""

    name: str
    sector: Sector
    region: str = ""
    website: str | None = None


def normalise_email(email: str) -> str:
    """The canonical form of an email address for storage and look-up."""
    return email.strip().lower()


def hash_password(password: str) -> str:
    """A salted scrypt hash of a password."""
    return generate_password_hash(password, method=PASSWORD_METHOD)


def find_user_by_email(session: Session, email: str) -> User | None:
    """The user with this email, ignoring case, or None."""
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def find_organisation_by_name(session: Session, name: str) -> Organisation | None:
    """The organisation with this name, ignoring case, or None."""
    return session.scalar(
        select(Organisation).where(func.lower(Organisation.name) == name.strip().lower())
    )


def register_user(
    session: Session,
    *,
    email: str,
    password: str,
    display_name: str,
    organisation_id: int | None = None,
    new_organisation: NewOrganisation | None = None,
    role: Role = Role.MEMBER,
) -> User:
    """Create a member in an existing or a new organisation and commit.

    :raise AccountError: the email is taken, the organisation is missing or its name is taken.
    """
    if find_user_by_email(session, email) is not None:
        raise AccountError("email", "An account with this email already exists. Log in instead?")
    if new_organisation is not None:
        if find_organisation_by_name(session, new_organisation.name) is not None:
            raise AccountError(
                "new_organisation_name",
                "An organisation with this name is already registered: choose it from the list.",
            )
        organisation = Organisation(
            name=new_organisation.name.strip(),
            sector=new_organisation.sector,
            region=new_organisation.region.strip(),
            website=new_organisation.website or None,
        )
        session.add(organisation)
    else:
        organisation = session.get(Organisation, organisation_id) if organisation_id else None
        if organisation is None:
            raise AccountError("organisation_id", "Choose your organisation or add a new one.")
    user = User(
        email=normalise_email(email),
        password_hash=hash_password(password),
        display_name=display_name.strip(),
        organisation=organisation,
        role=role,
    )
    session.add(user)
    session.commit()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user whose email and password match, with the login time recorded."""
    user = find_user_by_email(session, email)
    if user is None or not user.active or not check_password_hash(user.password_hash, password):
        return None
    user.last_login_at = utcnow()
    session.commit()
    return user


def set_role(session: Session, actor: User, user_id: int, role: Role) -> User:
    """Change a member's role; admins only, and an admin cannot demote themself.

    :raise PermissionError: the actor is not an admin.
    :raise LookupError: no such user.
    :raise AccountError: an admin tried to remove their own admin role.
    """
    if not actor.is_admin:
        raise PermissionError("Only admins can change roles.")
    user = session.get(User, user_id)
    if user is None:
        raise LookupError(user_id)
    if user.id == actor.id and role is not Role.ADMIN:
        raise AccountError("role", "You cannot remove your own admin role.")
    user.role = role
    session.commit()
    return user


def list_members(session: Session) -> list[User]:
    """Every user with their organisation, by organisation then name."""
    return list(
        session.scalars(
            select(User).join(User.organisation).order_by(Organisation.name, User.display_name)
        )
    )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(session: Session, user: User) -> str:
    """Issue a new personal API token for a user; only its digest is stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user=user, token_hash=_digest(token), prefix=token[:10]))
    session.commit()
    return token


def user_for_token(session: Session, token: str) -> User | None:
    """The active user owning an unrevoked token, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    api_token = session.scalar(
        select(ApiToken).where(ApiToken.token_hash == _digest(token), ApiToken.revoked_at.is_(None))
    )
    if api_token is None or not api_token.user.active:
        return None
    api_token.last_used_at = utcnow()
    session.commit()
    return api_token.user


def revoke_api_tokens(session: Session, user: User) -> int:
    """Revoke every live token of a user; returns how many."""
    tokens = [token for token in user.api_tokens if token.revoked_at is None]
    for token in tokens:
        token.revoked_at = utcnow()
    session.commit()
    return len(tokens)

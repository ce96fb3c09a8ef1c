"""Account use cases: registering, authenticating, changing the password, and deleting the
account with what is the member's alone."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from app.bank.personal import erase_member
from app.core.errors import Conflict, Refused
from models import Organisation, OrganisationRole, Role, Sector, User, utcnow

PASSWORD_METHOD = "scrypt"
# Failed logins allowed before a pause: for one account wherever they come from, and from one
# address (many members can share one behind a proxy) whichever accounts they try.
LOGIN_LIMIT_PER_ACCOUNT = "10 per minute; 30 per hour"
LOGIN_LIMIT_PER_ADDRESS = "30 per minute; 300 per hour"
# The registration form's choice for "my organisation is not listed".
NEW_ORGANISATION = "new"


@dataclass(frozen=True)
class NewOrganisation:
    """An organisation a registering member creates."""

    name: str
    sector: Sector
    region: str = ""
    website: str | None = None


def choose_organisation(
    choice: str, name: str, sector: str, region: str = "", website: str | None = None
) -> tuple[int | None, NewOrganisation | None]:
    """Read the registration form's organisation: one chosen from the list, or a new one.

    Typing a new organisation's name is enough to add it (the list need not be set to "not
    listed"); a choice from the list wins over a typed name.

    :raise Refused: neither chosen nor named, or a new one without its sector.
    """
    if choice.isdigit():
        return int(choice), None
    name = name.strip()
    chosen = next((s for s in Sector if s.value == sector), None)
    errors: dict[str, list[str]] = {}
    if not name and choice != NEW_ORGANISATION:
        errors["organisation_id"] = [
            "Choose your organisation from the list, or type its name below to add it."
        ]
    else:
        if not name:
            errors["new_organisation_name"] = ["Give your organisation's name."]
        if chosen is None:
            errors["new_organisation_sector"] = ["Choose your organisation's sector."]
    if errors or chosen is None:
        raise Refused(errors)
    return None, NewOrganisation(name, chosen, region.strip(), website or None)


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
    """Create a member in an existing or a new organisation and commit; whoever is first in
    their organisation becomes its admin.

    :raise Conflict: the email is taken, or the new organisation's name is.
    :raise Refused: the organisation chosen does not exist.
    """
    if find_user_by_email(session, email) is not None:
        raise Conflict.on("email", "An account with this email already exists. Log in instead?")
    if new_organisation is not None:
        if find_organisation_by_name(session, new_organisation.name) is not None:
            raise Conflict.on(
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
        chosen = session.get(Organisation, organisation_id) if organisation_id else None
        if chosen is None:
            raise Refused.on("organisation_id", "Choose your organisation or add a new one.")
        organisation = chosen
    first = organisation.id is None or not session.scalar(
        select(exists().where(User.organisation_id == organisation.id))
    )
    user = User(
        email=normalise_email(email),
        password_hash=hash_password(password),
        display_name=display_name.strip(),
        organisation=organisation,
        role=role,
        organisation_role=OrganisationRole.ADMIN if first else OrganisationRole.MEMBER,
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


PASSWORD_MIN, PASSWORD_MAX = 10, 200


def end_sessions(session: Session, user: User) -> None:
    """End every session the member is signed in with, on every device, and commit."""
    user.session_version += 1
    session.commit()


def change_password(session: Session, user: User, current: str, new: str, repeated: str) -> User:
    """Set a new password after checking the current one; every other session ends.

    :raise Refused: the current password is wrong, or the new one too short or not repeated.
    """
    errors: dict[str, list[str]] = {}
    if not check_password_hash(user.password_hash, current or ""):
        errors["current"] = ["That is not your current password."]
    if not PASSWORD_MIN <= len(new or "") <= PASSWORD_MAX:
        errors["new"] = [f"Use {PASSWORD_MIN} to {PASSWORD_MAX} characters."]
    elif new != repeated:
        errors["repeated"] = ["The new passwords do not match."]
    if errors:
        raise Refused(errors)
    user.password_hash = hash_password(new)
    user.session_version += 1
    session.commit()
    return user


def delete_account(session: Session, user: User, password: str, keep_questions: bool) -> list[int]:
    """Delete the member's account and what is theirs alone (see ``app.bank.personal``), and
    commit; every session and token ends with it.

    ``keep_questions`` leaves their questions as anonymous contributions of their organisation;
    otherwise the questions go with their supports. Returns the ids of the questions removed.

    :raise Refused: the password is wrong.
    :raise Conflict: they are the last active admin (the bank would have nobody to run it).
    """
    if not check_password_hash(user.password_hash, password or ""):
        raise Refused.on("password", "That is not your password.")
    return erase_account(session, user, keep_questions)


def erase_account(session: Session, user: User, keep_questions: bool) -> list[int]:
    """Delete an account whose owner is already proven (an API token's caller), as
    ``delete_account`` does after the password, and commit; the ids of the questions removed.

    :raise Conflict: they are the last active admin.
    """
    if user.is_admin and user.active:
        admins = session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == Role.ADMIN, User.active.is_(True))
        )
        if (admins or 0) <= 1:
            raise Conflict.on(
                "account", "You are the only admin: make another member an admin first."
            )
    removed = erase_member(session, user, keep_questions)
    session.commit()
    return removed

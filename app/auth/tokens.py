"""Personal API tokens: named, optionally expiring, listed and revocable; stored as digests."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.core.errors import NotFound, Refused
from models import ApiToken, User, utcnow

TOKEN_PREFIX = "qb_"
NAME_MAX = 80
# A token's last use is kept to the minute: writing it on every call would make every API call,
# reads included, a write transaction.
LAST_USE_STEP = timedelta(minutes=1)
# Offered lifetimes in days; None never expires.
LIFETIMES: dict[str, int | None] = {"30": 30, "90": 90, "365": 365, "never": None}
DEFAULT_LIFETIME = "90"


@dataclass(frozen=True)
class IssuedToken:
    """A token just issued: the secret is shown once and never stored."""

    token: ApiToken
    secret: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: datetime) -> datetime:
    # SQLite hands timestamps back without their zone: they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def is_live(token: ApiToken) -> bool:
    """Not revoked and not past its expiry."""
    expired = token.expires_at is not None and _aware(token.expires_at) <= utcnow()
    return token.revoked_at is None and not expired


def create_api_token(
    session: Session, user: User, name: str = "", lifetime: str = DEFAULT_LIFETIME
) -> IssuedToken:
    """Issue a new personal API token for a user and commit; only its digest is stored.

    :raise Refused: the name is too long or the lifetime is not one offered.
    """
    name = " ".join((name or "").split()) or "API token"
    if len(name) > NAME_MAX:
        raise Refused.on("name", f"Keep the name to {NAME_MAX} characters or fewer.")
    if lifetime not in LIFETIMES:
        raise Refused.on("lifetime", f"Choose one of: {', '.join(LIFETIMES)}.")
    days = LIFETIMES[lifetime]
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        token_hash=_digest(secret),
        prefix=secret[:10],
        name=name,
        expires_at=utcnow() + timedelta(days=days) if days is not None else None,
    )
    session.add(token)
    session.commit()
    return IssuedToken(token, secret)


def user_for_token(session: Session, secret: str) -> User | None:
    """The active user owning a live token, or None (its last use is recorded, to the minute)."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(
        select(ApiToken)
        .where(ApiToken.token_hash == _digest(secret))
        .options(joinedload(ApiToken.user))  # one round trip, not two
    )
    if token is None or not is_live(token) or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - _aware(token.last_used_at) >= LAST_USE_STEP:
        token.last_used_at = now
        session.commit()
    return token.user


def list_tokens(session: Session, user: User) -> list[ApiToken]:
    """The member's tokens, newest first, live and ended alike."""
    return list(
        session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(session: Session, user: User, token_id: int) -> ApiToken:
    """Revoke one of the member's tokens and commit.

    :raise NotFound: no such token of theirs.
    """
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound("There is no token with this id among yours.")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.commit()
    return token


def revoke_api_tokens(session: Session, user: User) -> int:
    """Revoke every live token of a user (scripts using them stop working); returns how many."""
    tokens = [token for token in list_tokens(session, user) if is_live(token)]
    for token in tokens:
        token.revoked_at = utcnow()
    session.commit()
    return len(tokens)

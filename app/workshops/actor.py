"""Who is acting in a workshop request: a signed-in member, or a guest.

The API knows a guest only by the bearer token they were given on joining (a cookie could be
replayed by a forged page: the API does not check CSRF for visitors); the pages know a guest by
the token kept in their signed session cookie, behind the forms' CSRF check.
"""

from __future__ import annotations

from flask import request, session

from app.core.web import viewer
from app.db import get_session
from app.workshops.rules import GUEST_TOKEN_PREFIX
from app.workshops.service import Actor, guest_for_token

SESSION_KEY = "workshop_guests"


def api_actor() -> Actor:
    """The member signed in, else the guest whose token the request carries, else None."""
    member = viewer()
    if member is not None:
        return member
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip().startswith(GUEST_TOKEN_PREFIX):
        return guest_for_token(get_session(), token.strip())
    return None


def page_actor(workshop_id: int | None = None) -> Actor:
    """The member signed in, else the guest of this workshop this browser joined as."""
    member = viewer()
    if member is not None or workshop_id is None:
        return member
    token = session.get(SESSION_KEY, {}).get(str(workshop_id))
    return guest_for_token(get_session(), token) if isinstance(token, str) else None


def remember_guest(workshop_id: int, token: str) -> None:
    """Keep a guest's token in their session cookie, beside any other workshop's."""
    kept = dict(session.get(SESSION_KEY, {}))
    kept[str(workshop_id)] = token
    session[SESSION_KEY] = kept

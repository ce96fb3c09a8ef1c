"""Who is asking: the request's member, shared by the group pages and the groups API."""

from __future__ import annotations

from flask_login import current_user

from models import User


def viewer() -> User | None:
    """The signed-in member, or None for a visitor."""
    return current_user._get_current_object() if current_user.is_authenticated else None


def member() -> User:
    """The signed-in member (for views that require a login)."""
    return current_user._get_current_object()

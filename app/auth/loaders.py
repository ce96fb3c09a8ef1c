"""How flask-login finds the user: from the session cookie or an API bearer token."""

from __future__ import annotations

from flask import Request
from flask_login import LoginManager

from app.auth.service import user_for_token
from app.db import get_session
from models import User


def _load_user(user_id: str) -> User | None:
    user = get_session().get(User, int(user_id)) if user_id.isdigit() else None
    return user if user is not None and user.active else None


def _load_user_from_request(request: Request) -> User | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    return user_for_token(get_session(), token.strip())


def register_user_loaders(manager: LoginManager) -> None:
    """Tell flask-login how to load users."""
    manager.user_loader(_load_user)
    manager.request_loader(_load_user_from_request)

"""How flask-login finds the user (session cookie or API bearer token) and turns visitors away."""

from __future__ import annotations

from flask import Request, Response, abort, g, redirect, request, url_for
from flask_login import LoginManager
from werkzeug.wrappers import Response as BaseResponse

from app.auth.tokens import user_for_token
from app.core.guards import MAX_ID
from app.core.web import wants_json
from app.db import get_session
from app.extensions import htmx
from models import User


def _load_user(session_id: str) -> User | None:
    """The user of a session cookie, if its session version is still the user's."""
    user_id, _, version = session_id.partition(":")
    if not (user_id.isdigit() and version.isdigit() and int(user_id) <= MAX_ID):
        return None  # includes cookies from before session versions: they sign in again
    user = get_session().get(User, int(user_id))
    if user is None or not user.active or user.session_version != int(version):
        return None
    return user


def _load_user_from_request(req: Request) -> User | None:
    scheme, _, token = req.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return None
    user = user_for_token(get_session(), token.strip())
    # The API exempts from CSRF only requests signed in this way (see app.api).
    g.signed_in_by_token = user is not None
    return user


def _unauthorized() -> BaseResponse:
    """401 JSON for the API, an HX-Redirect for htmx, a redirect to the login page otherwise."""
    if wants_json():
        abort(401)
    login_url = url_for("auth.login", next=request.full_path.rstrip("?"))
    if htmx:
        response = Response(status=204)
        response.headers["HX-Redirect"] = login_url
        return response
    return redirect(login_url)


def register_user_loaders(manager: LoginManager) -> None:
    """Tell flask-login how to load users and what to do with visitors who must log in."""
    manager.user_loader(_load_user)
    manager.request_loader(_load_user_from_request)
    manager.unauthorized_handler(_unauthorized)

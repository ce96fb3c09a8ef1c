"""The JSON API, version 1, over the same services as the pages."""

from flask import Blueprint, request
from flask_login import current_user

from app.extensions import csrf

bp = Blueprint("api", __name__)

# Token-authenticated calls carry no cookie, so CSRF cannot touch them; calls that rely on the
# session cookie still need the CSRF header like any htmx request.
csrf.exempt(bp)


@bp.before_request
def _protect_cookie_sessions() -> None:
    # Anonymous calls fall through to the views' 401; only a signed-in cookie session can be
    # ridden by a forged request.
    bearer = request.headers.get("Authorization", "").lower().startswith("bearer ")
    unsafe = request.method not in {"GET", "HEAD", "OPTIONS"}
    if unsafe and not bearer and current_user.is_authenticated:
        csrf.protect()


from app.api import clusters, questions, routes  # noqa: E402,F401

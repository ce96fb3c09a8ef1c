"""The JSON API, version 1, over the same services as the pages."""

from flask import Blueprint, request

from app.extensions import csrf

bp = Blueprint("api", __name__)

# Token-authenticated calls carry no cookie, so CSRF cannot touch them; calls that rely on the
# session cookie still need the CSRF header like any htmx request.
csrf.exempt(bp)


@bp.before_request
def _protect_cookie_sessions() -> None:
    if request.method not in {"GET", "HEAD", "OPTIONS"} and not request.headers.get(
        "Authorization", ""
    ).lower().startswith("bearer "):
        csrf.protect()


from app.api import clusters, questions, routes  # noqa: E402,F401

"""The JSON API, version 1: one blueprint; each feature adds its routes from its ``api`` module.

Errors are answered by the one set of handlers in ``app.core.web`` (JSON for ``/api/``).
"""

from typing import Any

from flask import Blueprint, request
from flask_login import current_user

from app.core.errors import BadRequest
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


def json_body() -> dict[str, Any]:
    """The request's JSON object.

    :raise BadRequest: the body is not JSON, or not an object.
    """
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise BadRequest.on("body", "Send a JSON object in the request body.")
    return data


def register_api_modules() -> None:
    """Import each feature's API module so its routes join the blueprint (before registering)."""
    from app.auth import api as auth_api  # noqa: F401
    from app.clusters import api as clusters_api  # noqa: F401
    from app.main import api as main_api  # noqa: F401
    from app.notifications import api as notifications_api  # noqa: F401
    from app.partnerships import api as partnerships_api  # noqa: F401
    from app.pledges import api as pledges_api  # noqa: F401
    from app.questions import api as questions_api  # noqa: F401

"""The JSON API, version 1: one blueprint; each feature adds its routes from its ``api`` module.

Errors are answered by the one set of handlers in ``app.core.web`` (JSON for ``/api/``).
"""

from typing import Any

from flask import Blueprint, current_app, g, request
from flask_login import current_user

from app.auth.tokens import user_for_token
from app.core.errors import BadRequest, Refused
from app.core.guards import MAX_ID, checked_json
from app.core.paging import PageRequest, page_request
from app.db import get_session
from app.extensions import csrf

bp = Blueprint("api", __name__)

# Token-authenticated calls carry no cookie, so CSRF cannot touch them; calls that rely on the
# session cookie still need the CSRF header like any htmx request.
csrf.exempt(bp)


@bp.before_request
def _protect_cookie_sessions() -> None:
    # Anonymous calls fall through to the views' 401. Only a request carrying a valid token is
    # exempt: a cookie session is checked whatever Authorization header rides along with it
    # (a forged page can add "Bearer junk", never a member's real token).
    unsafe = request.method not in {"GET", "HEAD", "OPTIONS"}
    if unsafe and current_user.is_authenticated and not _valid_bearer_token():
        csrf.protect()


def _valid_bearer_token() -> bool:
    """Whether the request carries a live API token: no forged page can know one."""
    if g.get("signed_in_by_token"):
        return True
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return False
    return user_for_token(get_session(), token.strip()) is not None


def json_body() -> dict[str, Any]:
    """The request's JSON object.

    :raise BadRequest: the body is not JSON, not an object, too deep or not storable.
    """
    data = checked_json(request.get_data(cache=True)) if request.is_json else None
    if not isinstance(data, dict):
        raise BadRequest.on("body", "Send a JSON object in the request body.")
    return data


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_ID


def body_id(body: dict[str, Any], name: str) -> int | None:
    """An optional id in a JSON body.

    :raise Refused: not a whole number a row id can be.
    """
    value = body.get(name)
    if value is None or _is_id(value):
        return value
    raise Refused.on(name, f"Give a whole number from 1 to {MAX_ID}.")


def body_ids(body: dict[str, Any], name: str) -> list[int] | None:
    """An optional list of ids in a JSON body.

    :raise Refused: not a list of whole numbers row ids can be.
    """
    value = body.get(name)
    if value is None or (isinstance(value, list) and all(_is_id(item) for item in value)):
        return value
    raise Refused.on(name, f"Give a list of whole numbers from 1 to {MAX_ID}.")


def arg_id(name: str) -> int | None:
    """An optional id in the query string.

    :raise BadRequest: not a whole number a row id can be.
    """
    value = request.args.get(name, "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit() and _is_id(int(value)):
        return int(value)
    raise BadRequest.on(name, f"Give a whole number from 1 to {MAX_ID}.")


FLAG_SCHEMA: dict[str, Any] = {"type": "boolean"}
_FLAGS = {"true": True, "1": True, "false": False, "0": False}


def arg_flag(name: str) -> bool:
    """A yes/no query argument (``true``/``1``, ``false``/``0``; absent is no).

    :raise BadRequest: any other value.
    """
    value = request.args.get(name)
    if value is None:
        return False
    if value.strip().lower() in _FLAGS:
        return _FLAGS[value.strip().lower()]
    raise BadRequest.on(name, "Give true or false.")


def requested_page() -> PageRequest:
    """``page`` and ``per_page`` of an API listing, refused when out of range (as described).

    :raise BadRequest: a page or size that is not a number in range.
    """
    return page_request(request.args, current_app.config["PAGE_SIZE"], allow_size=True, strict=True)


def register_api_modules() -> None:
    """Import each feature's API module so its routes join the blueprint (before registering)."""
    from app.auth import api as auth_api  # noqa: F401
    from app.clusters import api as clusters_api  # noqa: F401
    from app.datasets import api as datasets_api  # noqa: F401
    from app.main import api as main_api  # noqa: F401
    from app.notifications import api as notifications_api  # noqa: F401
    from app.opendata import api as opendata_api  # noqa: F401
    from app.organisation import api as organisation_api  # noqa: F401
    from app.partnerships import api as partnerships_api  # noqa: F401
    from app.pledges import api as pledges_api  # noqa: F401
    from app.questions import api as questions_api  # noqa: F401
    from app.workshops import api as workshops_api  # noqa: F401

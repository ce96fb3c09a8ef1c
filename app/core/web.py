"""What every feature's routes share: who is asking, safe redirects, fragments, role checks,
form errors, and the one set of error handlers answering HTML or JSON.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from functools import wraps
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlsplit

from flask import (
    Flask,
    current_app,
    flash,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_login import login_required as _flask_login_required
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from sqlalchemy.orm import Session
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Response

from app.core import policy
from app.core.errors import Moved, Refused, ServiceError
from app.extensions import htmx, login_manager
from models import User

log = logging.getLogger("app")

P = ParamSpec("P")
R = TypeVar("R")

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

# --- Who is asking -----------------------------------------------------------------------------


def viewer() -> User | None:
    """The signed-in member, or None for a visitor."""
    if not current_user.is_authenticated:
        return None
    user: User = current_user._get_current_object()
    return user


def member() -> User:
    """The signed-in member, in views that require a login."""
    user = viewer()
    if user is None:  # a view without login_required called this: a programming error
        raise RuntimeError("member() needs a signed-in user")
    return user


def safe_next(target: str | None, fallback: str | None = None) -> str:
    """A same-site relative path to go to next, or the fallback (the home page by default)."""
    local = target and target.startswith("/") and "//" not in target and "\\" not in target
    if target and local and not urlsplit(target).netloc:
        return target
    return url_for("main.index") if fallback is None else fallback


def same_site_path(url: str | None) -> str | None:
    """The path and query of a URL on this site (a Referer, say), or None."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != request.host:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path if safe_next(path, fallback="") else None


def is_fragment(target: str | None = None) -> bool:
    """Whether htmx asked for a fragment (swapped into ``target``, when one is named)."""
    if not htmx or htmx.history_restore_request:
        return False
    return target is None or htmx.target == target


def wants_json() -> bool:
    """True for API paths and clients that prefer JSON over HTML."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


# --- Role checks on views ----------------------------------------------------------------------


def login_required(view: Callable[P, R]) -> Callable[P, R | ResponseReturnValue]:
    """flask_login's ``login_required``, typed: a visitor is sent to log in instead."""
    wrapped: Callable[P, R | ResponseReturnValue] = _flask_login_required(view)
    return wrapped


def role_required(
    check: Callable[[User | None], bool],
) -> Callable[[Callable[P, R]], Callable[P, R | ResponseReturnValue]]:
    """Allow a view only to signed-in users for whom ``check`` holds: else log in, or 403."""

    def decorator(view: Callable[P, R]) -> Callable[P, R | ResponseReturnValue]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | ResponseReturnValue:
            if not current_user.is_authenticated:
                answer: ResponseReturnValue = login_manager.unauthorized()
                return answer
            if not check(viewer()):
                return _answer(403, "Not allowed", "Your account does not have permission.")
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = role_required(policy.can_administer)
facilitator_required = role_required(policy.can_curate)


# --- Sections other features add to the account page --------------------------------------

AccountSection = Callable[[Session, User], Mapping[str, Any]]
_ACCOUNT_SECTIONS: dict[str, AccountSection] = {}


def register_account_section(template: str, load: AccountSection) -> None:
    """Add a section to the member's account page: a template and what it needs to render.

    The account page belongs to ``auth``; features add what they hold of a member ("your
    questions") through here, so ``auth`` needs to know none of them.
    """
    _ACCOUNT_SECTIONS[template] = load


def account_sections(session: Session, user: User) -> list[Markup]:
    """Each registered section of the account page, rendered for this member."""
    return [
        Markup(render_template(template, **load(session, user)))
        for template, load in _ACCOUNT_SECTIONS.items()
    ]


# --- Downloads ---------------------------------------------------------------------------------


def json_attachment(data: Any, filename: str) -> Response:
    """A record as a JSON file to download, never kept by a cache (it may be personal)."""
    response = Response(json.dumps(data, indent=2, ensure_ascii=False), mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


# --- Forms -------------------------------------------------------------------------------------


def put_errors(form: FlaskForm, error: Refused) -> None:
    """Show a service's refusal beside the fields it names (on the form's first field if none)."""
    for name, messages in error.errors.items():
        target = form[name] if name in form else next(iter(form))
        target.errors = [*target.errors, *messages]


# --- Errors ------------------------------------------------------------------------------------

# Where a record that moved now lives, by the kind of record: kind -> (endpoint, id argument).
_MOVED_ENDPOINTS: dict[str, tuple[str, str]] = {}


def register_moved(kind: str, endpoint: str, id_argument: str) -> None:
    """Tell the ``Moved`` handler which page shows a record of this kind."""
    _MOVED_ENDPOINTS[kind] = (endpoint, id_argument)


TITLES = {
    400: "Bad request",
    401: "Please log in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Too large",
    422: "Check your input",
    429: "Too many requests",
    500: "Something went wrong",
    503: "Unavailable",
}
MESSAGES = {
    403: "Your account does not have permission to do this.",
    404: "There is nothing here. It may have been moved, hidden or never existed.",
    429: "You have done that too often in a short time. Please wait a little and try again.",
    500: "The error is logged. Please try again; if it keeps happening, tell us the reference.",
}


def request_id() -> str:
    """This request's id: the caller's ``X-Request-ID`` when well-formed, else a new one."""
    if "request_id" not in g:
        given = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
    return str(g.request_id)


def error_body(
    status: int,
    message: str,
    fields: Mapping[str, Sequence[str]] | None = None,
    details: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The JSON error body every API error uses."""
    body: dict[str, Any] = {
        "status": status,
        "title": TITLES.get(status, "Error"),
        "message": message,
        "request_id": request_id(),
    }
    if fields:
        body["fields"] = {name: list(errors) for name, errors in fields.items()}
    if details:
        body.update(details)
    return {"error": body}


def api_error(
    status: int, message: str, fields: Mapping[str, Sequence[str]] | None = None
) -> tuple[Response, int]:
    """A JSON error answer naming the fields at fault."""
    return jsonify(error_body(status, message, fields)), status


def _answer(
    status: int,
    title: str,
    message: str,
    fields: Mapping[str, Sequence[str]] | None = None,
    details: Mapping[str, Any] | None = None,
) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify(error_body(status, message, fields, details)), status
    page = render_template(
        "errors/error.html",
        status=status,
        title=title,
        message=message,
        fields=fields or {},
        request_id=request_id(),
    )
    return page, status


def _rollback() -> None:
    session = g.get("db_session")
    if session is not None:
        session.rollback()


def _handle_service_error(error: ServiceError) -> ResponseReturnValue:
    _rollback()  # whatever the use case had begun is not kept
    if isinstance(error, Moved) and not wants_json() and error.kind in _MOVED_ENDPOINTS:
        endpoint, argument = _MOVED_ENDPOINTS[error.kind]
        flash(error.message, "info")
        values: dict[str, Any] = {argument: error.to_id}
        return redirect(url_for(endpoint, **values))
    if isinstance(error, Refused) and not wants_json() and request.method == "POST":
        back = safe_next(request.form.get("next"), fallback="") or same_site_path(request.referrer)
        if back and not htmx:  # a button with no form to re-show: say why on the page it was on
            flash(error.message, "info")
            return redirect(back)
    fields = error.errors if isinstance(error, Refused) else None
    return _answer(error.status, error.title, error.message, fields, error.details)


def _handle_http(error: HTTPException) -> ResponseReturnValue:
    status = error.code or 500
    if status >= 500:
        _rollback()
    title = TITLES.get(status, error.name)
    body, status = _answer(status, title, MESSAGES.get(status, error.description or ""))
    # What the client needs to try again: the methods allowed (405), when to retry (429, 503).
    kept = [(k, v) for k, v in error.get_headers() if k in {"Allow", "Retry-After"}]
    return body, status, kept


def _handle_csrf(_error: CSRFError) -> ResponseReturnValue:
    return _answer(
        400,
        "This form has expired",
        "The page was open too long or the form was sent from elsewhere. "
        "Go back, reload the page and try again.",
    )


def _handle_unexpected(error: Exception) -> ResponseReturnValue:
    _rollback()
    if isinstance(error, HTTPException) and not isinstance(error, InternalServerError):
        return _handle_http(error)
    original = getattr(error, "original_exception", None) or error
    log.error(
        "unhandled error [request %s] %s %s",
        request_id(),
        request.method,
        request.path,
        exc_info=original,
    )
    return _handle_http(InternalServerError())


def _tag_response(response: Response) -> Response:
    if "request_id" in g:
        response.headers.setdefault(REQUEST_ID_HEADER, str(g.request_id))
    return response


def register_error_handlers(app: Flask) -> None:
    """Install the one set of handlers on the app."""
    app.register_error_handler(ServiceError, _handle_service_error)
    app.register_error_handler(CSRFError, _handle_csrf)
    app.register_error_handler(HTTPException, _handle_http)
    if not app.testing:
        app.register_error_handler(Exception, _handle_unexpected)
    app.register_error_handler(500, _handle_unexpected)
    app.after_request(_tag_response)
    app.jinja_env.globals.update(
        can_curate=policy.can_curate,
        can_administer=policy.can_administer,
        can_restart_job=policy.can_restart_job,
    )


def this_app() -> Flask:
    """The app itself rather than its proxy, for work that outlives the request (a job's
    thread)."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    return app


def read_upload(form: Any, max_bytes: int, missing: str) -> tuple[str, bytes] | None:
    """(file name, content) of the form's posted ``file``, read to one byte past ``max_bytes``
    (enough to refuse a file over the limit); None, with ``missing`` set as the field's error,
    when the form does not validate or no file came."""
    upload = request.files.get("file")
    if not form.validate_on_submit() or upload is None or not upload.filename:
        form.file.errors = [missing]
        return None
    try:
        return upload.filename, upload.read(max_bytes + 1)
    finally:
        upload.close()

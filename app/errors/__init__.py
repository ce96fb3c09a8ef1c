"""Error pages: JSON for the API and for JSON clients, HTML for people."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Response


def wants_json() -> bool:
    """True for API paths and clients that prefer JSON over HTML."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def _rollback() -> None:
    session = g.get("db_session")
    if session is not None:
        session.rollback()


def _render(status: int, title: str, message: str) -> tuple[Response | str, int]:
    if wants_json():
        return jsonify(error={"status": status, "title": title, "message": message}), status
    return render_template("errors/error.html", status=status, title=title, message=message), status


def _handle_http(error: HTTPException) -> tuple[Response | str, int]:
    status = error.code or 500
    if status >= 500:
        _rollback()
    titles = {
        400: "Bad request",
        401: "Please log in",
        403: "Not allowed",
        404: "Not found",
        405: "Method not allowed",
        413: "Too large",
        422: "Check your input",
        429: "Too many requests",
    }
    messages = {
        403: "Your account does not have permission to do this.",
        404: "There is nothing here. It may have been moved, hidden or never existed.",
        429: "You have done that too often in a short time. Please wait a little and try again.",
    }
    return _render(
        status, titles.get(status, error.name), messages.get(status, error.description or "")
    )


def _handle_csrf(error: CSRFError) -> tuple[Response | str, int]:
    return _render(
        400,
        "This form has expired",
        "The page was open too long or the form was sent from elsewhere. "
        "Go back, reload the page and try again.",
    )


def _handle_unexpected(error: Exception) -> tuple[Response | str, int]:
    _rollback()
    if isinstance(error, HTTPException):
        return _handle_http(error)
    return _handle_http(InternalServerError())


def register_error_handlers(app: Flask) -> None:
    """Install the handlers on the app."""
    app.register_error_handler(CSRFError, _handle_csrf)
    app.register_error_handler(HTTPException, _handle_http)
    if not app.testing:
        app.register_error_handler(Exception, _handle_unexpected)
    app.register_error_handler(500, _handle_unexpected)

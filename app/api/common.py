"""Helpers shared by the API's resource modules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from flask import jsonify, request
from werkzeug.wrappers import Response


def api_error(
    status: int, message: str, fields: Mapping[str, Sequence[str]] | None = None
) -> tuple[Response, int]:
    """A JSON error body naming the fields at fault."""
    titles = {400: "Bad request", 404: "Not found", 409: "Conflict", 422: "Check your input"}
    body: dict[str, Any] = {
        "status": status,
        "title": titles.get(status, "Error"),
        "message": message,
    }
    if fields:
        body["fields"] = {name: list(errors) for name, errors in fields.items()}
    return jsonify(error=body), status


def json_body() -> dict[str, Any] | None:
    """The request's JSON object, or None when the body is not a JSON object."""
    data = request.get_json(silent=True)
    return data if isinstance(data, dict) else None


def page_args(default_size: int = 20, max_size: int = 100) -> tuple[int, int]:
    """``page`` and ``per_page`` from the query string, clamped to sane values."""
    page = request.args.get("page", 1, type=int) or 1
    per_page = request.args.get("per_page", default_size, type=int) or default_size
    return max(page, 1), min(max(per_page, 1), max_size)

"""API v1: the service's health, and the OpenAPI description of the whole API."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify
from werkzeug.wrappers import Response

from app.api import bp
from app.db import get_session
from app.main.service import bank_counts


@bp.get("/health")
def health() -> Response:
    """Liveness, what the bank holds, and which embedding model it uses."""
    return jsonify(
        status="ok",
        counts=bank_counts(get_session()).as_dict(),
        model=current_app.config["EMBEDDING_MODEL"],
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI description of this API."""
    from app.api.openapi import openapi_document

    return jsonify(openapi_document())


MAIN_PATHS: dict[str, Any] = {
    "/health": {
        "get": {
            "summary": "Liveness, counts and the embedding model",
            "security": [],
            "responses": {"200": {"description": "The service is up"}},
        }
    },
}

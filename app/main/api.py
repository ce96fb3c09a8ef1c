"""API v1: the service's health, and the OpenAPI description of the whole API."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify
from werkzeug.wrappers import Response

from app.api import bp
from app.bank.embeddings import embedder
from app.db import get_session, unavailable_reason
from app.main.service import bank_counts


@bp.get("/health")
def health() -> Response | tuple[Response, int]:
    """Liveness, what the bank holds, and which embedding model it uses; 503 with the reason
    when the database or the model is unavailable."""
    model = current_app.config["EMBEDDING_MODEL"]
    reasons = [reason for reason in (unavailable_reason(), _model_problem()) if reason]
    if reasons:
        return jsonify(status="unavailable", reasons=reasons, model=model), 503
    return jsonify(
        status="ok",
        counts=bank_counts(get_session()).as_dict(),
        model=model,
        model_loaded=embedder().is_loaded,
    )


def _model_problem() -> str | None:
    """Why the embedding model cannot be used, or None (it need not be loaded yet)."""
    try:
        model = embedder()
    except Exception as error:  # any failure to find or read the model means the same here
        return f"the embedding model cannot be found ({type(error).__name__})"
    if not model.weights_path.is_file():
        return f"the embedding model's weights are missing ({model.weights_path.name})"
    return None


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
            "responses": {
                "200": {"description": "The service is up"},
                "503": {"description": "The database or the embedding model is unavailable"},
            },
        }
    },
}

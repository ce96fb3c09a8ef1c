"""JSON endpoints."""

from __future__ import annotations

from flask import current_app, jsonify
from flask_login import current_user, login_required
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


@bp.get("/me")
@login_required
def me() -> Response:
    """The member the request is authenticated as."""
    return jsonify(
        id=current_user.id,
        email=current_user.email,
        display_name=current_user.display_name,
        role=current_user.role.value,
        organisation={
            "id": current_user.organisation.id,
            "name": current_user.organisation.name,
            "sector": current_user.organisation.sector.value,
        },
    )


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI description of this API."""
    from app.api.openapi import openapi_document

    return jsonify(openapi_document())

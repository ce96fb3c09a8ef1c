"""JSON endpoints."""

from __future__ import annotations

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

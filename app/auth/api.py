"""API v1: the member a request is authenticated as."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from werkzeug.wrappers import Response

from app.api import bp
from app.core.serializers import ERROR_RESPONSE
from app.core.web import login_required, member


@bp.get("/me")
@login_required
def me() -> Response:
    """The member the request is authenticated as."""
    user = member()
    return jsonify(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        role=user.role.value,
        organisation={
            "id": user.organisation.id,
            "name": user.organisation.name,
            "sector": user.organisation.sector.value,
        },
    )


AUTH_PATHS: dict[str, Any] = {
    "/me": {
        "get": {
            "summary": "The member the request is authenticated as",
            "responses": {"200": {"description": "The member"}, "401": ERROR_RESPONSE},
        }
    },
}

"""API v1: the caller's organisation, for its admins: its record, and closing it."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from werkzeug.wrappers import Response

from app.api import bp, json_body
from app.bank.index import question_index
from app.bank.organisations import (
    EXPORT_FORMAT,
    ORGANISATION_ROWS,
    close_organisation,
    organisation_record,
)
from app.core.serializers import ERROR_RESPONSE, json_response
from app.core.web import login_required, member
from app.db import get_session


@bp.get("/me/organisation/export")
@login_required
def my_organisation_export() -> Response:
    """Everything the bank holds about the caller's organisation (its admins)."""
    user = member()
    response = jsonify(organisation_record(get_session(), user, user.organisation_id))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.delete("/me/organisation")
@login_required
def my_organisation_close() -> Response:
    """Close the caller's organisation, its name given to confirm (its admins); every account
    in it goes, the caller's too."""
    confirm = json_body().get("confirm")
    user = member()
    removed = close_organisation(
        get_session(), user, user.organisation_id, confirm if isinstance(confirm, str) else ""
    )
    question_index().forget(removed)
    return Response(status=204)


ORGANISATION_PATHS: dict[str, Any] = {
    "/me/organisation": {
        "delete": {
            "summary": "Close your organisation (its admins): every member's account is deleted, "
            "yours too, its questions removed, its datasets retired and their live pledges "
            "withdrawn; your tokens stop working",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "confirm": {
                                    "type": "string",
                                    "description": "The organisation's name, to confirm",
                                }
                            },
                            "required": ["confirm"],
                        }
                    }
                },
            },
            "responses": {
                "204": {"description": "The organisation is closed"},
                "403": ERROR_RESPONSE,
                "409": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        }
    },
    "/me/organisation/export": {
        "get": {
            "summary": "Everything the bank holds about your organisation (its admins): itself, "
            "its members, questions, datasets, pledges and partnerships",
            "responses": {
                "200": json_response(
                    {
                        "type": "object",
                        "properties": {
                            "format": {"type": "string", "enum": [EXPORT_FORMAT]},
                            "organisation": {"type": "object"},
                            **{row[0]: {"type": "array"} for row in ORGANISATION_ROWS},
                        },
                        "required": ["format", "organisation", *(r[0] for r in ORGANISATION_ROWS)],
                    },
                    "Your organisation's record",
                ),
                "403": ERROR_RESPONSE,
            },
        }
    },
}

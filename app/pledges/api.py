"""API v1: pledging a dataset and moving a pledge along, over the pages' services."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import jsonify, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from app.api import body_id, bp, json_body
from app.api.idempotency import KEY_PARAMETER, idempotent, replayable
from app.core.errors import Refused
from app.core.member_serializers import PLEDGE_SCHEMA, pledge_json
from app.core.serializers import (
    ERROR_RESPONSE,
    ID_SCHEMA,
    OPTIONAL_ID_SCHEMA,
    JsonSchema,
    id_parameter,
    json_response,
)
from app.core.web import login_required, member, viewer
from app.db import get_session
from app.pledges.rules import CONDITIONS, NEXT_STATUSES, NOTE_MAX, STATUS_NOTE_MAX
from app.pledges.service import PledgeDraft, change_status, get_pledge, make_pledge
from models import Pledge, PledgeStatus


def _text(body: dict[str, Any], name: str) -> str:
    value = body.get(name, "")
    if not isinstance(value, str):
        raise Refused.on(name, "Give text.")
    return value


def _draft(body: dict[str, Any]) -> PledgeDraft:
    conditions = body.get("conditions", [])
    if not isinstance(conditions, list) or not all(isinstance(c, str) for c in conditions):
        raise Refused.on("conditions", "Give a list of condition names.")
    raw_date = body.get("available_from")
    try:
        available = date.fromisoformat(raw_date) if raw_date else None
    except (TypeError, ValueError):
        raise Refused.on("available_from", "Give a date as YYYY-MM-DD.") from None
    return PledgeDraft(
        dataset_id=body_id(body, "dataset_id"),
        question_id=body_id(body, "question_id"),
        cluster_id=body_id(body, "cluster_id"),
        conditions=conditions,
        note=_text(body, "note"),
        available_from=available,
        accept_terms=body.get("accept_terms") is True,
    )


def _one(pledge: Pledge) -> dict[str, Any]:
    return pledge_json(pledge, pledge.question)


@bp.post("/pledges")
@login_required
@idempotent
def pledges_create() -> ResponseReturnValue:
    """Pledge a dataset of the caller's organisation toward a question or a group."""
    pledge = make_pledge(get_session(), member(), _draft(json_body()))
    response = jsonify(_one(pledge))
    response.headers["Location"] = url_for("api.pledges_get", pledge_id=pledge.id)
    return response, 201


@bp.get("/pledges/<int:pledge_id>")
def pledges_get(pledge_id: int) -> Response:
    """One pledge, if the caller may read it."""
    return jsonify(_one(get_pledge(get_session(), viewer(), pledge_id)))


@bp.patch("/pledges/<int:pledge_id>")
@login_required
def pledges_update(pledge_id: int) -> Response:
    """Move a pledge along (members of the holder organisation only)."""
    body = json_body()
    status = body.get("status")
    pledge = change_status(
        get_session(),
        member(),
        pledge_id,
        status if isinstance(status, str) else None,
        _text(body, "note"),
    )
    return jsonify(_one(pledge))


_PLEDGE_ID = id_parameter("pledge_id")
_NEW_PLEDGE: JsonSchema = {
    "type": "object",
    "required": ["dataset_id", "accept_terms"],
    "description": "Exactly one of question_id and cluster_id.",
    "properties": {
        "dataset_id": {**ID_SCHEMA, "description": "A dataset your organisation holds"},
        "question_id": OPTIONAL_ID_SCHEMA,
        "cluster_id": OPTIONAL_ID_SCHEMA,
        "conditions": {
            "type": "array",
            "items": {"type": "string", "enum": [c.value for c in CONDITIONS]},
        },
        "note": {"type": "string", "maxLength": NOTE_MAX},
        "available_from": {"type": "string", "format": "date"},
        "accept_terms": {
            "const": True,
            "description": "The pledger accepts the terms of use (the asset lock)",
        },
    },
}
_STATUS_CHANGE: JsonSchema = {
    "type": "object",
    "required": ["status"],
    "properties": {
        "status": {
            "type": "string",
            "enum": sorted({s.value for nexts in NEXT_STATUSES.values() for s in nexts}),
            "description": "; ".join(
                f"from {s.value}: {', '.join(n.value for n in NEXT_STATUSES[s]) or 'final'}"
                for s in PledgeStatus
            ),
        },
        "note": {"type": "string", "maxLength": STATUS_NOTE_MAX},
    },
}
_BODY = {"required": True, "content": {"application/json": {"schema": _NEW_PLEDGE}}}

PLEDGE_PATHS: dict[str, Any] = {
    "/pledges": {
        "post": {
            "summary": "Pledge a dataset toward a question or a group",
            "parameters": [KEY_PARAMETER],
            "requestBody": _BODY,
            "responses": {
                "201": replayable(json_response(PLEDGE_SCHEMA, "The pledge")),
                "400": ERROR_RESPONSE,
                "401": ERROR_RESPONSE,
                "403": ERROR_RESPONSE,
                "404": ERROR_RESPONSE,
                "409": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        }
    },
    "/pledges/{pledge_id}": {
        "get": {
            "summary": "One pledge",
            "security": [{}, {"bearerAuth": []}, {"cookieAuth": []}],
            "parameters": [_PLEDGE_ID],
            "responses": {"200": json_response(PLEDGE_SCHEMA, "The pledge"), "404": ERROR_RESPONSE},
        },
        "patch": {
            "summary": "Change a pledge's status (members of the holder organisation)",
            "parameters": [_PLEDGE_ID],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _STATUS_CHANGE}},
            },
            "responses": {
                "200": json_response(PLEDGE_SCHEMA, "The pledge"),
                "403": ERROR_RESPONSE,
                "404": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        },
    },
}

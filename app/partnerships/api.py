"""API v1: partnerships, and joining them (invite, ask to join, accept, decline)."""

from __future__ import annotations

from typing import Any

from flask import jsonify, url_for
from werkzeug.wrappers import Response

from app.api import FLAG_SCHEMA, arg_flag, arg_id, body_id, bp, json_body, requested_page
from app.core.errors import Refused
from app.core.member_serializers import PARTNERSHIP_SCHEMA, partnership_json
from app.core.policy import is_partner
from app.core.serializers import (
    ERROR_RESPONSE,
    OPTIONAL_ID_SCHEMA,
    PAGING_PARAMETERS,
    JsonSchema,
    id_parameter,
    json_response,
    paged_schema,
)
from app.core.web import login_required, member, viewer
from app.db import get_session
from app.partnerships.membership import ask_to_join, invite, respond
from app.partnerships.rules import MEMBER_ACTIONS, TITLE_MAX
from app.partnerships.service import get_partnership, list_partnerships, start_partnership
from models import PartnerRole, Partnership


def _one(partnership: Partnership) -> dict[str, Any]:
    return partnership_json(partnership, private=is_partner(viewer(), partnership))


@bp.get("/partnerships")
def partnerships_list() -> Response:
    """Partnerships the caller may see, newest first; ``mine=1`` for the caller's own."""
    at = requested_page()
    page = list_partnerships(
        get_session(),
        viewer(),
        at,
        cluster_id=arg_id("cluster_id"),
        question_id=arg_id("question_id"),
        mine=arg_flag("mine"),
    )
    return jsonify(**page.as_dict([_one(p) for p in page.items]))


@bp.post("/partnerships")
@login_required
def partnerships_create() -> tuple[Response, int]:
    """Start a partnership around a group or a question; the caller leads it."""
    body = json_body()
    title = body.get("title")
    if title is not None and not isinstance(title, str):
        raise Refused.on("title", "Give text.")
    created = start_partnership(
        get_session(),
        member(),
        title,
        cluster_id=body_id(body, "cluster_id"),
        question_id=body_id(body, "question_id"),
    )
    response = jsonify(_one(get_partnership(get_session(), member(), created.id)))
    response.headers["Location"] = url_for("api.partnerships_get", partnership_id=created.id)
    return response, 201


@bp.get("/partnerships/<int:partnership_id>")
def partnerships_get(partnership_id: int) -> Response:
    """One partnership; its members, log and checklist only for its members."""
    return jsonify(_one(get_partnership(get_session(), viewer(), partnership_id)))


@bp.post("/partnerships/<int:partnership_id>/members")
@login_required
def partnerships_members(partnership_id: int) -> Response:
    """Invite someone, ask to join, or accept or decline an invitation or a request."""
    body = json_body()
    action = body.get("action")
    if not isinstance(action, str) or action not in MEMBER_ACTIONS:
        raise Refused.on("action", f"Give one of: {', '.join(MEMBER_ACTIONS)}.")
    session, user = get_session(), member()
    role = body.get("role") if isinstance(body.get("role"), str) else None
    if action == "invite":
        email = body.get("email") if isinstance(body.get("email"), str) else None
        invite(session, user, partnership_id, role, user_id=body_id(body, "user_id"), email=email)
    elif action == "join":
        ask_to_join(session, user, partnership_id, role)
    else:  # accept or decline
        member_id = body_id(body, "member_id")
        if member_id is None:
            raise Refused.on("member_id", "Give the id of the invitation or request.")
        respond(session, user, partnership_id, member_id, action == "accept")
    return jsonify(_one(get_partnership(session, user, partnership_id)))


_ID = id_parameter("partnership_id")
_QUERY_ID = [id_parameter(name, "query") for name in ("cluster_id", "question_id")]
_NEW: JsonSchema = {
    "type": "object",
    "description": "Exactly one of cluster_id and question_id.",
    "properties": {
        "title": {"type": "string", "maxLength": TITLE_MAX},
        "cluster_id": OPTIONAL_ID_SCHEMA,
        "question_id": OPTIONAL_ID_SCHEMA,
    },
}
_MEMBERS: JsonSchema = {
    "type": "object",
    "required": ["action"],
    "description": "invite: user_id or email, and role (members of the partnership); join: "
    "role; accept / decline: member_id (the invitee answers an invitation, a lead a request).",
    "properties": {
        "action": {"type": "string", "enum": list(MEMBER_ACTIONS)},
        "user_id": OPTIONAL_ID_SCHEMA,
        "email": {"type": "string", "format": "email"},
        "role": {"type": "string", "enum": [role.value for role in PartnerRole]},
        "member_id": OPTIONAL_ID_SCHEMA,
    },
}
_ERRORS = {code: ERROR_RESPONSE for code in ("403", "404", "409", "422")}

PARTNERSHIP_PATHS: dict[str, Any] = {
    "/partnerships": {
        "get": {
            "summary": "Partnerships you may see, newest first",
            "security": [{}, {"bearerAuth": []}, {"cookieAuth": []}],
            "parameters": [
                *_QUERY_ID,
                {
                    "name": "mine",
                    "in": "query",
                    "description": "Only partnerships you are in.",
                    "schema": FLAG_SCHEMA,
                },
                *PAGING_PARAMETERS,
            ],
            "responses": {
                "200": json_response(paged_schema(PARTNERSHIP_SCHEMA), "One page"),
                "400": ERROR_RESPONSE,
            },
        },
        "post": {
            "summary": "Start a partnership around a group or a question",
            "requestBody": {"required": True, "content": {"application/json": {"schema": _NEW}}},
            "responses": {"201": json_response(PARTNERSHIP_SCHEMA, "The partnership"), **_ERRORS},
        },
    },
    "/partnerships/{partnership_id}": {
        "get": {
            "summary": "One partnership (members also get its people, log and checklist)",
            "security": [{}, {"bearerAuth": []}, {"cookieAuth": []}],
            "parameters": [_ID],
            "responses": {
                "200": json_response(PARTNERSHIP_SCHEMA, "The partnership"),
                "404": ERROR_RESPONSE,
            },
        }
    },
    "/partnerships/{partnership_id}/members": {
        "post": {
            "summary": "Invite, ask to join, accept or decline",
            "parameters": [_ID],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _MEMBERS}},
            },
            "responses": {"200": json_response(PARTNERSHIP_SCHEMA, "The partnership"), **_ERRORS},
        }
    },
}

"""API v1: the caller's notifications."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from werkzeug.wrappers import Response

from app.api import FLAG_SCHEMA, arg_flag, body_ids, bp, json_body, requested_page
from app.core.errors import Refused
from app.core.member_serializers import NOTIFICATION_SCHEMA, notification_json
from app.core.serializers import (
    ERROR_RESPONSE,
    ID_SCHEMA,
    PAGING_PARAMETERS,
    json_response,
    paged_schema,
)
from app.core.web import login_required, member
from app.db import get_session
from app.notifications.service import list_notifications, mark_many_read, unread_count


@bp.get("/notifications")
@login_required
def notifications_list() -> Response:
    """The caller's notifications, newest first, paged; ``unread=1`` for unread ones only."""
    user = member()
    at = requested_page()
    unread_only = arg_flag("unread")
    page = list_notifications(get_session(), user, at, unread_only)
    return jsonify(
        unread=unread_count(get_session(), user.id),
        **page.as_dict([notification_json(n) for n in page.items]),
    )


@bp.post("/notifications/read")
@login_required
def notifications_read() -> Response:
    """Mark the caller's notifications read: ``{"ids": [...]}``, or ``{"all": true}``."""
    body = json_body()
    everything = body.get("all", False)
    if not isinstance(everything, bool):
        raise Refused.on("all", "Give true or false.")
    chosen = None
    if not everything:
        chosen = body_ids(body, "ids")
        if chosen is None:
            raise Refused.on("ids", 'Give a list of notification ids, or "all": true.')
    user = member()
    changed = mark_many_read(get_session(), user, chosen)
    return jsonify(marked=changed, unread=unread_count(get_session(), user.id))


_COUNTS: dict[str, Any] = {"type": "integer"}
NOTIFICATION_PATHS: dict[str, Any] = {
    "/notifications": {
        "get": {
            "summary": "Your notifications, newest first",
            "parameters": [
                {
                    "name": "unread",
                    "in": "query",
                    "description": "Only the unread ones.",
                    "schema": FLAG_SCHEMA,
                },
                *PAGING_PARAMETERS,
            ],
            "responses": {
                "200": json_response(paged_schema(NOTIFICATION_SCHEMA, unread=_COUNTS), "One page"),
                "401": ERROR_RESPONSE,
            },
        }
    },
    "/notifications/read": {
        "post": {
            "summary": "Mark notifications read",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "ids": {"type": "array", "items": ID_SCHEMA},
                                "all": {"type": "boolean"},
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": json_response(
                    {"type": "object", "properties": {"marked": _COUNTS, "unread": _COUNTS}},
                    "How many were marked, and how many are still unread",
                ),
                "422": ERROR_RESPONSE,
            },
        }
    },
}

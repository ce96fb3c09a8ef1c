"""The JSON shapes of what members do together: pledges, partnerships, notifications, and
their own API tokens, each with its JSON Schema beside it (see ``serializers`` for the bank's
resources: questions, groups, datasets, matches)."""

from __future__ import annotations

from typing import Any

from flask import url_for

from app.core.serializers import DATASET_SCHEMA, JsonSchema, dataset_json, timestamp
from models import (
    ApiToken,
    MemberStatus,
    Notification,
    PartnerRole,
    Partnership,
    PartnershipStatus,
    Pledge,
    PledgeCondition,
    PledgeStatus,
    Question,
)


def pledge_json(pledge: Pledge, question: Question | None) -> dict[str, Any]:
    """A pledge of a dataset, naming its question only when the viewer may read it."""
    return {
        "id": pledge.id,
        "dataset": dataset_json(pledge.dataset),
        "status": pledge.status.value,
        "conditions": pledge.conditions,
        "condition_kinds": list(pledge.condition_kinds or []),
        "available_from": pledge.available_from.isoformat() if pledge.available_from else None,
        "terms": pledge.terms.splitlines() if pledge.terms else [],
        "terms_accepted_at": timestamp(pledge.terms_accepted_at),
        "question_id": question.id if question else None,
        "cluster_id": pledge.cluster_id,
        "on_group": pledge.cluster_id is not None,
        "url": url_for("pledges.show", pledge_id=pledge.id),
    }


PLEDGE_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "dataset": DATASET_SCHEMA,
        "status": {"type": "string", "enum": [status.value for status in PledgeStatus]},
        "conditions": {"type": "string", "description": "The holder's note on the conditions"},
        "condition_kinds": {
            "type": "array",
            "items": {"type": "string", "enum": [c.value for c in PledgeCondition]},
        },
        "available_from": {"type": ["string", "null"], "format": "date"},
        "terms": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The terms of use (the asset lock) the pledger accepted",
        },
        "terms_accepted_at": {"type": ["string", "null"], "format": "date-time"},
        "question_id": {"type": ["integer", "null"]},
        "cluster_id": {"type": ["integer", "null"]},
        "on_group": {"type": "boolean"},
        "url": {"type": "string", "description": "The pledge's web page"},
    },
}


def partnership_json(partnership: Partnership, private: bool) -> dict[str, Any]:
    """A partnership: title, status, member organisations; with ``private`` (members only)
    its people, pending invitations and requests, log and checklist too."""
    active = [m for m in partnership.members if m.status is MemberStatus.ACTIVE]
    body: dict[str, Any] = {
        "id": partnership.id,
        "title": partnership.title,
        "status": partnership.status.value,
        "cluster_id": partnership.cluster_id,
        "question_id": partnership.question_id,
        "organisations": list(dict.fromkeys(m.user.organisation.name for m in active)),
        "url": url_for("partnerships.show", partnership_id=partnership.id),
    }
    if private:
        body["members"] = [
            {
                "id": m.id,
                "user_id": m.user_id,
                "name": m.user.display_name,
                "organisation": m.user.organisation.name,
                "role": m.role.value,
                "status": m.status.value,
                "lead": m.is_lead,
            }
            for m in partnership.members
        ]
        body["log"] = [
            {"kind": e.kind.value, "text": e.text, "created_at": timestamp(e.created_at)}
            for e in partnership.log_entries
        ]
        body["checklist"] = {
            c.item.value: {"ticked_at": timestamp(c.ticked_at)} for c in partnership.checks
        }
    return body


_MEMBER_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "description": "The membership's id (to accept or decline)"},
        "user_id": {"type": "integer"},
        "name": {"type": "string"},
        "organisation": {"type": "string"},
        "role": {"type": "string", "enum": [role.value for role in PartnerRole]},
        "status": {"type": "string", "enum": [status.value for status in MemberStatus]},
        "lead": {"type": "boolean"},
    },
}
PARTNERSHIP_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "status": {"type": "string", "enum": [status.value for status in PartnershipStatus]},
        "cluster_id": {"type": ["integer", "null"]},
        "question_id": {"type": ["integer", "null"]},
        "organisations": {"type": "array", "items": {"type": "string"}},
        "url": {"type": "string"},
        "members": {
            "type": "array",
            "items": _MEMBER_SCHEMA,
            "description": "Members of the partnership only",
        },
        "log": {"type": "array", "items": {"type": "object"}, "description": "Members only"},
        "checklist": {"type": "object", "description": "Ticked items; members only"},
    },
}


def notification_json(notification: Notification) -> dict[str, Any]:
    """A notification of the caller's."""
    return {
        "id": notification.id,
        "kind": notification.kind,
        "text": notification.text,
        "link": notification.link,
        "read": notification.read_at is not None,
        "created_at": timestamp(notification.created_at),
    }


NOTIFICATION_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "kind": {"type": "string"},
        "text": {"type": "string"},
        "link": {"type": "string"},
        "read": {"type": "boolean"},
        "created_at": {"type": "string", "format": "date-time"},
    },
}


def token_json(token: ApiToken, live: bool) -> dict[str, Any]:
    """A personal API token as its owner sees it: never the secret, only how it starts."""
    return {
        "id": token.id,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": timestamp(token.created_at),
        "last_used_at": timestamp(token.last_used_at),
        "expires_at": timestamp(token.expires_at),
        "revoked": token.revoked_at is not None,
        "live": live,
    }


TOKEN_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "name": {"type": "string"},
        "prefix": {"type": "string", "description": "The first characters of the secret"},
        "created_at": {"type": "string", "format": "date-time"},
        "last_used_at": {"type": ["string", "null"], "format": "date-time"},
        "expires_at": {"type": ["string", "null"], "format": "date-time"},
        "revoked": {"type": "boolean"},
        "live": {"type": "boolean"},
    },
}

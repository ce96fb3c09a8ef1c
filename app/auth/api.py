"""API v1: the member a request is authenticated as, their API tokens, and their data."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from werkzeug.wrappers import Response

from app.api import bp, json_body
from app.auth.service import erase_account
from app.auth.tokens import (
    DEFAULT_LIFETIME,
    LIFETIMES,
    NAME_MAX,
    create_api_token,
    is_live,
    list_tokens,
    revoke_token,
)
from app.bank.index import question_index
from app.bank.personal import EXPORT_FORMAT, personal_data
from app.core.errors import Refused
from app.core.member_serializers import TOKEN_SCHEMA, token_json
from app.core.serializers import ERROR_RESPONSE, id_parameter, json_response
from app.core.web import login_required, member
from app.db import get_session


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
        organisation_role=user.organisation_role.value,
        organisation={
            "id": user.organisation.id,
            "name": user.organisation.name,
            "sector": user.organisation.sector.value,
        },
    )


@bp.get("/tokens")
@login_required
def tokens_list() -> Response:
    """The caller's API tokens, newest first (never their secrets)."""
    found = list_tokens(get_session(), member())
    return jsonify(items=[token_json(token, is_live(token)) for token in found])


@bp.post("/tokens")
@login_required
def tokens_create() -> tuple[Response, int]:
    """Issue a token; the secret is in this answer only."""
    body = json_body()
    name, lifetime = body.get("name", ""), body.get("lifetime", DEFAULT_LIFETIME)
    if not isinstance(name, str) or not isinstance(lifetime, str):
        raise Refused.on("name" if not isinstance(name, str) else "lifetime", "Give a string.")
    issued = create_api_token(get_session(), member(), name, lifetime)
    return jsonify(token=token_json(issued.token, True), secret=issued.secret), 201


@bp.delete("/tokens/<int:token_id>")
@login_required
def tokens_revoke(token_id: int) -> Response:
    """Revoke one of the caller's tokens."""
    token = revoke_token(get_session(), member(), token_id)
    return jsonify(token_json(token, is_live(token)))


@bp.get("/me/export")
@login_required
def me_export() -> Response:
    """Everything the bank holds about the caller and their contributions."""
    response = jsonify(personal_data(get_session(), member()))
    response.headers["Cache-Control"] = "no-store"
    return response


# What becomes of the caller's questions when they delete their account.
QUESTION_CHOICES = ("anonymise", "remove")


@bp.delete("/me")
@login_required
def me_delete() -> Response:
    """Delete the caller's account; their questions stay anonymous or go, as they choose."""
    choice = json_body().get("questions")
    if choice not in QUESTION_CHOICES:
        raise Refused.on("questions", "Give “anonymise” or “remove”.")
    removed = erase_account(get_session(), member(), choice == "anonymise")
    question_index().forget(removed)
    return Response(status=204)


_TOKEN_ID = id_parameter("token_id")
_ERRORS = {"401": ERROR_RESPONSE, "404": ERROR_RESPONSE}

AUTH_PATHS: dict[str, Any] = {
    "/me": {
        "get": {
            "summary": "The member the request is authenticated as",
            "responses": {"200": {"description": "The member"}, "401": ERROR_RESPONSE},
        },
        "delete": {
            "summary": "Delete your account: your questions stay as anonymous contributions of "
            "your organisation, or are removed with their supports; your tokens stop working",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "questions": {"type": "string", "enum": list(QUESTION_CHOICES)}
                            },
                            "required": ["questions"],
                        }
                    }
                },
            },
            "responses": {
                "204": {"description": "The account is deleted"},
                "400": ERROR_RESPONSE,
                "401": ERROR_RESPONSE,
                "409": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        },
    },
    "/me/export": {
        "get": {
            "summary": "Everything the bank holds about you (account, questions, supports, "
            "pledges, partnerships, workshop scores, notifications)",
            "responses": {
                "200": json_response(
                    {
                        "type": "object",
                        "properties": {
                            "format": {"type": "string", "enum": [EXPORT_FORMAT]},
                            "account": {"type": "object"},
                        },
                        "required": ["format", "account", "questions", "supports", "pledges"],
                    },
                    "Your data",
                ),
                "401": ERROR_RESPONSE,
            },
        }
    },
    "/tokens": {
        "get": {
            "summary": "Your API tokens",
            "responses": {
                "200": json_response(
                    {
                        "type": "object",
                        "properties": {"items": {"type": "array", "items": TOKEN_SCHEMA}},
                    },
                    "Your tokens, newest first",
                ),
                "401": ERROR_RESPONSE,
            },
        },
        "post": {
            "summary": "Issue a new API token (its secret is shown in this answer only)",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "name": {"type": "string", "maxLength": NAME_MAX},
                                "lifetime": {
                                    "type": "string",
                                    "enum": list(LIFETIMES),
                                    "default": DEFAULT_LIFETIME,
                                },
                            },
                        }
                    }
                },
            },
            "responses": {
                "201": json_response(
                    {
                        "type": "object",
                        "properties": {"token": TOKEN_SCHEMA, "secret": {"type": "string"}},
                    },
                    "The new token and its secret",
                ),
                "400": ERROR_RESPONSE,
                "401": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        },
    },
    "/tokens/{token_id}": {
        "delete": {
            "summary": "Revoke one of your tokens",
            "parameters": [_TOKEN_ID],
            "responses": {"200": json_response(TOKEN_SCHEMA, "The revoked token"), **_ERRORS},
        }
    },
}

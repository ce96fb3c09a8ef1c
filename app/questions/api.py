"""API v1: questions, support and similar-question search, over the pages' services.

The OpenAPI description at the end is built from the same constants the services check with.
"""

from __future__ import annotations

from typing import Any

from flask import jsonify, request, url_for
from werkzeug.wrappers import Response

from app.api import bp, json_body, requested_page
from app.api.idempotency import KEY_PARAMETER, idempotent, replayable
from app.bank.support import sector_counts, supported_ids
from app.core.errors import BadRequest, Conflict, Refused
from app.core.pagecache import kept_for_visitors
from app.core.serializers import (
    ERROR_RESPONSE,
    PAGING_PARAMETERS,
    QUESTION_SCHEMA,
    JsonSchema,
    id_parameter,
    json_response,
    paged_schema,
    question_json,
)
from app.core.text import squash
from app.core.web import login_required, member, viewer
from app.db import get_session
from app.extensions import limiter
from app.questions.drafts import draft_from
from app.questions.filters import NO_GROUP, SORTS, QuestionFilters
from app.questions.rules import (
    ACTION_MAX,
    ACTION_MIN,
    ASK_RATE_LIMIT,
    DEFAULT_GEOGRAPHY,
    GEOGRAPHY_MAX,
    MAX_POPULATION_GROUPS,
    MAX_THEMES,
    POPULATION_GROUP_MAX,
    SEARCH_MAX,
    SIMILAR_RATE_LIMIT,
    TEXT_MAX,
    TEXT_MIN,
)
from app.questions.search import list_questions
from app.questions.service import ask_question, get_question, support_question, unsupport_question
from app.questions.similar import SIMILAR_LIMIT, SimilarQuestion, similar_to_text
from models import Question, QuestionStatus, Sector, Visibility

ApiAnswer = Response | tuple[Response, int]


def _one(question: Question) -> dict[str, Any]:
    """A question as the API answers it; one nobody supports has no supporters to count (a new
    one, for a start)."""
    if not question.support_count:
        return question_json(question, {})
    return question_json(question, sector_counts(get_session(), [question.id])[question.id])


def _similar_json(found: list[SimilarQuestion]) -> list[dict[str, Any]]:
    counts = sector_counts(get_session(), [item.question.id for item in found])
    return [
        {"score": round(item.score, 4), "question": question_json(item.question, counts[q_id])}
        for item in found
        if (q_id := item.question.id) is not None
    ]


@bp.get("/questions")
@kept_for_visitors
def questions_list() -> ApiAnswer:
    """Readable questions, searched, filtered and paged like the list page."""
    filters = QuestionFilters.from_args(request.args)
    at = requested_page()
    result = list_questions(get_session(), viewer(), filters, at, count_limit=None)
    items = [question_json(row.question, row.supporters_by_sector) for row in result.items]
    return jsonify(sort=result.sort, **result.as_dict(items))


@bp.post("/questions")
@login_required
@limiter.limit(ASK_RATE_LIMIT)
@idempotent
def questions_create() -> ApiAnswer:
    """Ask a question, validated like the form: similar questions come back for review (409)
    unless ``confirm`` is true; a posted question is embedded and grouped at once."""
    body = json_body()
    confirm = body.pop("confirm", False)
    if not isinstance(confirm, bool):
        raise Refused.on("confirm", "Give true or false.")
    outcome = ask_question(get_session(), member(), draft_from(body), confirm=confirm)
    if outcome.question is None:
        raise Conflict(
            {"confirm": ["Similar questions are already asked: support one, or send confirm."]},
            details={"similar": _similar_json(outcome.similar)},
        )
    response = jsonify(_one(outcome.question))
    response.headers["Location"] = url_for("api.questions_get", question_id=outcome.question.id)
    return response, 201


@bp.get("/questions/<int:question_id>")
@kept_for_visitors
def questions_get(question_id: int) -> ApiAnswer:
    """One question, if the caller may read it."""
    question = get_question(get_session(), viewer(), question_id)
    body = _one(question)
    body["supported_by_me"] = question.id in supported_ids(get_session(), viewer(), [question.id])
    return jsonify(body)


@bp.post("/questions/<int:question_id>/support")
@login_required
def questions_support(question_id: int) -> ApiAnswer:
    """Say "we ask this too"; 409 if already said."""
    return jsonify(_one(support_question(get_session(), member(), question_id))), 201


@bp.delete("/questions/<int:question_id>/support")
@login_required
def questions_unsupport(question_id: int) -> ApiAnswer:
    """Withdraw "we ask this too"; 409 if it was not said."""
    return jsonify(_one(unsupport_question(get_session(), member(), question_id)))


@bp.get("/similar")
@limiter.limit(SIMILAR_RATE_LIMIT)
def similar() -> ApiAnswer:
    """Readable questions close in meaning to a text, with their similarity."""
    text = squash(request.args.get("text", ""))
    if not TEXT_MIN <= len(text) <= TEXT_MAX:
        raise BadRequest.on(
            "text", f"Give the text to compare, {TEXT_MIN} to {TEXT_MAX} characters."
        )
    return jsonify(items=_similar_json(similar_to_text(get_session(), viewer(), text)))


# --- OpenAPI ---------------------------------------------------------------------------------

DRAFT_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "minLength": TEXT_MIN, "maxLength": TEXT_MAX},
        "action": {"type": "string", "minLength": ACTION_MIN, "maxLength": ACTION_MAX},
        "action_type": {"type": "string", "description": "An action type slug."},
        "themes": {
            "type": "array",
            "items": {"type": "string"},
            "minItems": 1,
            "maxItems": MAX_THEMES,
        },
        "geography": {"type": "string", "maxLength": GEOGRAPHY_MAX, "default": DEFAULT_GEOGRAPHY},
        "population_groups": {
            "type": "array",
            "items": {"type": "string", "maxLength": POPULATION_GROUP_MAX},
            "maxItems": MAX_POPULATION_GROUPS,
        },
        "visibility": {
            "type": "string",
            "enum": [v.value for v in Visibility],
            "default": Visibility.PUBLIC.value,
        },
        "show_organisation": {"type": "boolean", "default": True},
        "confirm": {
            "type": "boolean",
            "default": False,
            "description": "Post even when similar questions exist (otherwise 409 lists them).",
        },
    },
    "required": ["text", "action", "action_type", "themes"],
}


def _query(name: str, description: str, **schema: Any) -> JsonSchema:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


_QUESTION_ID = id_parameter("question_id")
_SIMILAR_ITEMS: JsonSchema = {
    "type": "array",
    "maxItems": SIMILAR_LIMIT,
    "items": {
        "type": "object",
        "properties": {"score": {"type": "number"}, "question": QUESTION_SCHEMA},
    },
}
_ERRORS = {"401": ERROR_RESPONSE, "404": ERROR_RESPONSE, "409": ERROR_RESPONSE}

QUESTION_PATHS: dict[str, Any] = {
    "/questions": {
        "get": {
            "summary": "List and search the questions you can read",
            "security": [],
            "parameters": [
                _query(
                    "q", "Search words: matched literally and by meaning.", maxLength=SEARCH_MAX
                ),
                _query("theme", "A theme slug."),
                _query("action_type", "An action type slug."),
                _query(
                    "sector",
                    "The asking organisation's sector (empty: any).",
                    enum=["", *(s.value for s in Sector)],
                ),
                _query(
                    "geography", "A place, as written on the question.", maxLength=GEOGRAPHY_MAX
                ),
                _query(
                    "status",
                    "A status (empty: any).",
                    enum=["", *(s.value for s in QuestionStatus)],
                ),
                _query("group", f"A question group id, or `{NO_GROUP}` for questions not grouped."),
                _query("sort", "Order (empty: the default).", enum=["", *SORTS]),
                *PAGING_PARAMETERS,
            ],
            "responses": {
                "200": json_response(
                    paged_schema(QUESTION_SCHEMA, sort={"type": "string"}),
                    "A page of questions and how many match in all",
                ),
                "422": ERROR_RESPONSE,
            },
        },
        "post": {
            "summary": "Ask a question",
            "description": "Validated like the web form. When similar questions are already "
            "asked it answers 409 with `error.similar`, unless `confirm` is true; the posted "
            "question is embedded and put in its nearest group at once.",
            "parameters": [KEY_PARAMETER],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": DRAFT_SCHEMA}},
            },
            "responses": {
                "201": replayable(json_response(QUESTION_SCHEMA, "The question as stored")),
                "400": ERROR_RESPONSE,
                "401": ERROR_RESPONSE,
                "409": json_response(
                    {
                        "type": "object",
                        "properties": {
                            "error": {
                                "type": "object",
                                "properties": {"similar": _SIMILAR_ITEMS},
                            }
                        },
                    },
                    "Similar questions to review first",
                ),
                "422": ERROR_RESPONSE,
                "429": ERROR_RESPONSE,
            },
        },
    },
    "/questions/{question_id}": {
        "get": {
            "summary": "One question",
            "security": [],
            "parameters": [_QUESTION_ID],
            "responses": {
                "200": json_response(
                    {
                        "allOf": [
                            QUESTION_SCHEMA,
                            {"properties": {"supported_by_me": {"type": "boolean"}}},
                        ]
                    },
                    "The question",
                ),
                "404": ERROR_RESPONSE,
            },
        }
    },
    "/questions/{question_id}/support": {
        "post": {
            "summary": "Say “we ask this too”",
            "parameters": [_QUESTION_ID],
            "responses": {
                "201": json_response(QUESTION_SCHEMA, "The question with its new support count"),
                **_ERRORS,
            },
        },
        "delete": {
            "summary": "Withdraw “we ask this too”",
            "parameters": [_QUESTION_ID],
            "responses": {
                "200": json_response(QUESTION_SCHEMA, "The question with its new support count"),
                **_ERRORS,
            },
        },
    },
    "/similar": {
        "get": {
            "summary": "Questions close in meaning to a text",
            "security": [],
            "parameters": [
                {
                    "name": "text",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "minLength": TEXT_MIN, "maxLength": TEXT_MAX},
                }
            ],
            "responses": {
                "200": json_response(
                    {"type": "object", "properties": {"items": _SIMILAR_ITEMS}},
                    "The most similar readable questions, best first",
                ),
                "400": ERROR_RESPONSE,
                "429": ERROR_RESPONSE,
            },
        }
    },
}

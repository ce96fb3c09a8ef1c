"""API v1: questions, support and similar-question search, over the pages' services."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import current_app, jsonify, request, url_for
from flask_login import login_required
from werkzeug.wrappers import Response

from app.api import bp
from app.api.common import api_error, json_body, page_args
from app.db import get_session
from app.extensions import limiter
from app.questions.http import ASK_RATE_LIMIT, SIMILAR_RATE_LIMIT, viewer
from app.questions.rules import (
    TEXT_MIN,
    AlreadyDone,
    QuestionError,
    QuestionNotFound,
)
from app.questions.search import (
    SIMILAR_LIMIT,
    QuestionFilters,
    list_questions,
    sector_counts,
    similar_to_text,
    supported_ids,
)
from app.questions.service import (
    QuestionDraft,
    create_question,
    get_question,
    split_population_groups,
    support_question,
    unsupport_question,
)
from models import Question, QuestionStatus, Sector, Visibility

ApiAnswer = Response | tuple[Response, int]


def service_errors(view: Callable[..., ApiAnswer]) -> Callable[..., ApiAnswer]:
    """Turn the services' refusals into JSON errors: 404, 403, 409 and 422 naming the fields."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> ApiAnswer:
        try:
            return view(*args, **kwargs)
        except QuestionNotFound:
            return api_error(404, "There is no question with this id that you can read.")
        except PermissionError as error:
            return api_error(403, str(error))
        except AlreadyDone as error:
            return api_error(409, error.message, error.errors)
        except QuestionError as error:
            return api_error(422, error.message, error.errors)

    return wrapped


def question_json(question: Question, by_sector: dict[Sector, int]) -> dict[str, Any]:
    """A question as the API shows it: never the asker's email, the organisation only if shown."""
    cluster = question.cluster
    return {
        "id": question.id,
        "text": question.text,
        "action": question.action,
        "action_type": question.action_type_slug,
        "themes": [theme.slug for theme in question.themes],
        "geography": question.geography,
        "population_groups": list(question.population_groups or []),
        "status": question.status.value,
        "visibility": question.visibility.value,
        "organisation": question.organisation.name if question.show_organisation else None,
        "sector": question.organisation.sector.value,
        "group": {"id": cluster.id, "title": cluster.display_title} if cluster else None,
        "support_count": question.support_count,
        "supporters_by_sector": {sector.value: count for sector, count in by_sector.items()},
        "created_at": question.created_at.isoformat(),
        "url": url_for("questions.show", question_id=question.id, _external=True),
    }


def _one(question: Question) -> dict[str, Any]:
    return question_json(question, sector_counts(get_session(), [question.id])[question.id])


@bp.get("/questions")
@service_errors
def questions_list() -> ApiAnswer:
    """Readable questions, searched, filtered and paged like the list page."""
    filters = QuestionFilters.from_args(request.args)
    page, per_page = page_args(current_app.config["PAGE_SIZE"])
    result = list_questions(get_session(), viewer(), filters, page, per_page, count_limit=None)
    return jsonify(
        items=[question_json(row.question, row.supporters_by_sector) for row in result.rows],
        total=result.total,
        page=result.page,
        per_page=result.per_page,
        sort=result.sort,
    )


def _strings(value: Any) -> tuple[str, ...] | None:
    """A list of strings (or one comma-separated string) as a tuple; None if it is neither."""
    if isinstance(value, str):
        return split_population_groups(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def _draft_from_json(body: dict[str, Any]) -> QuestionDraft:
    """The draft in a JSON body; wrong JSON types are refused naming the field."""
    errors: dict[str, list[str]] = {}
    text_fields = {}
    for name in ("text", "action", "action_type", "geography", "visibility"):
        value = body.get(name, "")
        if not isinstance(value, str):
            errors[name] = ["Give a string."]
        text_fields[name] = value if isinstance(value, str) else ""
    lists = {}
    for name in ("themes", "population_groups"):
        value = _strings(body.get(name, []))
        if value is None:
            errors[name] = ["Give a list of strings."]
        lists[name] = value or ()
    show = body.get("show_organisation", True)
    if not isinstance(show, bool):
        errors["show_organisation"] = ["Give true or false."]
    if errors:
        raise QuestionError(errors)
    return QuestionDraft(
        text=text_fields["text"],
        action=text_fields["action"],
        action_type=text_fields["action_type"],
        themes=lists["themes"],
        geography=text_fields["geography"],
        population_groups=lists["population_groups"],
        visibility=text_fields["visibility"] or Visibility.PUBLIC.value,
        show_organisation=show,
    )


@bp.post("/questions")
@login_required
@limiter.limit(ASK_RATE_LIMIT)
@service_errors
def questions_create() -> ApiAnswer:
    """Ask a question: validated like the form, stored, embedded and grouped at once."""
    body = json_body()
    if body is None:
        return api_error(400, "Send the question as a JSON object.")
    question = create_question(get_session(), viewer(), _draft_from_json(body))
    response = jsonify(_one(question))
    response.headers["Location"] = url_for("api.questions_get", question_id=question.id)
    return response, 201


@bp.get("/questions/<int:question_id>")
@service_errors
def questions_get(question_id: int) -> ApiAnswer:
    """One question, if the caller may read it."""
    question = get_question(get_session(), viewer(), question_id)
    body = _one(question)
    body["supported_by_me"] = question.id in supported_ids(get_session(), viewer(), [question.id])
    return jsonify(body)


@bp.post("/questions/<int:question_id>/support")
@login_required
@service_errors
def questions_support(question_id: int) -> ApiAnswer:
    """Say "we ask this too"; 409 if already said."""
    return jsonify(_one(support_question(get_session(), viewer(), question_id))), 201


@bp.delete("/questions/<int:question_id>/support")
@login_required
@service_errors
def questions_unsupport(question_id: int) -> ApiAnswer:
    """Withdraw "we ask this too"; 409 if it was not said."""
    return jsonify(_one(unsupport_question(get_session(), viewer(), question_id)))


@bp.get("/similar")
@limiter.limit(SIMILAR_RATE_LIMIT)
def similar() -> ApiAnswer:
    """Readable questions close in meaning to a text, with their similarity."""
    text = " ".join(request.args.get("text", "").split())
    if len(text) < TEXT_MIN:
        return api_error(
            400,
            f"Give the text to compare, at least {TEXT_MIN} characters.",
            {"text": [f"At least {TEXT_MIN} characters."]},
        )
    found = similar_to_text(get_session(), viewer(), text)
    counts = sector_counts(get_session(), [item.question.id for item in found])
    return jsonify(
        items=[
            {
                "score": round(item.score, 4),
                "question": question_json(item.question, counts[item.question.id]),
            }
            for item in found
        ]
    )


# --- OpenAPI ---------------------------------------------------------------------------------

_ERROR = {"$ref": "#/components/responses/Error"}

QUESTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "text": {"type": "string"},
        "action": {"type": "string", "description": "What an answer would let the asker do."},
        "action_type": {"type": "string"},
        "themes": {"type": "array", "items": {"type": "string"}},
        "geography": {"type": "string"},
        "population_groups": {"type": "array", "items": {"type": "string"}},
        "status": {"type": "string", "enum": [status.value for status in QuestionStatus]},
        "visibility": {"type": "string", "enum": [v.value for v in Visibility]},
        "organisation": {
            "type": ["string", "null"],
            "description": "The asking organisation, or null when it asked to be withheld.",
        },
        "sector": {"type": "string", "enum": [sector.value for sector in Sector]},
        "group": {
            "type": ["object", "null"],
            "properties": {"id": {"type": "integer"}, "title": {"type": "string"}},
        },
        "support_count": {"type": "integer"},
        "supporters_by_sector": {"type": "object", "additionalProperties": {"type": "integer"}},
        "created_at": {"type": "string", "format": "date-time"},
        "url": {"type": "string", "format": "uri"},
    },
    "required": ["id", "text", "action", "action_type", "themes", "status", "support_count"],
}

DRAFT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "minLength": 10, "maxLength": 500},
        "action": {"type": "string", "minLength": 10, "maxLength": 500},
        "action_type": {"type": "string", "description": "An action type slug."},
        "themes": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
        "geography": {"type": "string", "maxLength": 120, "default": "UK-wide"},
        "population_groups": {
            "type": "array",
            "items": {"type": "string", "maxLength": 60},
            "maxItems": 5,
        },
        "visibility": {
            "type": "string",
            "enum": [v.value for v in Visibility],
            "default": "public",
        },
        "show_organisation": {"type": "boolean", "default": True},
    },
    "required": ["text", "action", "action_type", "themes"],
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _query(name: str, description: str, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


_QUESTION_ID = {
    "name": "question_id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer"},
}

QUESTION_PATHS: dict[str, Any] = {
    "/questions": {
        "get": {
            "summary": "List and search the questions you can read",
            "security": [],
            "parameters": [
                _query("q", "Search words: matched literally and by meaning.", maxLength=200),
                _query("theme", "A theme slug."),
                _query("action_type", "An action type slug."),
                _query(
                    "sector", "The asking organisation's sector.", enum=[s.value for s in Sector]
                ),
                _query("geography", "A place, as written on the question."),
                _query("status", "A status.", enum=[s.value for s in QuestionStatus]),
                _query("group", "A question group id, or `none` for questions not yet grouped."),
                _query("sort", "Order.", enum=["newest", "supported", "relevance"]),
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                {
                    "name": "per_page",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                },
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "items": {"type": "array", "items": QUESTION_SCHEMA},
                            "total": {"type": "integer"},
                            "page": {"type": "integer"},
                            "per_page": {"type": "integer"},
                            "sort": {"type": "string"},
                        },
                    },
                    "A page of questions and how many match in all",
                ),
                "422": _ERROR,
            },
        },
        "post": {
            "summary": "Ask a question",
            "description": "Validated like the web form; the question is embedded and put in "
            "its nearest group at once.",
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": DRAFT_SCHEMA}},
            },
            "responses": {
                "201": _json(QUESTION_SCHEMA, "The question as stored"),
                "400": _ERROR,
                "401": _ERROR,
                "422": _ERROR,
                "429": _ERROR,
            },
        },
    },
    "/questions/{question_id}": {
        "get": {
            "summary": "One question",
            "security": [],
            "parameters": [_QUESTION_ID],
            "responses": {
                "200": _json(
                    {
                        "allOf": [
                            QUESTION_SCHEMA,
                            {"properties": {"supported_by_me": {"type": "boolean"}}},
                        ]
                    },
                    "The question",
                ),
                "404": _ERROR,
            },
        }
    },
    "/questions/{question_id}/support": {
        "post": {
            "summary": "Say “we ask this too”",
            "parameters": [_QUESTION_ID],
            "responses": {
                "201": _json(QUESTION_SCHEMA, "The question with its new support count"),
                "401": _ERROR,
                "404": _ERROR,
                "409": _ERROR,
            },
        },
        "delete": {
            "summary": "Withdraw “we ask this too”",
            "parameters": [_QUESTION_ID],
            "responses": {
                "200": _json(QUESTION_SCHEMA, "The question with its new support count"),
                "401": _ERROR,
                "404": _ERROR,
                "409": _ERROR,
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
                    "schema": {"type": "string", "minLength": 10},
                }
            ],
            "responses": {
                "200": _json(
                    {
                        "type": "object",
                        "properties": {
                            "items": {
                                "type": "array",
                                "maxItems": SIMILAR_LIMIT,
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "score": {"type": "number"},
                                        "question": QUESTION_SCHEMA,
                                    },
                                },
                            }
                        },
                    },
                    "The most similar readable questions, best first",
                ),
                "400": _ERROR,
            },
        }
    },
}

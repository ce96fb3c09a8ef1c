"""API v1: question groups, over the group pages' services."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from app.api import bp, json_body, requested_page
from app.bank.support import sector_counts
from app.clusters.feedback import (
    REASON_FIELD,
    feedback_target,
    group_match_list,
    mark_not_relevant,
)
from app.clusters.service import (
    DEFAULT_SORT,
    SORT_ORDERS,
    find_topic,
    group_detail,
    list_groups,
)
from app.core.errors import BadRequest
from app.core.guards import MAX_ID
from app.core.member_serializers import PLEDGE_SCHEMA, pledge_json
from app.core.pagecache import kept_for_visitors
from app.core.serializers import (
    CLUSTER_SCHEMA,
    ERROR_RESPONSE,
    MATCH_SCHEMA,
    PAGING_PARAMETERS,
    QUESTION_SCHEMA,
    cluster_json,
    id_parameter,
    json_response,
    match_json,
    paged_schema,
    question_json,
    timestamp,
)
from app.core.web import login_required, member, viewer
from app.db import get_session
from models.feedback import REASON_MAX


@bp.get("/clusters")
@kept_for_visitors
def list_clusters() -> Response:
    """Live question groups, one page at a time, in a sort order; of one topic with ``topic``.

    :raise 400: an unknown sort or a topic that is not an id. :raise 404: no such live topic.
    """
    sort = request.args.get("sort", DEFAULT_SORT)
    if sort not in SORT_ORDERS:
        raise BadRequest.on("sort", f"Use one of: {', '.join(SORT_ORDERS)}.")
    raw_topic = request.args.get("topic")
    topic_id = request.args.get("topic", type=int)
    if raw_topic is not None and (topic_id is None or not 0 < topic_id <= MAX_ID):
        raise BadRequest.on("topic", "Give a topic's id, a positive whole number.")
    at = requested_page()
    session = get_session()
    topic = find_topic(session, topic_id) if topic_id is not None else None
    groups = list_groups(session, sort, at, topic)
    return jsonify(sort=sort, **groups.as_dict([cluster_json(s.cluster) for s in groups.items]))


@bp.get("/clusters/<int:cluster_id>")
@kept_for_visitors
def get_cluster(cluster_id: int) -> Response:
    """One group with its representative question, readable questions, matches and pledges.

    :raise 404: no such group, or it was merged (``error.merged_into`` names the live group).
    """
    session = get_session()
    at = requested_page()
    detail = group_detail(session, cluster_id, viewer(), at)
    shown = [*detail.questions.items, *([detail.representative] if detail.representative else [])]
    counts = sector_counts(session, [question.id for question in shown])
    representative = detail.representative
    return jsonify(
        {
            **cluster_json(detail.cluster),
            "representative_question": question_json(representative, counts[representative.id])
            if representative
            else None,
            "questions": detail.questions.as_dict(
                [question_json(q, counts[q.id]) for q in detail.questions.items]
            ),
            "matches": [
                match_json(m.dataset, m.result, m.not_relevant_count) for m in detail.matches.shown
            ],
            "matches_total": detail.matches.total,
            "pledges": [pledge_json(line.pledge, line.question) for line in detail.pledges],
        }
    )


@bp.get("/clusters/<int:cluster_id>/matches")
def get_cluster_matches(cluster_id: int) -> Response:
    """Every dataset the caller may read that matches a live group, best first, demoted last.

    :raise 404: no such live group (a merged one names the live group in ``error.merged_into``).
    """
    matches = group_match_list(get_session(), cluster_id, viewer())
    items = [match_json(m.dataset, m.result, m.not_relevant_count) for m in matches]
    return jsonify(items=items)


@bp.post("/clusters/<int:cluster_id>/matches/<int:dataset_id>/feedback")
def post_match_feedback(cluster_id: int, dataset_id: int) -> ResponseReturnValue:
    """Mark a suggested dataset not relevant for a group, with a reason (once per member).

    An unknown or unreadable group or dataset answers 404 even to a visitor (ids cannot be
    probed); otherwise a visitor is told to authenticate (401).

    :raise 404: no such live group, or no such dataset the caller may read.
    :raise 401: not signed in. :raise 403: a deactivated account.
    :raise 422: the reason is missing or too long. :raise 409: already marked.
    """
    feedback_target(get_session(), viewer(), cluster_id, dataset_id)
    return _record_feedback(cluster_id, dataset_id)


@login_required
def _record_feedback(cluster_id: int, dataset_id: int) -> tuple[Response, int]:
    reason = json_body().get(REASON_FIELD)
    if reason is not None and not isinstance(reason, str):
        raise BadRequest.on(REASON_FIELD, "Give the reason as a string.")
    feedback = mark_not_relevant(get_session(), member(), cluster_id, dataset_id, reason)
    return jsonify(
        cluster_id=feedback.cluster_id,
        dataset_id=feedback.dataset_id,
        reason=feedback.reason,
        created_at=timestamp(feedback.created_at),
    ), 201


_CLUSTER_ID = id_parameter("cluster_id")
_SECURITY: list[dict[str, list[str]]] = [{}, {"bearerAuth": []}, {"cookieAuth": []}]
_FEEDBACK: dict[str, Any] = {
    "type": "object",
    "properties": {
        "cluster_id": {"type": "integer"},
        "dataset_id": {"type": "integer"},
        "reason": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
    },
}
_DETAIL: dict[str, Any] = {
    "allOf": [
        CLUSTER_SCHEMA,
        {
            "type": "object",
            "properties": {
                "representative_question": {"oneOf": [QUESTION_SCHEMA, {"type": "null"}]},
                "questions": paged_schema(QUESTION_SCHEMA),
                "matches": {"type": "array", "items": MATCH_SCHEMA},
                "matches_total": {
                    "type": "integer",
                    "description": "How many datasets match in all (the best are listed)",
                },
                "pledges": {"type": "array", "items": PLEDGE_SCHEMA},
            },
        },
    ]
}

CLUSTER_PATHS: dict[str, Any] = {
    "/clusters": {
        "get": {
            "summary": "Live question groups, sorted and paged",
            "security": _SECURITY,
            "parameters": [
                {
                    "name": "sort",
                    "in": "query",
                    "description": "; ".join(
                        f"{order.key}: {order.label.lower()}" for order in SORT_ORDERS.values()
                    ),
                    "schema": {
                        "type": "string",
                        "enum": list(SORT_ORDERS),
                        "default": DEFAULT_SORT,
                    },
                },
                {
                    "name": "topic",
                    "in": "query",
                    "description": "Only the groups of this topic (its id, as in a group's "
                    "`topic`)",
                    "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                },
                *PAGING_PARAMETERS,
            ],
            "responses": {
                "200": json_response(
                    paged_schema(CLUSTER_SCHEMA, sort={"type": "string"}), "One page of groups"
                ),
                "400": ERROR_RESPONSE,
                "404": ERROR_RESPONSE,
            },
        }
    },
    "/clusters/{cluster_id}": {
        "get": {
            "summary": "One group with its questions, dataset matches and pledges",
            "description": "Questions are those the caller may read, one page at a time. A group "
            "merged into another answers 404 with `error.merged_into`, the live group's id.",
            "security": _SECURITY,
            "parameters": [_CLUSTER_ID, *PAGING_PARAMETERS],
            "responses": {"200": json_response(_DETAIL, "The group"), "404": ERROR_RESPONSE},
        }
    },
    "/clusters/{cluster_id}/matches": {
        "get": {
            "summary": "Every dataset matching a group, best first; those marked not relevant last",
            "security": _SECURITY,
            "parameters": [_CLUSTER_ID],
            "responses": {
                "200": json_response(
                    {
                        "type": "object",
                        "properties": {"items": {"type": "array", "items": MATCH_SCHEMA}},
                    },
                    "The group's matches",
                ),
                "404": ERROR_RESPONSE,
            },
        }
    },
    "/clusters/{cluster_id}/matches/{dataset_id}/feedback": {
        "post": {
            "summary": "Mark a suggested dataset not relevant for the group",
            "description": f"Once per member; the reason is required, at most {REASON_MAX} "
            "characters. The dataset is then listed last for the group and not counted.",
            "security": _SECURITY[1:],
            "parameters": [
                _CLUSTER_ID,
                {**_CLUSTER_ID, "name": "dataset_id"},
            ],
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": [REASON_FIELD],
                            "properties": {
                                REASON_FIELD: {"type": "string", "maxLength": REASON_MAX}
                            },
                        }
                    }
                },
            },
            "responses": {
                "201": json_response(_FEEDBACK, "The feedback, recorded"),
                **{code: ERROR_RESPONSE for code in ("400", "401", "403", "404", "409", "422")},
            },
        }
    },
}

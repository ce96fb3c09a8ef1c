"""API v1: question groups, over the group pages' services."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, request
from werkzeug.wrappers import Response

from app.api import bp
from app.bank.support import sector_counts
from app.clusters.service import DEFAULT_SORT, SORT_ORDERS, group_detail, list_groups
from app.core.errors import BadRequest
from app.core.member_serializers import PLEDGE_SCHEMA, pledge_json
from app.core.paging import page_request
from app.core.serializers import (
    CLUSTER_SCHEMA,
    ERROR_RESPONSE,
    MATCH_SCHEMA,
    PAGING_PARAMETERS,
    QUESTION_SCHEMA,
    cluster_json,
    json_response,
    match_json,
    paged_schema,
    question_json,
)
from app.core.web import viewer
from app.db import get_session


@bp.get("/clusters")
def list_clusters() -> Response:
    """Live question groups, one page at a time, in a sort order."""
    sort = request.args.get("sort", DEFAULT_SORT)
    if sort not in SORT_ORDERS:
        raise BadRequest.on("sort", f"Use one of: {', '.join(SORT_ORDERS)}.")
    at = page_request(request.args, current_app.config["PAGE_SIZE"], allow_size=True, strict=True)
    groups = list_groups(get_session(), sort, at)
    return jsonify(sort=sort, **groups.as_dict([cluster_json(s.cluster) for s in groups.items]))


@bp.get("/clusters/<int:cluster_id>")
def get_cluster(cluster_id: int) -> Response:
    """One group with its representative question, readable questions, matches and pledges.

    :raise 404: no such group, or it was merged (``error.merged_into`` names the live group).
    """
    session = get_session()
    at = page_request(request.args, current_app.config["PAGE_SIZE"], allow_size=True, strict=True)
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
                match_json(m.dataset, m.result.score, m.result.reasons)
                for m in detail.matches.shown
            ],
            "matches_total": detail.matches.total,
            "pledges": [pledge_json(line.pledge, line.question) for line in detail.pledges],
        }
    )


_CLUSTER_ID = {"name": "cluster_id", "in": "path", "required": True, "schema": {"type": "integer"}}
_SECURITY: list[dict[str, list[str]]] = [{}, {"bearerAuth": []}, {"cookieAuth": []}]
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
                *PAGING_PARAMETERS,
            ],
            "responses": {
                "200": json_response(
                    paged_schema(CLUSTER_SCHEMA, sort={"type": "string"}), "One page of groups"
                ),
                "400": ERROR_RESPONSE,
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
}

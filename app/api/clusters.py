"""API v1: question groups."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request, url_for
from werkzeug.wrappers import Response

from app.api import bp
from app.api.common import api_error, page_args
from app.clusters.service import (
    DEFAULT_SORT,
    SORT_ORDERS,
    GroupMerged,
    GroupSummary,
    NoSuchRecord,
    Page,
    group_detail,
    list_groups,
)
from app.clusters.web import viewer
from app.db import get_session
from models import Question


def _cluster_json(summary: GroupSummary) -> dict[str, Any]:
    """A group and its figures as JSON."""
    cluster = summary.cluster
    return {
        "id": cluster.id,
        "title": cluster.title,
        "display_title": cluster.display_title,
        "auto_label": cluster.auto_label,
        "keywords": list(cluster.keywords or []),
        "state": cluster.state.value,
        "locked": cluster.locked,
        "size": cluster.size,
        "support_count": cluster.support_count,
        "organisation_count": cluster.organisation_count,
        "sector_counts": dict(cluster.sector_counts or {}),
        "action_type_counts": dict(cluster.action_type_counts or {}),
        "matched_dataset_count": cluster.matched_dataset_count,
        "pledge_count": cluster.pledge_count,
        "url": url_for("clusters.show", cluster_id=cluster.id),
    }


def _question_json(question: Question) -> dict[str, Any]:
    """A question as JSON, naming its organisation only when the asker allowed it."""
    return {
        "id": question.id,
        "text": question.text,
        "action": question.action,
        "action_type": question.action_type_slug,
        "geography": question.geography,
        "support_count": question.support_count,
        "organisation": question.organisation.name if question.show_organisation else None,
        "url": url_for("questions.show", question_id=question.id),
    }


def _page_json(page: Page[Any], items: list[Any]) -> dict[str, Any]:
    """One page of a list as JSON."""
    return {
        "items": items,
        "page": page.page,
        "per_page": page.per_page,
        "total": page.total,
        "pages": page.pages,
    }


@bp.get("/clusters")
def list_clusters() -> Response | tuple[Response, int]:
    """Live question groups, one page at a time, in a sort order."""
    sort = request.args.get("sort", DEFAULT_SORT)
    if sort not in SORT_ORDERS:
        return api_error(
            400, "Unknown sort order.", {"sort": [f"Use one of: {', '.join(SORT_ORDERS)}."]}
        )
    page, per_page = page_args()
    groups = list_groups(get_session(), sort, page, per_page)
    return jsonify(sort=sort, **_page_json(groups, [_cluster_json(s) for s in groups.items]))


@bp.get("/clusters/<int:cluster_id>")
def get_cluster(cluster_id: int) -> Response | tuple[Response, int]:
    """One group with its representative question, readable questions, matches and pledges.

    :raise 404: no such group, or it was merged (``error.merged_into`` names the live group).
    """
    page, per_page = page_args()
    try:
        detail = group_detail(get_session(), cluster_id, viewer(), page, per_page)
    except GroupMerged as merged:
        response, status = api_error(
            404, f"Group {cluster_id} was merged into group {merged.into.id}."
        )
        body = response.get_json()
        body["error"]["merged_into"] = merged.into.id
        return jsonify(body), status
    except NoSuchRecord:
        return api_error(404, f"There is no group {cluster_id}.")
    return jsonify(
        {
            **_cluster_json(detail.summary),
            "representative_question": _question_json(detail.representative)
            if detail.representative
            else None,
            "questions": _page_json(
                detail.questions, [_question_json(q) for q in detail.questions.items]
            ),
            "matches": [
                {
                    "dataset": {
                        "id": m.dataset.id,
                        "title": m.dataset.title,
                        "holder": m.dataset.holder.name,
                        "access_level": m.dataset.access_level.value,
                    },
                    "score": round(m.result.score, 4),
                    "reasons": list(m.result.reasons),
                }
                for m in detail.matches
            ],
            "pledges": [
                {
                    "id": line.pledge.id,
                    "dataset": {"id": line.pledge.dataset.id, "title": line.pledge.dataset.title},
                    "status": line.pledge.status.value,
                    "conditions": line.pledge.conditions,
                    "question_id": line.question.id if line.question else None,
                    "on_group": line.pledge.cluster_id is not None,
                }
                for line in detail.pledges
            ],
        }
    )


_ERROR = {"$ref": "#/components/responses/Error"}
_PAGING = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {
        "name": "per_page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
    },
]
_COUNTS = {"type": "object", "additionalProperties": {"type": "integer"}}
_CLUSTER = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": ["string", "null"], "description": "The facilitator's title, if any"},
        "display_title": {"type": "string"},
        "auto_label": {"type": "string", "description": "Keywords chosen automatically"},
        "keywords": {"type": "array", "items": {"type": "string"}},
        "state": {"type": "string", "enum": ["active", "merged", "dissolved"]},
        "locked": {"type": "boolean"},
        "size": {"type": "integer", "description": "Visible questions in the group"},
        "support_count": {"type": "integer"},
        "organisation_count": {"type": "integer"},
        "sector_counts": _COUNTS,
        "action_type_counts": _COUNTS,
        "matched_dataset_count": {"type": "integer"},
        "pledge_count": {"type": "integer"},
        "url": {"type": "string", "description": "The group's web page"},
    },
}
_QUESTION = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "text": {"type": "string"},
        "action": {"type": "string"},
        "action_type": {"type": "string"},
        "geography": {"type": "string"},
        "support_count": {"type": "integer"},
        "organisation": {"type": ["string", "null"]},
        "url": {"type": "string"},
    },
}


def _paged(items: dict[str, Any], **extra: dict[str, Any]) -> dict[str, Any]:
    """The schema of one page of items, with any extra properties."""
    return {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": items},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "total": {"type": "integer"},
            "pages": {"type": "integer"},
            **extra,
        },
    }


CLUSTER_PATHS: dict[str, Any] = {
    "/clusters": {
        "get": {
            "summary": "Live question groups, sorted and paged",
            "security": [{}, {"bearerAuth": []}, {"cookieAuth": []}],
            "parameters": [
                {
                    "name": "sort",
                    "in": "query",
                    "description": "size (most questions), support, breadth (most organisations) "
                    "or unmet (no data pledged, widest-asked first)",
                    "schema": {
                        "type": "string",
                        "enum": list(SORT_ORDERS),
                        "default": DEFAULT_SORT,
                    },
                },
                *_PAGING,
            ],
            "responses": {
                "200": {
                    "description": "One page of groups",
                    "content": {
                        "application/json": {"schema": _paged(_CLUSTER, sort={"type": "string"})}
                    },
                },
                "400": _ERROR,
            },
        }
    },
    "/clusters/{cluster_id}": {
        "get": {
            "summary": "One group with its questions, dataset matches and pledges",
            "description": "Questions are those the caller may read, one page at a time. A group "
            "merged into another answers 404 with `error.merged_into`, the live group's id.",
            "security": [{}, {"bearerAuth": []}, {"cookieAuth": []}],
            "parameters": [
                {
                    "name": "cluster_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer"},
                },
                *_PAGING,
            ],
            "responses": {
                "200": {
                    "description": "The group",
                    "content": {
                        "application/json": {
                            "schema": {
                                "allOf": [
                                    _CLUSTER,
                                    {
                                        "type": "object",
                                        "properties": {
                                            "representative_question": {
                                                "oneOf": [_QUESTION, {"type": "null"}]
                                            },
                                            "questions": _paged(_QUESTION),
                                            "matches": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "properties": {
                                                        "dataset": {"type": "object"},
                                                        "score": {"type": "number"},
                                                        "reasons": {
                                                            "type": "array",
                                                            "items": {"type": "string"},
                                                        },
                                                    },
                                                },
                                            },
                                            "pledges": {
                                                "type": "array",
                                                "items": {"type": "object"},
                                            },
                                        },
                                    },
                                ]
                            }
                        }
                    },
                },
                "404": _ERROR,
            },
        }
    },
}

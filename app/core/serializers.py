"""One JSON shape per resource, with its JSON Schema beside it.

Every API route serialises through these (a question looks the same in the question list, in a
group and in similar-question results), and the OpenAPI description reuses the schemas.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, overload

from flask import url_for

from app.core.guards import MAX_ID
from app.core.matchscale import STRENGTHS, plain_reason, strength
from app.core.paging import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE
from app.insight.match import MatchResult
from models import (
    AccessLevel,
    Cluster,
    ClusterState,
    Dataset,
    DatasetVisibility,
    Question,
    QuestionStatus,
    Sector,
    UnitOfAnalysis,
    Visibility,
)

JsonSchema = dict[str, Any]

COUNTS_SCHEMA: JsonSchema = {"type": "object", "additionalProperties": {"type": "integer"}}
# An id a client sends: what a row id can be (larger ones are answered 404, or 422 in a body).
ID_SCHEMA: JsonSchema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
OPTIONAL_ID_SCHEMA: JsonSchema = {**ID_SCHEMA, "type": ["integer", "null"]}  # null: none


def id_parameter(name: str, where: str = "path") -> JsonSchema:
    """An OpenAPI parameter holding a row id (required in a path)."""
    return {"name": name, "in": where, "required": where == "path", "schema": ID_SCHEMA}


@overload
def timestamp(moment: datetime) -> str: ...
@overload
def timestamp(moment: datetime | None) -> str | None: ...
def timestamp(moment: datetime | None) -> str | None:
    """A moment as RFC 3339 with its UTC offset (SQLite hands back naive UTC datetimes)."""
    if moment is None:
        return None
    aware = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return aware.isoformat()


def question_json(question: Question, by_sector: Mapping[Sector, int]) -> dict[str, Any]:
    """A question: never the asker's email, the organisation only if the asker allowed it."""
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
        "created_at": timestamp(question.created_at),
        "url": url_for("questions.show", question_id=question.id, _external=True),
    }


QUESTION_SCHEMA: JsonSchema = {
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
        "supporters_by_sector": COUNTS_SCHEMA,
        "created_at": {"type": "string", "format": "date-time"},
        "url": {"type": "string", "format": "uri"},
    },
    "required": ["id", "text", "action", "action_type", "themes", "status", "support_count"],
}


def cluster_json(cluster: Cluster) -> dict[str, Any]:
    """A question group and its stored figures."""
    return {
        "id": cluster.id,
        "title": cluster.title,
        "display_title": cluster.display_title,
        "auto_label": cluster.auto_label,
        "keywords": list(cluster.keywords or []),
        "state": cluster.state.value,
        "locked": cluster.locked,
        "size": cluster.size,
        "unlisted_count": cluster.unlisted_count,
        "support_count": cluster.support_count,
        "organisation_count": cluster.organisation_count,
        "sector_counts": dict(cluster.sector_counts or {}),
        "action_type_counts": dict(cluster.action_type_counts or {}),
        "matched_dataset_count": cluster.matched_dataset_count,
        "pledge_count": cluster.pledge_count,
        "topic": _topic_json(cluster),
        "url": url_for("clusters.show", cluster_id=cluster.id),
    }


def _topic_json(cluster: Cluster) -> dict[str, Any] | None:
    """The broad topic a live group nests in, or None (not placed yet, or not live)."""
    topic = cluster.topic
    if topic is None or not topic.active or cluster.state is not ClusterState.ACTIVE:
        return None
    return {"id": topic.id, "label": topic.display_title}


CLUSTER_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": ["string", "null"], "description": "The facilitator's title, if any"},
        "display_title": {"type": "string"},
        "auto_label": {
            "type": "string",
            "description": "A title made automatically from the group's public questions",
        },
        "keywords": {"type": "array", "items": {"type": "string"}},
        "state": {"type": "string", "enum": [state.value for state in ClusterState]},
        "locked": {"type": "boolean"},
        "size": {
            "type": "integer",
            "description": "Public questions in the group: every figure and the label come "
            "from these only",
        },
        "unlisted_count": {
            "type": "integer",
            "description": "Questions visible only to members or to the asking organisation",
        },
        "support_count": {"type": "integer"},
        "organisation_count": {"type": "integer"},
        "sector_counts": COUNTS_SCHEMA,
        "action_type_counts": COUNTS_SCHEMA,
        "matched_dataset_count": {
            "type": "integer",
            "description": "Public datasets scoring at least the matcher's minimum for the "
            "group, less those members marked not relevant (the same for every viewer)",
        },
        "pledge_count": {"type": "integer"},
        "topic": {
            "type": ["object", "null"],
            "description": "The broad topic the group nests in (recomputed with each "
            "re-clustering, its id kept while it persists); null until placed",
            "properties": {"id": {"type": "integer"}, "label": {"type": "string"}},
            "required": ["id", "label"],
        },
        "url": {"type": "string", "description": "The group's web page"},
    },
}


def dataset_json(dataset: Dataset) -> dict[str, Any]:
    """A dataset as lists, matches and pledges show it: what it is, its source, how it is had."""
    return {
        "id": dataset.id,
        "title": dataset.title,
        "holder": dataset.holder.name if dataset.holder else None,
        "access_level": dataset.access_level.value,
    }


DATASET_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "holder": {
            "type": ["string", "null"],
            "description": "The member organisation that holds it; null for public data",
        },
        "access_level": {"type": "string", "enum": [level.value for level in AccessLevel]},
    },
}


def dataset_record_json(dataset: Dataset) -> dict[str, Any]:
    """A dataset's whole description (the register's API): the list shape and every field."""
    return {
        **dataset_json(dataset),
        "description": dataset.description,
        "publisher": dataset.publisher,
        "held_by_us": dataset.holder_organisation_id is not None,
        "contact": dataset.contact_details,
        "themes": [theme.slug for theme in dataset.themes],
        "keywords": list(dataset.keywords or []),
        "variables": list(dataset.variables or []),
        "unit_of_analysis": dataset.unit_of_analysis.value if dataset.unit_of_analysis else None,
        "population": dataset.population,
        "geography": dataset.geography,
        "granularity": dataset.granularity,
        "time_span": dataset.time_span,
        "update_frequency": dataset.update_frequency,
        "format": dataset.format,
        "size": dataset.size,
        "licence": dataset.licence,
        "url": dataset.url,
        "visibility": dataset.visibility.value,
        "could_answer": dataset.could_answer,
        "retired": dataset.retired_at is not None,
        "created_at": timestamp(dataset.created_at),
        "updated_at": timestamp(dataset.updated_at),
        "page": url_for("datasets.show", dataset_id=dataset.id, _external=True),
    }


def dataset_record_schema(fields: Mapping[str, JsonSchema]) -> JsonSchema:
    """The schema of a whole description: the list shape plus the writable fields' schemas
    (built by the datasets feature from its rules) and what the register adds."""
    return {
        "allOf": [
            DATASET_SCHEMA,
            {
                "type": "object",
                "properties": {
                    **fields,
                    "unit_of_analysis": {
                        "type": ["string", "null"],
                        "enum": [*(u.value for u in UnitOfAnalysis), None],
                    },
                    "visibility": {"type": "string", "enum": [v.value for v in DatasetVisibility]},
                    "held_by_us": {"type": "boolean"},
                    "url": {"type": ["string", "null"]},
                    "retired": {"type": "boolean"},
                    "created_at": {"type": "string", "format": "date-time"},
                    "updated_at": {"type": "string", "format": "date-time"},
                    "page": {"type": "string", "format": "uri"},
                },
            },
        ]
    }


def _scored(result: MatchResult) -> dict[str, Any]:
    """A match's score (0–1), its strength on the site's one scale, its reasons in words and
    the group's questions it serves."""
    return {
        "score": round(result.score, 4),
        "strength": strength(result.score),
        "reasons": [plain_reason(reason) for reason in result.reasons],
        "serves_questions": list(result.serves_questions),
    }


_SCORED_PROPERTIES: dict[str, JsonSchema] = {
    "score": {"type": "number", "minimum": 0, "maximum": 1},
    "strength": {
        "type": "string",
        "enum": list(STRENGTHS),
        "description": "The score in words, as the pages show it",
    },
    "reasons": {"type": "array", "items": {"type": "string"}},
    "serves_questions": {
        "type": "array",
        "items": {"type": "integer"},
        "description": "Ids of the group's public questions the dataset could help answer "
        "(close in meaning, and about a place its data covers), closest first",
    },
}


def match_json(
    dataset: Dataset, result: MatchResult, not_relevant_count: int = 0
) -> dict[str, Any]:
    """A dataset matched to a group: its score, the reasons, the questions it serves and
    members' feedback."""
    return {
        "dataset": dataset_json(dataset),
        **_scored(result),
        "not_relevant_count": not_relevant_count,
    }


_NOT_RELEVANT_COUNT: JsonSchema = {
    "type": "integer",
    "description": "Members who marked the dataset not relevant for the group (then demoted)",
}
MATCH_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "dataset": DATASET_SCHEMA,
        **_SCORED_PROPERTIES,
        "not_relevant_count": _NOT_RELEVANT_COUNT,
    },
}


def group_match_json(
    cluster: Cluster, result: MatchResult, not_relevant_count: int = 0
) -> dict[str, Any]:
    """A question group a dataset could serve: its score, the reasons, the group's questions
    it serves and members' feedback."""
    return {
        "group": cluster_json(cluster),
        **_scored(result),
        "not_relevant_count": not_relevant_count,
    }


GROUP_MATCH_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "group": CLUSTER_SCHEMA,
        **_SCORED_PROPERTIES,
        "not_relevant_count": _NOT_RELEVANT_COUNT,
    },
}


def paged_schema(items: JsonSchema, **extra: JsonSchema) -> JsonSchema:
    """The schema of one page of items (``Page.as_dict``), with any extra properties."""
    return {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": items},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "total": {"type": "integer"},
            "total_capped": {"type": "boolean"},
            "pages": {"type": ["integer", "null"]},
            **extra,
        },
    }


ERROR_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer"},
                "title": {"type": "string"},
                "message": {"type": "string"},
                "request_id": {"type": "string"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                },
            },
            "required": ["status", "title", "message"],
        }
    },
}
ERROR_RESPONSE: JsonSchema = {"$ref": "#/components/responses/Error"}
PAGING_PARAMETERS: list[JsonSchema] = [
    {
        "name": "page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
    },
    {
        "name": "per_page",
        "in": "query",
        "schema": {
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_PER_PAGE,
            "default": DEFAULT_PER_PAGE,
        },
    },
]


def json_response(schema: JsonSchema, description: str) -> JsonSchema:
    """An OpenAPI response with a JSON body of this schema."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}

"""API v1: the dataset register, over the same services as its pages; the schemas are built
from the rules the service checks."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request
from werkzeug.wrappers import Response

from app.api import bp, json_body, requested_page
from app.core.serializers import (
    ERROR_RESPONSE,
    GROUP_MATCH_SCHEMA,
    PAGING_PARAMETERS,
    JsonSchema,
    dataset_record_json,
    dataset_record_schema,
    group_match_json,
    id_parameter,
    json_response,
    paged_schema,
)
from app.core.web import login_required, member, viewer
from app.datasets.exporters import export_response
from app.datasets.rules import (
    ACCESS_LEVELS,
    LIST_LIMITS,
    MAX_THEMES,
    TEXT_LIMITS,
    UNITS,
    VISIBILITIES,
)
from app.datasets.search import DatasetFilters, list_datasets, sector_choices
from app.datasets.service import (
    create_dataset,
    draft_from_json,
    draft_of,
    editable_dataset,
    get_dataset,
    retire_dataset,
    served_groups,
    update_dataset,
)
from app.db import get_session

ApiAnswer = Response | tuple[Response, int]


@bp.get("/datasets")
def datasets_list() -> Response:
    """The readable, live datasets, filtered and searched, one page at a time."""
    at = requested_page()
    found = list_datasets(get_session(), viewer(), DatasetFilters.from_args(request.args), at)
    return jsonify(found.as_dict([dataset_record_json(d) for d in found.items]))


@bp.post("/datasets")
@login_required
def datasets_create() -> ApiAnswer:
    """Describe a dataset (held by the caller's organisation unless ``held_by_us`` is false)."""
    dataset = create_dataset(get_session(), member(), draft_from_json(json_body()))
    return jsonify(dataset_record_json(dataset)), 201


@bp.get("/datasets/<int:dataset_id>")
def datasets_get(dataset_id: int) -> Response:
    """One dataset's description.

    :raise 404: missing or not readable.
    """
    return jsonify(dataset_record_json(get_dataset(get_session(), viewer(), dataset_id)))


@bp.patch("/datasets/<int:dataset_id>")
@login_required
def datasets_patch(dataset_id: int) -> Response:
    """Change some fields of a description; the others keep their values."""
    session = get_session()
    base = draft_of(editable_dataset(session, member(), dataset_id))
    dataset = update_dataset(session, member(), dataset_id, draft_from_json(json_body(), base))
    return jsonify(dataset_record_json(dataset))


@bp.delete("/datasets/<int:dataset_id>")
@login_required
def datasets_retire(dataset_id: int) -> Response:
    """Retire a dataset (it leaves the register, its matches and exports)."""
    return jsonify(dataset_record_json(retire_dataset(get_session(), member(), dataset_id)))


@bp.get("/datasets/<int:dataset_id>/matches")
def datasets_matches(dataset_id: int) -> Response:
    """Every live question group a dataset could serve, best first, with the reasons and the
    questions it serves; groups where members marked it not relevant come last.

    :raise 404: missing or not readable.
    """
    groups = served_groups(get_session(), viewer(), dataset_id)
    return jsonify(
        items=[group_match_json(m.cluster, m.result, m.not_relevant_count) for m in groups]
    )


@bp.get("/datasets/export.csv")
def datasets_export_csv() -> Response:
    """The open register as CSV."""
    return export_response(get_session(), "csv")


@bp.get("/datasets/export.jsonld")
def datasets_export_jsonld() -> Response:
    """The open register as DCAT JSON-LD."""
    return export_response(get_session(), "jsonld")


# --- OpenAPI -----------------------------------------------------------------------------------


def _text_schema(name: str) -> JsonSchema:
    low, high = TEXT_LIMITS[name]
    return {"type": "string", "maxLength": high, **({"minLength": low} if low else {})}


def _list_schema(name: str) -> JsonSchema:
    most, longest = LIST_LIMITS[name]
    return {"type": "array", "items": {"type": "string", "maxLength": longest}, "maxItems": most}


WRITABLE: dict[str, JsonSchema] = {
    **{name: _text_schema(name) for name in TEXT_LIMITS},
    **{name: _list_schema(name) for name in LIST_LIMITS},
    "themes": {
        "type": "array",
        "items": {"type": "string", "description": "A theme slug"},
        "maxItems": MAX_THEMES,
    },
    "access_level": {"type": "string", "enum": list(ACCESS_LEVELS)},
    "unit_of_analysis": {"type": "string", "enum": ["", *UNITS]},
    "visibility": {"type": "string", "enum": list(VISIBILITIES), "default": VISIBILITIES[0]},
}
DATASET_INPUT_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        **WRITABLE,
        "held_by_us": {
            "type": "boolean",
            "default": True,
            "description": "True when the caller's organisation holds it; false for public "
            "data it describes (then `publisher` is required).",
        },
    },
    "required": ["title", "description", "access_level"],
    "additionalProperties": False,
}
DATASET_PATCH_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": WRITABLE,
    "additionalProperties": False,
}
DATASET_RECORD_SCHEMA = dataset_record_schema(WRITABLE)

_ID = id_parameter("dataset_id")
_OPEN: list[JsonSchema] = [{}, {"bearerAuth": []}, {"cookieAuth": []}]


def _query(name: str, description: str, **schema: Any) -> JsonSchema:
    return {"name": name, "in": "query", "description": description, "schema": schema}


def _body(schema: JsonSchema) -> JsonSchema:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


_JSONLD: JsonSchema = {
    "type": "object",
    "required": ["@context", "@graph"],
    "properties": {
        "@context": {"type": "object"},
        "@graph": {
            "type": "array",
            "description": "The dcat:Catalog node, then one dcat:Dataset node per record",
            "items": {"type": "object", "required": ["@id", "@type"]},
        },
    },
}


def _export(kind: str, mimetype: str, schema: JsonSchema) -> JsonSchema:
    return {
        "get": {
            "summary": f"The open register (public, live records) as {kind}",
            "security": _OPEN,
            "responses": {
                "200": {"description": kind, "content": {mimetype: {"schema": schema}}},
            },
        }
    }


DATASET_PATHS: dict[str, Any] = {
    "/datasets": {
        "get": {
            "summary": "Datasets in the register, filtered, searched and paged",
            "description": "Visitors see public records; members also see members-only ones.",
            "security": _OPEN,
            "parameters": [
                _query("q", "Search words: matched literally and by meaning.", type="string"),
                _query("theme", "A theme slug.", type="string"),
                _query(
                    "access_level",
                    "An access level (empty: any).",
                    type="string",
                    enum=["", *ACCESS_LEVELS],
                ),
                _query(
                    "sector",
                    "The holder's sector, or `public` for data no member holds (empty: any).",
                    type="string",
                    enum=["", *(value for value, _ in sector_choices())],
                ),
                _query("geography", "Datasets covering this place.", type="string"),
                *PAGING_PARAMETERS,
            ],
            "responses": {
                "200": json_response(paged_schema(DATASET_RECORD_SCHEMA), "One page"),
                "422": ERROR_RESPONSE,
            },
        },
        "post": {
            "summary": "Describe a dataset",
            "requestBody": _body(DATASET_INPUT_SCHEMA),
            "responses": {
                "201": json_response(DATASET_RECORD_SCHEMA, "The dataset as stored"),
                "400": ERROR_RESPONSE,
                "401": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        },
    },
    "/datasets/{dataset_id}": {
        "get": {
            "summary": "One dataset's description",
            "security": _OPEN,
            "parameters": [_ID],
            "responses": {
                "200": json_response(DATASET_RECORD_SCHEMA, "The dataset"),
                "404": ERROR_RESPONSE,
            },
        },
        "patch": {
            "summary": "Change some fields (members of the holder, or the describer)",
            "parameters": [_ID],
            "requestBody": _body(DATASET_PATCH_SCHEMA),
            "responses": {
                "200": json_response(DATASET_RECORD_SCHEMA, "The dataset as stored"),
                "403": ERROR_RESPONSE,
                "404": ERROR_RESPONSE,
                "422": ERROR_RESPONSE,
            },
        },
        "delete": {
            "summary": "Retire the dataset",
            "parameters": [_ID],
            "responses": {
                "200": json_response(DATASET_RECORD_SCHEMA, "The retired dataset"),
                "403": ERROR_RESPONSE,
                "404": ERROR_RESPONSE,
                "409": ERROR_RESPONSE,
            },
        },
    },
    "/datasets/{dataset_id}/matches": {
        "get": {
            "summary": "Every group a dataset could serve, best first; those where members "
            "marked it not relevant last",
            "security": _OPEN,
            "parameters": [_ID],
            "responses": {
                "200": json_response(
                    {
                        "type": "object",
                        "properties": {"items": {"type": "array", "items": GROUP_MATCH_SCHEMA}},
                    },
                    "The matches",
                ),
                "404": ERROR_RESPONSE,
            },
        }
    },
    "/datasets/export.csv": _export("CSV", "text/csv", {"type": "string"}),
    "/datasets/export.jsonld": _export("DCAT JSON-LD", "application/ld+json", _JSONLD),
}

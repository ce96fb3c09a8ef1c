"""API v1: workshops — set-up, phases, joining (members, guests by code), scores, results,
outcome, data mapping and the bank's barrier totals — over the pages' services."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import abort, jsonify, url_for
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response

from app.api import body_id, bp, json_body, requested_page
from app.core.errors import Refused
from app.core.serializers import (
    ERROR_RESPONSE,
    ID_SCHEMA,
    OPTIONAL_ID_SCHEMA,
    PAGING_PARAMETERS,
    JsonSchema,
    id_parameter,
    json_response,
    paged_schema,
    timestamp,
)
from app.db import get_session
from app.extensions import limiter
from app.workshops.actor import api_actor
from app.workshops.results import ItemResult
from app.workshops.rules import (
    COMMENT_MAX,
    DISPLAY_NAME_MAX,
    DOTS_MAX,
    ITEMS_MAX,
    JOIN_FAILURES_LIMIT,
    MAPPING_TEXT_MAX,
    NEXT_STEP_MAX,
    OWNER_MAX,
    PURPOSE_MAX,
    SCORE_MAX,
    SCORE_MIN,
    TITLE_MAX,
    WEIGHT_MAX,
    barriers,
    criterion_slugs,
    join_failed,
)
from app.workshops.service import (
    Actor,
    BarrierTotals,
    Decision,
    ItemRef,
    MappingDraft,
    Results,
    ScoreEntry,
    WorkshopDraft,
    barrier_totals,
    change_phase,
    create_workshop,
    get_workshop,
    is_facilitator,
    item_views,
    join_as_guest,
    join_as_member,
    list_workshops,
    record_outcome,
    replace_scores,
    results,
    save_mapping,
)
from models import Sector, Workshop, WorkshopMode, WorkshopPhase

# --- JSON shapes -------------------------------------------------------------------------------


def workshop_json(workshop: Workshop, actor: Actor) -> dict[str, Any]:
    """A workshop as this caller may see it (the join code: its facilitator only)."""
    views = item_views(get_session(), actor, workshop.items)
    return {
        "id": workshop.id,
        "title": workshop.title,
        "date": workshop.held_on.isoformat() if workshop.held_on else None,
        "purpose": workshop.description,
        "mode": workshop.mode.value,
        "phase": workshop.phase.value,
        "weights": {slug: workshop.weights.get(slug, 0) for slug in criterion_slugs()},
        "dots": workshop.dots,
        "dot_cap": workshop.dot_cap,
        "invite_only": workshop.invite_only,
        "join_code": workshop.join_code if is_facilitator(actor, workshop) else None,
        "repeat_of_id": workshop.repeat_of_id,
        "outcome": workshop.outcome,
        "items": [
            {
                "id": view.id,
                "cluster_id": view.item.cluster_id,
                "question_id": view.item.question_id if view.readable else None,
                "label": view.label,
                "prioritised": view.item.prioritised,
                "next_step": view.item.next_step,
                "owner": view.item.owner,
            }
            for view in views
        ],
        "created_at": timestamp(workshop.created_at),
        "url": url_for("workshops.show", workshop_id=workshop.id, _external=True),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def result_json(result: ItemResult, label: str, previous: int | None) -> dict[str, Any]:
    """One item's results."""
    return {
        "item_id": result.item_id,
        "label": label,
        "rank": result.rank,
        "previous_rank": previous,
        "mean": {c: _rounded(m) for c, m in result.mean.items()},
        "priority": _rounded(result.priority),
        "spread": {
            c: None if s is None else {"sd": round(s.sd, 3), "range": s.range}
            for c, s in result.spread.items()
        },
        "dots": result.dots,
        "raters": result.raters,
        "disputed": result.disputed,
        "by_sector": {sector or "not-given": _rounded(p) for sector, p in result.by_sector.items()},
    }


def results_json(found: Results) -> dict[str, Any]:
    """The results (after reveal), or the progress count alone (the facilitator before it)."""
    body: dict[str, Any] = {
        "phase": found.workshop.phase.value,
        "progress": {
            "scored": found.progress.scored,
            "participants": found.progress.participants,
        },
    }
    if found.items is not None:
        body["items"] = [
            result_json(r, found.views[r.item_id].label, found.previous_ranks.get(r.item_id))
            for r in found.items
        ]
    return body


def barriers_json(totals: BarrierTotals) -> dict[str, Any]:
    """The bank's barrier totals, in the list's order."""
    return {
        "workshops": totals.workshop_count,
        "entries": totals.mappings,
        "barriers": [
            {
                "slug": term.slug,
                "label": term.label,
                "count": totals.counts.get(term.slug, 0),
                "workshops": totals.workshops.get(term.slug, 0),
            }
            for term in barriers()
        ],
    }


# --- Parsing -----------------------------------------------------------------------------------


def _actor() -> Actor:
    actor = api_actor()
    if actor is None:
        abort(401)
    return actor


def _str(body: dict[str, Any], name: str, default: str = "") -> str:
    value = body.get(name, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise Refused.on(name, "Give text.")
    return value


def _list(body: dict[str, Any], name: str) -> list[Any]:
    value = body.get(name, [])
    if not isinstance(value, list):
        raise Refused.on(name, "Give a list.")
    return value


def _object(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Refused.on(name, "Give a list of objects.")
    return value


def _draft(body: dict[str, Any]) -> WorkshopDraft:
    raw_date = body.get("date")
    try:
        held_on = date.fromisoformat(raw_date) if raw_date else None
    except (TypeError, ValueError):
        raise Refused.on("date", "Give a date as YYYY-MM-DD.") from None
    refs = []
    for raw in _list(body, "items"):
        entry = _object(raw, "items")
        refs.append(ItemRef(body_id(entry, "cluster_id"), body_id(entry, "question_id")))
    weights = body.get("weights")
    if weights is not None and not isinstance(weights, dict):
        raise Refused.on("weights", "Give an object of weights.")
    invite_only = body.get("invite_only", False)
    if not isinstance(invite_only, bool):
        raise Refused.on("invite_only", "Give true or false.")
    invite = _list(body, "invite")
    if not all(isinstance(e, str) for e in invite):
        raise Refused.on("invite", "Give a list of email addresses.")
    return WorkshopDraft(
        title=_str(body, "title"),
        held_on=held_on,
        purpose=_str(body, "purpose"),
        mode=_str(body, "mode", WorkshopMode.ONLINE.value),
        items=refs,
        weights=weights,
        dots=body.get("dots"),
        dot_cap=body.get("dot_cap"),
        invite_only=invite_only,
        invite_emails=invite,
    )


# --- Routes ------------------------------------------------------------------------------------


@bp.get("/workshops")
def workshops_list() -> Response:
    """The workshops the caller may read, newest first (a guest token: its workshop)."""
    actor = _actor()
    page = list_workshops(get_session(), actor, requested_page())
    return jsonify(page.as_dict([workshop_json(w, actor) for w in page.items]))


@bp.post("/workshops")
def workshops_create() -> ResponseReturnValue:
    """Set up a workshop (facilitators and admins)."""
    actor = _actor()
    workshop = create_workshop(get_session(), actor, _draft(json_body()))
    response = jsonify(workshop_json(workshop, actor))
    response.headers["Location"] = url_for("api.workshops_get", workshop_id=workshop.id)
    return response, 201


@bp.get("/workshops/<int:workshop_id>")
def workshops_get(workshop_id: int) -> Response:
    """One workshop, if the caller may read it."""
    actor = _actor()
    return jsonify(workshop_json(get_workshop(get_session(), actor, workshop_id), actor))


@bp.post("/workshops/<int:workshop_id>/phase")
def workshops_phase(workshop_id: int) -> Response:
    """Move the workshop to its next phase (its facilitator only; forward only)."""
    actor = _actor()
    phase = json_body().get("phase")
    workshop = change_phase(
        get_session(), actor, workshop_id, phase if isinstance(phase, str) else None
    )
    return jsonify(workshop_json(workshop, actor))


@bp.post("/workshops/<int:workshop_id>/participants")
def workshops_join_member(workshop_id: int) -> ResponseReturnValue:
    """The calling member joins the workshop (again: nothing changes)."""
    actor = _actor()
    place = join_as_member(get_session(), actor, workshop_id)
    return jsonify(participant_id=place.id, workshop_id=place.workshop_id), 201


@bp.post("/workshops/join")
@limiter.limit(JOIN_FAILURES_LIMIT, deduct_when=join_failed)
def workshops_join_guest() -> ResponseReturnValue:
    """A guest joins by code under a display name; answers a token for that workshop only."""
    body = json_body()
    sector = body.get("sector")
    guest = join_as_guest(
        get_session(),
        _str(body, "code"),
        _str(body, "display_name"),
        sector if isinstance(sector, str) else None,
    )
    return jsonify(
        token=guest.token,
        participant_id=guest.participant.id,
        workshop_id=guest.participant.workshop_id,
    ), 201


def _entry(raw: Any) -> ScoreEntry:
    entry = _object(raw, "scores")
    return ScoreEntry(
        item_id=body_id(entry, "item_id"),
        scores={slug: entry.get(slug) for slug in criterion_slugs()},
        dots=entry.get("dots", 0),
        comment=entry.get("comment") if entry.get("comment") is not None else "",
    )


@bp.put("/workshops/<int:workshop_id>/scores")
def workshops_scores(workshop_id: int) -> Response:
    """Replace the caller's own scores, whole (only while scoring)."""
    actor = _actor()
    entries = [_entry(raw) for raw in _list(json_body(), "scores")]
    rows = replace_scores(get_session(), actor, workshop_id, entries)
    return jsonify(
        scores=[
            {
                "item_id": row.item_id,
                **{slug: getattr(row, slug) for slug in criterion_slugs()},
                "dots": row.dots,
                "comment": row.comment,
            }
            for row in rows
        ]
    )


@bp.get("/workshops/<int:workshop_id>/results")
def workshops_results(workshop_id: int) -> Response:
    """The ranked results after reveal; before it, the facilitator's progress only."""
    return jsonify(results_json(results(get_session(), _actor(), workshop_id)))


@bp.post("/workshops/<int:workshop_id>/outcome")
def workshops_outcome(workshop_id: int) -> Response:
    """Record the prioritised items (its facilitator, after reveal); questions move on."""
    actor = _actor()
    body = json_body()
    decisions = []
    for raw in _list(body, "prioritised"):
        entry = _object(raw, "prioritised")
        decisions.append(
            Decision(body_id(entry, "item_id"), entry.get("next_step", ""), entry.get("owner", ""))
        )
    workshop = record_outcome(get_session(), actor, workshop_id, decisions, _str(body, "summary"))
    return jsonify(workshop_json(workshop, actor))


@bp.put("/workshops/<int:workshop_id>/mapping")
def workshops_mapping(workshop_id: int) -> Response:
    """Replace the caller's data mapping for one prioritised item (while mapping)."""
    actor = _actor()
    body = json_body()
    new = body.get("new_dataset") or {}
    if not isinstance(new, dict):
        raise Refused.on("new_dataset", "Give an object with a title and a description.")
    mapping = save_mapping(
        get_session(),
        actor,
        workshop_id,
        MappingDraft(
            item_id=body_id(body, "item_id"),
            holds=body.get("holds", ""),
            needs=body.get("needs", ""),
            dataset_id=body_id(body, "dataset_id"),
            new_dataset_title=new.get("title", ""),
            new_dataset_description=new.get("description", ""),
            barriers=_list(body, "barriers"),
            barrier_note=body.get("barrier_note", ""),
        ),
    )
    return jsonify(
        item_id=mapping.item_id,
        dataset_id=mapping.dataset_id,
        holds=mapping.holds,
        needs=mapping.needs,
        barriers=list(mapping.barriers),
        barrier_note=mapping.barrier_note,
    )


@bp.get("/workshops/barriers")
def workshops_barriers() -> Response:
    """The barriers to sharing data named across every workshop (counts only, anonymised)."""
    return jsonify(barriers_json(barrier_totals(get_session())))


# --- OpenAPI -----------------------------------------------------------------------------------

_WORKSHOP_ID = id_parameter("workshop_id")
_CRITERIA = criterion_slugs()
_SCORE: JsonSchema = {"type": ["integer", "null"], "minimum": SCORE_MIN, "maximum": SCORE_MAX}
_NUMBER_OR_NULL: JsonSchema = {"type": ["number", "null"]}
_ITEM_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "cluster_id": {"type": ["integer", "null"]},
        "question_id": {"type": ["integer", "null"]},
        "label": {"type": "string", "description": "What the caller may read of the item."},
        "prioritised": {"type": "boolean"},
        "next_step": {"type": "string"},
        "owner": {"type": "string"},
    },
    "required": ["id", "label", "prioritised"],
}
WORKSHOP_SCHEMA: JsonSchema = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "date": {"type": ["string", "null"], "format": "date"},
        "purpose": {"type": "string"},
        "mode": {"type": "string", "enum": [m.value for m in WorkshopMode]},
        "phase": {"type": "string", "enum": [p.value for p in WorkshopPhase]},
        "weights": {"type": "object", "additionalProperties": {"type": "number"}},
        "dots": {"type": "integer"},
        "dot_cap": {"type": "integer"},
        "invite_only": {"type": "boolean"},
        "join_code": {
            "type": ["string", "null"],
            "description": "The code guests join with (shown to the facilitator only).",
        },
        "repeat_of_id": {"type": ["integer", "null"]},
        "outcome": {"type": "string"},
        "items": {"type": "array", "items": _ITEM_SCHEMA},
        "created_at": {"type": "string", "format": "date-time"},
        "url": {"type": "string", "format": "uri"},
    },
    "required": ["id", "title", "phase", "join_code", "items"],
}
_NEW_WORKSHOP: JsonSchema = {
    "type": "object",
    "required": ["title", "items"],
    "properties": {
        "title": {"type": "string", "minLength": 1, "maxLength": TITLE_MAX},
        "date": {"type": "string", "format": "date"},
        "purpose": {"type": "string", "maxLength": PURPOSE_MAX},
        "mode": {"type": "string", "enum": [m.value for m in WorkshopMode]},
        "items": {
            "type": "array",
            "minItems": 1,
            "maxItems": ITEMS_MAX,
            "description": 'Each item is {"cluster_id": N} or {"question_id": N}.',
            "items": {
                "type": "object",
                "properties": {"cluster_id": OPTIONAL_ID_SCHEMA, "question_id": OPTIONAL_ID_SCHEMA},
            },
        },
        "weights": {
            "type": "object",
            "description": "Each criterion's weight; missing ones weigh 1; at least one above 0.",
            "properties": {
                slug: {"type": "number", "minimum": 0, "maximum": WEIGHT_MAX} for slug in _CRITERIA
            },
            "additionalProperties": False,
        },
        "dots": {"type": "integer", "minimum": 0, "maximum": DOTS_MAX, "default": 10},
        "dot_cap": {"type": "integer", "minimum": 0, "maximum": DOTS_MAX, "default": 3},
        "invite_only": {"type": "boolean"},
        "invite": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Emails of members to invite (they are told in-app).",
        },
    },
}
_PHASE_CHANGE: JsonSchema = {
    "type": "object",
    "required": ["phase"],
    "properties": {
        "phase": {
            "type": "string",
            "enum": [p.value for p in WorkshopPhase if p is not WorkshopPhase.SETUP],
            "description": "setup → scoring → reveal → decided → (mapping) → closed",
        }
    },
}
_GUEST_JOIN: JsonSchema = {
    "type": "object",
    "required": ["code", "display_name"],
    "properties": {
        "code": {"type": "string"},
        "display_name": {"type": "string", "minLength": 1, "maxLength": DISPLAY_NAME_MAX},
        "sector": {"type": "string", "enum": [s.value for s in Sector]},
    },
}
_GUEST_PASS: JsonSchema = {
    "type": "object",
    "properties": {
        "token": {
            "type": "string",
            "description": "Send as `Authorization: Bearer <token>`: it opens this workshop only.",
        },
        "participant_id": {"type": "integer"},
        "workshop_id": {"type": "integer"},
    },
    "required": ["token", "participant_id", "workshop_id"],
}
_SCORE_ROW: JsonSchema = {
    "type": "object",
    "required": ["item_id"],
    "properties": {
        "item_id": ID_SCHEMA,
        **{slug: _SCORE for slug in _CRITERIA},
        "dots": {"type": "integer", "minimum": 0, "maximum": DOTS_MAX},
        "comment": {"type": ["string", "null"], "maxLength": COMMENT_MAX},
    },
}
_SCORES: JsonSchema = {
    "type": "object",
    "required": ["scores"],
    "properties": {"scores": {"type": "array", "items": _SCORE_ROW}},
}
_SPREAD: JsonSchema = {
    "type": ["object", "null"],
    "properties": {"sd": {"type": "number"}, "range": {"type": "integer"}},
}
_RESULT: JsonSchema = {
    "type": "object",
    "properties": {
        "item_id": {"type": "integer"},
        "label": {"type": "string"},
        "rank": {"type": ["integer", "null"], "description": "Shared by tied items."},
        "previous_rank": {"type": ["integer", "null"]},
        "mean": {"type": "object", "properties": {c: _NUMBER_OR_NULL for c in _CRITERIA}},
        "priority": _NUMBER_OR_NULL,
        "spread": {"type": "object", "properties": {c: _SPREAD for c in _CRITERIA}},
        "dots": {"type": "integer"},
        "raters": {"type": "integer"},
        "disputed": {"type": "boolean"},
        "by_sector": {"type": "object", "additionalProperties": _NUMBER_OR_NULL},
    },
    "required": ["item_id", "mean", "priority", "spread", "dots", "raters", "disputed"],
}
_RESULTS: JsonSchema = {
    "type": "object",
    "properties": {
        "phase": {"type": "string"},
        "progress": {
            "type": "object",
            "properties": {"scored": {"type": "integer"}, "participants": {"type": "integer"}},
        },
        "items": {
            "type": "array",
            "items": _RESULT,
            "description": "After reveal only, ranked by priority.",
        },
    },
    "required": ["phase", "progress"],
}
_OUTCOME: JsonSchema = {
    "type": "object",
    "required": ["prioritised"],
    "properties": {
        "prioritised": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["item_id"],
                "properties": {
                    "item_id": ID_SCHEMA,
                    "next_step": {"type": "string", "maxLength": NEXT_STEP_MAX},
                    "owner": {"type": "string", "maxLength": OWNER_MAX},
                },
            },
        },
        "summary": {"type": "string"},
    },
}
_MAPPING: JsonSchema = {
    "type": "object",
    "required": ["item_id"],
    "properties": {
        "item_id": ID_SCHEMA,
        "holds": {"type": "string", "maxLength": MAPPING_TEXT_MAX},
        "needs": {"type": "string", "maxLength": MAPPING_TEXT_MAX},
        "dataset_id": OPTIONAL_ID_SCHEMA,
        "new_dataset": {
            "type": "object",
            "description": "A dataset your organisation holds, added to the register.",
            "properties": {"title": {"type": "string"}, "description": {"type": "string"}},
        },
        "barriers": {
            "type": "array",
            "items": {"type": "string", "enum": [term.slug for term in barriers()]},
        },
        "barrier_note": {"type": "string", "maxLength": MAPPING_TEXT_MAX},
    },
}
_MAPPING_ROW: JsonSchema = {
    "type": "object",
    "properties": {
        "item_id": {"type": "integer"},
        "dataset_id": {"type": ["integer", "null"]},
        "holds": {"type": "string"},
        "needs": {"type": "string"},
        "barriers": {"type": "array", "items": {"type": "string"}},
        "barrier_note": {"type": "string"},
    },
}
_BARRIERS: JsonSchema = {
    "type": "object",
    "properties": {
        "workshops": {"type": "integer"},
        "entries": {"type": "integer"},
        "barriers": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "slug": {"type": "string"},
                    "label": {"type": "string"},
                    "count": {"type": "integer"},
                    "workshops": {"type": "integer"},
                },
            },
        },
    },
}
_GUEST_OR_MEMBER: list[dict[str, list[str]]] = [{"bearerAuth": []}, {"cookieAuth": []}]


def _body(schema: JsonSchema) -> JsonSchema:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: str) -> dict[str, JsonSchema]:
    return dict.fromkeys(codes, ERROR_RESPONSE)


_ONE = json_response(WORKSHOP_SCHEMA, "The workshop")
WORKSHOP_PATHS: dict[str, Any] = {
    "/workshops": {
        "get": {
            "summary": "Workshops (a guest token: its own workshop only)",
            "parameters": PAGING_PARAMETERS,
            "responses": {"200": json_response(paged_schema(WORKSHOP_SCHEMA), "A page")},
        },
        "post": {
            "summary": "Set up a workshop (facilitators and admins)",
            "requestBody": _body(_NEW_WORKSHOP),
            "responses": {"201": _ONE, **_errors("403", "422")},
        },
    },
    "/workshops/{workshop_id}": {
        "get": {
            "summary": "One workshop",
            "parameters": [_WORKSHOP_ID],
            "responses": {"200": _ONE},
        }
    },
    "/workshops/{workshop_id}/phase": {
        "post": {
            "summary": "Move to the next phase (facilitator only; forward only)",
            "parameters": [_WORKSHOP_ID],
            "requestBody": _body(_PHASE_CHANGE),
            "responses": {"200": _ONE, **_errors("403", "409", "422")},
        }
    },
    "/workshops/{workshop_id}/participants": {
        "post": {
            "summary": "Join as the calling member",
            "parameters": [_WORKSHOP_ID],
            "responses": {
                "201": json_response(
                    {
                        "type": "object",
                        "properties": {
                            "participant_id": {"type": "integer"},
                            "workshop_id": {"type": "integer"},
                        },
                    },
                    "The member's place",
                ),
                **_errors("403", "409"),
            },
        }
    },
    "/workshops/join": {
        "post": {
            "summary": "Join as a guest by code (no account)",
            "security": [{}],
            "requestBody": _body(_GUEST_JOIN),
            "responses": {
                "201": json_response(_GUEST_PASS, "The guest's token"),
                **_errors("409", "422", "429"),
            },
        }
    },
    "/workshops/{workshop_id}/scores": {
        "put": {
            "summary": "Replace the caller's own scores (while scoring)",
            "security": _GUEST_OR_MEMBER,
            "parameters": [_WORKSHOP_ID],
            "requestBody": _body(_SCORES),
            "responses": {
                "200": json_response(_SCORES, "The caller's scores as stored"),
                **_errors("403", "409", "422"),
            },
        }
    },
    "/workshops/{workshop_id}/results": {
        "get": {
            "summary": "Results after reveal; before it, the facilitator's progress only",
            "security": _GUEST_OR_MEMBER,
            "parameters": [_WORKSHOP_ID],
            "responses": {"200": json_response(_RESULTS, "The results"), **_errors("403")},
        }
    },
    "/workshops/{workshop_id}/outcome": {
        "post": {
            "summary": "Record the prioritised items (facilitator, after reveal)",
            "parameters": [_WORKSHOP_ID],
            "requestBody": _body(_OUTCOME),
            "responses": {"200": _ONE, **_errors("403", "409", "422")},
        }
    },
    "/workshops/{workshop_id}/mapping": {
        "put": {
            "summary": "Replace the caller's data mapping for one prioritised item",
            "security": _GUEST_OR_MEMBER,
            "parameters": [_WORKSHOP_ID],
            "requestBody": _body(_MAPPING),
            "responses": {
                "200": json_response(_MAPPING_ROW, "The mapping as stored"),
                **_errors("403", "404", "409", "422"),
            },
        }
    },
    "/workshops/barriers": {
        "get": {
            "summary": "Barriers to sharing data named across every workshop (anonymised)",
            "security": [{}],
            "responses": {"200": json_response(_BARRIERS, "The totals")},
        }
    },
}

"""What a workshop may hold and how it moves: the constants the forms, the service and the API
schema all read, and the vocabularies kept in ``data/``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models import WorkshopPhase

TITLE_MAX = 200
PURPOSE_MAX = 4000
COMMENT_MAX = 1000
NEXT_STEP_MAX = 1000
OWNER_MAX = 200
DISPLAY_NAME_MAX = 60
MAPPING_TEXT_MAX = 2000
ITEMS_MAX = 60
DOTS_MAX = 100
WEIGHT_MAX = 10
SCORE_MIN, SCORE_MAX = 1, 5
DEFAULT_DOTS, DEFAULT_DOT_CAP = 10, 3
JOIN_CODE_LENGTH = 6
# No 0/O or 1/I/L: a code read out in a room is typed right the first time.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GUEST_TOKEN_PREFIX = "qbw_"
# Failed joins by code, per address: slows guessing codes, while a room of guests behind one
# address who typed the code right is never held up.
JOIN_FAILURES_LIMIT = "20 per hour"


def join_failed(response: object) -> bool:
    """Whether a join answered an error (only those count toward the limit)."""
    return int(getattr(response, "status_code", 500)) >= 400


# A criterion's scores this far apart (range) or this spread (population standard deviation)
# mark the item for discussion.
DISPUTE_RANGE = 3
DISPUTE_SD = 1.25

# setup → scoring → reveal → decided → (mapping) → closed: forward only.
NEXT_PHASES: dict[WorkshopPhase, tuple[WorkshopPhase, ...]] = {
    WorkshopPhase.SETUP: (WorkshopPhase.SCORING,),
    WorkshopPhase.SCORING: (WorkshopPhase.REVEAL,),
    WorkshopPhase.REVEAL: (WorkshopPhase.DECIDED,),
    WorkshopPhase.DECIDED: (WorkshopPhase.MAPPING, WorkshopPhase.CLOSED),
    WorkshopPhase.MAPPING: (WorkshopPhase.CLOSED,),
    WorkshopPhase.CLOSED: (),
}
JOINABLE = (WorkshopPhase.SETUP, WorkshopPhase.SCORING)
RESULTS_SHOWN = (
    WorkshopPhase.REVEAL,
    WorkshopPhase.DECIDED,
    WorkshopPhase.MAPPING,
    WorkshopPhase.CLOSED,
)
DECIDABLE = (WorkshopPhase.REVEAL, WorkshopPhase.DECIDED)

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary: a slug, its label and a hint for forms."""

    slug: str
    label: str
    hint: str


def _terms(name: str) -> tuple[Term, ...]:
    document = json.loads((_DATA / f"{name}.json").read_text(encoding="utf-8"))
    return tuple(Term(i["slug"], i["label"], i["hint"]) for i in document["items"])


@cache
def criteria() -> tuple[Term, ...]:
    """The criteria every item is scored on (value, gap, feasibility)."""
    return _terms("criteria")


@cache
def barriers() -> tuple[Term, ...]:
    """The barriers to sharing data that participants choose from."""
    return _terms("barriers")


def criterion_slugs() -> tuple[str, ...]:
    """The criteria's slugs, in order."""
    return tuple(term.slug for term in criteria())


def default_weights() -> dict[str, float]:
    """Equal weights for every criterion."""
    return dict.fromkeys(criterion_slugs(), 1.0)

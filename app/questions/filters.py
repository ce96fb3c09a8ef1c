"""The question listing's filters: read from a query string, each value checked against what
exists, and turned into SQL conditions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from sqlalchemy import ColumnElement, exists, false, func
from sqlalchemy.orm import Session

from app.bank.vocabulary import action_type_named
from app.core.errors import Refused
from app.core.guards import MAX_ID
from app.insight.places import canonical_place
from app.questions.rules import GEOGRAPHY_MAX, SEARCH_MAX
from models import (
    Cluster,
    Organisation,
    Question,
    QuestionStatus,
    Sector,
    Theme,
    question_themes,
)

NEWEST, SUPPORTED, RELEVANCE = "newest", "supported", "relevance"
SORTS = {NEWEST: "Newest", SUPPORTED: "Most supported", RELEVANCE: "Best match"}
NO_GROUP = "none"

Condition = ColumnElement[bool]
FilterCheck = Callable[[Session, str], tuple[Condition | None, str | None]]


@dataclass(frozen=True)
class QuestionFilters:
    """What the listing is narrowed to, as plain values from a query string or JSON."""

    q: str = ""
    theme: str = ""
    action_type: str = ""
    sector: str = ""
    geography: str = ""
    status: str = ""
    group: str = ""
    sort: str = ""

    @property
    def searching(self) -> bool:
        """Whether there is a search query."""
        return bool(self.q.strip())

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> QuestionFilters:
        """The filters in a query string, trimmed."""
        return cls(**{f.name: str(args.get(f.name, "")).strip() for f in fields(cls)})

    def as_args(self) -> dict[str, str]:
        """The filters that are set, as query-string arguments."""
        return {name: value for name, value in vars(self).items() if value}


def unindexed(condition: Condition) -> Condition:
    """The same condition, in a form no index can serve, so the planner walks the sort's index.

    Without ANALYZE statistics SQLite guesses that ``hidden = 0`` (or a status, an action type)
    picks out a handful of rows, reads every one through that index and sorts them all: 120 ms
    at 100,000 questions. Hidden from index choice, the condition is checked while walking the
    created-at or support index, which stops after one page: under 1 ms. PostgreSQL plans from
    its statistics and reaches the same plan either way.
    """
    return func.coalesce(condition, false())


def _theme(session: Session, value: str) -> tuple[Condition | None, str | None]:
    if session.get(Theme, value) is None:
        return None, "Choose a theme from the list."
    has_theme = exists().where(
        question_themes.c.question_id == Question.id, question_themes.c.theme_slug == value
    )
    return has_theme, None


def _action_type(session: Session, value: str) -> tuple[Condition | None, str | None]:
    if action_type_named(session, value) is None:
        return None, "Choose an action type from the list."
    return unindexed(Question.action_type_slug == value), None


def _sector(_session: Session, value: str) -> tuple[Condition | None, str | None]:
    sector = next((s for s in Sector if s.value == value), None)
    if sector is None:
        return None, "Choose a sector from the list."
    asked_from = exists().where(
        Organisation.id == Question.organisation_id, Organisation.sector == sector
    )
    return asked_from, None


def _status(_session: Session, value: str) -> tuple[Condition | None, str | None]:
    status = next((s for s in QuestionStatus if s.value == value), None)
    if status is None:
        return None, "Choose a status from the list."
    return unindexed(Question.status == status), None


def _group(session: Session, value: str) -> tuple[Condition | None, str | None]:
    if value == NO_GROUP:
        return unindexed(Question.cluster_id.is_(None)), None
    if not value.isdigit() or int(value) > MAX_ID or session.get(Cluster, int(value)) is None:
        return None, "There is no such question group."
    # One group's questions are few: here its index is the better road.
    return Question.cluster_id == int(value), None


def _geography(_session: Session, value: str) -> tuple[Condition | None, str | None]:
    if len(value) > GEOGRAPHY_MAX:
        return None, f"Keep the place to {GEOGRAPHY_MAX} characters or fewer."
    return func.lower(Question.geography) == canonical_place(value).lower(), None


def _sort(_session: Session, value: str) -> tuple[Condition | None, str | None]:
    return None, None if value in SORTS else "Choose an order from the list."


def _query(_session: Session, value: str) -> tuple[Condition | None, str | None]:
    if len(value) > SEARCH_MAX:
        return None, f"Keep the search to {SEARCH_MAX} characters or fewer."
    return None, None  # the search itself is applied by the listing


FILTER_CHECKS: dict[str, FilterCheck] = {
    "theme": _theme,
    "action_type": _action_type,
    "sector": _sector,
    "status": _status,
    "group": _group,
    "geography": _geography,
    "sort": _sort,
    "q": _query,
}


def filter_conditions(session: Session, filters: QuestionFilters) -> list[Condition]:
    """SQL conditions for the filters, each value checked against what exists.

    Only the one-group filter may lead the planner to an index (see ``unindexed``).

    :raise Refused: naming every filter whose value does not exist.
    """
    errors: dict[str, list[str]] = {}
    conditions: list[Condition] = []
    for name, check in FILTER_CHECKS.items():
        value = getattr(filters, name)
        if not value:
            continue
        condition, error = check(session, value)
        if error:
            errors[name] = [error]
        elif condition is not None:
            conditions.append(condition)
    if errors:
        raise Refused(errors)
    return conditions

"""Demo content for a fresh Question Bank, read from the JSON files in ``app/demo/data``.

Everything is fictional but written to read like the real thing: the organisations, people and
their questions are invented; the public statistical series among the datasets are real UK
series described accurately (with no links, since the demo names no external hosts), and
members' own datasets are invented descriptions of the kinds of data such organisations hold.

Each file is ``{"source": "<one-line note>", "items": [...]}``; the item shapes are the
TypedDicts below (a contract with ``app.demo.seed``). A question's ``family`` names the
underlying question it is a version of, asked by at least three organisations in their own
words: the ground truth for clustering checks. A dataset's ``families`` lists the question
families it could genuinely help answer: the ground truth for matching. Pledges, partnerships
and workshops refer to a family by slug, meaning the first question of that family.

Each file is read once and cached; treat what is returned as read-only.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, TypedDict, cast


class OrganisationRow(TypedDict):
    """A demo organisation; ``key`` is how other rows refer to it."""

    key: str
    name: str
    sector: str
    region: str
    website: str
    description: str


class UserRow(TypedDict):
    """A demo member of an organisation (``org`` is an organisation key)."""

    email: str
    name: str
    org: str
    role: str
    organisation_role: str


class AnswerLinkRow(TypedDict):
    """Where the answer to a question can be read."""

    url: str
    summary: str


class QuestionRow(TypedDict):
    """A demo question; an answered one carries at least one answer link."""

    text: str
    action: str
    action_type: str
    themes: list[str]
    geography: str
    population_groups: list[str]
    org: str
    author: str
    show_org: bool
    status: str
    answer_links: list[AnswerLinkRow]
    family: str
    supporters: list[str]


class DatasetRow(TypedDict):
    """A demo dataset: held by an organisation (``holder`` is its key), or public data no member
    holds (``holder`` is null and ``publisher`` names who publishes it)."""

    title: str
    description: str
    publisher: str
    holder: str | None
    contact: str
    themes: list[str]
    geography: str
    granularity: str
    time_span: str
    update_frequency: str
    format: str
    access_level: str
    licence: str
    url: str | None
    keywords: list[str]
    variables: list[str]
    unit_of_analysis: str
    population: str
    families: list[str]


class PledgeRow(TypedDict):
    """A dataset (by title) pledged to a question family by a member (by email)."""

    dataset: str
    family: str
    by: str
    condition_kinds: list[str]
    conditions: str
    available_from: str | None
    status: str


class MemberRow(TypedDict):
    """A member of a partnership and the part they play."""

    email: str
    role: str


class LogRow(TypedDict):
    """A decision or next step a member (by email) logged in a partnership."""

    by: str
    kind: str
    text: str


class CheckRow(TypedDict):
    """A readiness checklist item a member (by email) ticked."""

    item: str
    by: str


class PartnershipRow(TypedDict):
    """A partnership formed around a question family; its first member leads it."""

    title: str
    family: str
    status: str
    next_steps: str
    members: list[MemberRow]
    invited: list[MemberRow]
    log: list[LogRow]
    checklist: list[CheckRow]


class ScoreRow(TypedDict):
    """One participant's score for one question family on one criterion (value, gap,
    feasibility)."""

    participant: str
    family: str
    criterion: str
    score: int


class DecisionRow(TypedDict):
    """A prioritised question family, with its next step and owner."""

    family: str
    next_step: str
    owner: str


class MappingRow(TypedDict):
    """What one participant holds toward a prioritised family, needs, and finds in the way."""

    participant: str
    family: str
    holds: str
    needs: str
    barriers: list[str]
    barrier_note: str


class WorkshopRow(TypedDict):
    """A prioritisation workshop; ``date`` is an ISO date (YYYY-MM-DD), ``mode`` in-person or
    online, ``phase`` where it is (setup … closed)."""

    title: str
    facilitator: str
    date: str
    description: str
    mode: str
    families: list[str]
    participants: list[str]
    scores: list[ScoreRow]
    outcome: str
    prioritised: list[DecisionRow]
    mappings: list[MappingRow]
    phase: str


def _items(name: str, shape: type[Any]) -> tuple[Any, ...]:
    """The items of ``data/<name>.json``, each checked to have exactly the keys of ``shape``."""
    text = resources.files("app.demo").joinpath("data", f"{name}.json").read_text("utf-8")
    document = json.loads(text)
    items = document["items"] if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{name}.json: expected an object with an 'items' list")
    expected = set(shape.__annotations__)
    for position, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != expected:
            keys = sorted(item) if isinstance(item, dict) else type(item).__name__
            raise ValueError(
                f"{name}.json item {position}: expected {sorted(expected)}, got {keys}"
            )
    return tuple(items)


@cache
def organisations() -> tuple[OrganisationRow, ...]:
    """The demo organisations."""
    return cast(tuple[OrganisationRow, ...], _items("organisations", OrganisationRow))


@cache
def users() -> tuple[UserRow, ...]:
    """The demo members."""
    return cast(tuple[UserRow, ...], _items("users", UserRow))


@cache
def questions() -> tuple[QuestionRow, ...]:
    """The demo questions, in families of versions of the same underlying question."""
    return cast(tuple[QuestionRow, ...], _items("questions", QuestionRow))


@cache
def datasets() -> tuple[DatasetRow, ...]:
    """The demo datasets."""
    return cast(tuple[DatasetRow, ...], _items("datasets", DatasetRow))


@cache
def pledges() -> tuple[PledgeRow, ...]:
    """The demo pledges of datasets to question families."""
    return cast(tuple[PledgeRow, ...], _items("pledges", PledgeRow))


@cache
def partnerships() -> tuple[PartnershipRow, ...]:
    """The demo partnerships."""
    return cast(tuple[PartnershipRow, ...], _items("partnerships", PartnershipRow))


@cache
def workshops() -> tuple[WorkshopRow, ...]:
    """The demo prioritisation workshops."""
    return cast(tuple[WorkshopRow, ...], _items("workshops", WorkshopRow))

"""A question as typed (a draft), read the same way from a form or a JSON body, and checked once
against the rules in ``rules``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.bank.vocabulary import action_type_named, themes_named
from app.core.errors import Refused
from app.core.text import length_error, squash
from app.insight.places import canonical_place
from app.questions.rules import (
    ACTION_MAX,
    ACTION_MIN,
    DEFAULT_GEOGRAPHY,
    GEOGRAPHY_MAX,
    MAX_POPULATION_GROUPS,
    MAX_THEMES,
    POPULATION_GROUP_MAX,
    TEXT_MAX,
    TEXT_MIN,
)
from models import (
    ActionType,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    Theme,
    User,
    Visibility,
)

TEXT_FIELDS = ("text", "action", "action_type", "geography", "visibility")
LIST_FIELDS = ("themes", "population_groups")


@dataclass(frozen=True)
class QuestionDraft:
    """A question as a member typed it, before validation: plain values only."""

    text: str
    action: str
    action_type: str
    themes: tuple[str, ...]
    geography: str = DEFAULT_GEOGRAPHY
    population_groups: tuple[str, ...] = ()
    visibility: str = Visibility.PUBLIC.value
    show_organisation: bool = True


@dataclass(frozen=True)
class ValidDraft:
    """A draft that passed every check, with its vocabulary rows looked up."""

    text: str
    action: str
    action_type: ActionType
    themes: list[Theme]
    geography: str
    population_groups: list[str]
    visibility: Visibility
    show_organisation: bool


def split_population_groups(text: str) -> tuple[str, ...]:
    """Comma-separated population groups as a tuple, blanks dropped."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _strings(value: Any) -> tuple[str, ...] | None:
    """A list of strings (or one comma-separated string) as a tuple; None if it is neither."""
    if isinstance(value, str):
        return split_population_groups(value)
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def draft_from(values: Mapping[str, Any]) -> QuestionDraft:
    """The draft in submitted values — a form's ``data`` or a JSON object alike.

    :raise Refused: a value has the wrong type (a number for the text, say), naming the field.
    """
    errors: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    for name in TEXT_FIELDS:
        value = values.get(name) or ""
        if not isinstance(value, str):
            errors[name] = ["Give a string."]
        texts[name] = value if isinstance(value, str) else ""
    lists: dict[str, tuple[str, ...]] = {}
    for name in LIST_FIELDS:
        items = _strings(values.get(name) or [])
        if items is None:
            errors[name] = ["Give a list of strings."]
        lists[name] = items or ()
    show = values.get("show_organisation", True)
    if not isinstance(show, bool):
        errors["show_organisation"] = ["Give true or false."]
    if errors:
        raise Refused(errors)
    return QuestionDraft(
        text=texts["text"],
        action=texts["action"],
        action_type=texts["action_type"],
        themes=lists["themes"],
        geography=texts["geography"],
        population_groups=lists["population_groups"],
        visibility=texts["visibility"] or Visibility.PUBLIC.value,
        show_organisation=bool(show),
    )


def _theme_errors(session: Session, slugs: list[str]) -> tuple[list[Theme], list[str]]:
    themes = themes_named(session, slugs) if slugs else []
    unknown = sorted(set(slugs) - {theme.slug for theme in themes})
    if unknown:
        return themes, [f"Choose themes from the list, not: {', '.join(unknown)}."]
    if not slugs:
        return themes, ["Choose at least one theme."]
    if len(slugs) > MAX_THEMES:
        return themes, [f"Choose at most {MAX_THEMES} themes."]
    return themes, []


def _group_errors(groups: list[str]) -> list[str]:
    if len(groups) > MAX_POPULATION_GROUPS:
        return [f"Name at most {MAX_POPULATION_GROUPS} groups."]
    if any(len(group) > POPULATION_GROUP_MAX for group in groups):
        return [f"Keep each group to {POPULATION_GROUP_MAX} characters or fewer."]
    return []


def validate_draft(session: Session, draft: QuestionDraft) -> ValidDraft:
    """Check a draft against every rule and look up its vocabulary.

    :raise Refused: naming every field at fault.
    """
    errors: dict[str, list[str]] = {}
    text, action = squash(draft.text), squash(draft.action)
    geography = squash(draft.geography) or DEFAULT_GEOGRAPHY
    for name, value, label, low, high in (
        ("text", text, "your question", TEXT_MIN, TEXT_MAX),
        ("action", action, "what an answer would let you do", ACTION_MIN, ACTION_MAX),
    ):
        if message := length_error(value, label, low, high):
            errors[name] = [message]
    if len(geography) > GEOGRAPHY_MAX:
        errors["geography"] = [f"Keep the place to {GEOGRAPHY_MAX} characters or fewer."]
    action_type = action_type_named(session, draft.action_type) if draft.action_type else None
    if action_type is None:
        errors["action_type"] = ["Choose what kind of action an answer would support."]
    chosen = [slug for slug in draft.themes if slug]
    themes, errors["themes"] = _theme_errors(session, list(dict.fromkeys(chosen)))
    if len(chosen) > MAX_THEMES and not errors["themes"]:  # the same theme many times over
        errors["themes"] = [f"Choose at most {MAX_THEMES} themes, each once."]
    groups = list(dict.fromkeys(squash(group) for group in draft.population_groups if group))
    errors["population_groups"] = _group_errors(groups)
    visibility = next((v for v in Visibility if v.value == draft.visibility), None)
    if visibility is None:
        errors["visibility"] = ["Choose who can see the question."]
    if any(errors.values()) or action_type is None or visibility is None:
        raise Refused(errors)
    return ValidDraft(
        text=text,
        action=action,
        action_type=action_type,
        themes=sorted(themes, key=lambda theme: theme.position),
        geography=canonical_place(geography),
        population_groups=groups,
        visibility=visibility,
        show_organisation=draft.show_organisation,
    )


def open_question(valid: ValidDraft, author: User, organisation_id: int) -> Question:
    """A new open question from a checked draft, with its first status change (not added to
    any session)."""
    return Question(
        text=valid.text,
        action=valid.action,
        action_type=valid.action_type,
        themes=valid.themes,
        geography=valid.geography,
        population_groups=valid.population_groups,
        visibility=valid.visibility,
        show_organisation=valid.show_organisation,
        author=author,
        organisation_id=organisation_id,
        status=QuestionStatus.OPEN,
        status_changes=[QuestionStatusChange(to_status=QuestionStatus.OPEN, changed_by=author)],
    )

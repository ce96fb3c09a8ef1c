"""What a dataset description must respect, checked once here for the form, the API and imports.

The limits and vocabularies are constants that the form's hints and the OpenAPI schema read, so
the three never disagree. ``validate_dataset`` turns plain values (a ``DatasetDraft``) into a
``ValidDataset`` or raises one ``Refused`` naming every field at fault.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from app.bank.vocabulary import themes_named
from app.core.errors import Refused
from app.core.text import length_error, squash
from app.insight.places import UK_WIDE, canonical_place
from models import AccessLevel, DatasetVisibility, Theme, UnitOfAnalysis

# Text fields: (fewest characters, most characters). A minimum of 0 makes the field optional.
TEXT_LIMITS: dict[str, tuple[int, int]] = {
    "title": (3, 200),
    "description": (20, 4000),
    "publisher": (0, 200),
    "contact": (0, 200),
    "population": (0, 300),
    "geography": (0, 120),
    "granularity": (0, 80),
    "time_span": (0, 80),
    "update_frequency": (0, 40),
    "format": (0, 80),
    "size": (0, 80),
    "licence": (0, 120),
    "url": (0, 500),
    "could_answer": (0, 2000),
}
# List fields: (most items, most characters in one item).
LIST_LIMITS: dict[str, tuple[int, int]] = {"keywords": (20, 60), "variables": (40, 120)}
MAX_THEMES = 6

ACCESS_LEVELS = tuple(level.value for level in AccessLevel)
UNITS = tuple(unit.value for unit in UnitOfAnalysis)
VISIBILITIES = tuple(v.value for v in DatasetVisibility)

# Offered beside the free-text fields; any other value can be typed.
GRANULARITY_SUGGESTIONS = (
    "UK",
    "nation",
    "region",
    "local authority",
    "ward",
    "MSOA",
    "LSOA",
    "data zone",
    "postcode district",
    "postcode",
    "individual address",
)
FREQUENCY_SUGGESTIONS = (
    "one-off",
    "annual",
    "quarterly",
    "monthly",
    "weekly",
    "daily",
    "continuous",
)

LABELS = {
    "title": "the title",
    "description": "a description",
    "publisher": "the publisher",
    "could_answer": "the questions it could help answer",
    "url": "the link",
}


@dataclass(frozen=True)
class DatasetDraft:
    """A dataset description as plain values, from a form, a JSON body or an imported row."""

    title: str = ""
    description: str = ""
    publisher: str = ""
    contact: str = ""
    themes: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    variables: tuple[str, ...] = ()
    unit_of_analysis: str = ""
    population: str = ""
    geography: str = ""
    granularity: str = ""
    time_span: str = ""
    update_frequency: str = ""
    format: str = ""
    size: str = ""
    access_level: str = ""
    licence: str = ""
    url: str = ""
    visibility: str = DatasetVisibility.PUBLIC.value
    could_answer: str = ""
    held_by_us: bool = True

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Every field, in the order forms and exports show them."""
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class ValidDataset:
    """A draft that passed every check, with its vocabularies resolved."""

    texts: dict[str, str]
    themes: list[Theme]
    keywords: list[str]
    variables: list[str]
    unit_of_analysis: UnitOfAnalysis | None
    access_level: AccessLevel
    visibility: DatasetVisibility
    held_by_us: bool


def _squash(value: Any) -> str:
    return squash(str(value or ""))


def _text_error(name: str, value: str) -> str | None:
    low, high = TEXT_LIMITS[name]
    if not low and not value:  # an optional field left empty
        return None
    return length_error(value, LABELS.get(name, f"the {name.replace('_', ' ')}"), low, high)


def _list_errors(name: str, items: tuple[str, ...]) -> tuple[list[str], list[str]]:
    most, longest = LIST_LIMITS[name]
    cleaned = list(dict.fromkeys(item for item in (_squash(i) for i in items) if item))
    errors = []
    if len(cleaned) > most:
        errors.append(f"Give at most {most} {name} (there are {len(cleaned)}).")
    too_long = [item for item in cleaned if len(item) > longest]
    if too_long:
        errors.append(f"Keep each of the {name} to {longest} characters ({too_long[0][:30]}…).")
    return cleaned, errors


def _choice(value: str, allowed: tuple[str, ...], what: str) -> str | None:
    if value in allowed:
        return None
    return f"Unknown {what} “{value[:40]}”: use one of {', '.join(allowed)}."


def _url_error(url: str) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        return "Give a web address starting with https:// (or http://)."
    return None


def _themes(session: Session, slugs: tuple[str, ...]) -> tuple[list[Theme], list[str]]:
    wanted = list(dict.fromkeys(slug.strip() for slug in slugs if slug and slug.strip()))
    found = {theme.slug: theme for theme in themes_named(session, wanted)}
    errors = []
    unknown = [slug for slug in wanted if slug not in found]
    if unknown:
        errors.append(f"Unknown theme “{unknown[0][:40]}”: choose from the list of themes.")
    if len(wanted) > MAX_THEMES:
        errors.append(f"Choose at most {MAX_THEMES} themes.")
    return [found[slug] for slug in wanted if slug in found], errors


def _vocabulary_errors(draft: DatasetDraft) -> dict[str, list[str]]:
    """Messages for the access level, visibility and unit of analysis, where they are unknown."""
    errors = {}
    checks = (
        ("access_level", draft.access_level.strip(), ACCESS_LEVELS, "access level"),
        ("visibility", draft.visibility.strip(), VISIBILITIES, "visibility"),
    )
    for name, value, allowed, what in checks:
        if message := _choice(value, allowed, what):
            errors[name] = [message if value else f"Choose the {what}."]
    unit = draft.unit_of_analysis.strip()
    if unit and (message := _choice(unit, UNITS, "unit of analysis")):
        errors["unit_of_analysis"] = [message]
    return errors


def validate_dataset(session: Session, draft: DatasetDraft) -> ValidDataset:
    """Check every field of a draft; the place is spelt canonically when it is recognised.

    :raise Refused: any field breaks a rule (each one at fault is named).
    """
    errors: dict[str, list[str]] = {}
    texts = {name: _squash(getattr(draft, name)) for name in TEXT_LIMITS}
    # Descriptions keep their paragraphs; only the ends are trimmed.
    for name in ("description", "could_answer"):
        texts[name] = str(getattr(draft, name) or "").strip()
    for name, value in texts.items():
        if message := _text_error(name, value):
            errors[name] = [message]
    if not draft.held_by_us and not texts["publisher"]:
        errors.setdefault("publisher", []).append(
            "Name the publisher of public data you describe (for example the department)."
        )
    if message := _url_error(texts["url"]):
        errors.setdefault("url", []).append(message)
    texts["geography"] = canonical_place(texts["geography"]) if texts["geography"] else UK_WIDE
    lists = {}
    for name in LIST_LIMITS:
        lists[name], problems = _list_errors(name, getattr(draft, name))
        if problems:
            errors[name] = problems
    themes, theme_errors = _themes(session, draft.themes)
    if theme_errors:
        errors["themes"] = theme_errors
    errors.update(_vocabulary_errors(draft))
    unit = draft.unit_of_analysis.strip()
    if errors:
        raise Refused(errors)
    return ValidDataset(
        texts=texts,
        themes=themes,
        keywords=lists["keywords"],
        variables=lists["variables"],
        unit_of_analysis=UnitOfAnalysis(unit) if unit else None,
        access_level=AccessLevel(draft.access_level.strip()),
        visibility=DatasetVisibility(draft.visibility.strip()),
        held_by_us=draft.held_by_us,
    )


def split_list(value: Any) -> tuple[str, ...]:
    """A list field from a form or a CSV cell (items separated by ``;``) or from JSON (a list)."""
    if isinstance(value, list | tuple):
        return tuple(str(item).strip() for item in value)
    return tuple(part.strip() for part in str(value or "").split(";") if part.strip())

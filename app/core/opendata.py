"""The bank's open data: the files each feature publishes, described once so the open-data page,
the API, the Frictionless data package and ``flask export`` all serve the same ones.

A feature registers what it publishes (``register_open_export``): the file's name, what it holds,
its Frictionless table schema for a CSV, and how to stream it and tell when it last changed.
Every file holds public records only; streaming keeps memory flat however big the bank is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

LICENCES: dict[str, dict[str, str]] = json.loads(
    (Path(__file__).parent / "data" / "open_licences.json").read_text(encoding="utf-8")
)
DEFAULT_LICENCE = "CC-BY-4.0"


def licence(name: str) -> dict[str, str]:
    """A licence as a data package names it (an unknown name falls back to the default)."""
    known = name if name in LICENCES else DEFAULT_LICENCE
    return {"name": known, **LICENCES[known]}


@dataclass(frozen=True)
class OpenField:
    """A column of an open CSV, as Frictionless describes it."""

    name: str
    type: str  # a Frictionless type: string, integer, number, datetime, boolean
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()

    def descriptor(self) -> dict[str, Any]:
        """The field in a Frictionless table schema."""
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        out["description"] = self.description
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Freshness:
    """How many records a file holds and when the newest changed: its ETag and Last-Modified."""

    count: int
    changed: datetime | None

    def etag(self, name: str) -> str:
        """A validator that changes whenever a record is added, changed or removed."""
        stamp = self.changed.isoformat() if self.changed else "-"
        return hashlib.sha256(f"{name}|{self.count}|{stamp}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class OpenExport:
    """One published file."""

    name: str  # the file name, e.g. "questions.csv"
    title: str
    description: str
    media_type: str
    stream: Callable[[Session], Iterator[str]]
    freshness: Callable[[Session], Freshness]
    fields: tuple[OpenField, ...] = field(default_factory=tuple)

    @property
    def is_table(self) -> bool:
        """A CSV with a table schema (a Frictionless tabular resource)."""
        return bool(self.fields)

    def resource(self, path: str) -> dict[str, Any]:
        """The file as a resource of the data package."""
        out: dict[str, Any] = {
            "name": self.name.replace(".", "-"),
            "path": path,
            "title": self.title,
            "description": self.description,
            "mediatype": self.media_type,
            "encoding": "utf-8",
        }
        if self.is_table:
            out |= {
                "profile": "tabular-data-resource",
                "format": "csv",
                "schema": {
                    "fields": [f.descriptor() for f in self.fields],
                    "primaryKey": [self.fields[0].name],
                },
            }
        else:
            out["format"] = self.name.rsplit(".", 1)[-1]
        return out


_EXPORTS: dict[str, OpenExport] = {}


def register_open_export(export: OpenExport) -> None:
    """Publish a file in the bank's open data (a feature calls this once, at import)."""
    _EXPORTS[export.name] = export


def open_exports() -> list[OpenExport]:
    """Every published file, in the order they were registered."""
    return list(_EXPORTS.values())


def open_export(name: str) -> OpenExport | None:
    """The published file of that name, if any."""
    return _EXPORTS.get(name)


def data_package(
    resources: list[dict[str, Any]], exported_at: datetime, licence: dict[str, str]
) -> dict[str, Any]:
    """The Frictionless data package describing the published files."""
    return {
        "profile": "data-package",
        "name": "question-bank",
        "title": "Question Bank: questions about poverty in the UK, their groups and the "
        "datasets that could answer them",
        "description": "Public records only. Members-only and organisation-only questions, "
        "hidden questions, members-only datasets and organisation names their askers hid are "
        "never included.",
        "licenses": [licence],
        "created": exported_at.isoformat(),
        "resources": resources,
    }

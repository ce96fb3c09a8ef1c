"""The bank's controlled vocabularies, themes and action types, read once per process.

Both are rows the migrations write and the application never changes, yet every post and every
list page looked them up again: two round trips a post, two a listing. Each process now reads
them once per database and hands every session its own instances of the same rows, merged into
the session without a query (``Session.merge(load=False)``), so relationships to them (a
question's themes) work as if they had been loaded there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, make_transient_to_detached

from models import ActionType, Theme


@dataclass(frozen=True)
class _Rows:
    themes: tuple[Theme, ...]  # detached, in display order
    action_types: tuple[ActionType, ...]


_read: dict[str, _Rows] = {}
_lock = threading.Lock()


def _detached(session: Session) -> _Rows:
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    rows = _read.get(url)
    if rows is None:
        themes = tuple(
            Theme(slug=slug, label=label, position=position)
            for slug, label, position in session.execute(
                select(Theme.slug, Theme.label, Theme.position).order_by(Theme.position)
            )
        )
        action_types = tuple(
            ActionType(slug=slug, label=label, position=position)
            for slug, label, position in session.execute(
                select(ActionType.slug, ActionType.label, ActionType.position).order_by(
                    ActionType.position
                )
            )
        )
        for row in (*themes, *action_types):
            make_transient_to_detached(row)
        with _lock:
            rows = _read.setdefault(url, _Rows(themes, action_types))
    return rows


def themes(session: Session) -> list[Theme]:
    """Every theme, in display order, as instances of this session."""
    return [session.merge(theme, load=False) for theme in _detached(session).themes]


def action_types(session: Session) -> list[ActionType]:
    """Every action type, in display order, as instances of this session."""
    return [session.merge(kind, load=False) for kind in _detached(session).action_types]


def themes_named(session: Session, slugs: list[str]) -> list[Theme]:
    """The themes with these slugs (unknown slugs are left out), in display order."""
    wanted = set(slugs)
    return [
        session.merge(theme, load=False)
        for theme in _detached(session).themes
        if theme.slug in wanted
    ]


def action_type_named(session: Session, slug: str) -> ActionType | None:
    """The action type with this slug, or None."""
    for kind in _detached(session).action_types:
        if kind.slug == slug:
            return session.merge(kind, load=False)
    return None

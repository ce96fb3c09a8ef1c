"""The public questions as open data: ``questions.csv`` and ``questions.json``.

Only what anyone may read (``readable_by(None)``: public and not hidden); the organisation is
named only where the asker allowed it. Rows are read in batches, so memory stays flat at any
size of bank.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.csvfile import csv_lines
from app.core.opendata import (
    Freshness,
    OpenExport,
    OpenField,
    register_open_export,
)
from app.core.policy import readable_by
from models import Organisation, Question, QuestionStatus, Sector, question_themes

BATCH = 1000
# Stands for the id in a question page's address, which is made once per export.
ID_MARK = 918273645

FIELDS = (
    OpenField("id", "integer", "The question's number in the bank.", required=True, unique=True),
    OpenField("text", "string", "The question as its asker wrote it.", required=True),
    OpenField("action", "string", "What an answer would let the asker do.", required=True),
    OpenField("action_type", "string", "The kind of action (a slug).", required=True),
    OpenField("themes", "string", "Theme slugs, separated by '; '."),
    OpenField("geography", "string", "The place the question is about."),
    OpenField("population_groups", "string", "Groups of people it is about, '; '-separated."),
    OpenField(
        "status",
        "string",
        "Where the question stands.",
        required=True,
        enum=tuple(s.value for s in QuestionStatus),
    ),
    OpenField(
        "organisation", "string", "The asking organisation; empty when it asked not to be named."
    ),
    OpenField(
        "sector", "string", "The asking organisation's sector.", enum=tuple(s.value for s in Sector)
    ),
    OpenField("group_id", "integer", "The group of similar questions it belongs to."),
    OpenField("support_count", "integer", "How many members said they ask it too.", required=True),
    OpenField("created_at", "datetime", "When it was asked (UTC).", required=True),
    OpenField("url", "string", "Its page in the bank.", required=True),
)


# Columns, not entities: nothing streamed stays in the session's identity map.
COLUMNS = (
    Question.id,
    Question.text,
    Question.action,
    Question.action_type_slug,
    Question.geography,
    Question.population_groups,
    Question.status,
    Question.show_organisation,
    Question.cluster_id,
    Question.support_count,
    Question.created_at,
)


def _public() -> Any:
    return readable_by(None)


def _page_address() -> tuple[str, str]:
    """A question page's absolute address, split around its id: built once, not per row."""
    before, _, after = url_for("questions.show", question_id=ID_MARK, _external=True).partition(
        str(ID_MARK)
    )
    return before, after


def _records(session: Session) -> Iterator[dict[str, Any]]:
    """Each public question as plain values, oldest first, read a batch at a time."""
    before, after = _page_address()
    last_id = 0
    while True:
        rows = session.execute(
            select(*COLUMNS, Organisation.name.label("organisation"), Organisation.sector)
            .join(Organisation, Organisation.id == Question.organisation_id)
            .where(_public(), Question.id > last_id)
            .order_by(Question.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        ids = [row.id for row in rows]
        themes: dict[int, list[str]] = {}
        for question_id, slug in session.execute(
            select(question_themes.c.question_id, question_themes.c.theme_slug)
            .where(question_themes.c.question_id.in_(ids))
            .order_by(question_themes.c.theme_slug)
        ):
            themes.setdefault(question_id, []).append(slug)
        for row in rows:
            yield {
                "id": row.id,
                "text": row.text,
                "action": row.action,
                "action_type": row.action_type_slug,
                "themes": themes.get(row.id, []),
                "geography": row.geography,
                "population_groups": list(row.population_groups or []),
                "status": row.status.value,
                "organisation": row.organisation if row.show_organisation else None,
                "sector": row.sector.value,
                "group_id": row.cluster_id,
                "support_count": row.support_count,
                "created_at": row.created_at.isoformat(),
                "url": f"{before}{row.id}{after}",
            }
        last_id = ids[-1]


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else value


def questions_csv(session: Session) -> Iterator[str]:
    """The public questions as CSV, line by line."""
    names = [f.name for f in FIELDS]
    rows = ([_cell(record[name]) for name in names] for record in _records(session))
    yield from csv_lines(names, rows)


def questions_json(session: Session) -> Iterator[str]:
    """The public questions as one JSON document, streamed a question at a time."""
    yield '{"questions": ['
    for index, record in enumerate(_records(session)):
        yield ("," if index else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]}\n"


def questions_freshness(session: Session) -> Freshness:
    """How many public questions there are and when the latest changed."""
    count, changed = session.execute(
        select(func.count(), func.max(Question.updated_at)).where(_public())
    ).one()
    return Freshness(count or 0, changed)


register_open_export(
    OpenExport(
        name="questions.csv",
        title="Questions",
        description="Every public question, with the action an answer would enable.",
        media_type="text/csv",
        stream=questions_csv,
        freshness=questions_freshness,
        fields=FIELDS,
    )
)
register_open_export(
    OpenExport(
        name="questions.json",
        title="Questions (JSON)",
        description="The same questions as questions.csv, as JSON with lists kept as lists.",
        media_type="application/json",
        stream=questions_json,
        freshness=questions_freshness,
    )
)

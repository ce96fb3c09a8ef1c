"""Themes and action types read once per process (app/bank/vocabulary.py): the same rows as
the database holds, usable as this session's own, and no query for them after the first."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app.bank import vocabulary
from app.db import new_session
from models import ActionType, Question, Theme, User
from tests.conftest import AuthActions, recorded_statements
from tests.web.test_questions_ask import ask_form


def test_the_vocabulary_is_the_database_rows_in_display_order(app: Flask) -> None:
    with app.app_context(), new_session(app) as session:
        stored = list(session.scalars(select(Theme).order_by(Theme.position)))
        kinds = list(session.scalars(select(ActionType).order_by(ActionType.position)))
        assert [(t.slug, t.label) for t in vocabulary.themes(session)] == [
            (t.slug, t.label) for t in stored
        ]
        assert [k.slug for k in vocabulary.action_types(session)] == [k.slug for k in kinds]
        first = stored[0].slug
        assert [t.slug for t in vocabulary.themes_named(session, [first, "no-such-theme"])] == [
            first
        ]
        assert vocabulary.action_type_named(session, "no-such-kind") is None


def test_after_the_first_read_no_query_is_made_and_the_rows_belong_to_each_session(
    app: Flask,
) -> None:
    with app.app_context(), new_session(app) as session:
        vocabulary.themes(session)
        vocabulary.action_types(session)
    with recorded_statements(app) as statements, app.app_context(), new_session(app) as session:
        theme = vocabulary.themes(session)[0]
        assert theme in session  # this session's own instance
        assert vocabulary.themes_named(session, [theme.slug])[0] is theme
        kind = vocabulary.action_types(session)[0]
        assert vocabulary.action_type_named(session, kind.slug) is kind
    assert not [s for s in statements if "themes" in s or "action_types" in s]


def test_a_question_posted_keeps_its_themes_and_action_type(
    app: Flask, client: FlaskClient, auth: AuthActions, make_user: Callable[..., User]
) -> None:
    make_user()
    auth.login()
    form = ask_form(themes=["housing", "food"], action_type="influence-policy", confirm="y")
    answer = client.post("/questions/ask", data=form)
    assert answer.status_code in (302, 303), answer.text[:500]
    with app.app_context(), new_session(app) as session:
        question = session.scalars(select(Question)).one()
        assert sorted(theme.slug for theme in question.themes) == ["food", "housing"]
        assert question.action_type.slug == "influence-policy"

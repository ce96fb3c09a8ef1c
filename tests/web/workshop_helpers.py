"""What the workshop tests share: a facilitator, two members, a guest's way in, a table of a
group and questions of each visibility, and API calls with bearer tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from app.auth.tokens import create_api_token
from app.db import new_session
from models import Role, Sector, Support, User, Visibility
from tests.web.test_clusters_common import build_group

API = "/api/v1/workshops"


def read(app: Flask, query: Callable[[Session], Any]) -> Any:
    """Run a query in a fresh session and app context (the ``db`` fixture keeps one app context
    pushed for the whole test, so flask-login's ``g`` would keep the first caller's user)."""
    with app.app_context(), new_session(app) as session:
        return query(session)


def token_for(app: Flask, user: User) -> str:
    """A fresh API token for a user."""
    with app.app_context(), new_session(app) as session:
        return create_api_token(session, session.get_one(User, user.id), name="t").secret


@dataclass
class Caller:
    """A client acting with one bearer token (a member's or a guest's)."""

    client: FlaskClient
    token: str

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str) -> TestResponse:
        """GET with the token."""
        return self.client.get(path, headers=self._headers())

    def post(self, path: str, body: Any = None) -> TestResponse:
        """POST JSON with the token."""
        return self.client.post(
            path, json=body if body is not None else {}, headers=self._headers()
        )

    def put(self, path: str, body: Any) -> TestResponse:
        """PUT JSON with the token."""
        return self.client.put(path, json=body, headers=self._headers())


@dataclass
class Table:
    """A workshop's cast and what can go on its table."""

    facilitator: Caller
    alice: Caller
    bob: Caller
    alice_user: User
    bob_user: User
    asker_id: int
    supporter_id: int
    group_id: int
    group_questions: list[int]
    public_question: int
    members_question: int
    extra: dict[str, int] = field(default_factory=dict)


def build_table(app: Flask, client: FlaskClient, make_user, make_question) -> Table:
    """Fiona facilitates; Alice (a charity) and Bob (a funder) take part; Asker asks everything
    and Sam supports the public question."""
    fiona = make_user("fiona@example.org", role=Role.FACILITATOR, organisation="Hub")
    alice = make_user("alice@example.org", organisation="Food Aid", sector=Sector.CHARITY)
    bob = make_user("bob@example.org", organisation="Big Fund", sector=Sector.FUNDER)
    asker = make_user("asker@example.org", organisation="Askers")
    sam = make_user("sam@example.org", organisation="Supporters")
    group_questions = [
        make_question("How many families use food banks each winter?", author=asker),
        make_question("Are more households relying on food banks this year?", author=asker),
    ]
    group_id = build_group(app, group_questions, ["food", "banks"])
    public = make_question(
        "Do prepayment meters leave homes cold?", author=asker, themes=["energy"]
    )
    members = make_question(
        "Which members see rising rent arrears?", author=asker, visibility=Visibility.MEMBERS
    )
    with app.app_context(), new_session(app) as session:
        session.add(Support(user_id=sam.id, question_id=public))
        session.commit()
    return Table(
        facilitator=Caller(client, token_for(app, fiona)),
        alice=Caller(client, token_for(app, alice)),
        bob=Caller(client, token_for(app, bob)),
        alice_user=alice,
        bob_user=bob,
        asker_id=asker.id,
        supporter_id=sam.id,
        group_id=group_id,
        group_questions=group_questions,
        public_question=public,
        members_question=members,
    )


def new_workshop(table: Table, **overrides: Any) -> dict[str, Any]:
    """Set up a workshop with the group, the public and the members-only question."""
    body = {
        "title": "Winter priorities",
        "date": "2026-12-10",
        "purpose": "Choose what to answer first.",
        "items": [
            {"cluster_id": table.group_id},
            {"question_id": table.public_question},
            {"question_id": table.members_question},
        ],
        **overrides,
    }
    response = table.facilitator.post(API, body)
    assert response.status_code == 201, response.json
    created: dict[str, Any] = response.json
    return created


def join_guest(client: FlaskClient, code: str, name: str = "Gwen") -> Caller:
    """A guest joins by code; their token is the caller's."""
    response = client.post(f"{API}/join", json={"code": code, "display_name": name})
    assert response.status_code == 201, response.json
    return Caller(client, response.json["token"])

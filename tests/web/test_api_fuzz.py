"""schemathesis over the whole OpenAPI description the app serves, through the WSGI app, signed
in as a demo member with a bearer token: no answer is a 5xx, and every answer has a documented
status, content type, headers and body.

Bounded and reproducible: a fixed number of examples per operation, no deadline (the machine is
shared), derandomized generation, and the demo bank seeded once for the module.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy import select

from app import create_app
from app.auth.tokens import create_api_token, user_for_token
from app.db import get_engine, new_session
from config import TestingConfig
from models import User
from tests.conftest import _empty_tables

MEMBER = "sarah.robson@tynefood.example.org"  # a demo member (not an admin)
MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


class FuzzWorld:
    """The app on the demo bank, and a member's token that is renewed if a case revokes it."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._token = self._new_token()

    def _new_token(self) -> str:
        with self.app.app_context(), new_session(self.app) as session:
            user = session.scalar(select(User).where(User.email == MEMBER))
            assert user is not None
            return create_api_token(session, user, name="fuzz").secret

    def headers(self) -> dict[str, str]:
        """Bearer headers with a live token (a fuzzed DELETE /tokens/{id} may revoke one)."""
        with self.app.app_context(), new_session(self.app) as session:
            if user_for_token(session, self._token) is None:
                self._token = self._new_token()
        return {"Authorization": f"Bearer {self._token}"}


@pytest.fixture(scope="module")
def fuzz_world(database_url: str) -> Iterator[FuzzWorld]:
    """The demo bank, seeded once for every operation's cases."""
    app = create_app(TestingConfig(database_url=database_url))
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    yield FuzzWorld(app)
    _empty_tables(app)
    get_engine(app).dispose()


def _served_description() -> schemathesis.BaseSchema:
    """The OpenAPI description as an app serves it (read at collection, before any fixture:
    schemathesis's fixture loader does not run under this pytest)."""
    app = create_app(TestingConfig(database_url="sqlite://"))
    try:
        return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    finally:
        get_engine(app).dispose()


# Deleting the account (or closing the organisation, which the demo member administers) would
# take the fuzzing member away from every later case; each has its own tests
# (tests/web/test_my_data.py, tests/web/test_organisation_admins.py).
schema = _served_description().exclude(method="DELETE", path=["/me", "/me/organisation"])


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
def test_every_operation_answers_as_described(case, fuzz_world: FuzzWorld) -> None:
    case.call_and_validate(app=fuzz_world.app, headers=fuzz_world.headers(), checks=CHECKS)

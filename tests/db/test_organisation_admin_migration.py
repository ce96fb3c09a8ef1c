"""The organisation-admin migration makes each organisation's earliest member its admin, on
both databases, and its downgrade keeps every member and what points at them."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Connection, column, insert, select, table

from app.db import make_engine
from tests.conftest import alembic_config
from tests.db.rows import USERS

BEFORE = "c4e9a2f7d1b8"
ORGANISATION_ADMINS = "b5e2c7a9d4f1"


def _organisation(connection: Connection, name: str) -> int:
    organisations = table("organisations", column("id"), column("name"), column("sector"))
    for extra in ("region", "description"):
        organisations.append_column(column(extra))
    return connection.execute(
        insert(organisations)
        .values(name=name, sector="charity", region="", description="")
        .returning(organisations.c.id)
    ).scalar_one()


def _member(connection: Connection, email: str, organisation: int, day: int, active: bool = True):
    return connection.execute(
        insert(USERS)
        .values(
            email=email,
            password_hash="x",
            display_name=email,
            organisation_id=organisation,
            role="member",
            active=active,
            session_version=0,
            created_at=datetime(2026, 11, day, tzinfo=UTC),
        )
        .returning(USERS.c.id)
    ).scalar_one()


def test_the_earliest_active_member_of_each_organisation_becomes_its_admin(scratch_url) -> None:
    config = alembic_config(scratch_url)
    command.upgrade(config, BEFORE)
    engine = make_engine(scratch_url)
    try:
        with engine.begin() as connection:
            food, advice = _organisation(connection, "Food"), _organisation(connection, "Advice")
            _organisation(connection, "Nobody here")
            _member(connection, "gone@food.org", food, 1, active=False)
            _member(connection, "first@food.org", food, 2)
            _member(connection, "later@food.org", food, 3)
            only = _member(connection, "only@advice.org", advice, 5)
            tokens = table("api_tokens", column("user_id"), column("token_hash"), column("prefix"))
            tokens.append_column(column("name"))
            connection.execute(
                insert(tokens).values(user_id=only, token_hash="0" * 64, prefix="qb_", name="")
            )
        command.upgrade(config, ORGANISATION_ADMINS)
        roles = table("users", column("email"), column("organisation_role"))
        with engine.connect() as connection:
            found = dict(connection.execute(select(roles.c.email, roles.c.organisation_role)).all())
        assert found == {
            "gone@food.org": "member",
            "first@food.org": "admin",
            "later@food.org": "member",
            "only@advice.org": "admin",
        }
        command.downgrade(config, BEFORE)
        with engine.connect() as connection:
            assert len(connection.execute(select(USERS.c.id)).all()) == 4
            assert connection.execute(select(column("user_id")).select_from(tokens)).all() == [
                (only,)
            ]
    finally:
        engine.dispose()

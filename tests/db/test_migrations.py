"""Alembic is the only way the schema changes: both ways on SQLite and PostgreSQL, no drift."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

import models
from app.db import make_engine
from models.fulltext import include_name
from tests.conftest import alembic_config


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_to_head_then_downgrade_to_base(scratch_url: str) -> None:
    config = alembic_config(scratch_url)
    command.upgrade(config, "head")
    assert set(models.Base.metadata.tables) <= _tables(scratch_url)
    engine = make_engine(scratch_url)
    with engine.connect() as connection:
        themes = connection.execute(text("SELECT count(*) FROM themes")).scalar_one()
        action_types = connection.execute(text("SELECT count(*) FROM action_types")).scalar_one()
    engine.dispose()
    assert themes >= 15 and action_types == 7
    command.downgrade(config, "base")
    assert _tables(scratch_url) <= {"alembic_version"}


def test_models_and_migrations_do_not_drift(scratch_url: str) -> None:
    command.upgrade(alembic_config(scratch_url), "head")
    engine = make_engine(scratch_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        differences = compare_metadata(context, models.Base.metadata)
    engine.dispose()
    assert differences == []


def test_enums_and_unique_support_are_enforced_by_the_database(scratch_url: str) -> None:
    command.upgrade(alembic_config(scratch_url), "head")
    engine = make_engine(scratch_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisations (name, sector, region, description) "
                "VALUES ('Org', 'charity', '', '')"
            )
        )
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisations (name, sector, region, description) "
                "VALUES ('Bad', 'pirates', '', '')"
            )
        )
    engine.dispose()

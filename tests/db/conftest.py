"""Scratch databases for migration tests: an empty SQLite file, and an empty PostgreSQL
database where TEST_DATABASE_URL is set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ADMIN_URL = os.environ.get("TEST_DATABASE_URL")


def _sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'migrations.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def scratch_url(request, tmp_path) -> Iterator[str]:
    """An empty database of each kind; PostgreSQL only where TEST_DATABASE_URL is set."""
    if request.param == "sqlite":
        yield _sqlite_url(tmp_path)
        return
    if not POSTGRES_ADMIN_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must set TEST_DATABASE_URL so migrations are tested on PostgreSQL")
        pytest.skip("TEST_DATABASE_URL is not set: no PostgreSQL to test migrations on")
    name = f"qb_migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

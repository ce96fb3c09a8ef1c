"""Alembic environment: compares and migrates against the models' metadata, never the app."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import models
from app.db import make_engine
from config import Config
from models.fulltext import include_name

target_metadata = models.Base.metadata


def database_url() -> str:
    """The URL passed by a caller (tests, CLI) or the configured DATABASE_URL."""
    return context.config.attributes.get("url") or Config().DATABASE_URL


def run_migrations(connection: Connection) -> None:
    """Run the migrations on a connection; batch mode lets SQLite alter tables."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
    else:
        engine = make_engine(database_url())
        with engine.connect() as connection:
            run_migrations(connection)
        engine.dispose()

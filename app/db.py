"""The database engine and one SQLAlchemy session per request (plain SQLAlchemy 2.x)."""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    any_,
    bindparam,
    create_engine,
    event,
    inspect,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import InstrumentedAttribute, ORMExecuteState, Session, sessionmaker
from sqlalchemy.pool import StaticPool

from models import CHANGES_ROW_ID, ApiToken, BankChanges

# How long a SQLite writer waits for another process's write to finish before giving up.
SQLITE_BUSY_TIMEOUT_S = 30


def make_engine(url: str, pool_size: int = 10) -> Engine:
    """An engine for the URL, with SQLite tuned for foreign keys and concurrent writers.

    ``pool_size`` connections stay open, so every thread of a worker keeps its own instead of
    opening and closing one per request past the pool's default five.
    """
    options: dict[str, Any] = {"future": True}
    memory = ":memory:" in url or url in {"sqlite://", "sqlite+pysqlite://"}
    if url.startswith("sqlite"):
        options["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_S}
        if memory:
            options["poolclass"] = StaticPool
    else:
        options["pool_pre_ping"] = True
    if not memory:
        options.update(pool_size=pool_size, max_overflow=pool_size)
    engine = create_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # The Python driver's ``timeout`` sets the same busy timeout; said again here so that the
    # wait does not depend on how a connection was opened.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    # Readers never block the writer nor each other in WAL mode; switching waits on the busy
    # timeout when another process holds the database, and is kept by the file once made.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def init_app(app: Flask) -> None:
    """Create the engine and session factory for the app and close sessions on teardown."""
    engine = make_engine(app.config["DATABASE_URL"], app.config["DATABASE_POOL_SIZE"])
    app.extensions["qb.engine"] = engine
    factory = sessionmaker(engine, expire_on_commit=False)
    track_changes(factory)
    app.extensions["qb.sessionmaker"] = factory
    app.teardown_appcontext(_close_session)


# --- The change counter ------------------------------------------------------------------------

_WROTE = "qb.wrote"


def track_changes(factory: sessionmaker[Session]) -> None:
    """Make every transaction of the factory's sessions that writes advance the bank's change
    counter as it commits, so a page cached at one generation is known stale in every process."""
    event.listen(factory, "after_flush", _note_flush)
    event.listen(factory, "do_orm_execute", _note_statement)
    event.listen(factory, "before_commit", _advance_generation)
    event.listen(factory, "after_commit", _count_commit)
    event.listen(factory, "after_rollback", _forget_writes)


# Rows whose changes no visitor's page shows: a token's last use is written on every call made
# with it, and must not make every cached page stale.
_UNSEEN = (ApiToken,)


def _note_flush(session: Session, _context: Any) -> None:
    changed = (*session.new, *session.dirty, *session.deleted)
    if any(not isinstance(row, _UNSEEN) for row in changed):
        session.info[_WROTE] = True


def _note_statement(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


def _advance_generation(session: Session) -> None:
    # Flushed first, so the counter's row is the last one the transaction locks: writers that
    # reach it hold no lock another of them waits for.
    session.flush()
    if session.info.get(_WROTE):
        session.execute(
            update(BankChanges)
            .where(BankChanges.id == CHANGES_ROW_ID)
            .values(generation=BankChanges.generation + 1)
        )


class _Commits:
    """How many writing transactions this process has committed (any app, any thread)."""

    count = 0
    lock = threading.Lock()


def _count_commit(session: Session) -> None:
    if session.info.pop(_WROTE, None):
        with _Commits.lock:
            _Commits.count += 1


def _forget_writes(session: Session) -> None:
    session.info.pop(_WROTE, None)


def writes_committed() -> int:
    """How many writing transactions this process has committed: a cache that read the change
    counter before the latest of them reads it again."""
    return _Commits.count


def current_generation(session: Session) -> int | None:
    """The bank's change counter as this session sees it; None when it has no counter row."""
    return session.scalar(select(BankChanges.generation).where(BankChanges.id == CHANGES_ROW_ID))


def unavailable_reason(app: Flask | None = None) -> str | None:
    """Why the database cannot serve (unreachable, or never migrated), or None when it can."""
    try:
        with get_engine(app).connect() as connection:
            migrated = inspect(connection).has_table("alembic_version")
    except SQLAlchemyError as error:
        return f"the database cannot be reached ({type(error).__name__}: {error.args[0]})"[:300]
    if not migrated:
        return "the database has no schema yet: run `alembic upgrade head` (make run does)"
    return None


def among(
    session: Session, column: ColumnElement[int] | InstrumentedAttribute[int], ids: Collection[int]
) -> ColumnElement[bool]:
    """``column IN ids``, sent to PostgreSQL as one array (``= ANY``) instead of a parameter
    per id: for the 200 ids of a meaning search, half the time (1.7 to 0.9 ms at 100k)."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer)))
    return column.in_(ids)


def get_engine(app: Flask | None = None) -> Engine:
    """The app's engine."""
    engine: Engine = (app or current_app).extensions["qb.engine"]
    return engine


def new_session(app: Flask | None = None) -> Session:
    """A session outside any request (CLI commands, background jobs); the caller closes it."""
    factory: sessionmaker[Session] = (app or current_app).extensions["qb.sessionmaker"]
    return factory()


def get_session() -> Session:
    """The session of the current request or app context, created on first use."""
    if "db_session" not in g:
        g.db_session = new_session()
    session: Session = g.db_session
    return session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()

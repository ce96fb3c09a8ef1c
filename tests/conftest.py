"""Shared fixtures: the app on a real database file (or PostgreSQL), clients, users."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import event, select, text
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

import models
from app import create_app
from app.auth.service import NewOrganisation, find_organisation_by_name, register_user
from app.db import get_engine, new_session
from config import ROOT, TestingConfig
from models import Question, Role, Sector, Theme, User, Visibility

# Kept between tests: the vocabulary, the schema's version and the change counter's one row.
VOCABULARY_TABLES = {"themes", "action_types", "alembic_version", "bank_changes"}
PASSWORD = "correct horse battery"


@contextlib.contextmanager
def recorded_statements(app: Flask) -> Iterator[list[str]]:
    """The SQL the app's engine runs inside the block, one string a statement."""
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    engine = get_engine(app)
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def alembic_config(url: str) -> AlembicConfig:
    """An Alembic configuration for the project's migrations against a URL."""
    cfg = AlembicConfig(toml_file=str(ROOT / "pyproject.toml"))
    cfg.attributes["url"] = url
    return cfg


def postgres_url() -> str | None:
    """The PostgreSQL URL to test against, when this run is the PostgreSQL pass."""
    if os.environ.get("QB_TEST_DB") == "postgresql":
        url = os.environ.get("TEST_DATABASE_URL")
        if not url:
            raise RuntimeError("QB_TEST_DB=postgresql needs TEST_DATABASE_URL")
        return url
    return None


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated test database: a SQLite file, or PostgreSQL on the PostgreSQL pass."""
    url = postgres_url() or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    command.downgrade(alembic_config(url), "base")
    command.upgrade(alembic_config(url), "head")
    return url


def _empty_tables(app: Flask) -> None:
    engine = get_engine(app)
    tables = [t for t in models.Base.metadata.sorted_tables if t.name not in VOCABULARY_TABLES]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            names = ", ".join(table.name for table in tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(tables):
                connection.execute(table.delete())


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """The application on the test database, emptied after each test."""
    application = create_app(TestingConfig(database_url=database_url))
    yield application
    _empty_tables(application)
    get_engine(application).dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A test client (CSRF checking off unless a test turns it on)."""
    app.config["WTF_CSRF_ENABLED"] = False
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """A runner for the app's CLI commands."""
    return app.test_cli_runner()


@pytest.fixture
def db(app: Flask) -> Iterator[Session]:
    """A session on the test database for arranging and checking rows."""
    with app.app_context():
        session = new_session(app)
        yield session
        session.close()


@pytest.fixture
def make_user(app: Flask) -> Callable[..., User]:
    """Create a member: make_user("a@x.org", role=Role.ADMIN, organisation="Org")."""

    def make(
        email: str = "member@example.org",
        *,
        role: Role = Role.MEMBER,
        organisation: str = "Tyneside Food Network",
        sector: Sector = Sector.CHARITY,
        name: str | None = None,
    ) -> User:
        with app.app_context(), new_session(app) as session:
            existing = find_organisation_by_name(session, organisation)
            return register_user(
                session,
                email=email,
                password=PASSWORD,
                display_name=name or email.split("@")[0].title(),
                organisation_id=existing.id if existing else None,
                new_organisation=None if existing else NewOrganisation(organisation, sector),
                role=role,
            )

    return make


class AuthActions:
    """Log a test client in and out through the real forms."""

    def __init__(self, client: FlaskClient) -> None:
        self._client = client

    def login(self, email: str = "member@example.org", password: str = PASSWORD) -> TestResponse:
        """Post the login form."""
        return self._client.post("/auth/login", data={"email": email, "password": password})

    def logout(self) -> TestResponse:
        """Post the logout form."""
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client: FlaskClient) -> AuthActions:
    """Log the client in and out."""
    return AuthActions(client)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """A git-ignored folder for screenshots and other test output."""
    path = ROOT / "tests" / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def make_question(app: Flask, make_user: Callable[..., User]) -> Callable[..., int]:
    """Store a question with its real embedding; returns its id.

    make_question("How many families use food banks?", author=user, themes=["food"])
    """

    def make(
        text: str,
        *,
        author: User | None = None,
        action: str = "Plan our services around the answer.",
        action_type: str = "understand-need",
        themes: tuple[str, ...] | list[str] = ("food",),
        geography: str = "UK-wide",
        visibility: Visibility = Visibility.PUBLIC,
        show_organisation: bool = True,
        cluster_id: int | None = None,
    ) -> int:
        from app.bank.embeddings import embed_questions

        if author is None:
            author = make_user(f"asker{abs(hash(text)) % 10**8}@example.org")
        with app.app_context(), new_session(app) as session:
            question = Question(
                text=text,
                action=action,
                action_type_slug=action_type,
                geography=geography,
                population_groups=[],
                visibility=visibility,
                show_organisation=show_organisation,
                author_id=author.id,
                organisation_id=author.organisation_id,
                cluster_id=cluster_id,
                themes=list(session.scalars(select(Theme).where(Theme.slug.in_(themes)))),
            )
            embed_questions([question], app)
            session.add(question)
            session.commit()
            return question.id

    return make


@pytest.fixture
def limited_client(app: Flask, database_url: str) -> Iterator[FlaskClient]:
    """A client of an app built with rate limits on (the shared limiter follows the last app)."""
    from app.extensions import limiter

    config = TestingConfig(database_url=database_url)
    config.RATELIMIT_ENABLED = True
    config.WTF_CSRF_ENABLED = False
    limited = create_app(config)
    try:
        yield limited.test_client()
    finally:
        limiter.reset()
        limiter.enabled = False
        get_engine(limited).dispose()

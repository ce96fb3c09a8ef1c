"""The full-text migrations on both databases (db806327b177 and, on PostgreSQL, the narrow
question_search of d3f7a1c9e5b2): they index the rows already there, and their downgrade
leaves no index, trigger, table or column behind, nor anything that breaks a later write."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, delete, insert, inspect, select, text
from sqlalchemy.orm import Session

from app.bank.fulltext import ranked_ids, text_query
from app.db import make_engine
from models import Dataset, Organisation, Question, User
from models.fulltext import DATASETS_TEXT, QUESTIONS_TEXT, FullTextIndex
from tests.conftest import alembic_config
from tests.db.rows import insert_member

BEFORE = "c4e1f0a9d2b7"
FULL_TEXT = "head"  # db806327b177, then d3f7a1c9e5b2 which the code searches on PostgreSQL


def _add_rows(engine: Engine, text_of_question: str) -> None:
    with engine.begin() as connection:
        organisation = connection.execute(
            insert(Organisation).values(name="Org", sector="charity").returning(Organisation.id)
        ).scalar_one()
        user = insert_member(connection, organisation)
        connection.execute(
            insert(Question).values(
                text=text_of_question,
                action="Decide where our advice sessions go.",
                action_type_slug="design-service",
                author_id=user,
                organisation_id=organisation,
                population_groups=[],
            )
        )
        connection.execute(
            insert(Dataset).values(
                title="Possession claims by court",
                description="Landlord possession claims and orders, quarterly.",
                access_level="open",
                keywords=["evictions", "possession"],
                variables=["claims"],
            )
        )


def _found(engine: Engine, index: FullTextIndex, query: str) -> list[int]:
    words = text_query(query)
    assert words is not None
    with Session(engine) as session:
        return ranked_ids(session, index, words, [])


def _full_text_objects(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            names = connection.execute(text("SELECT name FROM sqlite_master")).scalars()
            return {name for name in names if "_fts" in name}
        inspector = inspect(connection)
        functions = connection.execute(
            text("SELECT proname FROM pg_proc WHERE proname LIKE 'question_search%'")
        ).scalars()
        return {*functions, *(t for t in inspector.get_table_names() if "search" in t)} | {
            f"{table}.{found}"
            for table in ("questions", "datasets")
            for found in (
                *(c["name"] for c in inspector.get_columns(table)),
                *(str(i["name"]) for i in inspector.get_indexes(table)),
            )
            if "search_vector" in found
        }


def test_upgrade_indexes_existing_rows_and_downgrade_removes_every_trace(scratch_url) -> None:
    config = alembic_config(scratch_url)
    command.upgrade(config, BEFORE)
    engine = make_engine(scratch_url)
    try:
        _add_rows(engine, "How many tenants were evicted after their rent went up?")
        assert _full_text_objects(engine) == set()

        command.upgrade(config, FULL_TEXT)
        assert len(_found(engine, QUESTIONS_TEXT, "evictions")) == 1
        assert len(_found(engine, DATASETS_TEXT, "eviction")) == 1
        assert _full_text_objects(engine)

        command.downgrade(config, BEFORE)
        assert _full_text_objects(engine) == set()
        with engine.begin() as connection:  # writes still work with no trigger left behind
            connection.execute(delete(Question))
            connection.execute(delete(Dataset))
        _add_rows_again(engine)

        command.upgrade(config, FULL_TEXT)
        assert len(_found(engine, QUESTIONS_TEXT, "pantries")) == 1
        assert _found(engine, QUESTIONS_TEXT, "evicted") == []
    finally:
        engine.dispose()


def _add_rows_again(engine: Engine) -> None:
    with engine.begin() as connection:
        user, organisation = connection.execute(select(User.id, User.organisation_id)).one()
        connection.execute(
            insert(Question).values(
                text="Which food pantry opening hours suit working parents?",
                action="Change when our pantry opens.",
                action_type_slug="design-service",
                author_id=user,
                organisation_id=organisation,
                population_groups=[],
            )
        )

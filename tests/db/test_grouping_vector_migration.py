"""The grouping-vector migration marks for embedding again exactly the stored questions whose
text names a place, on both databases, and its downgrade leaves them working."""

from __future__ import annotations

from alembic import command
from sqlalchemy import insert, select

from app.db import make_engine
from models import Organisation, Question
from tests.conftest import alembic_config
from tests.db.rows import insert_member

BEFORE = "db806327b177"
GROUPING_VECTORS = "f1a8c3d5e7b9"
NAMES_A_PLACE = "How many families in Bradford rely on food banks?"
NAMES_NONE = "How many families rely on food banks?"


def test_questions_naming_a_place_are_marked_for_embedding_again(scratch_url) -> None:
    config = alembic_config(scratch_url)
    command.upgrade(config, BEFORE)
    engine = make_engine(scratch_url)
    try:
        with engine.begin() as connection:
            organisation = connection.execute(
                insert(Organisation).values(name="Org", sector="charity").returning(Organisation.id)
            ).scalar_one()
            user = insert_member(connection, organisation)
            for text in (NAMES_A_PLACE, NAMES_NONE):
                connection.execute(
                    insert(Question).values(
                        text=text,
                        action="Decide where our food bank opens.",
                        action_type_slug="design-service",
                        author_id=user,
                        organisation_id=organisation,
                        population_groups=[],
                        embedding=b"\0" * 16,
                        embedding_model="all-MiniLM-L6-v2",
                    )
                )
        command.upgrade(config, GROUPING_VECTORS)
        with engine.connect() as connection:
            models = dict(connection.execute(select(Question.text, Question.embedding_model)).all())
        assert models == {NAMES_A_PLACE: None, NAMES_NONE: "all-MiniLM-L6-v2"}
        command.downgrade(config, BEFORE)
        with engine.connect() as connection:
            assert len(connection.execute(select(Question.__table__.c.id)).all()) == 2
    finally:
        engine.dispose()

"""Helpers the pledge, partnership and notification tests share: a group with an asker and a
supporter, and datasets held by a chosen organisation (or by none: public data)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask
from sqlalchemy import func, select

from app.db import new_session
from models import AccessLevel, Base, Dataset, Organisation, Support, User
from tests.web.test_clusters_common import seed_topics

HOLDER_ORG = "Northstar Homes"


def dataset_of(app: Flask, title: str, organisation: str | None) -> int:
    """A dataset held by the named organisation (None: public data with no holder)."""
    with app.app_context(), new_session(app) as session:
        holder = (
            session.scalar(select(Organisation.id).where(Organisation.name == organisation))
            if organisation
            else None
        )
        dataset = Dataset(
            title=title,
            description=f"{title}: monthly counts.",
            holder_organisation_id=holder,
            access_level=AccessLevel.ON_REQUEST,
            keywords=[],
        )
        session.add(dataset)
        session.commit()
        return dataset.id


def count(app: Flask, model: type[Base]) -> int:
    """Rows of a model, read in a fresh session."""
    with app.app_context(), new_session(app) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@dataclass
class Scene:
    """The food group (asked by asker@, supported by supporter@), a holder and its dataset."""

    food_id: int
    food_questions: list[int]
    energy_id: int
    energy_questions: list[int]
    dataset_id: int
    holder_id: int
    asker_id: int
    supporter_id: int
    bystander_id: int


def build_scene(app: Flask, make_question, make_user) -> Scene:
    """Users: asker@ (asks every seeded question), supporter@ (supports one food question),
    holder@ (Northstar Homes, holds the dataset), bystander@ (another organisation)."""
    topics = seed_topics(app, make_question, make_user)
    holder = make_user("holder@example.org", organisation=HOLDER_ORG, name="Hana Holder")
    supporter = make_user("supporter@example.org", organisation="Leeds Pantry", name="Sam")
    bystander = make_user("bystander@example.org", organisation="Elsewhere Trust", name="Bea")
    food_id, food_questions = topics["food"]
    energy_id, energy_questions = topics["energy"]
    with app.app_context(), new_session(app) as session:
        session.add(Support(user_id=supporter.id, question_id=food_questions[0]))
        session.commit()
        asker_id = session.scalar(select(User.id).where(User.email == "asker@example.org"))
    return Scene(
        food_id=food_id,
        food_questions=food_questions,
        energy_id=energy_id,
        energy_questions=energy_questions,
        dataset_id=dataset_of(app, "Rent arrears by month", HOLDER_ORG),
        holder_id=holder.id,
        asker_id=asker_id or 0,
        supporter_id=supporter.id,
        bystander_id=bystander.id,
    )

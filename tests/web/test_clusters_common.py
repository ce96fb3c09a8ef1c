"""Helpers the question-group tests share: topics of paraphrased questions and groups built by hand.

No tests here; the test_clusters_* modules and test_api_clusters import these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from flask import Flask
from sqlalchemy import select

from app.bank.embeddings import blob_to_vector, embed_datasets, vector_to_blob
from app.bank.grouping import refresh_demand_figures
from app.bank.matchstore import refresh_datasets, refresh_groups
from app.db import new_session
from app.insight.match import centroid
from models import AccessLevel, Cluster, ClusterState, Dataset, Question, Theme, User

FOOD = [
    "How many families referred to food banks wait for their first Universal Credit payment?",
    "What share of food bank referrals are caused by the five-week wait for Universal Credit?",
    "Are people using food banks because their first Universal Credit payment has not arrived?",
]
ENERGY = [
    "How many households on prepayment meters go without heating because they cannot top up?",
    "How often do prepayment meter customers self-disconnect from gas and electricity in winter?",
    "What proportion of people with prepayment energy meters run out of credit and go cold?",
]
TRANSPORT = [
    "How have cuts to rural bus services affected people's ability to get to work?",
    "Are reductions in bus routes stopping people in villages from reaching jobs?",
]


def build_group(
    app: Flask, question_ids: Sequence[int], keywords: Sequence[str] = (), **fields: Any
) -> int:
    """A live group of these questions with a real centroid and fresh figures; returns its id."""
    with app.app_context(), new_session(app) as session:
        questions = [session.get(Question, qid) for qid in question_ids]
        vectors = np.vstack([blob_to_vector(q.embedding) for q in questions])
        middle = centroid(vectors)
        public = [blob_to_vector(q.embedding) for q in questions if q.visibility.value == "public"]
        cluster = Cluster(
            centroid=vector_to_blob(middle),
            public_centroid=vector_to_blob(centroid(np.vstack(public))) if public else None,
            keywords=list(keywords),
            auto_label=", ".join(keywords[:3]),
            representative_question_id=question_ids[int(np.argmax(vectors @ middle))],
            **fields,
        )
        session.add(cluster)
        session.flush()
        for question in questions:
            question.cluster_id = cluster.id
        session.flush()
        refresh_demand_figures(session, [cluster.id])
        refresh_groups(session, [cluster.id])
        session.commit()
        return cluster.id


def seed_topics(
    app: Flask, make_question: Callable[..., int], make_user: Callable[..., Any]
) -> dict[str, tuple[int, list[int]]]:
    """Three groups (food, energy, transport) of paraphrases: name → (group id, question ids)."""
    author = make_user("asker@example.org")
    topics = {}
    for name, texts, words in (
        ("food", FOOD, ["food", "banks", "credit"]),
        ("energy", ENERGY, ["prepayment", "meters", "heating"]),
        ("transport", TRANSPORT, ["bus", "rural", "work"]),
    ):
        ids = [make_question(text, author=author) for text in texts]
        topics[name] = (build_group(app, ids, words), ids)
    return topics


def add_dataset(app, title: str, description: str, **fields) -> int:
    """An embedded dataset held by the first organisation, matched to the groups as the
    register would; returns its id."""
    with app.app_context(), new_session(app) as session:
        holder = session.scalar(select(User).order_by(User.id)).organisation_id
        dataset = Dataset(
            title=title,
            description=description,
            holder_organisation_id=holder,
            access_level=AccessLevel.ON_REQUEST,
            keywords=fields.pop("keywords", []),
            themes=list(session.scalars(select(Theme).where(Theme.slug.in_(["food"])))),
            **fields,
        )
        embed_datasets([dataset], app)
        session.add(dataset)
        session.flush()
        refresh_datasets(session, [dataset.id])
        session.commit()
        return dataset.id


def mark_merged(app: Flask, cluster_id: int, into_id: int) -> None:
    """Record that a group was merged into another, as curation or a re-cluster would."""
    with app.app_context(), new_session(app) as session:
        cluster = session.get(Cluster, cluster_id)
        cluster.state = ClusterState.MERGED
        cluster.merged_into_id = into_id
        session.commit()

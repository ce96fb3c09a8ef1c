"""What the matcher knows of groups and datasets, read from the database.

Matches are shown to everyone, so a group is profiled from its public, visible questions only:
the centroid of their full-text embeddings, themes and places, the group's match terms, and the
questions themselves (ids, embeddings and places, for the questions a match serves).

Re-scoring one dataset needs every live group's profile, and at 100k questions reading every
public question's embedding costs about a second, so ``live_group_profiles`` keeps the
question side in memory between calls, per database and process, for as long as the
questions are unchanged: their count and latest ``updated_at`` (every insert and update sets
it, the ORM's and bulk ones alike) are read on each call, in the caller's transaction, and any
difference reloads them. The groups' own rows (centroid, keywords, state) are read every time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np
from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from app.bank.embeddings import blob_to_vector
from app.insight.match import DatasetProfile, GroupProfile, centroid
from models import (
    Cluster,
    ClusterState,
    Dataset,
    Question,
    Visibility,
    dataset_themes,
    question_themes,
)


@dataclass(frozen=True)
class _Members:
    """The public questions of groups, as profiles use them: themes, and the questions' ids,
    embeddings (and their centroid), places and themes, by group."""

    themes: dict[int, frozenset[str]]
    ids: dict[int, tuple[int, ...]]
    vectors: dict[int, np.ndarray]
    centroids: dict[int, np.ndarray]
    places: dict[int, tuple[str, ...]]
    question_themes: dict[int, tuple[frozenset[str], ...]]


def _public_members(cluster_ids: Sequence[int] | None) -> tuple[ColumnElement[bool], ...]:
    """The questions everyone may read, of some groups (of every group when None)."""
    grouped = (
        Question.cluster_id.is_not(None)
        if cluster_ids is None
        else Question.cluster_id.in_(cluster_ids)
    )
    return (grouped, Question.hidden.is_(False), Question.visibility == Visibility.PUBLIC)


def _members(session: Session, cluster_ids: Sequence[int] | None) -> _Members:
    """The public questions of some groups (of every group when None), in two queries."""
    visible = _public_members(cluster_ids)
    themes: dict[int, set[str]] = {}
    themes_of_question: dict[int, set[str]] = {}
    for cluster_id, question_id, slug in session.execute(
        select(Question.cluster_id, Question.id, question_themes.c.theme_slug)
        .join(Question, Question.id == question_themes.c.question_id)
        .where(*visible)
    ):
        themes.setdefault(cluster_id, set()).add(slug)
        themes_of_question.setdefault(question_id, set()).add(slug)
    rows: dict[int, list[Any]] = {}
    for row in session.execute(
        select(Question.cluster_id, Question.id, Question.embedding, Question.geography)
        .where(*visible, Question.embedding.is_not(None))
        .order_by(Question.cluster_id, Question.id)
    ):
        rows.setdefault(row.cluster_id, []).append(row)
    vectors = {
        c: np.frombuffer(b"".join(q.embedding for q in questions), dtype="<f4").reshape(
            len(questions), -1
        )
        for c, questions in rows.items()
    }
    return _Members(
        themes={cluster_id: frozenset(slugs) for cluster_id, slugs in themes.items()},
        ids={c: tuple(q.id for q in questions) for c, questions in rows.items()},
        vectors=vectors,
        centroids={c: centroid(v) for c, v in vectors.items()},
        places={c: tuple(q.geography for q in questions) for c, questions in rows.items()},
        question_themes={
            c: tuple(frozenset(themes_of_question.get(q.id, ())) for q in questions)
            for c, questions in rows.items()
        },
    )


def _live_groups(session: Session, cluster_ids: Sequence[int] | None) -> list[Any]:
    query = select(
        Cluster.id, Cluster.public_centroid, Cluster.keywords, Cluster.match_terms
    ).where(Cluster.state == ClusterState.ACTIVE, Cluster.public_centroid.is_not(None))
    if cluster_ids is not None:
        query = query.where(Cluster.id.in_(cluster_ids))
    return list(session.execute(query.order_by(Cluster.id)))


def _profiles(clusters: list[Any], members: _Members) -> list[tuple[int, GroupProfile]]:
    profiles = []
    for cluster in clusters:
        places = members.places.get(cluster.id, ())
        # Matched on the meaning of the full texts, places included, as datasets describe their
        # coverage: the stored public centroid is of the place-neutral vectors groups are made
        # on. A group whose questions are not embedded yet falls back to it.
        middle = members.centroids.get(cluster.id)
        if middle is None:
            middle = blob_to_vector(cluster.public_centroid)
        profiles.append(
            (
                cluster.id,
                GroupProfile(
                    centroid=middle,
                    themes=members.themes.get(cluster.id, frozenset()),
                    geographies=frozenset(places),
                    keywords=tuple(cluster.match_terms or cluster.keywords or ()),
                    question_ids=members.ids.get(cluster.id, ()),
                    question_vectors=members.vectors.get(cluster.id),
                    question_places=places,
                    question_themes=members.question_themes.get(cluster.id, ()),
                ),
            )
        )
    return profiles


def group_profiles(
    session: Session, cluster_ids: Iterable[int] | None = None
) -> list[tuple[int, GroupProfile]]:
    """The live groups with public questions (all, or some), each with its matcher profile,
    read from the database now (three queries, whatever the number of groups)."""
    wanted = None if cluster_ids is None else sorted(set(cluster_ids))
    clusters = _live_groups(session, wanted)
    return _profiles(clusters, _members(session, wanted)) if clusters else []


_cached: WeakKeyDictionary[Engine, tuple[tuple[int, datetime | None], _Members]] = (
    WeakKeyDictionary()
)
_lock = threading.Lock()


def live_group_profiles(session: Session) -> list[tuple[int, GroupProfile]]:
    """Every live group's profile, as ``group_profiles`` reads it, with the questions' side
    kept in memory while the questions are unchanged (see the module's note)."""
    clusters = _live_groups(session, None)
    if not clusters:
        return []
    count, latest = session.execute(
        select(func.count(Question.id), func.max(Question.updated_at))
    ).one()
    stamp = (int(count), latest)
    engine = session.get_bind().engine
    with _lock:
        kept = _cached.get(engine)
    if kept is not None and kept[0] == stamp:
        return _profiles(clusters, kept[1])
    members = _members(session, None)
    with _lock:
        _cached[engine] = (stamp, members)
    return _profiles(clusters, members)


def dataset_profiles(
    session: Session, dataset_ids: Iterable[int] | None = None
) -> list[DatasetProfile]:
    """Every embedded, unretired dataset (or those of some ids) as the matcher sees it."""
    query = select(
        Dataset.id,
        Dataset.embedding,
        Dataset.geography,
        Dataset.keywords,
        Dataset.title,
        Dataset.variables,
        Dataset.unit_of_analysis,
        Dataset.population,
        Dataset.granularity,
    ).where(Dataset.embedding.is_not(None), Dataset.retired_at.is_(None))
    if dataset_ids is not None:
        query = query.where(Dataset.id.in_(sorted(set(dataset_ids))))
    rows = session.execute(query.order_by(Dataset.id)).all()
    themes: dict[int, set[str]] = {}
    for dataset_id, slug in session.execute(
        select(dataset_themes).where(dataset_themes.c.dataset_id.in_([row.id for row in rows]))
    ):
        themes.setdefault(dataset_id, set()).add(slug)
    return [
        DatasetProfile(
            id=row.id,
            vector=blob_to_vector(row.embedding),
            themes=frozenset(themes.get(row.id, ())),
            geography=row.geography,
            keywords=tuple(row.keywords or ()),
            title=row.title,
            variables=tuple(row.variables or ()),
            unit_of_analysis=row.unit_of_analysis.value if row.unit_of_analysis else "",
            population=row.population or "",
            granularity=row.granularity or "",
        )
        for row in rows
    ]

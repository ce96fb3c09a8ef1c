"""The stored dataset matches (``models.Match``) and the one place that refreshes them.

A match is stored for every live group and live, embedded dataset scoring at least the matcher's
minimum, with its components, reasons and the group's questions it serves. The rows are
refreshed where what they depend on changes, never on a page view:

- a dataset described, changed or retired: ``refresh_datasets`` re-scores it against every live
  group (every group's questions meet it in one matrix product);
- a question joining, leaving or moving, or a group reshaped by curation: ``refresh_groups``
  re-scores those groups against every live dataset;
- a re-cluster, or re-embedding: ``refresh_all``.

Each refresh recounts the groups it touched (``recount``): a group's ``matched_dataset_count``
is its stored matches less the datasets members marked not relevant for it, counted over every
live dataset whatever its visibility (the figure is the same for every viewer; pages filter
the list itself by what the viewer may read).

Matches are shown to everyone, so a group is profiled from its public questions only: their
centroid (``public_centroid``), themes, places and the questions themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.bank.embeddings import blob_to_vector
from app.bank.matching import not_demoted
from app.insight.match import DatasetProfile, GroupProfile, MatchResult
from app.insight.serves import rank_datasets_serving, rank_groups
from models import (
    Cluster,
    ClusterState,
    Dataset,
    Match,
    Question,
    Visibility,
    dataset_themes,
    question_themes,
    utcnow,
)

INSERT_CHUNK = 5000


def _public_members(cluster_ids: Sequence[int] | None) -> tuple[ColumnElement[bool], ...]:
    """The questions everyone may read, of some groups (of every group when None)."""
    grouped = (
        Question.cluster_id.is_not(None)
        if cluster_ids is None
        else Question.cluster_id.in_(cluster_ids)
    )
    return (grouped, Question.hidden.is_(False), Question.visibility == Visibility.PUBLIC)


def group_profiles(
    session: Session, cluster_ids: Iterable[int] | None = None
) -> list[tuple[int, GroupProfile]]:
    """The live groups with public questions (all, or some), each with its matcher profile made
    from those: centroid, themes, places, keywords, and the questions with their embeddings and
    places. Four queries, whatever the number of groups."""
    wanted = None if cluster_ids is None else sorted(set(cluster_ids))
    query = select(Cluster.id, Cluster.public_centroid, Cluster.keywords).where(
        Cluster.state == ClusterState.ACTIVE, Cluster.public_centroid.is_not(None)
    )
    if wanted is not None:
        query = query.where(Cluster.id.in_(wanted))
    clusters = session.execute(query.order_by(Cluster.id)).all()
    if not clusters:
        return []
    visible = _public_members(wanted)
    themes: dict[int, set[str]] = {}
    for cluster_id, slug in session.execute(
        select(Question.cluster_id, question_themes.c.theme_slug)
        .join(Question, Question.id == question_themes.c.question_id)
        .where(*visible)
        .distinct()
    ):
        themes.setdefault(cluster_id, set()).add(slug)
    questions: dict[int, list[Any]] = {}
    for row in session.execute(
        select(Question.cluster_id, Question.id, Question.embedding, Question.geography)
        .where(*visible, Question.embedding.is_not(None))
        .order_by(Question.cluster_id, Question.id)
    ):
        questions.setdefault(row.cluster_id, []).append(row)
    return [
        (
            cluster.id,
            _profile(cluster, themes.get(cluster.id, set()), questions.get(cluster.id, [])),
        )
        for cluster in clusters
    ]


def _profile(cluster: Any, themes: set[str], questions: list[Any]) -> GroupProfile:
    vectors = (
        np.frombuffer(b"".join(q.embedding for q in questions), dtype="<f4").reshape(
            len(questions), -1
        )
        if questions
        else None
    )
    return GroupProfile(
        centroid=blob_to_vector(cluster.public_centroid),
        themes=frozenset(themes),
        geographies=frozenset(q.geography for q in questions),
        keywords=tuple(cluster.keywords or ()),
        question_ids=tuple(q.id for q in questions),
        question_vectors=vectors,
        question_places=tuple(q.geography for q in questions),
    )


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
        )
        for row in rows
    ]


def _row(cluster_id: int, result: MatchResult, now: datetime) -> dict[str, Any]:
    return {
        "cluster_id": cluster_id,
        "dataset_id": result.dataset_id,
        "score": result.score,
        "semantic": result.semantic,
        "theme": result.theme,
        "geography": result.geography,
        "keyword": result.keyword,
        "reasons": list(result.reasons),
        "serves_question_ids": [int(q) for q in result.serves_questions],
        "refreshed_at": now,
    }


def _insert(session: Session, rows: list[dict[str, Any]]) -> None:
    """Store rows; a pair another transaction stored meanwhile (a dataset described while its
    group changes) is overwritten rather than refused."""
    upsert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = upsert(Match)
    statement = statement.on_conflict_do_update(
        index_elements=[Match.cluster_id, Match.dataset_id],
        set_={name: statement.excluded[name] for name in _UPDATED},
    )
    for start in range(0, len(rows), INSERT_CHUNK):
        session.execute(statement, rows[start : start + INSERT_CHUNK])


_UPDATED = (
    "score",
    "semantic",
    "theme",
    "geography",
    "keyword",
    "reasons",
    "serves_question_ids",
    "refreshed_at",
)


def refresh_datasets(session: Session, dataset_ids: Iterable[int]) -> None:
    """Re-score some datasets against every live group: after one is described, changed or
    retired (a retired or unembedded dataset keeps no matches). The caller commits."""
    ids = sorted(set(dataset_ids))
    if not ids:
        return
    session.flush()
    touched = set(session.scalars(select(Match.cluster_id).where(Match.dataset_id.in_(ids))))
    session.execute(delete(Match).where(Match.dataset_id.in_(ids)))
    datasets = dataset_profiles(session, ids)
    groups = group_profiles(session) if datasets else []
    profiles = [profile for _, profile in groups]
    now = utcnow()
    rows = [
        _row(groups[position][0], result, now)
        for dataset in datasets
        for position, result in rank_groups(profiles, dataset)
    ]
    _insert(session, rows)
    recount(session, touched | {row["cluster_id"] for row in rows})


def refresh_groups(session: Session, cluster_ids: Iterable[int]) -> None:
    """Re-score some groups against every live dataset: after questions joined, left or moved,
    or curation reshaped them (a group no longer live keeps no matches). The caller commits."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    session.flush()
    session.execute(delete(Match).where(Match.cluster_id.in_(ids)))
    groups = group_profiles(session, ids)
    _insert(session, _score_groups(groups, dataset_profiles(session) if groups else []))
    recount(session, ids)


def refresh_all(session: Session) -> None:
    """Re-score every live group against every live dataset (after a re-cluster or
    re-embedding), and recount every group. The caller commits."""
    session.flush()
    session.execute(delete(Match))
    groups = group_profiles(session)
    _insert(session, _score_groups(groups, dataset_profiles(session) if groups else []))
    counted = session.scalars(
        select(Cluster.id).where(
            or_(Cluster.matched_dataset_count != 0, Cluster.state == ClusterState.ACTIVE)
        )
    )
    recount(session, counted)


def _score_groups(
    groups: Sequence[tuple[int, GroupProfile]], datasets: Sequence[DatasetProfile]
) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        _row(cluster_id, result, now)
        for cluster_id, profile in groups
        for result in (rank_datasets_serving(profile, datasets) if datasets else [])
    ]


def recount(session: Session, cluster_ids: Iterable[int]) -> None:
    """Set each group's ``matched_dataset_count`` to its stored matches less the demoted ones."""
    ids = sorted(set(cluster_ids))
    for start in range(0, len(ids), INSERT_CHUNK):
        chunk = ids[start : start + INSERT_CHUNK]
        counts: dict[int, int] = {
            cluster_id: n
            for cluster_id, n in session.execute(
                select(Match.cluster_id, func.count())
                .where(Match.cluster_id.in_(chunk), not_demoted())
                .group_by(Match.cluster_id)
            )
        }
        for cluster in session.scalars(select(Cluster).where(Cluster.id.in_(chunk))):
            cluster.matched_dataset_count = counts.get(cluster.id, 0)

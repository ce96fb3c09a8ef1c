"""Grouping on the database: a new question joins its nearest group, and each group's demand
figures (size, support, breadth, action types, pledges) are recounted where they change."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from app.bank.embeddings import blob_to_vector, vector_to_blob
from app.bank.matchstore import refresh_groups_after_commit
from app.bank.refresher import after_commit
from app.insight.cluster import ASSIGN_THRESHOLD, assign_to_nearest
from models import (
    Cluster,
    ClusterState,
    Organisation,
    Pledge,
    PledgeStatus,
    Question,
    Support,
    User,
    Visibility,
)


def active_centroids(session: Session) -> tuple[list[int], np.ndarray]:
    """Ids and centroid matrix of the live groups that have a centroid."""
    rows = session.execute(
        select(Cluster.id, Cluster.centroid).where(
            Cluster.state == ClusterState.ACTIVE, Cluster.centroid.is_not(None)
        )
    ).all()
    if not rows:
        return [], np.zeros((0, 0), dtype=np.float32)
    matrix = np.frombuffer(b"".join(row.centroid for row in rows), dtype="<f4")
    return [row.id for row in rows], matrix.reshape(len(rows), -1)


def assign_question(session: Session, question: Question, vector: np.ndarray) -> Cluster | None:
    """Put a question in its nearest group if it is close enough; else leave it ungrouped.

    ``vector`` is the question's embedding. The caller commits; the group's demand figures are
    refreshed, and its stored matches when the question is public (matches are made from the
    public questions: a new one can bring new themes and places): here, or in the background
    after the commit where the app defers them (``app.bank.refresher``).
    """
    assign_questions(session, [question], vector[None, :])
    return question.cluster


def assign_questions(
    session: Session, questions: Sequence[Question], vectors: np.ndarray
) -> set[int]:
    """Put each question in its nearest group, as ``assign_question`` does, with the groups'
    figures and matches refreshed once for them all (an import); the groups they joined.

    ``vectors`` holds one embedding a row, in the order of ``questions``. The caller commits.
    """
    ids, centroids = active_centroids(session)
    if not ids:
        return set()
    joined: set[int] = set()
    public_joined: set[int] = set()
    # Each public question joining counts toward the running mean of the ones after it.
    weights: dict[int, int] = {}
    for question, vector in zip(questions, vectors, strict=True):
        position = assign_to_nearest(vector, centroids, ASSIGN_THRESHOLD)
        if position is None:
            question.cluster_id = None
            question.cluster_similarity = None
            continue
        cluster = session.get_one(Cluster, ids[position])
        question.cluster = cluster
        question.cluster_similarity = float(centroids[position] @ vector)
        joined.add(cluster.id)
        if question.visibility is Visibility.PUBLIC:
            weight = weights.setdefault(cluster.id, cluster.size)
            _add_to_public_centroid(cluster, vector, weight)
            weights[cluster.id] = weight + 1
            public_joined.add(cluster.id)
    session.flush()
    # Recounted from the database: once for a burst of posts, after they commit, where the app
    # defers it (``app.bank.refresher``).
    after_commit(session, refresh_demand_figures, joined)
    refresh_groups_after_commit(session, public_joined)
    return joined


def _add_to_public_centroid(cluster: Cluster, vector: np.ndarray, weight: int) -> None:
    """Move the public centroid toward a public question joining (a running mean): matches
    follow the group's public questions without waiting for the next re-cluster. ``weight`` is
    how many public questions the centroid stands for so far."""
    if cluster.public_centroid is None or weight == 0:
        cluster.public_centroid = vector_to_blob(vector)
        return
    total = blob_to_vector(cluster.public_centroid) * weight + vector
    cluster.public_centroid = vector_to_blob(total / float(np.linalg.norm(total) or 1.0))


def refresh_demand_figures(session: Session, cluster_ids: Iterable[int]) -> None:
    """Recount size, support, breadth, action types and pledges of some groups.

    Every visitor sees these figures, so they count the public questions only (and the
    supporters and pledges of those); the others are only counted, in ``unlisted_count``.
    This runs on every support and so reads only the groups' own questions; the match figure,
    which needs every dataset, is refreshed with the stored matches (``app.bank.matchstore``).
    """
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    questions = _question_figures(session, ids)
    visible = (
        Question.cluster_id.in_(ids),
        Question.hidden.is_(False),
        Question.visibility == Visibility.PUBLIC,
    )
    sectors = _sectors(session, ids, visible)
    pledges = _live_pledges(session, ids)
    for cluster in session.scalars(select(Cluster).where(Cluster.id.in_(ids))):
        cid = cluster.id
        figures = questions[cid]
        cluster.size, cluster.support_count = figures.size, figures.support
        cluster.unlisted_count = figures.unlisted
        cluster.sector_counts = dict(sectors[cid])
        cluster.organisation_count = sum(sectors[cid].values())
        cluster.action_type_counts = dict(figures.action_types.most_common())
        cluster.pledge_count = pledges.get(cid, 0)


Visible = tuple[ColumnElement[bool], ...]


@dataclass
class _Figures:
    """A group's listed questions, their support, its unlisted questions and action types."""

    size: int = 0
    support: int = 0
    unlisted: int = 0
    action_types: Counter[str] = field(default_factory=Counter)


def _question_figures(session: Session, ids: list[int]) -> dict[int, _Figures]:
    """Each group's public questions and their support, its other questions, and the kinds of
    action its public questions lead to, in one query."""
    figures = {cid: _Figures() for cid in ids}
    for cid, visibility, slug, n, support in session.execute(
        select(
            Question.cluster_id,
            Question.visibility,
            Question.action_type_slug,
            func.count(),
            func.coalesce(func.sum(Question.support_count), 0),
        )
        .where(Question.cluster_id.in_(ids), Question.hidden.is_(False))
        .group_by(Question.cluster_id, Question.visibility, Question.action_type_slug)
    ):
        if cid is None:  # never: the query reads only these groups' questions
            continue
        group = figures[cid]
        if visibility is Visibility.PUBLIC:
            group.size += n
            group.support += int(support)
            group.action_types[slug] += n
        else:
            group.unlisted += n
    return figures


def _sectors(session: Session, ids: list[int], visible: Visible) -> dict[int, Counter[str]]:
    """The organisations asking or supporting each group's questions, counted by sector."""
    askers = select(Question.cluster_id.label("cid"), Question.organisation_id.label("oid")).where(
        *visible
    )
    supporters = (
        select(Question.cluster_id.label("cid"), User.organisation_id.label("oid"))
        .join(Support, Support.question_id == Question.id)
        .join(User, User.id == Support.user_id)
        .where(*visible)
    )
    pairs = askers.union(supporters).subquery()
    sectors: dict[int, Counter[str]] = {cid: Counter() for cid in ids}
    for cid, sector in session.execute(
        select(pairs.c.cid, Organisation.sector).join(Organisation, Organisation.id == pairs.c.oid)
    ):
        sectors[cid][sector.value] += 1
    return sectors


def _live_pledges(session: Session, ids: list[int]) -> dict[int, int]:
    """Pledges not withdrawn, on each group or on one of its public questions."""
    target = func.coalesce(Pledge.cluster_id, Question.cluster_id)
    on_public = or_(Pledge.question_id.is_(None), Question.visibility == Visibility.PUBLIC)
    rows = session.execute(
        select(target, func.count(Pledge.id))
        .outerjoin(Question, Question.id == Pledge.question_id)
        .where(target.in_(ids), Pledge.status != PledgeStatus.WITHDRAWN, on_public)
        .group_by(target)
    )
    return {int(cid): int(n) for cid, n in rows}

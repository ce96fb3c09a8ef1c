"""Where the insight engine meets the database: assigning, describing and matching groups."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.embedding import blob_to_vector
from app.insight.cluster import ASSIGN_THRESHOLD, assign_to_nearest
from app.insight.match import DatasetProfile, GroupProfile, MatchResult, rank_datasets
from models import (
    Cluster,
    ClusterState,
    Dataset,
    Organisation,
    Pledge,
    PledgeStatus,
    Question,
    Support,
    User,
    dataset_themes,
    question_themes,
)

MATCHES_SHOWN = 5


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


def assign_question(session: Session, question: Question) -> Cluster | None:
    """Put a new question in its nearest group if it is close enough; else leave it ungrouped.

    The caller commits; the group's figures are refreshed here.
    """
    if question.embedding is None:
        return None
    ids, centroids = active_centroids(session)
    if not ids:
        return None
    vector = blob_to_vector(question.embedding)
    position = assign_to_nearest(vector, centroids, ASSIGN_THRESHOLD)
    if position is None:
        question.cluster_id = None
        question.cluster_similarity = None
        return None
    cluster = session.get(Cluster, ids[position])
    question.cluster = cluster
    question.cluster_similarity = float(centroids[position] @ vector)
    session.flush()
    refresh_cluster_figures(session, [cluster.id])
    return cluster


def refresh_cluster_figures(session: Session, cluster_ids: Iterable[int]) -> None:
    """Recount size, support, breadth, action types, pledges and matches of some groups."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    clusters = {c.id: c for c in session.scalars(select(Cluster).where(Cluster.id.in_(ids)))}
    visible = (Question.cluster_id.in_(ids), Question.hidden.is_(False))
    sizes = dict(
        session.execute(
            select(Question.cluster_id, func.count()).where(*visible).group_by(Question.cluster_id)
        ).all()
    )
    supports = dict(
        session.execute(
            select(Question.cluster_id, func.coalesce(func.sum(Question.support_count), 0))
            .where(*visible)
            .group_by(Question.cluster_id)
        ).all()
    )
    action_types: dict[int, Counter[str]] = {cid: Counter() for cid in ids}
    for cid, slug, n in session.execute(
        select(Question.cluster_id, Question.action_type_slug, func.count())
        .where(*visible)
        .group_by(Question.cluster_id, Question.action_type_slug)
    ):
        action_types[cid][slug] = n
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
    pledges = dict(
        session.execute(
            select(func.coalesce(Pledge.cluster_id, Question.cluster_id), func.count(Pledge.id))
            .outerjoin(Question, Question.id == Pledge.question_id)
            .where(
                func.coalesce(Pledge.cluster_id, Question.cluster_id).in_(ids),
                Pledge.status != PledgeStatus.WITHDRAWN,
            )
            .group_by(func.coalesce(Pledge.cluster_id, Question.cluster_id))
        ).all()
    )
    datasets = dataset_profiles(session)
    for cid, cluster in clusters.items():
        cluster.size = sizes.get(cid, 0)
        cluster.support_count = int(supports.get(cid, 0))
        cluster.sector_counts = dict(sectors[cid])
        cluster.organisation_count = sum(sectors[cid].values())
        cluster.action_type_counts = dict(action_types[cid].most_common())
        cluster.pledge_count = pledges.get(cid, 0)
        profile = group_profile(session, cluster)
        cluster.matched_dataset_count = (
            len(rank_datasets(profile, datasets, top_k=len(datasets))) if profile else 0
        )


def group_profile(session: Session, cluster: Cluster) -> GroupProfile | None:
    """What the matcher needs to know about a group: centroid, themes, places, keywords."""
    if cluster.centroid is None:
        return None
    themes = session.scalars(
        select(question_themes.c.theme_slug)
        .join(Question, Question.id == question_themes.c.question_id)
        .where(Question.cluster_id == cluster.id, Question.hidden.is_(False))
        .distinct()
    )
    places = session.scalars(
        select(Question.geography)
        .where(Question.cluster_id == cluster.id, Question.hidden.is_(False))
        .distinct()
    )
    return GroupProfile(
        centroid=blob_to_vector(cluster.centroid),
        themes=frozenset(themes),
        geographies=frozenset(places),
        keywords=tuple(cluster.keywords or ()),
    )


def dataset_profiles(session: Session) -> list[DatasetProfile]:
    """Every embedded dataset as the matcher sees it."""
    rows = session.execute(
        select(Dataset.id, Dataset.embedding, Dataset.geography, Dataset.keywords, Dataset.title)
        .where(Dataset.embedding.is_not(None))
        .order_by(Dataset.id)
    ).all()
    themes: dict[int, set[str]] = {}
    for dataset_id, slug in session.execute(select(dataset_themes)):
        themes.setdefault(dataset_id, set()).add(slug)
    return [
        DatasetProfile(
            id=row.id,
            vector=blob_to_vector(row.embedding),
            themes=frozenset(themes.get(row.id, ())),
            geography=row.geography,
            keywords=tuple(row.keywords or ()),
            title=row.title,
        )
        for row in rows
    ]


@dataclass(frozen=True)
class DatasetMatch:
    """A dataset the matcher proposes for a group, with the score and the reasons."""

    dataset: Dataset
    result: MatchResult


def cluster_matches(
    session: Session, cluster: Cluster, top_k: int = MATCHES_SHOWN
) -> list[DatasetMatch]:
    """The datasets that could best serve a group, best first, each with why."""
    profile = group_profile(session, cluster)
    if profile is None:
        return []
    results = rank_datasets(profile, dataset_profiles(session), top_k=top_k)
    datasets = {
        d.id: d
        for d in session.scalars(
            select(Dataset).where(Dataset.id.in_([r.dataset_id for r in results]))
        )
    }
    return [DatasetMatch(datasets[r.dataset_id], r) for r in results]

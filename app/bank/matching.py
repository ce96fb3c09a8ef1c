"""Dataset matches on the database: what the matcher knows of groups and datasets, a group's
matches with their reasons, and the stored match figure of each group.

A group's matches are every dataset scoring at least the matcher's minimum; the stored
``matched_dataset_count`` is how many there are, refreshed when a group's profile changes
(its members, centroid or keywords) — not on every support.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bank.embeddings import blob_to_vector
from app.insight.match import (
    DatasetProfile,
    GroupProfile,
    MatchResult,
    centroid,
    rank_datasets,
)
from models import Cluster, Dataset, Question, Visibility, dataset_themes, question_themes

MATCHES_SHOWN = 5


def group_profile(session: Session, cluster: Cluster) -> GroupProfile | None:
    """What the matcher needs to know about a group: centroid, themes, places, keywords.

    Matches are shown to every visitor, so they are made from the group's public questions
    only (as its label is); a group with none has no matches to show.
    """
    public = (
        Question.cluster_id == cluster.id,
        Question.hidden.is_(False),
        Question.visibility == Visibility.PUBLIC,
        Question.embedding.is_not(None),
    )
    rows = session.execute(select(Question.embedding, Question.geography).where(*public)).all()
    if not rows:
        return None
    themes = session.scalars(
        select(question_themes.c.theme_slug)
        .join(Question, Question.id == question_themes.c.question_id)
        .where(*public)
        .distinct()
    )
    vectors = np.vstack([blob_to_vector(row.embedding) for row in rows if row.embedding])
    return GroupProfile(
        centroid=centroid(vectors),
        themes=frozenset(themes),
        geographies=frozenset(row.geography for row in rows),
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


def _all_matches(
    session: Session, cluster: Cluster, datasets: list[DatasetProfile]
) -> list[MatchResult]:
    """Every dataset scoring at least the matcher's minimum for the group, best first."""
    profile = group_profile(session, cluster)
    if profile is None or not datasets:
        return []
    return rank_datasets(profile, datasets, top_k=len(datasets))


def refresh_match_figures(session: Session, cluster_ids: Iterable[int]) -> None:
    """Recount how many datasets match each of some groups (the figure on its card)."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    datasets = dataset_profiles(session)
    for cluster in session.scalars(select(Cluster).where(Cluster.id.in_(ids))):
        cluster.matched_dataset_count = len(_all_matches(session, cluster, datasets))


@dataclass(frozen=True)
class GroupMatches:
    """The best of a group's matches, and how many match in all (the card's figure)."""

    shown: list[DatasetMatch]
    total: int


def cluster_matches(session: Session, cluster: Cluster, top_k: int = MATCHES_SHOWN) -> GroupMatches:
    """The datasets that could best serve a group, best first, each with why."""
    ranked = _all_matches(session, cluster, dataset_profiles(session))
    results = ranked[:top_k]
    datasets = {
        d.id: d
        for d in session.scalars(
            select(Dataset).where(Dataset.id.in_([r.dataset_id for r in results]))
        )
    }
    return GroupMatches([DatasetMatch(datasets[r.dataset_id], r) for r in results], len(ranked))

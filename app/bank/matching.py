"""Dataset matches on the database: what the matcher knows of groups and datasets, a group's
matches with their reasons, and the stored match figure of each group.

A group's matches are every dataset scoring at least the matcher's minimum; the stored
``matched_dataset_count`` is how many there are, refreshed when a group's profile changes
(its members, centroid or keywords) — not on every support — and, for the groups a dataset
matches, when that dataset is described, changed or retired.

Only live (unretired) datasets are matched; what a viewer is shown is limited to the datasets
that viewer may read (``datasets_readable_by``).

Members may mark a suggested dataset not relevant for a group (``MatchFeedback``): such a
dataset is demoted for that group, listed after the others and left out of its match figure;
the engine's scores are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, selectinload

from app.bank.embeddings import blob_to_vector
from app.core.policy import datasets_readable_by
from app.insight.match import (
    DatasetProfile,
    GroupProfile,
    MatchResult,
    rank_datasets,
)
from models import (
    Cluster,
    ClusterState,
    Dataset,
    MatchFeedback,
    Question,
    User,
    Visibility,
    dataset_themes,
    question_themes,
)

MATCHES_SHOWN = 5


def group_profile(session: Session, cluster: Cluster) -> GroupProfile | None:
    """What the matcher needs to know about a group: centroid, themes, places, keywords.

    Matches are shown to every visitor, so they are made from the group's public questions
    only, as its label is: their centroid, themes and places. A group with none has no matches.
    """
    if cluster.public_centroid is None:
        return None
    public = (*_public_members([cluster.id]),)
    themes = session.scalars(
        select(question_themes.c.theme_slug)
        .join(Question, Question.id == question_themes.c.question_id)
        .where(*public)
        .distinct()
    )
    places = session.scalars(select(Question.geography).where(*public).distinct())
    return GroupProfile(
        centroid=blob_to_vector(cluster.public_centroid),
        themes=frozenset(themes),
        geographies=frozenset(places),
        keywords=tuple(cluster.keywords or ()),
    )


def _public_members(cluster_ids: list[int]) -> tuple[ColumnElement[bool], ...]:
    """The groups' questions that everyone may read."""
    return (
        Question.cluster_id.in_(cluster_ids),
        Question.hidden.is_(False),
        Question.visibility == Visibility.PUBLIC,
    )


def dataset_profiles(
    session: Session, readable: ColumnElement[bool] | None = None
) -> list[DatasetProfile]:
    """Every embedded, unretired dataset as the matcher sees it (only readable ones, if given)."""
    rows = session.execute(
        select(Dataset.id, Dataset.embedding, Dataset.geography, Dataset.keywords, Dataset.title)
        .where(
            Dataset.embedding.is_not(None),
            Dataset.retired_at.is_(None),
            *([] if readable is None else [readable]),
        )
        .order_by(Dataset.id)
    ).all()
    themes: dict[int, set[str]] = {}
    wanted = [row.id for row in rows]
    for dataset_id, slug in session.execute(
        select(dataset_themes).where(dataset_themes.c.dataset_id.in_(wanted))
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
        )
        for row in rows
    ]


@dataclass(frozen=True)
class DatasetMatch:
    """A dataset the matcher proposes for a group, with the score, the reasons, and how many
    members marked it not relevant for the group (then it is demoted)."""

    dataset: Dataset
    result: MatchResult
    not_relevant_count: int = 0


def not_relevant_counts(session: Session, cluster_ids: Iterable[int]) -> dict[tuple[int, int], int]:
    """How many members marked each dataset not relevant, by (group id, dataset id)."""
    rows = session.execute(
        select(MatchFeedback.cluster_id, MatchFeedback.dataset_id, func.count())
        .where(MatchFeedback.cluster_id.in_(sorted(set(cluster_ids))))
        .group_by(MatchFeedback.cluster_id, MatchFeedback.dataset_id)
    )
    return {(cluster_id, dataset_id): n for cluster_id, dataset_id, n in rows}


def feedback_export(session: Session) -> list[tuple[int, int, str, str]]:
    """All the feedback for the bench: group, dataset, reason, when; never who gave it."""
    rows = session.execute(
        select(
            MatchFeedback.cluster_id,
            MatchFeedback.dataset_id,
            MatchFeedback.reason,
            MatchFeedback.created_at,
        ).order_by(MatchFeedback.id)
    )
    return [(c, d, reason, at.isoformat()) for c, d, reason, at in rows]


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
    demoted = not_relevant_counts(session, ids)
    for cluster in session.scalars(select(Cluster).where(Cluster.id.in_(ids))):
        cluster.matched_dataset_count = sum(
            (cluster.id, result.dataset_id) not in demoted
            for result in _all_matches(session, cluster, datasets)
        )


@dataclass(frozen=True)
class GroupMatches:
    """The best of a group's matches, and how many match in all (the card's figure: demoted
    datasets are not counted)."""

    shown: list[DatasetMatch]
    total: int


def cluster_matches(
    session: Session,
    cluster: Cluster,
    top_k: int | None = MATCHES_SHOWN,
    viewer: User | None = None,
) -> GroupMatches:
    """The datasets that could best serve a group, best first, each with why; those marked not
    relevant come after the others (best first among themselves).

    Only datasets the viewer may read are offered (a visitor: public records only).
    """
    readable = dataset_profiles(session, datasets_readable_by(viewer))
    counts = {d: n for (_, d), n in not_relevant_counts(session, [cluster.id]).items()}
    ranked = sorted(_all_matches(session, cluster, readable), key=lambda r: r.dataset_id in counts)
    results = ranked if top_k is None else ranked[:top_k]
    datasets = {
        d.id: d
        for d in session.scalars(
            select(Dataset)
            .where(Dataset.id.in_([r.dataset_id for r in results]))
            .options(selectinload(Dataset.holder))
        )
    }
    return GroupMatches(
        [DatasetMatch(datasets[r.dataset_id], r, counts.get(r.dataset_id, 0)) for r in results],
        sum(r.dataset_id not in counts for r in ranked),
    )


# --- The same matcher in reverse: the groups one dataset could serve ---------------------------


@dataclass(frozen=True)
class GroupMatch:
    """A live group a dataset could serve, with the score and the reasons."""

    cluster: Cluster
    result: MatchResult


def live_group_profiles(session: Session) -> list[tuple[Cluster, GroupProfile]]:
    """Every live group with public questions, and its profile made from those (three queries,
    whatever the count)."""
    clusters = list(
        session.scalars(
            select(Cluster)
            .where(Cluster.state == ClusterState.ACTIVE, Cluster.public_centroid.is_not(None))
            .order_by(Cluster.id)
        )
    )
    ids = [c.id for c in clusters]
    visible = _public_members(ids)
    themes: dict[int | None, set[str]] = {}
    for cluster_id, slug in session.execute(
        select(Question.cluster_id, question_themes.c.theme_slug)
        .join(Question, Question.id == question_themes.c.question_id)
        .where(*visible)
        .distinct()
    ):
        themes.setdefault(cluster_id, set()).add(slug)
    places: dict[int | None, set[str]] = {}
    for cluster_id, place in session.execute(
        select(Question.cluster_id, Question.geography).where(*visible).distinct()
    ):
        places.setdefault(cluster_id, set()).add(place)
    return [
        (
            cluster,
            GroupProfile(
                centroid=blob_to_vector(cluster.public_centroid),
                themes=frozenset(themes.get(cluster.id, ())),
                geographies=frozenset(places.get(cluster.id, ())),
                keywords=tuple(cluster.keywords or ()),
            ),
        )
        for cluster in clusters
        if cluster.public_centroid is not None
    ]


def _profile_of(session: Session, dataset: Dataset) -> DatasetProfile | None:
    if dataset.embedding is None or dataset.retired_at is not None:
        return None
    return DatasetProfile(
        id=dataset.id,
        vector=blob_to_vector(dataset.embedding),
        themes=frozenset(theme.slug for theme in dataset.themes),
        geography=dataset.geography,
        keywords=tuple(dataset.keywords or ()),
        title=dataset.title,
    )


def dataset_matches(
    session: Session, dataset: Dataset, top_k: int | None = None
) -> list[GroupMatch]:
    """The live groups a dataset could serve, best first (ties by group id), each with why.

    The group-side ranking run in reverse: each group ranks this one dataset, and the groups
    for which it reaches the matcher's minimum are kept, so the two directions always agree.
    """
    profile = _profile_of(session, dataset)
    if profile is None:
        return []
    found = [
        GroupMatch(cluster, ranked[0])
        for cluster, group in live_group_profiles(session)
        if (ranked := rank_datasets(group, [profile], top_k=1))
    ]
    found.sort(key=lambda match: (-match.result.score, match.cluster.id))
    return found if top_k is None else found[:top_k]

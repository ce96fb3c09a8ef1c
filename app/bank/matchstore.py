"""The stored dataset matches (``models.Match``) and the one place that refreshes them.

A match is stored for every live group and live, embedded dataset scoring at least the matcher's
minimum, with its components, reasons and the group's questions it serves. The rows are
refreshed where what they depend on changes, never on a page view:

- a dataset described, changed or retired: ``refresh_datasets`` re-scores it against every live
  group (their profiles kept in memory while the questions are unchanged: ``app.bank.profiles``);
- a question joining, leaving or moving, or a group reshaped by curation: ``refresh_groups``
  re-scores those groups against every live dataset. A question just posted asks for it through
  ``refresh_groups_after_commit``: where the app has a ``Refresher`` (served processes,
  ``app.bank.refresher``), the groups are re-scored by a background thread once the post has
  committed, many posts to one group in one pass (a post costs 8 ms less, and a burst of posts
  re-scores each group once); elsewhere (tests, the command line) at once, in the caller's
  transaction;
- a re-cluster, or re-embedding: ``refresh_all``.

Each refresh recounts the groups it touched (``recount``): a group's ``matched_dataset_count``
is its stored matches less the datasets members marked not relevant for it, counted over every
live dataset whatever its visibility (the figure is the same for every viewer; pages filter
the list itself by what the viewer may read).

Matches are shown to everyone, so groups are profiled from their public questions only
(``app.bank.profiles``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.bank.matching import not_demoted
from app.bank.profiles import dataset_profiles, group_profiles, live_group_profiles
from app.bank.refresher import after_commit
from app.core.policy import datasets_readable_by
from app.insight.match import DatasetProfile, GroupProfile, MatchResult
from app.insight.serves import rank_datasets_serving, rank_groups
from app.insight.stacked import GroupStack
from models import Cluster, ClusterState, Dataset, Match, utcnow

INSERT_CHUNK = 5000


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
    groups = live_group_profiles(session) if datasets else []
    stack = GroupStack.of([profile for _, profile in groups])
    now = utcnow()
    rows = [
        _row(groups[position][0], result, now)
        for dataset in datasets
        for position, result in rank_groups(stack, dataset)
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


def refresh_groups_after_commit(session: Session, cluster_ids: Iterable[int]) -> None:
    """Re-score some groups as ``refresh_groups`` does: after this session commits, in the
    background, where the app has a ``Refresher``; else now, before the caller commits."""
    after_commit(session, refresh_groups, cluster_ids)


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
    """Set each group's ``matched_dataset_count`` to its stored matches less the demoted ones,
    counting public datasets only: the card figure is the same for everyone, so it is made
    from what everyone may read (a visitor's card agrees with the visitor's list)."""
    ids = sorted(set(cluster_ids))
    for start in range(0, len(ids), INSERT_CHUNK):
        chunk = ids[start : start + INSERT_CHUNK]
        counts: dict[int, int] = {
            cluster_id: n
            for cluster_id, n in session.execute(
                select(Match.cluster_id, func.count())
                .join(Dataset, Dataset.id == Match.dataset_id)
                .where(Match.cluster_id.in_(chunk), not_demoted(), datasets_readable_by(None))
                .group_by(Match.cluster_id)
            )
        }
        for cluster in session.scalars(select(Cluster).where(Cluster.id.in_(chunk))):
            cluster.matched_dataset_count = counts.get(cluster.id, 0)

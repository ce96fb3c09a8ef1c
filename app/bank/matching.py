"""Dataset matches as the pages and the API read them: a group's stored matches, the groups a
dataset could serve with the questions it serves, and members' "not relevant" feedback.

Nothing here ranks: the matches are stored, and refreshed where they change, by
``app.bank.matchstore``. A viewer is shown only the datasets they may read
(``datasets_readable_by``), so the counts beside each list count that list. A dataset members
marked not relevant for a group (``MatchFeedback``) is demoted there: listed after the others,
in both directions, and not counted; the engine's scores are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, exists, func, select
from sqlalchemy.orm import Session, selectinload

from app.core.policy import datasets_readable_by
from app.insight.match import MatchResult
from models import (
    Cluster,
    ClusterState,
    Dataset,
    Match,
    MatchFeedback,
    Question,
    User,
    Visibility,
)

MATCHES_SHOWN = 5
# Served questions named under each group on a dataset's page (the rest are counted).
SERVED_SHOWN = 3


def stored_result(match: Match) -> MatchResult:
    """A stored match as the engine's result."""
    return MatchResult(
        dataset_id=match.dataset_id,
        score=match.score,
        reasons=tuple(match.reasons or ()),
        semantic=match.semantic,
        theme=match.theme,
        geography=match.geography,
        keyword=match.keyword,
        serves_questions=tuple(match.serves_question_ids or ()),
    )


def not_demoted() -> ColumnElement[bool]:
    """Stored matches no member marked not relevant for their group."""
    return ~exists().where(
        MatchFeedback.cluster_id == Match.cluster_id, MatchFeedback.dataset_id == Match.dataset_id
    )


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


def _marks(*where: ColumnElement[bool]) -> Select[int, int, int]:
    """Feedback counts by (group, dataset), to join onto stored matches."""
    return (
        select(
            MatchFeedback.cluster_id.label("cluster_id"),
            MatchFeedback.dataset_id.label("dataset_id"),
            func.count().label("n"),
        )
        .where(*where)
        .group_by(MatchFeedback.cluster_id, MatchFeedback.dataset_id)
    )


@dataclass(frozen=True)
class DatasetMatch:
    """A dataset matched to a group, with the score, the reasons, the questions it serves, and
    how many members marked it not relevant for the group (then it is demoted)."""

    dataset: Dataset
    result: MatchResult
    not_relevant_count: int = 0


@dataclass(frozen=True)
class GroupMatches:
    """The best of a group's matches a viewer may read, and how many there are in all, the
    demoted ones aside."""

    shown: list[DatasetMatch]
    total: int


def cluster_matches(
    session: Session,
    cluster: Cluster,
    top_k: int | None = MATCHES_SHOWN,
    viewer: User | None = None,
) -> GroupMatches:
    """The stored datasets that could best serve a live group, best first, each with why;
    those marked not relevant come after the others (best first among themselves).

    Only datasets the viewer may read are offered (a visitor: public records only).
    """
    if cluster.state is not ClusterState.ACTIVE:
        return GroupMatches([], 0)
    readable = datasets_readable_by(viewer)
    marks = _marks(MatchFeedback.cluster_id == cluster.id).subquery()
    query = (
        select(Match, Dataset, marks.c.n)
        .join(Dataset, Dataset.id == Match.dataset_id)
        .outerjoin(marks, marks.c.dataset_id == Match.dataset_id)
        .where(Match.cluster_id == cluster.id, readable)
        .order_by(marks.c.n.is_not(None), Match.score.desc(), Match.dataset_id)
        .options(selectinload(Dataset.holder))
    )
    shown = [
        DatasetMatch(dataset, stored_result(match), n or 0)
        for match, dataset, n in session.execute(query if top_k is None else query.limit(top_k))
    ]
    total = session.scalar(
        select(func.count())
        .select_from(Match)
        .join(Dataset, Dataset.id == Match.dataset_id)
        .where(Match.cluster_id == cluster.id, readable, not_demoted())
    )
    return GroupMatches(shown, total or 0)


# --- The same matches read the other way: the groups one dataset could serve ------------------


@dataclass(frozen=True)
class GroupMatch:
    """A live group a dataset could serve: the score, the reasons, the first of its public
    questions the dataset serves, and how many members marked it not relevant there."""

    cluster: Cluster
    result: MatchResult
    not_relevant_count: int = 0
    questions: list[Question] = field(default_factory=list)


@dataclass(frozen=True)
class ServedGroups:
    """The best of the groups a dataset could serve, and how many in all, the demoted aside."""

    shown: list[GroupMatch]
    total: int


def dataset_matches(session: Session, dataset: Dataset, top_k: int | None = None) -> ServedGroups:
    """The live groups a dataset could serve, best first (ties by group id), each with why and
    the questions it serves; groups where members marked it not relevant come last.

    Groups are shown to everyone, and the questions named are public ones.
    """
    marks = _marks(MatchFeedback.dataset_id == dataset.id).subquery()
    query = (
        select(Match, Cluster, marks.c.n)
        .join(Cluster, Cluster.id == Match.cluster_id)
        .outerjoin(marks, marks.c.cluster_id == Match.cluster_id)
        .where(Match.dataset_id == dataset.id, Cluster.state == ClusterState.ACTIVE)
        .order_by(marks.c.n.is_not(None), Match.score.desc(), Match.cluster_id)
    )
    rows = session.execute(query if top_k is None else query.limit(top_k)).all()
    named = {
        question.id: question
        for question in session.scalars(
            select(Question).where(
                Question.id.in_(
                    [q for match, _, _ in rows for q in match.serves_question_ids[:SERVED_SHOWN]]
                ),
                Question.hidden.is_(False),
                Question.visibility == Visibility.PUBLIC,
            )
        )
    }
    shown = [
        GroupMatch(
            cluster,
            stored_result(match),
            n or 0,
            [named[q] for q in match.serves_question_ids[:SERVED_SHOWN] if q in named],
        )
        for match, cluster, n in rows
    ]
    total = session.scalar(
        select(func.count())
        .select_from(Match)
        .join(Cluster, Cluster.id == Match.cluster_id)
        .where(Match.dataset_id == dataset.id, Cluster.state == ClusterState.ACTIVE, not_demoted())
    )
    return ServedGroups(shown, total or 0)

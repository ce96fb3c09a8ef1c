"""Members' "not relevant" feedback on a group's suggested datasets, and a group's matches for
the API (the matcher and its demotion rule live in ``app.bank.matching``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.bank.matching import DatasetMatch, cluster_matches
from app.bank.matchstore import recount
from app.clusters.service import find_group
from app.core.errors import Conflict, NotFound, Refused
from app.core.policy import can_curate, require_member, require_readable_dataset
from models import Cluster, ClusterState, Dataset, MatchFeedback, User
from models.feedback import REASON_MAX

REASON_FIELD = "reason"


def _live_group(session: Session, cluster_id: int) -> Cluster:
    """A live group (a dissolved one has no matches to judge).

    :raise NotFound: no such live group.
    :raise Moved: the group was merged into another.
    """
    cluster = find_group(session, cluster_id)
    if cluster.state is not ClusterState.ACTIVE:
        raise NotFound(f"There is no live group {cluster_id}.")
    return cluster


def group_match_list(session: Session, cluster_id: int, viewer: User | None) -> list[DatasetMatch]:
    """Every dataset matching a live group that the viewer may read, best first, demoted last.

    :raise NotFound: no such live group.
    :raise Moved: the group was merged into another.
    """
    return cluster_matches(session, _live_group(session, cluster_id), None, viewer).shown


def _checked_reason(reason: str | None) -> str:
    """The reason, trimmed.

    :raise Refused: empty or longer than ``REASON_MAX``.
    """
    text = (reason or "").strip()
    if not text:
        raise Refused.on(REASON_FIELD, "Say in a few words why this dataset does not help.")
    if len(text) > REASON_MAX:
        raise Refused.on(REASON_FIELD, f"Keep the reason to {REASON_MAX} characters or fewer.")
    return text


def feedback_target(
    session: Session, viewer: User | None, cluster_id: int, dataset_id: int
) -> tuple[Cluster, Dataset]:
    """The live group and the dataset a viewer may give feedback on (not yet who may give it).

    :raise NotFound: no such live group, or no such live dataset the viewer may read.
    :raise Moved: the group was merged into another.
    """
    cluster = _live_group(session, cluster_id)
    dataset = require_readable_dataset(viewer, session.get(Dataset, dataset_id))
    if dataset.retired_at is not None:
        raise NotFound("There is no dataset with this id that you can read.")
    return cluster, dataset


def mark_not_relevant(
    session: Session, actor: User | None, cluster_id: int, dataset_id: int, reason: str | None
) -> MatchFeedback:
    """Record that a dataset does not serve a group, demoting it there; once per member.

    The group and dataset are looked up before the actor, so a visitor guessing at a dataset
    they may not read is told it does not exist.

    :raise NotFound: no such live group, or no such dataset the actor may read.
    :raise Moved: the group was merged into another.
    :raise Forbidden: a visitor or a deactivated account.
    :raise Refused: the reason is empty or too long.
    :raise Conflict: the member already marked this dataset for this group.
    """
    cluster, dataset = feedback_target(session, actor, cluster_id, dataset_id)
    member = require_member(actor)
    text = _checked_reason(reason)
    if already_marked(session, member, cluster.id, {dataset.id}):
        raise Conflict.on(REASON_FIELD, "You have already marked this dataset not relevant.")
    feedback = MatchFeedback(
        cluster_id=cluster.id, dataset_id=dataset.id, user_id=member.id, reason=text
    )
    session.add(feedback)
    session.flush()
    recount(session, [cluster.id])
    session.commit()
    return feedback


def already_marked(
    session: Session, viewer: User | None, cluster_id: int, dataset_ids: set[int]
) -> set[int]:
    """Which of these datasets the viewer has already marked not relevant for the group."""
    if viewer is None or not dataset_ids or not viewer.is_authenticated:
        return set()
    return set(
        session.scalars(
            select(MatchFeedback.dataset_id).where(
                MatchFeedback.cluster_id == cluster_id,
                MatchFeedback.user_id == viewer.id,
                MatchFeedback.dataset_id.in_(dataset_ids),
            )
        )
    )


@dataclass(frozen=True)
class MatchFeedbackView:
    """What a group's page shows of feedback: the viewer's own marks, and for facilitators the
    reasons members gave, by dataset."""

    mine: set[int]
    reasons: dict[int, list[str]]


def feedback_view(
    session: Session, cluster_id: int, viewer: User | None, shown: list[DatasetMatch]
) -> MatchFeedbackView:
    """The feedback a viewer sees beside a group's listed matches."""
    ids = {m.dataset.id for m in shown}
    reasons: dict[int, list[str]] = {}
    if can_curate(viewer) and any(m.not_relevant_count for m in shown):
        for row in session.scalars(
            select(MatchFeedback)
            .where(MatchFeedback.cluster_id == cluster_id, MatchFeedback.dataset_id.in_(ids))
            .order_by(MatchFeedback.id)
        ):
            reasons.setdefault(row.dataset_id, []).append(row.reason)
    return MatchFeedbackView(already_marked(session, viewer, cluster_id, ids), reasons)

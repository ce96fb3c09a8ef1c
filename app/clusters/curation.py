"""Facilitators' curation of groups: rename, merge, move a question, split, lock.

Every edit is logged on each group it touches and refreshes those groups' figures. Moved questions
are pinned and locked groups keep their questions, so the edits survive the next re-cluster.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import CursorResult, Executable, func, select, update
from sqlalchemy.orm import Session

from app.bank.embeddings import GROUPING_VECTOR
from app.bank.grouping import refresh_demand_figures
from app.bank.matchstore import refresh_groups
from app.bank.recluster import describe_groups
from app.bank.topics import refresh_topic_figures
from app.clusters.service import TITLE_MAX, find_active_group
from app.core.errors import Refused
from app.core.guards import MAX_ID
from app.core.policy import require_curator
from models import (
    Cluster,
    ClusterState,
    CurationLog,
    Partnership,
    Pledge,
    Question,
    User,
    WorkshopItem,
)


def _an_id(value: int | None) -> bool:
    """Whether a number typed into a form can be a row id at all (PostgreSQL's int4)."""
    return value is not None and 0 < value <= MAX_ID


def _named(cluster: Cluster) -> str:
    """A group as the history names it."""
    return f"group {cluster.id} “{cluster.display_title}”"


def _log(
    session: Session,
    actor: User,
    action: str,
    clusters: Iterable[Cluster],
    summary: str,
    question_id: int | None = None,
    **detail: Any,
) -> None:
    """Record one edit in the history of every group it touched."""
    for cluster in clusters:
        session.add(
            CurationLog(
                action=action,
                cluster_id=cluster.id,
                question_id=question_id,
                user_id=actor.id,
                detail={"summary": summary, **detail},
            )
        )


def _clean_title(title: str | None, *, required: bool) -> str | None:
    """A stripped title within the length limit.

    :raise Refused: empty when required, or too long.
    """
    cleaned = (title or "").strip()
    if required and not cleaned:
        raise Refused.on("title", "Give the group a title.")
    if len(cleaned) > TITLE_MAX:
        raise Refused.on("title", f"Keep the title to {TITLE_MAX} characters or fewer.")
    return cleaned or None


def _target_group(session: Session, target_id: int | None, source: Cluster, same: str) -> Cluster:
    """The live group a facilitator chose to move questions into.

    :raise Refused: missing, merged, dissolved or the source itself (``same`` says why not).
    """
    target = session.get(Cluster, target_id) if _an_id(target_id) else None
    if target is None:
        raise Refused.on("target", f"There is no group number {target_id}.")
    if target.id == source.id:
        raise Refused.on("target", same)
    if target.state is ClusterState.MERGED:
        raise Refused.on(
            "target",
            f"Group {target.id} was merged into group {target.merged_into_id}: choose that one.",
        )
    if target.state is not ClusterState.ACTIVE:
        raise Refused.on("target", f"Group {target.id} was dissolved: choose a live group.")
    return target


def _reshape(session: Session, clusters: Iterable[Cluster]) -> None:
    """Recompute centroid, keywords, label, representative and figures after members moved.

    A group left with no visible questions is dissolved and lets go of any hidden ones.
    """
    clusters = list(clusters)
    session.flush()
    rows = session.execute(
        select(
            Question.cluster_id,
            Question.id,
            Question.text,
            GROUPING_VECTOR.label("embedding"),
            Question.visibility,
        )
        .where(
            Question.cluster_id.in_([c.id for c in clusters]),
            Question.hidden.is_(False),
            Question.embedding.is_not(None),
        )
        .order_by(Question.id)
    ).all()
    members: dict[int, list[int]] = {}
    for row in rows:
        members.setdefault(row.cluster_id, []).append(row.id)
    if members:
        describe_groups(session, members, {row.id: row for row in rows})
    refresh_demand_figures(session, [c.id for c in clusters])
    for cluster in clusters:
        if cluster.size + cluster.unlisted_count == 0 and cluster.state is ClusterState.ACTIVE:
            cluster.state = ClusterState.DISSOLVED
            session.execute(
                update(Question)
                .where(Question.cluster_id == cluster.id)
                .values(cluster_id=None, cluster_pinned=False, cluster_similarity=None)
            )
    # After dissolving: a group no longer live keeps no matches, and counts in no topic.
    refresh_groups(session, [c.id for c in clusters])
    refresh_topic_figures(session, [c.id for c in clusters])


def rename_group(session: Session, actor: User, cluster_id: int, title: str) -> Cluster:
    """Give a live group a facilitator's title (its automatic label stays) and commit.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such live group.
    :raise Refused: the title is empty or too long.
    """
    require_curator(actor)
    cluster = find_active_group(session, cluster_id)
    new_title = _clean_title(title, required=True)
    old_title = cluster.title
    cluster.title = new_title
    _log(
        session,
        actor,
        "rename",
        [cluster],
        f"Renamed group {cluster.id} from “{old_title or cluster.auto_label}” to “{new_title}”.",
        old=old_title,
        new=new_title,
    )
    session.commit()
    return cluster


def merge_groups(session: Session, actor: User, source_id: int, target_id: int | None) -> Cluster:
    """Fold a group into another: its questions (pinned), pledges, partnerships and workshop
    items move over, and it is marked merged. Commits and returns the surviving group.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such live source group.
    :raise Refused: the target is missing, not live, or the source itself.
    """
    require_curator(actor)
    source = find_active_group(session, source_id)
    target = _target_group(
        session, target_id, source, "A group cannot be merged into itself: choose another."
    )
    moved = _rows_changed(
        session,
        update(Question)
        .where(Question.cluster_id == source.id)
        .values(cluster_id=target.id, cluster_pinned=True),
    )
    repointed = {
        model.__tablename__: _rows_changed(
            session,
            update(model).where(model.cluster_id == source.id).values(cluster_id=target.id),
        )
        for model in (Pledge, Partnership, WorkshopItem)
    }
    source.state = ClusterState.MERGED
    source.merged_into_id = target.id
    _log(
        session,
        actor,
        "merge",
        [source, target],
        f"Merged {_named(source)} into {_named(target)}: {moved} questions and "
        f"{repointed['pledges']} pledges on the group moved.",
        source_id=source.id,
        target_id=target.id,
        questions=moved,
        **repointed,
    )
    _reshape(session, [source, target])
    session.commit()
    return target


def move_question(
    session: Session, actor: User, cluster_id: int, question_id: int | None, target_id: int | None
) -> Cluster:
    """Move one question of a live group into another group, pinned there, and commit.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such live group.
    :raise Refused: the question is not in the group, or the target is not a live other group.
    """
    require_curator(actor)
    source = find_active_group(session, cluster_id)
    question = session.get(Question, question_id) if _an_id(question_id) else None
    if question is None or question.cluster_id != source.id:
        raise Refused.on("question_id", "Choose a question from this group.")
    target = _target_group(
        session, target_id, source, "The question is already in this group: choose another."
    )
    question.cluster_id = target.id
    question.cluster_pinned = True
    _log(
        session,
        actor,
        "move",
        [source, target],
        f"Moved question {question.id} from {_named(source)} to {_named(target)}.",
        question_id=question.id,
        source_id=source.id,
        target_id=target.id,
    )
    _reshape(session, [source, target])
    session.commit()
    return target


def split_group(
    session: Session,
    actor: User,
    cluster_id: int,
    question_ids: Iterable[int],
    title: str | None = None,
) -> Cluster:
    """Split chosen questions off a live group into a new group, pinned there, and commit.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such live group.
    :raise Refused: nothing or everything chosen, a question not in the group, a bad title.
    """
    require_curator(actor)
    source = find_active_group(session, cluster_id)
    chosen = _questions_to_split(session, source, question_ids)
    new_title = _clean_title(title, required=False)
    # The piece split off stays in its group's topic until the next re-cluster places it.
    created = Cluster(title=new_title, state=ClusterState.ACTIVE, topic_id=source.topic_id)
    session.add(created)
    session.flush()
    session.execute(
        update(Question)
        .where(Question.id.in_(chosen))
        .values(cluster_id=created.id, cluster_pinned=True)
    )
    _log(
        session,
        actor,
        "split",
        [source, created],
        f"Split {len(chosen)} questions off group {source.id} into new group {created.id}.",
        source_id=source.id,
        target_id=created.id,
        question_ids=sorted(chosen),
    )
    _reshape(session, [source, created])
    session.commit()
    return created


def _questions_to_split(session: Session, source: Cluster, question_ids: Iterable[int]) -> set[int]:
    """The chosen question ids, once they are some of the group's questions and leave it one.

    :raise Refused: nothing chosen, a question not in the group, or no visible question left.
    """
    chosen = set(question_ids)
    if not chosen:
        raise Refused.on("question_ids", "Select at least one question to split off.")
    if not all(_an_id(question_id) for question_id in chosen):
        raise Refused.on("question_ids", "Select only questions that are in this group.")
    in_group = set(
        session.scalars(
            select(Question.id).where(Question.cluster_id == source.id, Question.id.in_(chosen))
        )
    )
    if in_group != chosen:
        raise Refused.on("question_ids", "Select only questions that are in this group.")
    remaining = session.scalar(
        select(func.count())
        .select_from(Question)
        .where(
            Question.cluster_id == source.id,
            Question.hidden.is_(False),
            Question.id.not_in(chosen),
        )
    )
    if not remaining:
        raise Refused.on(
            "question_ids", "Leave at least one question in this group (or rename it instead)."
        )
    return chosen


def set_locked(session: Session, actor: User, cluster_id: int, locked: bool) -> Cluster:
    """Lock a live group (re-clustering keeps its questions) or unlock it, and commit.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such live group.
    """
    require_curator(actor)
    cluster = find_active_group(session, cluster_id)
    if cluster.locked != locked:
        cluster.locked = locked
        verb = "Locked" if locked else "Unlocked"
        _log(session, actor, "lock" if locked else "unlock", [cluster], f"{verb} the group.")
        session.commit()
    return cluster


def _rows_changed(session: Session, statement: Executable) -> int:
    """Run an UPDATE and return how many rows it changed (DML answers with a cursor result)."""
    result = cast("CursorResult[Any]", session.execute(statement))
    return result.rowcount

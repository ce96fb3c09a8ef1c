"""A full re-clustering that keeps group identities stable: a job, run now or in the background.

Locked groups keep their questions, and questions a facilitator placed by hand (pinned) stay where
they are; everything else is grouped afresh and matched to the previous groups by overlap, so a
group that persists keeps its id, title and everything attached to it.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, TypeAlias

import numpy as np
from flask import Flask, current_app
from sqlalchemy import Row, select, text, update
from sqlalchemy.orm import Session

from app.bank.embeddings import GROUPING_VECTOR, vector_to_blob
from app.bank.grouping import refresh_demand_figures
from app.bank.heartbeat import Progress
from app.bank.jobs import JobOutcome, register, run_now, start
from app.bank.labels import bounded, match_terms, phrase_vectors
from app.bank.matchstore import refresh_all
from app.bank.topics import refresh_topics
from app.insight.cluster import QuestionClusterer
from app.insight.label import label_groups, representative_index
from app.insight.match import centroid
from app.insight.reconcile import ClusterEvent, Reconciliation, reconcile
from models import (
    Cluster,
    ClusterState,
    Job,
    JobKind,
    Partnership,
    Pledge,
    Question,
    Visibility,
    WorkshopItem,
)

log = logging.getLogger(__name__)

# A question as re-grouping reads it: id, text, embedding, cluster_id, cluster_pinned.
_QuestionRow: TypeAlias = "Row[int, str, bytes | None, int | None, bool, Visibility]"


LEFT_AS_IT_WAS = "The groups are as they were before this run; start a new one."


def recluster(session: Session, job: Job, record: Progress) -> JobOutcome:
    """The re-clustering job: re-group every visible embedded question, without committing
    (the job runner commits the groups with the run's success, or nothing)."""
    record(0.02, "Reading the questions")
    summary = _recluster(session, record, current_app.config["EMBEDDING_MODEL"])
    message = summary.pop("message")
    return JobOutcome(message, summary, after_commit=_refresh_planner_statistics)


register(JobKind.RECLUSTER, recluster, LEFT_AS_IT_WAS)


def run_recluster(session: Session, progress: Progress | None = None) -> Job:
    """Re-group now, in the caller, and return the finished run (the command line, the seeder).

    :raise Conflict: a re-clustering is already under way.
    """
    return run_now(session, JobKind.RECLUSTER, None, progress)


def start_recluster(app: Flask, owner_id: int) -> Job:
    """Start a re-clustering in the background, or return the one already under way."""
    return start(app, JobKind.RECLUSTER, owner_id)


def _recluster(session: Session, record: Progress, model_name: str) -> dict[str, Any]:
    rows = _read_rows(session, model_name)
    locked = set(
        session.scalars(
            select(Cluster.id).where(Cluster.locked.is_(True), Cluster.state == ClusterState.ACTIVE)
        )
    )
    active = set(session.scalars(select(Cluster.id).where(Cluster.state == ClusterState.ACTIVE)))
    kept_in_place, free = _partition(rows, locked)

    record(0.1, f"Grouping {len(free)} questions")
    clusterer = QuestionClusterer()
    labels = _fit_labels(clusterer, free)

    record(0.6, "Matching the new groups to the existing ones")
    previous = _previous_members(free, active)
    reconciliation = reconcile(previous, labels, locked=locked)

    # The last progress note: from here this session writes, and on SQLite a second writer
    # would wait for it.
    record(0.7, "Writing and labelling the groups")
    members = _write_groups(session, reconciliation, labels, previous, kept_in_place)
    describe_groups(session, members, {r.id: r for r in rows})
    refresh_demand_figures(session, members)
    refresh_topics(session)
    refresh_all(session)
    return _run_summary(clusterer, len(rows), members, reconciliation)


def _read_rows(session: Session, model_name: str) -> Sequence[_QuestionRow]:
    """Every visible question embedded by this model, with what re-grouping needs of it."""
    return session.execute(
        select(
            Question.id,
            Question.text,
            GROUPING_VECTOR.label("embedding"),
            Question.cluster_id,
            Question.cluster_pinned,
            Question.visibility,
        )
        .where(
            Question.hidden.is_(False),
            Question.embedding.is_not(None),
            Question.embedding_model == model_name,
        )
        .order_by(Question.id)
    ).all()


def _partition(
    rows: Sequence[_QuestionRow], locked: set[int]
) -> tuple[list[_QuestionRow], list[_QuestionRow]]:
    """The questions kept where they are (in a locked group, or pinned), and the free rest."""
    kept_in_place: list[_QuestionRow] = []
    free: list[_QuestionRow] = []
    for r in rows:
        stays = r.cluster_id in locked or (r.cluster_pinned and r.cluster_id)
        (kept_in_place if stays else free).append(r)
    return kept_in_place, free


def _fit_labels(clusterer: QuestionClusterer, free: Sequence[_QuestionRow]) -> dict[int, int]:
    """The new label of each free question (none when there are no free questions)."""
    if not free:
        return {}
    vectors = np.frombuffer(b"".join(r.embedding for r in free), dtype="<f4")
    fitted = clusterer.fit(vectors.reshape(len(free), -1))
    return {r.id: int(label) for r, label in zip(free, fitted.labels_, strict=True)}


def _previous_members(free: Sequence[_QuestionRow], active: set[int]) -> dict[int, set[int]]:
    """The free questions of each active group, as they were before this run."""
    previous: dict[int, set[int]] = defaultdict(set)
    for r in free:
        if r.cluster_id in active:
            previous[r.cluster_id].add(r.id)
    return dict(previous)


def _write_groups(
    session: Session,
    reconciliation: Reconciliation,
    labels: dict[int, int],
    previous: dict[int, set[int]],
    kept_in_place: Sequence[_QuestionRow],
) -> dict[int, list[int]]:
    """Move the free questions to their groups, retire emptied groups, and return each
    group's question ids (the kept-in-place ones included)."""
    cluster_of_label = _clusters_for_labels(session, reconciliation)
    session.execute(
        update(Question),
        [{"id": qid, "cluster_id": cluster_of_label[label]} for qid, label in labels.items()],
    )
    _retire_emptied_groups(session, reconciliation, previous, set(cluster_of_label.values()))
    session.flush()

    members: dict[int, list[int]] = defaultdict(list)
    for qid, label in labels.items():
        members[cluster_of_label[label]].append(qid)
    for r in kept_in_place:
        members[r.cluster_id].append(r.id)
    return members


def _run_summary(
    clusterer: QuestionClusterer,
    n_questions: int,
    members: dict[int, list[int]],
    reconciliation: Reconciliation,
) -> dict[str, Any]:
    """What the run record keeps: the algorithm, its figures, the events and a message."""
    grouped = sum(len(ids) for ids in members.values())
    events = [_event_dict(event) for event in reconciliation.events]
    kinds: Counter[str] = Counter(event["kind"] for event in events)
    summary = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items())) or "no groups"
    return {
        "algorithm": type(clusterer).__name__,
        "parameters": _jsonable(clusterer.get_params()),
        "n_questions": n_questions,
        "n_clusters": len(members),
        "n_unassigned": n_questions - grouped,
        "quality": _jsonable(getattr(clusterer, "diagnostics_", {})),
        "events": events,
        "message": f"{len(members)} groups from {n_questions} questions: {summary}.",
    }


def _refresh_planner_statistics(session: Session) -> None:
    """SQLite plans by stale statistics until told: without them it walks the wrong index for
    a group's questions once the bank is large. PostgreSQL's autovacuum does this itself.
    Run after the groups are committed: ANALYZE would otherwise hold the write lock longer."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("ANALYZE"))
        session.commit()


def _clusters_for_labels(session: Session, reconciliation: Reconciliation) -> dict[int, int]:
    """The cluster id each new label maps to, creating groups for labels with no predecessor."""
    mapping = dict(reconciliation.label_to_cluster)
    for label in reconciliation.new_groups:
        cluster = Cluster(state=ClusterState.ACTIVE)
        session.add(cluster)
        session.flush()
        mapping[label] = cluster.id
    return mapping


def _retire_emptied_groups(
    session: Session,
    reconciliation: Reconciliation,
    previous: dict[int, set[int]],
    survivors: set[int],
) -> None:
    """Mark groups that lost all their questions as merged (re-pointing what was attached)
    or dissolved."""
    merged_into = dict(reconciliation.merged_into)
    for cluster_id in previous:
        if cluster_id in survivors:
            continue
        cluster = session.get_one(Cluster, cluster_id)
        target = merged_into.get(cluster_id)
        if target is not None and target in survivors:
            cluster.state = ClusterState.MERGED
            cluster.merged_into_id = target
            for model in (Pledge, Partnership, WorkshopItem):
                session.execute(
                    update(model).where(model.cluster_id == cluster_id).values(cluster_id=target)
                )
        else:
            cluster.state = ClusterState.DISSOLVED
        cluster.size = 0


def describe_groups(session: Session, members: dict[int, list[int]], rows: dict[int, Any]) -> None:
    """Set each group's centroid, keyphrases, automatic title and representative question.

    ``rows`` maps each member question id to a row with its ``text``, ``embedding`` and
    ``visibility``. Everyone sees a group's label, so its title, keyphrases, the terms its
    datasets are matched on and its representative question come from its public questions
    only (their texts, and the centroid of their vectors): words of a members-only or
    organisation-only question never reach a visitor through them. The centroid, which only
    places new questions, uses all.
    """
    public = {
        cid: [q for q in qids if rows[q].visibility is Visibility.PUBLIC]
        for cid, qids in members.items()
    }
    public_middles = {
        cid: centroid(_vectors([rows[q].embedding for q in shown]))
        for cid, shown in public.items()
        if shown
    }
    public_texts = {cid: [rows[q].text for q in shown] for cid, shown in public.items() if shown}
    labels = label_groups(public_texts, public_middles, phrase_vectors)
    terms = match_terms(public_texts)
    for cluster_id, qids in members.items():
        cluster = session.get_one(Cluster, cluster_id)
        vectors = _vectors([rows[q].embedding for q in qids])
        middle = centroid(vectors)
        cluster.centroid = vector_to_blob(middle)
        cluster.auto_label, cluster.keywords = bounded(labels.get(cluster_id))
        cluster.match_terms = terms.get(cluster_id, [])
        shown = public[cluster_id]
        cluster.representative_question_id = None
        cluster.public_centroid = None
        if shown:
            public_middle = public_middles[cluster_id]
            cluster.public_centroid = vector_to_blob(public_middle)
            cluster.representative_question_id = shown[
                representative_index(_vectors([rows[q].embedding for q in shown]), public_middle)
            ]
        similarities = vectors @ middle
        session.execute(
            update(Question),
            [
                {"id": q, "cluster_similarity": float(s)}
                for q, s in zip(qids, similarities, strict=True)
            ],
        )


def _vectors(blobs: list[bytes]) -> np.ndarray:
    """Stored embeddings as the rows of one matrix."""
    return np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), -1)


def _event_dict(event: ClusterEvent) -> dict[str, Any]:
    return {name: _jsonable(value) for name, value in vars(event).items()}


def _jsonable(value: Any) -> Any:
    """Plain JSON types for run records (sets → sorted lists, NumPy scalars → numbers)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)

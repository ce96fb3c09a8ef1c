"""Topics over the live groups: recomputed after each re-cluster, with ids kept by overlap.

Every live group with a centroid is placed in exactly one topic. The new partition is matched
to the previous topics by shared groups (app/insight/reconcile.py, as groups are matched by
shared questions), so a topic that persists keeps its id; a topic left with no groups is
retired, never deleted, so its id is not reused. A topic's label is made from its groups'
keyphrases, which come from public questions only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.bank.embeddings import blob_to_vector, vector_to_blob
from app.bank.labels import bounded, phrase_vectors
from app.insight.label import label_topics
from app.insight.reconcile import reconcile
from app.insight.topics import group_topics, topic_centres
from models import Cluster, ClusterState, Topic


def refresh_topics(session: Session) -> dict[int, list[int]]:
    """Re-partition the live groups into topics and describe each; returns topic -> groups.

    Groups with no centroid (no embedded question) are left out of every topic.
    """
    clusters = list(
        session.scalars(
            select(Cluster)
            .where(Cluster.state == ClusterState.ACTIVE, Cluster.centroid.is_not(None))
            .order_by(Cluster.id)
        )
    )
    session.execute(
        update(Cluster).where(Cluster.state != ClusterState.ACTIVE).values(topic_id=None)
    )
    previous_topics = list(
        session.scalars(select(Topic).where(Topic.active.is_(True)).order_by(Topic.id))
    )
    if not clusters:
        _retire(previous_topics, set())
        return {}
    centroids = np.vstack([blob_to_vector(_blob(c.centroid)) for c in clusters])
    sizes = np.array([c.size + c.unlisted_count for c in clusters], dtype=np.float64)
    labels = group_topics(centroids, sizes, _previous_centres(previous_topics))

    previous: dict[int, set[int]] = defaultdict(set)
    for cluster in clusters:
        if cluster.topic_id is not None:
            previous[cluster.topic_id].add(cluster.id)
    matched = reconcile(previous, {c.id: int(t) for c, t in zip(clusters, labels, strict=True)})
    topic_of_label = dict(matched.label_to_cluster)
    for label in sorted(matched.new_groups):
        topic = Topic()
        session.add(topic)
        session.flush()
        topic_of_label[label] = topic.id
    members: dict[int, list[int]] = defaultdict(list)
    for cluster, label in zip(clusters, labels, strict=True):
        cluster.topic_id = topic_of_label[int(label)]
        members[cluster.topic_id].append(cluster.id)

    centres = topic_centres(centroids, sizes, labels)
    for label, topic_id in topic_of_label.items():
        topic = session.get_one(Topic, topic_id)
        topic.active = True
        topic.centroid = vector_to_blob(centres[label])
    _retire(previous_topics, set(members))
    session.flush()
    describe_topics(session, list(members))
    return dict(members)


def describe_topics(session: Session, topic_ids: Iterable[int]) -> None:
    """Set each topic's figures, keyphrases and label from its live groups.

    The label is chosen among the groups' keyphrases (public questions only), against the
    size-weighted centre of the groups' public centroids: nothing a visitor may not read.
    """
    topic_ids = sorted(set(topic_ids))
    groups: dict[int, list[Cluster]] = defaultdict(list)
    for cluster in session.scalars(
        select(Cluster).where(Cluster.topic_id.in_(topic_ids), Cluster.state == ClusterState.ACTIVE)
    ):
        groups[_topic_id(cluster)].append(cluster)
    public_centres = {tid: _public_centre(members) for tid, members in groups.items()}
    labels = label_topics(
        {tid: [(c.keywords or [], c.size) for c in members] for tid, members in groups.items()},
        {tid: centre for tid, centre in public_centres.items() if centre is not None},
        phrase_vectors,
    )
    for topic_id in topic_ids:
        topic = session.get_one(Topic, topic_id)
        members = groups.get(topic_id, [])
        topic.group_count = len(members)
        topic.size = sum(c.size for c in members)
        topic.auto_label, topic.keywords = bounded(labels.get(topic_id))


def refresh_topic_figures(session: Session, cluster_ids: Sequence[int]) -> None:
    """Recount and relabel the topics of some groups whose members changed (curation)."""
    topic_ids = set(
        session.scalars(
            select(Cluster.topic_id).where(
                Cluster.id.in_(cluster_ids), Cluster.topic_id.is_not(None)
            )
        )
    )
    if topic_ids:
        describe_topics(session, [t for t in topic_ids if t is not None])


def _retire(topics: Iterable[Topic], kept: set[int]) -> None:
    for topic in topics:
        if topic.id not in kept:
            topic.active = False
            topic.group_count = 0
            topic.size = 0


def _previous_centres(topics: Sequence[Topic]) -> np.ndarray | None:
    """The active topics' stored centres, when every one has one."""
    blobs = [t.centroid for t in topics]
    if not blobs or any(b is None for b in blobs):
        return None
    return np.vstack([blob_to_vector(_blob(b)) for b in blobs])


def _public_centre(members: Sequence[Cluster]) -> np.ndarray | None:
    """The size-weighted mean of the groups' public centroids (None when none is public)."""
    shown = [(blob_to_vector(c.public_centroid), c.size) for c in members if c.public_centroid]
    if not shown:
        return None
    weights = np.array([max(size, 1) for _, size in shown], dtype=np.float64)
    return np.average(np.vstack([v for v, _ in shown]), axis=0, weights=weights)


def _topic_id(cluster: Cluster) -> int:
    if cluster.topic_id is None:
        raise RuntimeError("a group selected by its topic has none")
    return cluster.topic_id


def _blob(blob: bytes | None) -> bytes:
    if blob is None:
        raise RuntimeError("a vector selected as stored is missing")
    return blob

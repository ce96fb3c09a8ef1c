"""Question-group use cases: browsing, a group's page and re-clustering runs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask
from sqlalchemy import ColumnElement, Select, SQLColumnExpression, func, or_, select
from sqlalchemy.orm import Session, defer, selectinload

from app.bank.holdings import organisation_datasets
from app.bank.jobs import live_job, restart_watched, watched_job
from app.bank.matching import GroupMatches, cluster_matches
from app.bank.partners import PartnershipLine, group_partnership_lines
from app.bank.recluster import start_recluster
from app.core.errors import Moved, NotFound
from app.core.guards import MAX_ID
from app.core.paging import Page, PageRequest, paginate
from app.core.policy import can_administer, can_read, readable_by, require_admin
from app.insight.reconcile import EVENT_KINDS
from models import (
    SECTOR_LABELS,
    ActionType,
    Cluster,
    ClusterState,
    CurationLog,
    Dataset,
    Job,
    JobKind,
    Pledge,
    PledgeStatus,
    Question,
    Sector,
    Topic,
    User,
)

ACTION_TYPES_SHOWN = 3
TITLE_MAX = 200
HISTORY_SHOWN = 50
# The coarser view lists this many of each topic's largest groups, then links to the rest.
GROUPS_PER_TOPIC = 6


@dataclass(frozen=True)
class SortOrder:
    """A way to order the groups page."""

    key: str
    label: str
    order_by: tuple[Any, ...]


SORT_ORDERS: dict[str, SortOrder] = {
    order.key: order
    for order in (
        SortOrder("size", "Most questions", (Cluster.size.desc(), Cluster.id)),
        SortOrder("support", "Most support", (Cluster.support_count.desc(), Cluster.id)),
        SortOrder("breadth", "Most organisations", (Cluster.organisation_count.desc(), Cluster.id)),
        # Unmet need: groups with no data pledged first, the widest-asked of them on top.
        SortOrder(
            "unmet",
            "Unmet need",
            (Cluster.pledge_count > 0, Cluster.organisation_count.desc(), Cluster.id),
        ),
    )
}
DEFAULT_SORT = "size"


@dataclass(frozen=True)
class Figure:
    """A labelled count, such as a sector and how many organisations in it ask."""

    label: str
    count: int


@dataclass(frozen=True)
class GroupSummary:
    """A group with its figures ready to show: sectors and leading action types by label."""

    cluster: Cluster
    sectors: list[Figure]
    action_types: list[Figure]


def sort_order(key: str | None) -> SortOrder:
    """The named sort order, or the default one for an unknown or missing name."""
    return SORT_ORDERS.get(key or DEFAULT_SORT, SORT_ORDERS[DEFAULT_SORT])


def action_type_labels(session: Session) -> dict[str, str]:
    """Each action type's slug and label."""
    return dict(session.execute(select(ActionType.slug, ActionType.label)).all())


def summarise(cluster: Cluster, action_labels: dict[str, str]) -> GroupSummary:
    """A group's sector and action-type figures in words, largest first."""
    sectors = sorted((cluster.sector_counts or {}).items(), key=lambda item: (-item[1], item[0]))
    actions = sorted(
        (cluster.action_type_counts or {}).items(), key=lambda item: (-item[1], item[0])
    )
    return GroupSummary(
        cluster=cluster,
        sectors=[Figure(SECTOR_LABELS[Sector(slug)], n) for slug, n in sectors],
        action_types=[
            Figure(action_labels.get(slug, slug), n) for slug, n in actions[:ACTION_TYPES_SHOWN]
        ],
    )


def list_groups(
    session: Session, sort: str | None, at: PageRequest, topic: Topic | None = None
) -> Page[GroupSummary]:
    """One page of live groups in a sort order (of one topic when given), read from their
    stored figures only."""
    query = (
        select(Cluster)
        .options(defer(Cluster.centroid), selectinload(Cluster.topic))
        .where(Cluster.state == ClusterState.ACTIVE)
        .order_by(*sort_order(sort).order_by)
    )
    if topic is not None:
        query = query.where(Cluster.topic_id == topic.id)
    return summary_page(session, query, at)


def find_topic(session: Session, topic_id: int) -> Topic:
    """The live topic with this id.

    :raise NotFound: no such topic, or it has no groups any more.
    """
    topic = session.get(Topic, topic_id) if 0 < topic_id <= MAX_ID else None
    if topic is None or not topic.active:
        raise NotFound(f"There is no topic {topic_id}.")
    return topic


def list_topics(session: Session) -> list[Topic]:
    """The live topics, the most asked first."""
    return list(
        session.scalars(
            select(Topic)
            .options(defer(Topic.centroid))
            .where(Topic.active.is_(True))
            .order_by(Topic.size.desc(), Topic.id)
        )
    )


@dataclass(frozen=True)
class TopicSection:
    """A topic with its largest groups, for the coarser view of the groups page."""

    topic: Topic
    groups: list[Cluster]


def topic_sections(session: Session, per_topic: int = GROUPS_PER_TOPIC) -> list[TopicSection]:
    """Every live topic with its `per_topic` largest groups."""
    return [
        TopicSection(
            topic,
            list(
                session.scalars(
                    select(Cluster)
                    .options(defer(Cluster.centroid))
                    .where(Cluster.state == ClusterState.ACTIVE, Cluster.topic_id == topic.id)
                    .order_by(Cluster.size.desc(), Cluster.id)
                    .limit(per_topic)
                )
            ),
        )
        for topic in list_topics(session)
    ]


def summary_page(session: Session, query: Select[Cluster], at: PageRequest) -> Page[GroupSummary]:
    """One page of a query's groups, each with its figures in words."""
    clusters = paginate(session, query, at)
    labels = action_type_labels(session)
    return Page(
        items=[summarise(cluster, labels) for cluster in clusters.items],
        page=clusters.page,
        per_page=clusters.per_page,
        total=clusters.total,
        total_capped=clusters.total_capped,
    )


def ungrouped_count(session: Session, viewer: User | None) -> int:
    """How many questions the viewer may read are in no group yet."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Question)
            .where(Question.cluster_id.is_(None), readable_by(viewer))
        )
        or 0
    )


def find_group(session: Session, cluster_id: int) -> Cluster:
    """The group with this id, live or dissolved.

    :raise NotFound: no such group.
    :raise Moved: the group was merged; it names the live group it ended up in.
    """
    cluster = session.get(Cluster, cluster_id)
    if cluster is None:
        raise NotFound(f"There is no group {cluster_id}.")
    into, seen = cluster, {cluster.id}
    while into.state is ClusterState.MERGED:
        next_id = into.merged_into_id
        if next_id is None or next_id in seen:
            break
        seen.add(next_id)
        into = session.get_one(Cluster, next_id)
    if into is not cluster:
        raise Moved(
            f"Group {cluster.id} “{cluster.display_title}” was merged into this group.",
            "group",
            into.id,
        )
    return cluster


def find_active_group(session: Session, cluster_id: int) -> Cluster:
    """The live group with this id.

    :raise NotFound: no such group, or it was dissolved.
    :raise Moved: the group was merged into another.
    """
    cluster = find_group(session, cluster_id)
    if cluster.state is not ClusterState.ACTIVE:
        raise NotFound(f"Group {cluster_id} was dissolved.")
    return cluster


def group_questions(
    session: Session, cluster: Cluster, viewer: User | None, at: PageRequest
) -> Page[Question]:
    """One page of the group's questions the viewer may read, most supported first."""
    query = (
        select(Question)
        .options(selectinload(Question.organisation), selectinload(Question.action_type))
        .where(Question.cluster_id == cluster.id, readable_by(viewer))
        .order_by(Question.support_count.desc(), Question.id)
    )
    return paginate(session, query, at)


def _in_group(cluster_id: int, column: SQLColumnExpression[int | None]) -> ColumnElement[bool]:
    """Whether a question foreign key points at one of the group's questions."""
    return column.in_(select(Question.id).where(Question.cluster_id == cluster_id))


@dataclass(frozen=True)
class PledgeLine:
    """A pledge toward the group, with its question when it is on one the viewer may read."""

    pledge: Pledge
    question: Question | None


def group_pledges(session: Session, cluster: Cluster, viewer: User | None) -> list[PledgeLine]:
    """Live pledges on the group or on any of its questions, newest first."""
    pledges = session.scalars(
        select(Pledge)
        .options(
            selectinload(Pledge.dataset).selectinload(Dataset.holder),
            selectinload(Pledge.question),
        )
        .where(
            or_(Pledge.cluster_id == cluster.id, _in_group(cluster.id, Pledge.question_id)),
            Pledge.status != PledgeStatus.WITHDRAWN,
        )
        .order_by(Pledge.created_at.desc(), Pledge.id.desc())
    )
    return [
        PledgeLine(p, p.question if p.question and can_read(viewer, p.question) else None)
        for p in pledges
    ]


def group_history(session: Session, cluster: Cluster) -> list[CurationLog]:
    """The latest curation of the group, newest first."""
    return list(
        session.scalars(
            select(CurationLog)
            .options(selectinload(CurationLog.user))
            .where(CurationLog.cluster_id == cluster.id)
            .order_by(CurationLog.created_at.desc(), CurationLog.id.desc())
            .limit(HISTORY_SHOWN)
        )
    )


@dataclass(frozen=True)
class GroupDetail:
    """Everything a group's page shows."""

    summary: GroupSummary
    representative: Question | None
    questions: Page[Question]
    matches: GroupMatches
    pledges: list[PledgeLine]
    partnerships: list[PartnershipLine]
    my_datasets: list[Dataset]
    history: list[CurationLog]

    @property
    def cluster(self) -> Cluster:
        """The group itself."""
        return self.summary.cluster


def group_detail(
    session: Session, cluster_id: int, viewer: User | None, at: PageRequest
) -> GroupDetail:
    """A group's page for a viewer: its questions they may read, matches, pledges, partners.

    :raise NotFound: no such group.
    :raise Moved: the group was merged into another.
    """
    cluster = find_group(session, cluster_id)
    live = cluster.state is ClusterState.ACTIVE
    representative = cluster.representative_question
    return GroupDetail(
        summary=summarise(cluster, action_type_labels(session)),
        representative=representative
        if representative is not None and can_read(viewer, representative)
        else None,
        questions=group_questions(session, cluster, viewer, at),
        matches=cluster_matches(session, cluster, viewer=viewer) if live else GroupMatches([], 0),
        pledges=group_pledges(session, cluster, viewer),
        partnerships=group_partnership_lines(session, cluster.id, viewer),
        my_datasets=organisation_datasets(session, viewer) if live else [],
        history=group_history(session, cluster),
    )


def get_run(session: Session, app: Flask, actor: User, run_id: int) -> Job:
    """A re-clustering run, for admins.

    :raise Forbidden: the actor is not an admin.
    :raise NotFound: no such run.
    """
    require_admin(actor)
    return watched_job(app, session, actor, JobKind.RECLUSTER, run_id)


def run_events_by_kind(run: Job) -> dict[str, list[dict[str, Any]]]:
    """What the run did to groups, by kind: kept, split, merged, new, dissolved, locked."""
    events: dict[str, list[dict[str, Any]]] = {kind: [] for kind in EVENT_KINDS}
    for event in run.result.get("events") or []:
        events.setdefault(str(event.get("kind")), []).append(event)
    return {kind: items for kind, items in events.items() if items}


def current_run(session: Session, actor: User | None) -> Job | None:
    """The re-clustering under way, for an admin to follow (nobody else is told)."""
    if actor is None or not can_administer(actor):
        return None
    return live_job(session, JobKind.RECLUSTER)


def request_recluster(session: Session, app: Flask, actor: User) -> int:
    """Start a background re-clustering, or return the run already under way; admins only.

    A run whose heartbeat stopped is marked failed first, so nobody is sent to a dead run.

    :raise Forbidden: the actor is not an admin.
    """
    require_admin(actor)
    return start_recluster(app, actor.id).id


def restart_run(session: Session, app: Flask, actor: User, run_id: int) -> int:
    """Run a failed re-clustering again (or follow the one under way); admins only.

    :raise Forbidden: the actor is not an admin.
    :raise NotFound: no such run.
    :raise Conflict: the run has not failed.
    """
    require_admin(actor)
    return restart_watched(app, session, actor, JobKind.RECLUSTER, run_id).id

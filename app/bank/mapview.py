"""The map of questions: its layout computed once per state of the bank, and shown per viewer.

The layout is cached per process, keyed by the number of visible questions, the latest clustering
run and the latest curation, so a request only filters the cached points by what its viewer may
read.
"""

from __future__ import annotations

import colorsys
import threading
from dataclasses import dataclass, replace

import numpy as np
from flask import Flask, current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session, load_only, selectinload

from app.bank.embeddings import GROUPING_VECTOR
from app.core.policy import readable_by
from app.insight.layout import (
    MAX_POINTS,
    UNGROUPED,
    LabelBox,
    layout_map,
    place_labels,
    shade_indices,
    stratified_sample,
)
from models import (
    Cluster,
    ClusterState,
    CurationLog,
    Job,
    JobKind,
    JobStatus,
    Question,
    Topic,
    User,
)

WIDTH, HEIGHT = 1000, 640
# A fixed categorical palette (Tableau 10 without its grey, which marks questions in no group).
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
)
UNGROUPED_COLOUR = "#8a8f98"
# A topic's groups share its hue in these lightnesses (HLS), so neighbours of one topic differ.
SHADES = (0.36, 0.52, 0.68)
# How many of the largest groups are named on the picture, and how long a drawn name may be.
LABELLED = 14
LABEL_CHARS = 30
LABEL_FONT = 15.0
# The largest groups drawn as links, each with its disc and name: past this, a group's dots
# join its topic's, so the picture stays small (its page, the groups page and the table still
# reach it).
LINKED_GROUPS = 500
_CHUNK = 900


def group_colour(cluster_id: int, topic_id: int | None = None, shade: int = 1) -> str:
    """A group's colour: its topic's hue (fixed by the topic's id, so it stays the same across
    re-clusterings) in one of `SHADES`; a group in no topic takes a hue by its own id."""
    base = PALETTE[(topic_id if topic_id is not None else cluster_id) % len(PALETTE)]
    red, green, blue = (int(base[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _, saturation = colorsys.rgb_to_hls(red, green, blue)
    rgb = colorsys.hls_to_rgb(hue, SHADES[shade % len(SHADES)], saturation)
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def short_label(title: str) -> str:
    """A title cut to fit on the picture, at a word where it can."""
    if len(title) <= LABEL_CHARS:
        return title
    cut = title[: LABEL_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return (cut or title[: LABEL_CHARS - 1]) + "…"


@dataclass(frozen=True)
class MapPoint:
    """A drawn question."""

    question_id: int
    x: int
    y: int


@dataclass(frozen=True)
class MapGroup:
    """A drawn group: its disc, colour, name on the picture (the largest groups only) and the
    sampled questions drawn in it."""

    id: int
    title: str
    size: int
    colour: str
    x: int
    y: int
    radius: float
    points: tuple[MapPoint, ...]
    topic_id: int | None = None
    topic_title: str = ""
    label: LabelBox | None = None

    @property
    def dots(self) -> str:
        """The drawn questions as one SVG path of zero-length strokes (round caps draw dots)."""
        return dots(self.points)

    @property
    def tip_y(self) -> int:
        """Where the name shown on hover or focus stands: above the disc, below near the top."""
        return round(self.y - self.radius - 6 if self.y > 40 else self.y + self.radius + 18)

    def tip_anchor(self, width: int) -> str:
        """How the shown name is anchored, so that it stays inside a picture this wide."""
        return "start" if self.x < width / 5 else "end" if self.x > width * 4 / 5 else "middle"


def dots(points: tuple[MapPoint, ...] | list[MapPoint]) -> str:
    """Points as one SVG path of zero-length strokes (round caps draw them as dots)."""
    return "".join(f"M{p.x} {p.y}h0" for p in points)


@dataclass(frozen=True)
class GroupMap:
    """The whole picture: groups, questions in no group, and how many questions it stands for."""

    width: int
    height: int
    groups: tuple[MapGroup, ...]
    ungrouped: tuple[MapPoint, ...]
    total_questions: int
    sample_size: int

    @property
    def sampled(self) -> bool:
        """Whether only a sample of the questions is drawn."""
        return self.sample_size < self.total_questions

    @property
    def groups_by_size(self) -> list[MapGroup]:
        """The groups, largest first (the table alternative's order)."""
        return sorted(self.groups, key=lambda group: (-group.size, group.id))

    @property
    def linked(self) -> list[MapGroup]:
        """The groups drawn as links, largest first (so smaller discs lie on top)."""
        return self.groups_by_size[:LINKED_GROUPS]

    @property
    def unlinked_dots(self) -> list[tuple[str, str]]:
        """The dots of the groups past `LINKED_GROUPS`, one path per colour of topic."""
        paths: dict[str, list[MapPoint]] = {}
        for group in self.groups_by_size[LINKED_GROUPS:]:
            colour = group_colour(group.id, group.topic_id)
            paths.setdefault(colour, []).extend(group.points)
        return [(colour, dots(points)) for colour, points in paths.items() if points]


def _embeddings(session: Session, ids: list[int]) -> np.ndarray:
    """The stored embeddings of some questions, in the order given."""
    blobs: dict[int, bytes | None] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        blobs.update(
            session.execute(
                select(Question.id, GROUPING_VECTOR).where(Question.id.in_(chunk))
            ).all()
        )
    if not ids:
        return np.zeros((0, 0), dtype=np.float32)
    return np.frombuffer(b"".join(_stored(blobs[i]) for i in ids), dtype="<f4").reshape(
        len(ids), -1
    )


def _stored(blob: bytes | None) -> bytes:
    """A vector the query asked for only where one is stored."""
    if blob is None:
        raise RuntimeError("a vector selected as stored is missing")
    return blob


def _live_clusters(session: Session) -> list[Cluster]:
    """The live groups that have a centroid, with what the map shows of them."""
    return list(
        session.scalars(
            select(Cluster)
            .options(
                load_only(
                    Cluster.title,
                    Cluster.auto_label,
                    Cluster.size,
                    Cluster.centroid,
                    Cluster.topic_id,
                ),
                selectinload(Cluster.topic).load_only(Topic.auto_label, Topic.active),
            )
            .where(Cluster.state == ClusterState.ACTIVE, Cluster.centroid.is_not(None))
            .order_by(Cluster.id)
        )
    )


def _centroid_matrix(clusters: list[Cluster]) -> np.ndarray:
    """The groups' centroids as rows of one matrix."""
    if not clusters:
        return np.zeros((0, 0), dtype=np.float32)
    matrix = np.frombuffer(b"".join(_stored(c.centroid) for c in clusters), dtype="<f4")
    return matrix.reshape(len(clusters), -1)


def compute_map(session: Session, max_points: int = MAX_POINTS) -> GroupMap:
    """Lay out every live group and a stratified sample of visible embedded questions."""
    clusters = _live_clusters(session)
    row_of = {cluster.id: row for row, cluster in enumerate(clusters)}
    questions = session.execute(
        select(Question.id, Question.cluster_id)
        .where(Question.hidden.is_(False), Question.embedding.is_not(None))
        .order_by(Question.id)
    ).all()
    labels = np.array([row_of.get(q.cluster_id, UNGROUPED) for q in questions], dtype=int)
    chosen = stratified_sample(labels, max_points)
    ids = [questions[i].id for i in chosen]
    layout = layout_map(
        _centroid_matrix(clusters),
        np.array([c.size for c in clusters], dtype=float),
        _embeddings(session, ids),
        labels[chosen],
        width=WIDTH,
        height=HEIGHT,
    )
    points: dict[int, list[MapPoint]] = {}
    for question_id, label, (x, y) in zip(ids, labels[chosen], layout.point_xy, strict=True):
        points.setdefault(int(label), []).append(
            MapPoint(question_id, round(float(x)), round(float(y)))
        )
    xy = np.rint(layout.group_xy).astype(int) if len(clusters) else np.zeros((0, 2), int)
    topics = [c.topic_id if c.topic and c.topic.active else None for c in clusters]
    shades = shade_indices(xy, topics, len(SHADES))
    names = _labels(clusters, layout.group_xy, layout.group_radius)
    groups = tuple(
        MapGroup(
            id=cluster.id,
            title=cluster.display_title,
            size=cluster.size,
            colour=group_colour(cluster.id, topics[row], int(shades[row])),
            x=int(xy[row][0]),
            y=int(xy[row][1]),
            radius=round(float(layout.group_radius[row]), 1),
            points=tuple(points.get(row, ())),
            topic_id=topics[row],
            topic_title=cluster.topic.display_title if topics[row] and cluster.topic else "",
            label=names.get(row),
        )
        for row, cluster in enumerate(clusters)
    )
    return GroupMap(
        WIDTH, HEIGHT, groups, tuple(points.get(UNGROUPED, ())), len(questions), len(ids)
    )


def _labels(clusters: list[Cluster], centres: np.ndarray, radii: np.ndarray) -> dict[int, LabelBox]:
    """Names for the largest groups, placed beside their discs without overlapping."""
    order = sorted(range(len(clusters)), key=lambda row: (-clusters[row].size, clusters[row].id))
    return place_labels(
        [(row, short_label(clusters[row].display_title)) for row in order[:LABELLED]],
        centres,
        radii,
        width=WIDTH,
        height=HEIGHT,
        font_size=LABEL_FONT,
    )


class MapCache:
    """The latest computed map of one process, with the state of the bank it was drawn from."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[int, int, int] | None = None
        self._map: GroupMap | None = None

    @staticmethod
    def state_key(session: Session) -> tuple[int, int, int]:
        """Visible questions, the latest successful clustering run and the latest curation."""
        return (
            session.scalar(
                select(func.count()).select_from(Question).where(Question.hidden.is_(False))
            )
            or 0,
            session.scalar(
                select(func.max(Job.id)).where(
                    Job.kind == JobKind.RECLUSTER, Job.status == JobStatus.SUCCEEDED
                )
            )
            or 0,
            session.scalar(select(func.max(CurationLog.id))) or 0,
        )

    def get(self, session: Session) -> GroupMap:
        """The map for the bank as it is now, computed only when the bank has changed."""
        key = self.state_key(session)
        with self._lock:
            if self._key != key or self._map is None:
                self._map = compute_map(session)
                self._key = key
            return self._map


def map_cache(app: Flask | None = None) -> MapCache:
    """The app's map cache, created on first use."""
    app = app or current_app
    with _cache_lock:
        cache: MapCache = app.extensions.setdefault("qb.group_map", MapCache())
        return cache


_cache_lock = threading.Lock()


def map_for(session: Session, cache: MapCache, viewer: User | None) -> GroupMap:
    """The cached map with only the questions the viewer may read drawn."""
    full = cache.get(session)
    drawn = [p.question_id for g in full.groups for p in g.points] + [
        p.question_id for p in full.ungrouped
    ]
    readable: set[int] = set()
    for start in range(0, len(drawn), _CHUNK):
        readable.update(
            session.scalars(
                select(Question.id).where(
                    Question.id.in_(drawn[start : start + _CHUNK]), readable_by(viewer)
                )
            )
        )

    def keep(points: tuple[MapPoint, ...]) -> tuple[MapPoint, ...]:
        """The points the viewer may read."""
        return tuple(p for p in points if p.question_id in readable)

    return replace(
        full,
        groups=tuple(replace(group, points=keep(group.points)) for group in full.groups),
        ungrouped=keep(full.ungrouped),
    )

"""The 2-D map of questions: groups placed by the principal axes of their centroids.

Group positions are the projection of the group centroids on their two leading principal
directions (an SVD), scaled into the picture. Each question is drawn near its group, offset in
the direction its own embedding leans from the centroid on the same two axes, within a radius that
grows with the group's size but never reaches the nearest neighbouring group. Questions in no
group are projected like centroids. Everything is deterministic: the same input gives the same
picture, and a sample of at most ``max_points`` questions keeps the drawing small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

UNGROUPED = -1
MAX_POINTS = 3000
MIN_RADIUS = 4.0
MAX_RADIUS = 60.0
# A group's disc reaches at most this share of the way to its nearest neighbour.
NEIGHBOUR_SHARE = 0.45
# The farthest question of a group is drawn this far out on its disc, inside the rim.
POINT_REACH = 0.9
_BLOCK = 512
POWER_STEPS = 100


@dataclass(frozen=True, eq=False)
class MapLayout:
    """Where to draw each group (centre and radius) and each sampled question."""

    group_xy: np.ndarray  # (g, 2) centres in picture units
    group_radius: np.ndarray  # (g,)
    point_xy: np.ndarray  # (n, 2), one row per input vector


def principal_axes(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mean of the rows and their two leading principal directions (2, d), signs fixed.

    The directions come from a fixed-start subspace iteration on the (d, d) scatter matrix:
    only two eigenvectors are needed, and a full eigen-decomposition or SVD of thousands of rows
    costs far more. Each direction's sign is chosen so that its largest component is positive.
    Fewer than two directions of spread are padded with zero rows.
    """
    matrix = np.asarray(matrix, dtype=np.float64)
    mean = matrix.mean(axis=0)
    centred = matrix - mean
    scatter = centred.T @ centred
    start = np.random.default_rng(0).normal(size=(matrix.shape[1], 2))
    block = np.linalg.qr(start)[0]
    for _ in range(POWER_STEPS):
        block = np.linalg.qr(scatter @ block)[0]
    values = ((scatter @ block) * block).sum(axis=0)
    spread = 1e-12 * max(float(np.trace(scatter)), 1.0)
    axes = np.zeros((2, matrix.shape[1]))
    for row, i in enumerate(np.argsort(values)[::-1]):
        if values[i] > spread:
            direction = block[:, i]
            axes[row] = direction if direction[np.argmax(np.abs(direction))] > 0 else -direction
    return mean, axes


def stratified_sample(labels: np.ndarray, cap: int = MAX_POINTS, seed: int = 0) -> np.ndarray:
    """Sorted indices of at most ``cap`` items, each label's share in proportion to its size.

    Every label keeps at least one item while there is room (the largest labels first when
    there are more labels than ``cap``); the rest is shared by largest remainder.
    """
    labels = np.asarray(labels)
    if len(labels) <= cap:
        return np.arange(len(labels))
    values, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    exact = counts * cap / len(labels)
    quota = np.floor(exact).astype(int)
    by_size = np.lexsort((values, -counts))
    floor_one = by_size[:cap]
    quota[floor_one] = np.maximum(quota[floor_one], 1)
    spare = cap - int(quota.sum())
    if spare > 0:
        room = quota < counts
        order = np.lexsort((values, -(exact - np.floor(exact))))
        quota[[i for i in order if room[i]][:spare]] += 1
    elif spare < 0:
        for i in by_size:
            if spare == 0:
                break
            if quota[i] > 1:
                cut = min(quota[i] - 1, -spare)
                quota[i] -= cut
                spare += cut
    rng = np.random.default_rng(seed)
    members = np.argsort(inverse, kind="stable")
    starts = np.concatenate(([0], np.cumsum(counts)))
    chosen = [
        rng.choice(members[starts[i] : starts[i + 1]], size=quota[i], replace=False)
        for i in range(len(values))
        if quota[i]
    ]
    return np.sort(np.concatenate(chosen))


def _nearest_distances(points: np.ndarray) -> np.ndarray:
    """Each point's distance to its nearest other point (infinite when it is alone)."""
    nearest = np.full(len(points), np.inf)
    if len(points) < 2:
        return nearest
    squared = (points**2).sum(axis=1)
    for start in range(0, len(points), _BLOCK):
        block = points[start : start + _BLOCK]
        distances = squared[start : start + _BLOCK, None] + squared[None, :] - 2 * block @ points.T
        rows = np.arange(len(block))
        distances[rows, rows + start] = np.inf
        nearest[start : start + _BLOCK] = np.sqrt(np.maximum(distances.min(axis=1), 0.0))
    return nearest


def _fit(projected: np.ndarray, width: float, height: float, margin: float) -> tuple[float, ...]:
    """A uniform scale and shift placing the points' bounding box centred in the picture."""
    low, high = projected.min(axis=0), projected.max(axis=0)
    span = high - low
    room = np.array([width - 2 * margin, height - 2 * margin])
    scale = float(min(room[span > 0] / span[span > 0])) if (span > 0).any() else 1.0
    centre = (low + high) / 2
    return scale, width / 2 - scale * centre[0], height / 2 - scale * centre[1]


def layout_map(
    centroids: np.ndarray,
    sizes: np.ndarray,
    vectors: np.ndarray,
    labels: np.ndarray,
    *,
    width: float = 1000.0,
    height: float = 640.0,
    margin: float = MAX_RADIUS + 8.0,
) -> MapLayout:
    """Place groups (centroids with their sizes) and questions (vectors labelled by group row).

    ``labels[i]`` is the row of ``centroids`` question ``i`` belongs to, or ``UNGROUPED``.
    """
    centroids = np.asarray(centroids, dtype=np.float64)
    vectors = np.asarray(vectors, dtype=np.float64)
    labels = np.asarray(labels, dtype=int)
    sizes = np.asarray(sizes, dtype=np.float64)
    if len(centroids) == 0 and len(vectors) == 0:
        return MapLayout(np.zeros((0, 2)), np.zeros(0), np.zeros((0, 2)))
    # A single group has no spread of its own: take the directions from the questions.
    basis = centroids if len(centroids) > 1 or len(vectors) == 0 else vectors
    mean, axes = principal_axes(basis)
    group_projected = (centroids - mean) @ axes.T
    point_projected = (vectors - mean) @ axes.T if len(vectors) else np.zeros((0, 2))
    grouped = labels != UNGROUPED
    # Nor a spread to scale by: let the questions in no group give one.
    frame = (
        group_projected
        if len(centroids) > 1
        else np.vstack([group_projected, point_projected[~grouped]])
    )
    scale, shift_x, shift_y = _fit(frame, width, height, margin)
    shift = np.array([shift_x, shift_y])
    group_xy = group_projected * scale + shift

    radius = np.zeros(len(centroids))
    if len(centroids):
        share = np.sqrt(sizes / sizes.max()) if sizes.max() > 0 else np.zeros(len(sizes))
        radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * share
        radius = np.maximum(
            np.minimum(radius, NEIGHBOUR_SHARE * _nearest_distances(group_xy)), MIN_RADIUS
        )

    point_xy = np.clip(
        point_projected * scale + shift,
        [margin / 2, margin / 2],
        [width - margin / 2, height - margin / 2],
    )
    if grouped.any():
        owner = labels[grouped]
        offsets = (vectors[grouped] - centroids[owner]) @ axes.T
        lengths = np.linalg.norm(offsets, axis=1)
        longest = np.zeros(len(centroids))
        np.maximum.at(longest, owner, lengths)
        reach = np.where(longest[owner] > 0, radius[owner] / np.maximum(longest[owner], 1e-12), 0)
        point_xy[grouped] = group_xy[owner] + offsets * reach[:, None] * POINT_REACH
    return MapLayout(group_xy=group_xy, group_radius=radius, point_xy=point_xy)


@dataclass(frozen=True)
class LabelBox:
    """A name drawn on the map: where its text is anchored, how, and the box it covers."""

    text: str
    x: int
    y: int
    anchor: str  # SVG text-anchor: start, middle or end
    box: tuple[float, float, float, float]  # left, top, right, bottom


# The average width of a character, as a share of the font size (a sans-serif face).
CHAR_WIDTH = 0.56
LABEL_GAP = 4.0


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_spots(text: str, x: float, y: float, radius: float, font_size: float) -> list[LabelBox]:
    """Where a group's name may go: above its disc, below, to the right, to the left."""
    width, height = len(text) * CHAR_WIDTH * font_size, font_size * 1.15
    ascent = font_size * 0.8
    above = y - radius - LABEL_GAP
    below = y + radius + LABEL_GAP + ascent
    side = y + ascent / 2
    spots = [
        (
            x,
            above,
            "middle",
            (x - width / 2, above - ascent, x + width / 2, above - ascent + height),
        ),
        (
            x,
            below,
            "middle",
            (x - width / 2, below - ascent, x + width / 2, below - ascent + height),
        ),
        (
            x + radius + LABEL_GAP,
            side,
            "start",
            (
                x + radius + LABEL_GAP,
                side - ascent,
                x + radius + LABEL_GAP + width,
                side - ascent + height,
            ),
        ),
        (
            x - radius - LABEL_GAP,
            side,
            "end",
            (
                x - radius - LABEL_GAP - width,
                side - ascent,
                x - radius - LABEL_GAP,
                side - ascent + height,
            ),
        ),
    ]
    return [LabelBox(text, round(sx), round(sy), anchor, box) for sx, sy, anchor, box in spots]


def place_labels(
    items: list[tuple[int, str]],
    centres: np.ndarray,
    radii: np.ndarray,
    *,
    width: float,
    height: float,
    font_size: float,
) -> dict[int, LabelBox]:
    """Names for some groups (row, text), in the order given, each at the first spot beside
    its disc that stays in the picture and overlaps no name placed before; a group with no
    such spot is left unnamed (the table and its link's name still name it)."""
    placed: dict[int, LabelBox] = {}
    for row, text in items:
        x, y = float(centres[row][0]), float(centres[row][1])
        for spot in _label_spots(text, x, y, float(radii[row]), font_size):
            left, top, right, bottom = spot.box
            inside = left >= 2 and top >= 2 and right <= width - 2 and bottom <= height - 2
            if inside and not any(_overlaps(spot.box, other.box) for other in placed.values()):
                placed[row] = spot
                break
    return placed


NEIGHBOURS = 4


def shade_indices(xy: np.ndarray, topics: list[int | None], shades: int) -> np.ndarray:
    """A shade (0 .. shades-1) for each group, so that groups of one topic that lie near each
    other differ: each group, in order, takes the first shade, counting from its place in its
    topic, that none of its `NEIGHBOURS` nearest shaded groups of the topic has."""
    result = np.zeros(len(topics), dtype=int)
    points = np.asarray(xy, dtype=np.float64).reshape(len(topics), -1)
    members: dict[int | None, list[int]] = {}
    for row, topic in enumerate(topics):
        members.setdefault(topic, []).append(row)
    for rows in members.values():
        for place, row in enumerate(rows):
            done = rows[:place]
            if not done:
                result[row] = 0
                continue
            distance = np.linalg.norm(points[done] - points[row], axis=1)
            near = {int(result[done[i]]) for i in np.argsort(distance)[:NEIGHBOURS]}
            choices = [(place + step) % shades for step in range(shades)]
            result[row] = next((c for c in choices if c not in near), choices[0])
    return result

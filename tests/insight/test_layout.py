"""The 2-D map projection: deterministic, inside the picture, questions near their group."""

from __future__ import annotations

import numpy as np

from app.insight.layout import (
    MAX_RADIUS,
    MIN_RADIUS,
    UNGROUPED,
    layout_map,
    principal_axes,
    stratified_sample,
)

WIDTH, HEIGHT = 1000.0, 640.0


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _bank(groups: int = 6, per_group: int = 30, dim: int = 32, seed: int = 7):
    """Synthetic embeddings: tight groups around random unit centres, plus a few loners."""
    rng = np.random.default_rng(seed)
    centres = _unit(rng.normal(size=(groups, dim)))
    sizes = rng.integers(5, per_group, size=groups)
    vectors = [_unit(centres[g] + 0.15 * rng.normal(size=(n, dim))) for g, n in enumerate(sizes)]
    labels = np.concatenate([np.full(n, g) for g, n in enumerate(sizes)])
    loners = _unit(rng.normal(size=(4, dim)))
    members = np.vstack(vectors)
    centroids = _unit(np.vstack([members[labels == g].mean(axis=0) for g in range(groups)]))
    return (
        centroids,
        sizes.astype(float),
        np.vstack([members, loners]),
        np.concatenate([labels, np.full(4, UNGROUPED)]),
    )


def test_layout_is_deterministic() -> None:
    first = layout_map(*_bank())
    second = layout_map(*_bank())
    np.testing.assert_array_equal(first.group_xy, second.group_xy)
    np.testing.assert_array_equal(first.point_xy, second.point_xy)
    np.testing.assert_array_equal(first.group_radius, second.group_radius)


def test_layout_shapes_and_everything_inside_the_picture() -> None:
    centroids, sizes, vectors, labels = _bank()
    layout = layout_map(centroids, sizes, vectors, labels, width=WIDTH, height=HEIGHT)
    assert layout.group_xy.shape == (len(centroids), 2)
    assert layout.group_radius.shape == (len(centroids),)
    assert layout.point_xy.shape == (len(vectors), 2)
    for xy in (layout.group_xy, layout.point_xy):
        assert (xy >= 0).all() and (xy[:, 0] <= WIDTH).all() and (xy[:, 1] <= HEIGHT).all()
    discs = layout.group_xy[:, :, None] + np.array([-1, 1]) * layout.group_radius[:, None, None]
    assert (discs >= 0).all() and (discs[:, 0] <= WIDTH).all() and (discs[:, 1] <= HEIGHT).all()
    assert ((layout.group_radius >= MIN_RADIUS) & (layout.group_radius <= MAX_RADIUS)).all()


def test_questions_are_drawn_within_their_group_disc() -> None:
    centroids, sizes, vectors, labels = _bank()
    layout = layout_map(centroids, sizes, vectors, labels)
    grouped = labels != UNGROUPED
    distance = np.linalg.norm(layout.point_xy[grouped] - layout.group_xy[labels[grouped]], axis=1)
    assert (distance <= layout.group_radius[labels[grouped]] + 1e-9).all()
    # and nearer their own group's centre than any other group's
    to_all = np.linalg.norm(
        layout.point_xy[grouped][:, None, :] - layout.group_xy[None, :, :], axis=2
    )
    assert (to_all.argmin(axis=1) == labels[grouped]).all()


def test_groups_with_similar_centroids_are_placed_closer() -> None:
    base = np.eye(8)[:3]
    near = _unit(base[:1] + 0.1 * base[1:2])
    centroids = np.vstack([base, near])
    layout = layout_map(centroids, np.ones(4), np.zeros((0, 8)), np.zeros(0, dtype=int))
    distance = np.linalg.norm(layout.group_xy[:, None] - layout.group_xy[None], axis=2)
    assert distance[0, 3] < distance[0, 1] and distance[0, 3] < distance[0, 2]


def test_discs_do_not_reach_their_neighbours() -> None:
    centroids, sizes, vectors, labels = _bank(groups=12)
    layout = layout_map(centroids, sizes, vectors, labels)
    distance = np.linalg.norm(layout.group_xy[:, None] - layout.group_xy[None], axis=2)
    np.fill_diagonal(distance, np.inf)
    nearest = distance.min(axis=1)
    assert (layout.group_radius <= np.maximum(0.5 * nearest, MIN_RADIUS) + 1e-9).all()


def test_single_group_and_empty_inputs() -> None:
    rng = np.random.default_rng(1)
    vectors = _unit(rng.normal(size=(5, 16)))
    centroid = _unit(vectors.mean(axis=0, keepdims=True))
    layout = layout_map(centroid, np.array([5.0]), vectors, np.zeros(5, dtype=int))
    np.testing.assert_allclose(layout.group_xy, [[500.0, 320.0]])
    assert layout.point_xy.shape == (5, 2)
    alone = layout_map(centroid, np.array([5.0]), np.zeros((0, 16)), np.zeros(0, dtype=int))
    np.testing.assert_allclose(alone.group_xy, [[500.0, 320.0]])
    empty = layout_map(np.zeros((0, 16)), np.zeros(0), np.zeros((0, 16)), np.zeros(0, dtype=int))
    assert empty.group_xy.shape == (0, 2) and empty.point_xy.shape == (0, 2)


def test_principal_axes_fix_the_sign() -> None:
    rng = np.random.default_rng(3)
    matrix = rng.normal(size=(20, 6))
    _, axes = principal_axes(matrix)
    _, flipped = principal_axes(-matrix)
    for row in (*axes, *flipped):
        assert row[np.argmax(np.abs(row))] > 0
    np.testing.assert_allclose(np.abs(axes @ flipped.T), np.eye(2), atol=1e-8)


def test_principal_axes_are_the_leading_directions() -> None:
    rng = np.random.default_rng(5)
    spreads = np.array([9.0, 4.0, 1.0, 0.5, 0.2, 0.1])
    basis = np.linalg.qr(rng.normal(size=(6, 6)))[0]
    matrix = (rng.normal(size=(400, 6)) * spreads) @ basis.T
    _, axes = principal_axes(matrix)
    _, _, vt = np.linalg.svd(matrix - matrix.mean(axis=0), full_matrices=False)
    np.testing.assert_allclose(np.abs(axes @ vt[:2].T), np.eye(2), atol=1e-6)


def test_stratified_sample_caps_and_keeps_every_group() -> None:
    labels = np.concatenate([np.full(9000, 0), np.full(900, 1), np.full(90, 2), np.full(10, -1)])
    chosen = stratified_sample(labels, cap=300, seed=0)
    assert len(chosen) == 300
    assert len(np.unique(chosen)) == 300 and (np.diff(chosen) > 0).all()
    counts = {label: int((labels[chosen] == label).sum()) for label in (0, 1, 2, -1)}
    assert counts[0] == 270 and counts[1] == 27 and counts[2] == 2 and counts[-1] == 1
    np.testing.assert_array_equal(chosen, stratified_sample(labels, cap=300, seed=0))


def test_stratified_sample_with_more_groups_than_room() -> None:
    labels = np.repeat(np.arange(50), np.arange(1, 51))
    chosen = stratified_sample(labels, cap=20)
    assert len(chosen) == 20
    assert len(np.unique(labels[chosen])) == 20
    assert set(labels[chosen]) == set(range(30, 50))


def test_stratified_sample_keeps_everything_under_the_cap() -> None:
    labels = np.array([3, 1, 1, -1])
    np.testing.assert_array_equal(stratified_sample(labels, cap=10), [0, 1, 2, 3])


def test_group_names_never_overlap_and_stay_in_the_picture() -> None:
    from app.insight.layout import _overlaps, place_labels

    rng = np.random.default_rng(1)
    centres = rng.uniform([0, 0], [1000, 640], size=(40, 2))
    radii = rng.uniform(4, 40, size=40)
    items = [(row, f"Group title number {row}") for row in range(40)]
    placed = place_labels(items, centres, radii, width=1000, height=640, font_size=15)
    assert len(placed) >= 10
    boxes = [label.box for label in placed.values()]
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[1] >= 0 and a[2] <= 1000 and a[3] <= 640
        assert not any(_overlaps(a, b) for b in boxes[i + 1 :])


def test_near_groups_of_one_topic_get_different_shades() -> None:
    from app.insight.layout import shade_indices

    xy = np.array([[0, 0], [10, 0], [20, 0], [500, 500], [510, 500]])
    shades = shade_indices(xy, [1, 1, 1, 2, 2], 3)
    assert len(set(shades[:3])) == 3 and shades[3] != shades[4]

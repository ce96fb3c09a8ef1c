"""Topics: a size-weighted partition of the group centroids."""

from __future__ import annotations

import numpy as np

from app.insight.topics import MAX_TOPICS, group_topics, topic_centres, topic_count


def _groups(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Twenty groups around four far-apart themes, of uneven sizes."""
    rng = np.random.default_rng(seed)
    themes = np.eye(4, 16) * 3
    owner = np.repeat(np.arange(4), 5)
    centroids = themes[owner] + rng.normal(scale=0.2, size=(20, 16))
    return centroids, rng.integers(1, 40, size=20).astype(float), owner


def test_the_number_of_topics_grows_slowly_and_is_capped() -> None:
    assert topic_count(0) == 0 and topic_count(3) == 1
    assert topic_count(16) == 4 and topic_count(54) == 7
    assert topic_count(100_000) == MAX_TOPICS


def test_every_group_is_in_exactly_one_topic_and_themes_are_kept_together() -> None:
    centroids, sizes, owner = _groups()
    labels = group_topics(centroids, sizes)
    assert labels.shape == (20,) and len(set(labels)) == 4
    for theme in range(4):
        assert len(set(labels[owner == theme])) == 1


def test_the_same_groups_give_the_same_topics_and_a_warm_start_keeps_them() -> None:
    centroids, sizes, _ = _groups()
    first = group_topics(centroids, sizes)
    assert (group_topics(centroids, sizes) == first).all()
    centres = topic_centres(centroids, sizes, first)
    assert (group_topics(centroids, sizes, previous=centres) == first).all()


def test_a_topic_centre_is_pulled_by_its_larger_groups() -> None:
    centroids = np.array([[0.0, 1.0], [1.0, 0.0]])
    centre = topic_centres(centroids, np.array([3.0, 1.0]), np.array([0, 0]))[0]
    assert np.allclose(centre, [0.25, 0.75])

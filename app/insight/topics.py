"""Topics: a coarser partition of the question groups, for browsing a bank topic by topic.

The groups' centroids are clustered by k-means weighted by group size: the weighted k-means
objective on centroids is the within-topic spread of the questions themselves (Ward's
criterion), so a big group pulls its topic's centre as its questions would. The number of
topics grows with the square root of the number of groups, capped so a page of topics stays
short. A run starts from the previous topics' centres when there are as many, so a small change
to the bank moves few groups; `app.insight.reconcile` then keeps topic ids by member overlap.
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.cluster import KMeans

MAX_TOPICS = 24
# Fewer groups than this form a single topic: there is nothing to browse by.
MIN_GROUPS = 4
RESTARTS = 4


def topic_count(n_groups: int) -> int:
    """How many topics `n_groups` groups nest into: about the square root, 1 to MAX_TOPICS."""
    if n_groups < MIN_GROUPS:
        return 1 if n_groups else 0
    return max(2, min(MAX_TOPICS, round(math.sqrt(n_groups))))


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows left as they are)."""
    matrix = np.asarray(matrix, dtype=np.float64)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def group_topics(
    centroids: np.ndarray, sizes: np.ndarray, previous: np.ndarray | None = None
) -> np.ndarray:
    """The topic (0 .. k-1) of each group, from its centroid (rows) and size.

    ``previous``: the earlier topics' centres, used as the starting centres when there are
    exactly as many as this run wants; otherwise k-means++ with a fixed seed. The result is
    the same for the same input.
    """
    vectors = unit_rows(centroids)
    k = topic_count(len(vectors))
    if k <= 1:
        return np.zeros(len(vectors), dtype=int)
    weights = np.maximum(np.asarray(sizes, dtype=np.float64), 1.0)
    distinct = len(np.unique(vectors.round(6), axis=0))
    k = min(k, distinct)
    if k <= 1:
        return np.zeros(len(vectors), dtype=int)
    start: np.ndarray | str = "k-means++"
    if previous is not None and len(previous) == k:
        start = unit_rows(previous)
    model = KMeans(
        n_clusters=k,
        init=start,
        n_init=1 if not isinstance(start, str) else RESTARTS,
        random_state=0,
    )
    labels = model.fit_predict(vectors, sample_weight=weights)
    return np.asarray(labels, dtype=int)


def topic_centres(centroids: np.ndarray, sizes: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Each topic's size-weighted mean of its groups' centroids, one row per topic label."""
    vectors = np.asarray(centroids, dtype=np.float64)
    weights = np.maximum(np.asarray(sizes, dtype=np.float64), 1.0)
    k = int(labels.max()) + 1 if len(labels) else 0
    centres = np.zeros((k, vectors.shape[1] if vectors.ndim == 2 else 0))
    np.add.at(centres, labels, vectors * weights[:, None])
    totals = np.bincount(labels, weights=weights, minlength=k)
    return centres / np.maximum(totals, 1e-12)[:, None]

"""Group question embeddings without being told how many groups there are, and keep ids stable.

Method (see `QuestionClusterer`): a k-nearest-neighbour graph with cosine weights (k ~ sqrt(n)/2,
smaller in small banks), Leiden community detection (modularity with a resolution parameter)
over a range of resolutions, and the resolution chosen by a label-free criterion: the mean cosine
silhouette of the partition, taking the fewest groups whose silhouette is within Leiden's own
run-to-run noise of the best. Memory stays O(n k): neighbours are found blockwise and the
silhouette comes from cluster sums, never from an n x n matrix. Up to 20k questions the
neighbours are exact; above, they come from an HNSW index over every question (hnswlib), so a
group of five is found at 100k as at 500. (It replaced a graph on a 20k sample, on which a group
needed about 15 members to be found at 100k.)

Modularity has a resolution limit (Fortunato and Barthelemy, 2007): in a graph of L edges it
cannot tell apart communities much smaller than sqrt(2L), however the resolution is chosen, so
in a large bank many small topics come out fused into groups of thousands. A group holding more
than `refine_above` x sqrt(n) questions is therefore clustered again on its own (its own graph,
neighbourhood and resolution search), and its sub-groups replace it. On the realistic 100k set
(bench/recluster_scale.py) that took AMI / ARI from 0.70 / 0.25 (91 groups for 1,256 topics)
to 0.79 / 0.53 (689), where MiniBatchKMeans told k gets 0.74 / 0.36. No group of any smaller
set reaches the bound (the largest, 166 of 3,000 Stack Overflow titles, against 219).

`assign_to_nearest` places one new question at once; `reconcile` matches a new clustering to the
existing groups so that group ids, and what members attached to them, survive a re-cluster.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin

from app.insight.graph import (
    EXACT_BLOCK_ELEMENTS,
    cluster_centroids,
    cosine_silhouette,
    knn_approximate,
    knn_exact,
    knn_graph,
    leiden,
    silhouette_values,
)

# A new question joins its nearest group at once when its cosine to that group's centroid is at
# least this; otherwise it waits, "not yet grouped", for the next re-cluster. Read from the
# member-to-own-centroid cosines of this clusterer's groups on the eval sets (all-MiniLM-L6-v2,
# printed by bench/cluster_quality.py): 5th percentile 0.62 (BANKING77) and 0.60 (COVID-Q),
# medians 0.82 and 0.81. At 0.5, 97-99 % of the questions a re-cluster put in a group would have
# joined it directly, while questions from another domain (99.9th percentile of cross-domain
# cosines: 0.28) never do. Stack Overflow titles are looser (5th percentile 0.23) and 0.5 would
# hold back 42 % of them; the bank holds full questions, like the first two sets. The threshold
# does not pick the group (the nearest centroid does): it only says whether any is close enough.
ASSIGN_THRESHOLD = 0.5

# Cosines below this are not neighbours at all: with all-MiniLM-L6-v2 the 99th percentile of
# the cosine between questions from unrelated domains (bank, Stack Overflow, COVID) is 0.19.
# Dropping such edges lets an unrelated question stand alone instead of being pulled into the
# least-bad group, and leaves the graphs of real topics alone (0-0.4 % of their kNN edges).
MIN_SIMILARITY = 0.2

_MIN_NEIGHBOURS, _MAX_NEIGHBOURS = 5, 30
# Below 400 questions the neighbourhood shrinks with n (n / 40), as groups do: see neighbours_for.
_SMALL_BANK_QUESTIONS_PER_NEIGHBOUR = 40
# Extra Leiden seeds run at the chosen resolution to measure how much the silhouette moves
# from one run of the optimiser to the next (see _search_resolution).
_NOISE_SEEDS = 3
# Partitions whose groups average fewer questions than this are not candidates (for n > 100;
# see _search_resolution).
_FINEST_MEAN_GROUP = 5
# A group must hold at least this many distinct questions to be worth clustering again.
_REFINE_MIN_DISTINCT = 10
# Members of a group whose silhouette is compared before and after splitting it (a sample).
_REFINE_ANCHORS = 400


# scikit-learn ships no type hints, so its base classes are Any to mypy.
class QuestionClusterer(ClusterMixin, BaseEstimator):  # type: ignore[misc]
    """Leiden on a cosine kNN graph, resolution chosen by silhouette; no number of groups given.

    The resolution is searched over a grid (see `_search_resolution`): doubled past its top
    until groups average fewer than five questions, extended below its bottom while the bottom
    scores strictly best, refined by sqrt(2) around the best; the answer is the lowest
    resolution whose silhouette is within the spread of silhouettes over Leiden seeds at the
    best one.

    Parameters
    ----------
    n_neighbors: neighbours per point in the graph; None (the default) takes `neighbours_for`
        (sqrt(n) / 2, n / 40 in small banks, between 5 and 30). A neighbourhood must stay
        smaller than a typical group, or neighbouring groups fuse: at k = 30, 1000 BANKING77
        questions (13 per intent) came out as 51 groups, at k = 16 as 67.
    min_similarity: cosine below which two questions are never linked.
    resolutions: the starting grid of Leiden resolutions.
    silhouette_sample: at most this many points serve as silhouette anchors; each is compared
        with the full clusters, so the estimate is unbiased and costs O(sample x clusters).
    exact_limit: up to this many points the neighbours are exact; beyond, an HNSW index finds
        them (about 98 % of the exact ones), and the graph still holds every point.
    refine_above: a group of more than refine_above x sqrt(n) questions is clustered again on
        its own and replaced by its sub-groups (see the module docstring); None never does.
        At 3 and at 4 no eval set is touched; 4 leaves the widest margin (at 2, 1 of 3,000
        Stack Overflow titles lost 0.18 AMI).
    random_state: seed for Leiden and for the samples.

    Attributes after `fit`: `labels_` (every point gets a label 0..n_clusters_-1, largest group
    first; there is no noise label), `centroids_` (L2-normalised, one row per label),
    `n_clusters_`, `resolution_`, `silhouette_`, `diagnostics_` (a JSON-able dict).
    """

    def __init__(
        self,
        n_neighbors: int | None = None,
        min_similarity: float = MIN_SIMILARITY,
        resolutions: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0),
        silhouette_sample: int = 3000,
        exact_limit: int = 20_000,
        refine_above: float | None = 4.0,
        random_state: int = 0,
    ) -> None:
        self.n_neighbors = n_neighbors
        self.min_similarity = min_similarity
        self.resolutions = resolutions
        self.silhouette_sample = silhouette_sample
        self.exact_limit = exact_limit
        self.refine_above = refine_above
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: object = None) -> QuestionClusterer:
        """Cluster the rows of X (L2-normalised embeddings; re-normalised defensively)."""
        started = time.perf_counter()
        X = _as_unit_rows(X)
        n = X.shape[0]
        rng = np.random.default_rng(self.random_state)
        points, copies = _distinct_rows(X)
        m = points.shape[0]
        if m <= 1:
            self._finish(X, np.zeros(n, dtype=np.int64), math.nan, math.nan, [], started)
            return self

        k = self.n_neighbors or neighbours_for(m)
        k = max(1, min(k, m - 1))
        find = knn_exact if m <= self.exact_limit else knn_approximate
        neighbours, sims = find(points, k)
        graph = knn_graph(neighbours, sims, self.min_similarity)
        del neighbours, sims
        n_components = len(graph.connected_components())
        anchors = np.sort(rng.choice(m, size=min(m, self.silhouette_sample), replace=False))
        evaluated: dict[float, _Candidate] = {}

        def evaluate(resolution: float) -> None:
            if resolution in evaluated:
                return
            # Start from the nearest finer partition already found: Leiden then mostly merges,
            # which costs about a third less than a cold start and scores the same.
            finer = [r for r in evaluated if r > resolution]
            start = evaluated[min(finer)].labels if finer else None
            labels = leiden(graph, resolution, self.random_state, start)
            score = cosine_silhouette(points, labels, anchors)
            evaluated[resolution] = _Candidate(resolution, score, labels)

        def replicate(resolution: float) -> list[float]:
            finer = [r for r in evaluated if r > resolution]
            start = evaluated[min(finer)].labels if finer else None
            return [
                cosine_silhouette(
                    points, leiden(graph, resolution, self.random_state + i, start), anchors
                )
                for i in range(1, _NOISE_SEEDS + 1)
            ]

        best, noise = _search_resolution(
            evaluate, replicate, self.resolutions, evaluated, n_components
        )
        score, labels = evaluated[best].score, evaluated[best].labels[copies]
        labels, refined = self._refine_large_groups(X, labels, copies)
        candidates = [
            {
                "resolution": round(c.resolution, 4),
                "n_clusters": int(c.labels.max()) + 1,
                "silhouette": round(c.score, 4),
            }
            for _, c in sorted(evaluated.items())
        ]
        exact = m <= self.exact_limit
        self._finish(X, labels, best, score, candidates, started, k=k, exact=exact, noise=noise)
        self.diagnostics_["distinct"] = m
        self.diagnostics_["refined_groups"] = refined
        return self

    def _refine_large_groups(
        self, X: np.ndarray, labels: np.ndarray, copies: np.ndarray
    ) -> tuple[np.ndarray, int]:
        """(labels with each group over the size bound replaced by its own clustering where that
        raises its members' silhouette in the whole partition, how many groups were replaced).
        Sub-groups are not refined again."""
        if self.refine_above is None:
            return labels, 0
        bound = self.refine_above * math.sqrt(len(labels))
        sizes = np.bincount(labels)
        rng = np.random.default_rng(self.random_state)
        next_label, refined = int(labels.max()) + 1, 0
        large = np.flatnonzero(sizes > bound)
        if len(large) == 0:
            return labels, 0
        bank = silhouette_values(
            X, labels, _sample(np.arange(len(labels)), self.silhouette_sample, rng)
        ).mean()
        for group in large:
            members = np.flatnonzero(labels == group)
            if len(np.unique(copies[members])) < _REFINE_MIN_DISTINCT:
                continue
            params = {**self.get_params(), "refine_above": None}
            sub = QuestionClusterer(**params).fit(X[members]).labels_
            if sub.max() == 0:
                continue
            # Sub-group 0 keeps the group's label; the others take new ones.
            split = labels.copy()
            split[members] = np.where(sub == 0, group, sub + next_label - 1)
            # Kept only if, split, its members sit better in the whole bank's partition than
            # they did and at least as well as the bank's questions do on average. A loose
            # topic (a Stack Overflow tag of 1,000 titles) splits into pieces about as close to
            # one another as to themselves: its members' silhouette falls, or rises only to
            # well below the bank's.
            anchors = _sample(members, _REFINE_ANCHORS, rng)
            after = silhouette_values(X, split, anchors).mean()
            if after <= max(silhouette_values(X, labels, anchors).mean(), bank):
                continue
            labels, next_label, refined = split, next_label + int(sub.max()), refined + 1
        return labels, refined

    def _finish(
        self,
        X: np.ndarray,
        labels: np.ndarray,
        resolution: float,
        score: float,
        candidates: list[dict[str, Any]],
        started: float,
        k: int = 0,
        exact: bool = True,
        noise: float = math.nan,
    ) -> None:
        self.labels_ = _relabel_by_size(labels)
        self.n_clusters_ = int(self.labels_.max()) + 1 if len(self.labels_) else 0
        self.centroids_ = cluster_centroids(X, self.labels_, self.n_clusters_)
        self.resolution_ = resolution
        self.silhouette_ = score
        sizes = np.bincount(self.labels_, minlength=self.n_clusters_)
        own = _similarity_to_own_centroid(X, self.labels_, self.centroids_)
        self.diagnostics_ = {
            "n": int(X.shape[0]),
            "neighbours": "exact" if exact else "hnsw",
            "n_clusters": self.n_clusters_,
            "resolution": None if math.isnan(resolution) else resolution,
            "silhouette": None if math.isnan(score) else round(score, 4),
            "silhouette_noise": None if math.isnan(noise) else round(noise, 4),
            "n_neighbors": k,
            "singletons": int((sizes == 1).sum()),
            "largest": int(sizes.max()) if len(sizes) else 0,
            # The cosine below which the 5 % least typical members of a group lie: the scale
            # ASSIGN_THRESHOLD is read against.
            "own_centroid_p5": round(float(np.percentile(own, 5)), 4) if len(own) else None,
            "candidates": candidates,
            "seconds": round(time.perf_counter() - started, 3),
        }


def neighbours_for(n: int) -> int:
    """Neighbours per question in the graph of n questions: sqrt(n) / 2 (PhenoGraph's scale),
    and n / 40 below 400 questions, between 5 and 30.

    A neighbourhood must stay smaller than a typical group, or neighbouring groups fuse, and
    small banks hold small groups: on 266 UK poverty questions in 42 groups of 5-8
    (bench/data/poverty_dev.csv) k = 10 gave 25 groups (AMI 0.61, ARI 0.44) and k = 7 gave 33
    (0.69, 0.55), while on 3,000 BANKING77 or Stack Overflow questions k = 12 lost 1-3 ARI
    points against k = 27. Both rules give 10 at 400 questions.
    """
    scale = min(n / _SMALL_BANK_QUESTIONS_PER_NEIGHBOUR, math.sqrt(n) / 2)
    return min(_MAX_NEIGHBOURS, max(_MIN_NEIGHBOURS, round(scale)))


def _similarity_to_own_centroid(
    X: np.ndarray, labels: np.ndarray, centroids: np.ndarray
) -> np.ndarray:
    """Cosine of each row to its own group's centroid, computed in blocks."""
    out = np.empty(X.shape[0], dtype=np.float32)
    step = max(1, EXACT_BLOCK_ELEMENTS // max(X.shape[1], 1))
    for start in range(0, X.shape[0], step):
        block = X[start : start + step]
        out[start : start + step] = np.einsum(
            "ij,ij->i", block, centroids[labels[start : start + step]]
        )
    return out


def _distinct_rows(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the distinct rows of X in order of first appearance, each row's index among them).

    Identical vectors (one question asked word for word in many places, once the places are
    neutralised) are one point of the graph: as many copies, they would be one another's only
    neighbours, a clique cut off from its topic.

    Rows are told apart by a 64-bit fingerprint of their bytes, each row then checked equal to
    the first row of its fingerprint (an exact comparison falls back if two differ). Sorting the
    rows themselves (``np.unique(axis=0)``) copied X twice: 24 s and 4.3 GB over X at a million.
    """
    if X.shape[0] == 0:
        return X, np.zeros(0, dtype=np.int64)
    prints = _fingerprints(X)
    _, first, inverse = np.unique(prints, return_index=True, return_inverse=True)
    inverse = np.asarray(inverse).ravel()
    if not _rows_equal(X, first[inverse]):  # a fingerprint shared by two different rows
        _, first, inverse = np.unique(X, axis=0, return_index=True, return_inverse=True)
        inverse = np.asarray(inverse).ravel()
    if len(first) == X.shape[0]:
        return X, np.arange(X.shape[0])
    order = np.argsort(first)
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return X[first[order]], rank[inverse]


def _row_words(block: np.ndarray) -> np.ndarray:
    """The rows of a C-contiguous block as unsigned words (64-bit when the row size allows)."""
    width = block.shape[1] * block.itemsize
    return block.view(np.uint64 if width % 8 == 0 else np.uint8).reshape(block.shape[0], -1)


def _fingerprints(X: np.ndarray) -> np.ndarray:
    """A 64-bit fingerprint of each row's bytes: its words times fixed random odd multipliers,
    summed modulo 2^64, in blocks."""
    X = np.ascontiguousarray(X)
    multipliers = np.random.default_rng(0).integers(
        0, np.iinfo(np.int64).max, _row_words(X[:1]).shape[1], dtype=np.int64
    ).astype(np.uint64) * np.uint64(2) + np.uint64(1)
    prints = np.empty(X.shape[0], dtype=np.uint64)
    step = max(1, EXACT_BLOCK_ELEMENTS // max(X.shape[1], 1))
    for start in range(0, X.shape[0], step):
        words = _row_words(X[start : start + step]).astype(np.uint64, copy=False)
        prints[start : start + step] = (words * multipliers).sum(axis=1, dtype=np.uint64)
    return prints


def _rows_equal(X: np.ndarray, others: np.ndarray) -> bool:
    """Whether every row of X has the same bytes as row ``others[i]`` of X, in blocks."""
    step = max(1, EXACT_BLOCK_ELEMENTS // max(X.shape[1], 1))
    for start in range(0, X.shape[0], step):
        block = X[start : start + step]
        if not np.array_equal(_row_words(block), _row_words(X[others[start : start + step]])):
            return False
    return True


def _as_unit_rows(X: np.ndarray) -> np.ndarray:
    """X as C-contiguous float32 unit rows, copied only if it is not that already."""
    X = np.ascontiguousarray(X, dtype=np.float32)
    if X.ndim != 2:
        if X.size == 0:
            return X.reshape(0, 0)
        raise ValueError(f"expected a 2-d array of embeddings, got shape {X.shape}")
    # Row norms in blocks: a whole-matrix temporary would double the memory at 100k.
    norms = np.empty(X.shape[0], dtype=np.float32)
    step = max(1, EXACT_BLOCK_ELEMENTS // max(X.shape[1], 1))
    for start in range(0, X.shape[0], step):
        block = X[start : start + step]
        norms[start : start + step] = np.sqrt(np.einsum("ij,ij->i", block, block))
    if not np.isfinite(norms).all():
        raise ValueError("embeddings contain NaN or infinite values")
    if np.allclose(norms[norms > 0], 1.0, atol=1e-4):
        return X
    return X / np.where(norms > 0, norms, 1.0)[:, None]


@dataclass(frozen=True)
class _Candidate:
    resolution: float
    score: float  # mean silhouette of the anchors
    labels: np.ndarray


def _choose(evaluated: Mapping[float, _Candidate], max_groups: float = math.inf) -> float:
    """The resolution with the highest silhouette among partitions with at most max_groups
    groups; a tie goes to fewer groups."""
    eligible = [r for r, c in evaluated.items() if int(c.labels.max()) + 1 <= max_groups]
    return max(eligible or evaluated, key=lambda r: (evaluated[r].score, -r))


def _search_resolution(
    evaluate: Any,
    replicate: Any,
    grid: Sequence[float],
    evaluated: dict[float, _Candidate],
    n_components: int,
) -> tuple[float, float]:
    """(resolution, silhouette noise), the resolution chosen by silhouette among partitions
    into at most max(n / 5, 2 sqrt(n)) groups (more if the graph has more components).

    Silhouette is unreliable for partitions made mostly of ones and twos (it rises again as
    groups shrink to near-duplicate pairs), and groups that average fewer than five questions
    are not a grouping a facilitator can use; 2 sqrt(n) leaves small sets (a dozen questions,
    three topics and a stray) free to be split as finely as they need.
    1. Double the resolution from the grid's top until the partition passes that limit, so the
       finest usable partitions are always among the candidates, whatever n is.
    2. Walk down through the grid, each run started from the finer partition found before.
    3. Extend below the grid while its lowest resolution is strictly the best.
    4. Refine by sqrt(2) on both sides of the best.
    5. Take the lowest resolution whose silhouette is within the optimiser's own noise of the
       best: the spread of the silhouette over Leiden runs with other seeds at the best
       resolution. Differences smaller than that say nothing about the data, and the fewer
       groups are then the better answer (on real sets the silhouette is often flat near its
       peak, and picking the noisy maximum over-split Stack Overflow on some samples).
    """

    def n_groups(r: float) -> int:
        return int(evaluated[r].labels.max()) + 1

    top = max(grid)
    evaluate(top)
    n_points = len(evaluated[top].labels)
    max_groups = max(n_components, n_points / _FINEST_MEAN_GROUP, 2.0 * math.sqrt(n_points))
    while n_groups(top) <= max_groups and n_groups(top) < n_points:
        top *= 2.0
        evaluate(top)
    for r in sorted(grid, reverse=True):
        evaluate(r)

    for _ in range(8):
        ordered = sorted(evaluated)
        bottom = ordered[0]
        if (
            _choose(evaluated, max_groups) == bottom
            and evaluated[bottom].score > evaluated[ordered[1]].score
            and n_groups(bottom) > n_components
        ):
            evaluate(bottom / 2.0)
        else:
            break
    choice = _choose(evaluated, max_groups)
    for r in (choice / math.sqrt(2.0), choice * math.sqrt(2.0)):
        if min(evaluated) <= r <= max(evaluated):
            evaluate(r)
    best = _choose(evaluated, max_groups)
    noise = float(np.std([evaluated[best].score, *replicate(best)]))
    chosen = min(
        r
        for r, c in evaluated.items()
        if c.score >= evaluated[best].score - noise and n_groups(r) <= max_groups and r <= best
    )
    return chosen, noise


def _sample(indices: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """At most `size` of `indices`, in order, drawn without replacement."""
    if len(indices) <= size:
        return indices
    return np.sort(rng.choice(indices, size, replace=False))


def _relabel_by_size(labels: np.ndarray) -> np.ndarray:
    """Labels 0..K-1 with 0 the largest group; ties go to the group whose first member is first."""
    labels = np.asarray(labels, dtype=np.int64)
    if len(labels) == 0:
        return labels
    uniq, first, inverse, counts = np.unique(
        labels, return_index=True, return_inverse=True, return_counts=True
    )
    order = np.lexsort((first, -counts))
    rank = np.empty(len(uniq), dtype=np.int64)
    rank[order] = np.arange(len(uniq))
    return rank[inverse]


def assign_to_nearest(vector: np.ndarray, centroids: np.ndarray, threshold: float) -> int | None:
    """Index of the centroid most similar to `vector` if its cosine is >= threshold, else None."""
    centroids = np.asarray(centroids, dtype=np.float32)
    if centroids.ndim != 2 or centroids.shape[0] == 0:
        return None
    v = np.asarray(vector, dtype=np.float32).ravel()
    if v.shape[0] != centroids.shape[1]:
        raise ValueError(
            f"vector has {v.shape[0]} dimensions but the centroids have {centroids.shape[1]}"
        )
    v_norm = float(np.linalg.norm(v))
    if v_norm == 0.0:
        return None
    c_norms = np.linalg.norm(centroids, axis=1)
    cosines = (centroids @ v) / (np.where(c_norms > 0, c_norms, np.inf) * v_norm)
    best = int(np.argmax(cosines))
    return best if float(cosines[best]) >= threshold else None

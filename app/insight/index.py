"""An in-memory near-duplicate index of normalised vectors keyed by integer ids.

Up to ``APPROXIMATE_ABOVE`` vectors, search is a NumPy brute force: one float32 matrix-vector
product over the live rows, then `argpartition` for the top k. It is exact, needs no build step,
and a row is added or removed in O(1) (the matrix grows by doubling; removal moves the last row
into the hole). The matrix stays the record of what is indexed.

Above that, a scan reads the whole matrix (150 MB at 100k x 384: about 8 ms on the 2-core box,
most of a search page's budget), so an HNSW graph (hnswlib) over the same rows can answer
instead: built in a background thread once the index passes the limit (searches stay exact
until it is ready), then kept in step by every add and remove. On the 100k search bench's real
embeddings (bench/search_speed.py) it answers k = 200 in about 1 ms and finds 0.95 of the exact
ten nearest questions; that bank is the hard case, dense clumps of near-identical templated
questions (M = 16 found 0.91, M = 32 0.97 in a build of a minute). A caller that must not miss
a neighbour (the duplicate check) asks for ``exact=True``. An earlier measurement rejected
hnswlib on *random* normalised vectors, which have no neighbourhood structure and are the worst
case for any graph index; real sentence embeddings are not like that.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

import hnswlib
import numpy as np

DEFAULT_DIMENSION = 384
_INITIAL_CAPACITY = 1024
# Live rows above which searches go through the HNSW graph (the clusterer's exact limit too).
APPROXIMATE_ABOVE = 20_000
# The graph's links per node, candidates while building, and candidates while searching (at
# least k), measured at 100k (module docstring): a build of about 35 s on two cores.
_GRAPH_LINKS, _GRAPH_BUILD_CANDIDATES, _GRAPH_SEARCH_CANDIDATES = 24, 200, 256


class _ReadWriteLock:
    """Many concurrent readers or one writer; waiting writers go first."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writer or self._readers:
                    self._cond.wait()
            finally:
                self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


def _normalise_rows(vectors: np.ndarray) -> np.ndarray:
    norms: np.ndarray = np.linalg.norm(vectors, axis=1, keepdims=True)
    if np.any(norms == 0):
        raise ValueError("cannot index a zero vector: it has no direction")
    normalised: np.ndarray = vectors / norms
    return normalised.astype(np.float32, copy=False)


class _Graph:
    """An hnswlib inner-product graph over unit vectors, labelled by id; not thread-safe (the
    owning index's lock guards it). Removed ids are marked deleted; re-adding one revives it."""

    def __init__(self, dimension: int, capacity: int) -> None:
        self._index = hnswlib.Index(space="ip", dim=dimension)
        self._index.init_index(
            max_elements=max(1, capacity), ef_construction=_GRAPH_BUILD_CANDIDATES, M=_GRAPH_LINKS
        )
        self._index.set_ef(_GRAPH_SEARCH_CANDIDATES)
        self._labels: set[int] = set()  # every label ever added, deleted or not
        self._deleted: set[int] = set()

    def add(self, ids: Sequence[int], rows: np.ndarray, threads: int = 1) -> None:
        new = sum(1 for i in ids if i not in self._labels)
        needed = len(self._labels) + new
        if needed > self._index.get_max_elements():
            self._index.resize_index(max(needed, 2 * self._index.get_max_elements()))
        self._index.add_items(rows, np.asarray(ids, dtype=np.int64), num_threads=threads)
        self._labels.update(ids)
        self._deleted.difference_update(ids)

    def remove(self, ids: Iterable[int]) -> None:
        for key in ids:
            if key in self._labels and key not in self._deleted:
                self._index.mark_deleted(key)
                self._deleted.add(key)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(ids, cosines) of about the k nearest live vectors, nearest first."""
        k = min(k, len(self._labels) - len(self._deleted))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        found, distances = self._index.knn_query(query[None, :], k=k, num_threads=1)
        return found[0].astype(np.int64), (1.0 - distances[0]).astype(np.float32)


class SimilarityIndex:
    """Cosine top-k search over normalised vectors keyed by int ids; thread-safe.

    Exact up to `approximate_above` vectors, through an HNSW graph above it (see the module
    docstring); None keeps every search exact. Mutations take a write lock; searches share a
    read lock, so concurrent searches run in parallel (NumPy and hnswlib release the GIL) and
    never see a half-applied add or remove.
    """

    def __init__(
        self,
        dimension: int = DEFAULT_DIMENSION,
        initial_capacity: int = _INITIAL_CAPACITY,
        approximate_above: int | None = APPROXIMATE_ABOVE,
    ) -> None:
        """Create an empty index for vectors of `dimension` floats."""
        if dimension < 1:
            raise ValueError("dimension must be at least 1")
        self.dimension = dimension
        self.approximate_above = approximate_above
        capacity = max(1, initial_capacity)
        self._vectors = np.zeros((capacity, dimension), dtype=np.float32)
        self._ids = np.zeros(capacity, dtype=np.int64)
        self._positions: dict[int, int] = {}
        self._size = 0
        self._lock = _ReadWriteLock()
        self._graph: _Graph | None = None
        # While a graph is built from a snapshot: the ids changed since, replayed onto it.
        self._changed_while_building: set[int] | None = None
        self._epoch = 0  # bumped by clear(), so a graph built before it is thrown away
        self._builder: threading.Thread | None = None

    def __len__(self) -> int:
        """Number of vectors in the index."""
        with self._lock.read():
            return self._size

    def __contains__(self, item: object) -> bool:
        """Whether an id is in the index."""
        with self._lock.read():
            return item in self._positions

    def __repr__(self) -> str:
        return f"SimilarityIndex(dimension={self.dimension}, size={len(self)})"

    def ids(self) -> list[int]:
        """Return the ids in the index, in no particular order."""
        with self._lock.read():
            ids: list[int] = self._ids[: self._size].tolist()
            return ids

    @property
    def approximate(self) -> bool:
        """Whether searches go through the HNSW graph now (it is built and the index is large)."""
        with self._lock.read():
            return self._uses_graph()

    def _uses_graph(self) -> bool:
        limit = self.approximate_above
        return self._graph is not None and limit is not None and self._size > limit

    def wait_for_graph(self, timeout: float = 300.0) -> bool:
        """Block until a graph being built is in place; whether searches are approximate."""
        thread = self._builder
        if thread is not None:
            thread.join(timeout)
        return self.approximate

    def clear(self) -> None:
        """Remove every vector, keeping the allocated capacity."""
        with self._lock.write():
            self._positions.clear()
            self._size = 0
            self._graph = None
            self._changed_while_building = None
            self._epoch += 1

    def add(self, ids: Sequence[int], vectors: np.ndarray) -> None:
        """Add or replace the vectors of `ids` (row i of `vectors` belongs to ids[i]).

        Vectors are normalised on the way in; within one call a repeated id keeps its last row.
        :raise ValueError: on a shape mismatch, a non-finite value or a zero vector.
        """
        keys = [int(i) for i in ids]
        rows = np.asarray(vectors, dtype=np.float32)
        if rows.ndim != 2 or rows.shape != (len(keys), self.dimension):
            raise ValueError(
                f"expected vectors of shape ({len(keys)}, {self.dimension}), got {rows.shape}"
            )
        if not keys:
            return
        if not np.all(np.isfinite(rows)):
            raise ValueError("vectors contain NaN or infinity")
        last_row = {key: row for row, key in enumerate(keys)}
        if len(last_row) != len(keys):
            keys = list(last_row)
            rows = rows[list(last_row.values())]
        rows = _normalise_rows(rows)
        with self._lock.write():
            positions = np.empty(len(keys), dtype=np.int64)
            new = 0
            for n, key in enumerate(keys):
                position = self._positions.get(key)
                if position is None:
                    position = self._size + new
                    new += 1
                positions[n] = position
            self._reserve(self._size + new)
            self._vectors[positions] = rows
            self._ids[positions] = keys
            for key, position in zip(keys, positions.tolist(), strict=True):
                self._positions[key] = position
            self._size += new
            if self._graph is not None:
                self._graph.add(keys, rows)
            if self._changed_while_building is not None:
                self._changed_while_building.update(keys)
            limit = self.approximate_above
            start = (
                self._graph is None
                and self._changed_while_building is None
                and limit is not None
                and self._size > limit
            )
            if start:
                self._changed_while_building = set()
        if start:
            self._start_building()

    def snapshot(self) -> tuple[list[int], np.ndarray]:
        """A copy of the ids and their unit vectors (row i belongs to ids[i])."""
        with self._lock.read():
            return self._snapshot()

    def _snapshot(self) -> tuple[list[int], np.ndarray]:
        ids: list[int] = self._ids[: self._size].tolist()
        return ids, self._vectors[: self._size].copy()

    def _start_building(self) -> None:
        with self._lock.read():
            epoch = self._epoch
            ids, vectors = self._snapshot()

        def build() -> None:
            try:
                graph = _Graph(self.dimension, 2 * len(ids))
                graph.add(ids, vectors, threads=-1)
            except (RuntimeError, MemoryError):
                with self._lock.write():  # searches stay exact; the next add tries again
                    if epoch == self._epoch:
                        self._changed_while_building = None
                raise
            with self._lock.write():
                if epoch != self._epoch:  # cleared meanwhile: a later build owns the journal
                    return
                changed = self._changed_while_building or set()
                self._changed_while_building = None
                live = [key for key in changed if key in self._positions]
                graph.remove(key for key in changed if key not in self._positions)
                if live:
                    rows = self._vectors[[self._positions[key] for key in live]]
                    graph.add(live, rows)
                self._graph = graph

        self._builder = threading.Thread(target=build, name="similarity-graph", daemon=True)
        self._builder.start()

    def _reserve(self, needed: int) -> None:
        capacity = len(self._ids)
        if needed <= capacity:
            return
        # Doubling keeps add amortised O(1) per vector.
        capacity = max(needed, 2 * capacity)
        vectors = np.zeros((capacity, self.dimension), dtype=np.float32)
        vectors[: self._size] = self._vectors[: self._size]
        ids = np.zeros(capacity, dtype=np.int64)
        ids[: self._size] = self._ids[: self._size]
        self._vectors, self._ids = vectors, ids

    def remove(self, ids: Iterable[int]) -> None:
        """Remove `ids` from the index; ids that are not there are ignored."""
        with self._lock.write():
            for raw in ids:
                position = self._positions.pop(int(raw), None)
                if position is None:
                    continue
                last = self._size - 1
                # Move the last row into the hole so the live rows stay contiguous.
                if position != last:
                    self._vectors[position] = self._vectors[last]
                    moved = int(self._ids[last])
                    self._ids[position] = moved
                    self._positions[moved] = position
                self._size = last
                if self._graph is not None:
                    self._graph.remove([int(raw)])
                if self._changed_while_building is not None:
                    self._changed_while_building.add(int(raw))

    def search(
        self, vector: np.ndarray, k: int = 5, exclude: Collection[int] = (), exact: bool = False
    ) -> list[tuple[int, float]]:
        """Return up to k (id, cosine) pairs most similar to `vector`, best first.

        Ids in `exclude` are never returned; equal scores are ordered by id. Above the limit the
        graph answers, unless `exact`.
        :raise ValueError: if k < 1 or the vector has the wrong shape, is zero or not finite.
        """
        if k < 1:
            raise ValueError("k must be at least 1")
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        if query.shape != (self.dimension,):
            raise ValueError(f"expected a vector of {self.dimension} floats, got {query.shape}")
        if not np.all(np.isfinite(query)):
            raise ValueError("vector contains NaN or infinity")
        query = _normalise_rows(query[None, :])[0]
        with self._lock.read():
            size = self._size
            if size == 0:
                return []
            if not exact and self._graph is not None and self._uses_graph():
                hits = self._graph_search(self._graph, query, k, set(exclude))
                if hits is not None:
                    return hits
            scores = self._vectors[:size] @ query
            excluded = {self._positions[key] for key in exclude if key in self._positions}
            if excluded:
                scores[list(excluded)] = -np.inf
            k = min(k, size - len(excluded))
            if k <= 0:
                return []
            top = np.argpartition(scores, size - k)[size - k :]
            top_ids = self._ids[top]
        order = np.lexsort((top_ids, -scores[top]))
        return [(int(top_ids[i]), float(min(1.0, max(-1.0, scores[top[i]])))) for i in order]

    @staticmethod
    def _graph_search(
        graph: _Graph, query: np.ndarray, k: int, exclude: set[int]
    ) -> list[tuple[int, float]] | None:
        """The graph's answer, best first and ties by id; None if hnswlib cannot give k
        results (a graph left sparse by many removals), when the exact search answers."""
        try:
            found, cosines = graph.search(query, k + len(exclude))
        except RuntimeError:
            return None
        hits = [
            (key, min(1.0, max(-1.0, score)))
            for key, score in zip(found.tolist(), cosines.tolist(), strict=True)
            if key not in exclude
        ]
        hits.sort(key=lambda hit: (-hit[1], hit[0]))
        return hits[:k]

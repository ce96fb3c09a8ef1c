"""An in-memory, exact near-duplicate index of normalised vectors keyed by integer ids.

Search is a NumPy brute force: one float32 matrix-vector product over the live rows, then
`argpartition` for the top k. It is exact, needs no build step, and a row is added or removed in
O(1) (the matrix grows by doubling; removal moves the last row into the hole).

Measured at 100k x 384 on the 2-core box (see bench/speed.py), and rejected:
- hnswlib: recall@5 between 0.07 and 0.80 on random normalised vectors even at ef=400, and 2 to
  6 minutes to build the graph;
- an int8 copy scanned first with exact Cauchy-Schwarz error bounds, then the few candidates
  rescored in float32: exact, but converting int8 to float32 in NumPy costs as much as reading
  the float32 matrix (about 20% less CPU time, often slower wall time), and ONNX Runtime's
  MatMulInteger repacks the matrix on every call, which made it no faster.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

DEFAULT_DIMENSION = 384
_INITIAL_CAPACITY = 1024


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


class SimilarityIndex:
    """Exact cosine top-k search over normalised vectors keyed by int ids; thread-safe.

    Mutations take a write lock; searches share a read lock, so concurrent searches run in
    parallel (NumPy releases the GIL) and never see a half-applied add or remove.
    """

    def __init__(
        self, dimension: int = DEFAULT_DIMENSION, initial_capacity: int = _INITIAL_CAPACITY
    ) -> None:
        """Create an empty index for vectors of `dimension` floats."""
        if dimension < 1:
            raise ValueError("dimension must be at least 1")
        self.dimension = dimension
        capacity = max(1, initial_capacity)
        self._vectors = np.zeros((capacity, dimension), dtype=np.float32)
        self._ids = np.zeros(capacity, dtype=np.int64)
        self._positions: dict[int, int] = {}
        self._size = 0
        self._lock = _ReadWriteLock()

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

    def clear(self) -> None:
        """Remove every vector, keeping the allocated capacity."""
        with self._lock.write():
            self._positions.clear()
            self._size = 0

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

    def search(
        self, vector: np.ndarray, k: int = 5, exclude: Collection[int] = ()
    ) -> list[tuple[int, float]]:
        """Return up to k (id, cosine) pairs most similar to `vector`, best first.

        Ids in `exclude` are never returned; equal scores are ordered by id.
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

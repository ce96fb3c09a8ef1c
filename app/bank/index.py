"""The question index: visible questions' embeddings in memory, synced from the database.

Each process keeps its own copy and brings it up to date from the database at most every
``SYNC_INTERVAL`` seconds, so a question posted through one gunicorn worker is found by another
within seconds.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from flask import Flask, current_app
from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from app.bank.embeddings import blob_to_vector, embedder
from app.db import current_generation, get_engine
from app.insight.embed import warm_up_in_background
from app.insight.index import SimilarityIndex
from models import Question

SYNC_INTERVAL = 2.0
# Rows committed late by a slow transaction can carry an older timestamp than the newest row
# already seen; re-reading this much of the recent past catches them.
SYNC_OVERLAP = timedelta(seconds=30)


@dataclass(frozen=True)
class SimilarHit:
    """A question id found near a text, with its cosine similarity."""

    question_id: int
    score: float


class QuestionIndexStore:
    """Visible questions' embeddings in memory, synced from the database."""

    def __init__(self, engine: Engine, model_name: str) -> None:
        self._engine = engine
        self._model_name = model_name
        self._index = SimilarityIndex()
        self._lock = threading.Lock()
        self._loaded = False
        self._watermark: datetime | None = None  # newest updated_at seen; None: no rows yet
        self._applied: dict[int, datetime] = {}  # rows applied within the overlap window
        self._last_sync = 0.0
        self._generation: int | None = None  # the bank's change counter at the last sync

    def __len__(self) -> int:
        return len(self._index)

    def search(
        self, vector: np.ndarray, k: int = 5, exclude: Iterable[int] = (), exact: bool = False
    ) -> list[SimilarHit]:
        """The k visible questions most similar to a vector, best first; approximate in a large
        bank unless `exact` (see app.insight.index)."""
        self.sync()
        hits = self._index.search(vector, k=k, exclude=set(exclude), exact=exact)
        return [SimilarHit(question_id, score) for question_id, score in hits]

    def wait_for_graph(self, timeout: float = 300.0) -> bool:
        """Block until a graph the index is building is in place (benchmarks and tests);
        whether searches now go through it (see app.insight.index)."""
        return self._index.wait_for_graph(timeout)

    @property
    def approximate(self) -> bool:
        """Whether searches go through the HNSW graph now."""
        return self._index.approximate

    def snapshot(self) -> tuple[list[int], np.ndarray]:
        """A copy of the indexed question ids and their unit vectors."""
        return self._index.snapshot()

    def sync(self, force: bool = False) -> None:
        """Bring the index up to date with the database, at most every SYNC_INTERVAL seconds.

        Nothing is read but the bank's change counter while nobody has written anything since
        the last sync: counting 100k questions on every search costs more than the search.
        """
        now = time.monotonic()
        if not force and now - self._last_sync < SYNC_INTERVAL:
            return
        with self._lock:
            if not force and time.monotonic() - self._last_sync < SYNC_INTERVAL:
                return
            with Session(self._engine) as session:
                # Read first: a commit after this read advances it, and the next sync looks.
                generation = current_generation(session)
                unchanged = generation is not None and generation == self._generation
                if not self._loaded:
                    self._reload(session)
                elif not unchanged:
                    # Rows written since the last sync are read by their timestamps; a row
                    # deleted elsewhere leaves none, and only then does the count differ.
                    self._apply_changes(session)
                    if self._count_differs(session):
                        self._reload(session)
                self._generation = generation
            self._last_sync = time.monotonic()

    def note(self, question: Question, vector: np.ndarray | None = None) -> None:
        """Reflect one question just written by this process, without waiting for a sync.

        ``vector`` saves decoding the stored embedding again when the caller has it at hand.
        """
        if question.hidden or question.embedding is None:
            self._index.remove([question.id])
        elif question.embedding_model == self._model_name:
            if vector is None:
                vector = blob_to_vector(question.embedding)
            self._index.add([question.id], vector[None, :])

    def forget(self, question_ids: list[int]) -> None:
        """Drop questions this process just deleted, without waiting for a sync."""
        self._index.remove(question_ids)

    def _indexable(self) -> tuple[ColumnElement[bool], ...]:
        return (
            Question.hidden.is_(False),
            Question.embedding.is_not(None),
            Question.embedding_model == self._model_name,
        )

    def _count_differs(self, session: Session) -> bool:
        count = session.scalar(select(func.count()).select_from(Question).where(*self._indexable()))
        return count != len(self._index)

    def _reload(self, session: Session) -> None:
        rows = session.execute(
            select(Question.id, Question.embedding, Question.updated_at).where(*self._indexable())
        ).all()
        index = SimilarityIndex()
        if rows:
            vectors = np.frombuffer(b"".join(row.embedding for row in rows), dtype="<f4")
            index.add([row.id for row in rows], vectors.reshape(len(rows), -1))
        self._index = index
        self._watermark = max((row.updated_at for row in rows), default=None)
        horizon = self._watermark - SYNC_OVERLAP if self._watermark is not None else None
        self._applied = {r.id: r.updated_at for r in rows if horizon and r.updated_at >= horizon}
        self._loaded = True

    def _apply_changes(self, session: Session) -> None:
        since = self._watermark - SYNC_OVERLAP if self._watermark is not None else None
        query = select(
            Question.id,
            Question.embedding,
            Question.embedding_model,
            Question.hidden,
            Question.updated_at,
        )
        if since is not None:
            query = query.where(Question.updated_at >= since)
        removed, added, vectors = [], [], []
        for row in session.execute(query):
            # Rows in the overlap window were usually applied by an earlier sync already.
            if self._applied.get(row.id) == row.updated_at:
                continue
            self._applied[row.id] = row.updated_at
            if row.hidden or row.embedding is None or row.embedding_model != self._model_name:
                removed.append(row.id)
            else:
                added.append(row.id)
                vectors.append(row.embedding)
            if self._watermark is None or row.updated_at > self._watermark:
                self._watermark = row.updated_at
        self._index.remove(removed)
        if added:
            matrix = np.frombuffer(b"".join(vectors), dtype="<f4").reshape(len(added), -1)
            self._index.add(added, matrix)
        horizon = self._watermark - SYNC_OVERLAP if self._watermark is not None else None
        if horizon is not None:
            self._applied = {i: t for i, t in self._applied.items() if t >= horizon}


def question_index(app: Flask | None = None) -> QuestionIndexStore:
    """The app's question index, created on first use."""
    app = app or current_app
    store = app.extensions.get("qb.question_index")
    if store is None:
        with _store_lock:
            store = app.extensions.get("qb.question_index")
            if store is None:
                store = QuestionIndexStore(get_engine(app), app.config["EMBEDDING_MODEL"])
                app.extensions["qb.question_index"] = store
    return store


_store_lock = threading.Lock()


def start_warm_up(app: Flask) -> None:
    """Load the model and the question index in the background (served processes only)."""
    warm_up_in_background(embedder(app))
    threading.Thread(
        target=lambda: question_index(app).sync(force=True), name="index-warm-up", daemon=True
    ).start()

"""Stored embeddings: the process's embedder, and embedding questions and datasets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import numpy as np
from flask import Flask, current_app
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.insight.embed import Embedder, get_embedder
from app.insight.match import dataset_text
from app.insight.places import place_spans, without_places
from models import Dataset, Question

Embedded = TypeVar("Embedded", Question, Dataset)

# The vector grouping reads, in a select: the place-neutral one where the text names a place.
GROUPING_VECTOR = func.coalesce(Question.grouping_embedding, Question.embedding)


def vector_to_blob(vector: np.ndarray) -> bytes:
    """Store a vector as little-endian float32 bytes."""
    return np.asarray(vector, dtype="<f4").tobytes()


def blob_to_vector(blob: bytes) -> np.ndarray:
    """Read a vector stored by ``vector_to_blob``."""
    return np.frombuffer(blob, dtype="<f4")


def embedder(app: Flask | None = None) -> Embedder:
    """The process's embedder for the configured model (loaded on first encode)."""
    config = (app or current_app).config
    return get_embedder(config["EMBEDDING_MODEL"], cache_dir=config["MODEL_CACHE_DIR"])


def embed_texts(texts: Sequence[str], app: Flask | None = None) -> np.ndarray:
    """Normalised embeddings of texts with the configured model."""
    return embedder(app).encode(list(texts))


def question_text(question: Question) -> str:
    """What is embedded for a question: the question itself (the action is context, not topic)."""
    return question.text


def encode_questions(
    model: Embedder, texts: Sequence[str]
) -> list[tuple[np.ndarray, np.ndarray | None]]:
    """Each text's embedding and, where it names a place, the embedding of the text with its
    places neutralised (None otherwise), all in one batch."""
    placed = [i for i, text in enumerate(texts) if place_spans(text)]
    vectors = model.encode([*texts, *(without_places(texts[i]) for i in placed)])
    grouping: list[np.ndarray | None] = [None] * len(texts)
    for i, vector in zip(placed, vectors[len(texts) :], strict=True):
        grouping[i] = vector
    return list(zip(vectors[: len(texts)], grouping, strict=True))


def embed_questions(questions: Iterable[Question], app: Flask | None = None) -> None:
    """Compute and set the embeddings of each question (the caller commits)."""
    questions = list(questions)
    if not questions:
        return
    model = embedder(app)
    encoded = encode_questions(model, [question_text(q) for q in questions])
    for question, (vector, grouping) in zip(questions, encoded, strict=True):
        store_vector(question, vector, model.name, grouping)


def store_vector(
    question: Question, vector: np.ndarray, model_name: str, grouping: np.ndarray | None = None
) -> None:
    """Set a question's stored embeddings from vectors already computed for its text."""
    question.embedding = vector_to_blob(vector)
    question.embedding_model = model_name
    question.grouping_embedding = None if grouping is None else vector_to_blob(grouping)


def grouping_vector(question: Question) -> np.ndarray:
    """The vector that places a question in a group (its embedding must be stored)."""
    blob = question.grouping_embedding or question.embedding
    if blob is None:
        raise ValueError(f"question {question.id} has no embedding")
    return blob_to_vector(blob)


def embed_datasets(datasets: Iterable[Dataset], app: Flask | None = None) -> None:
    """Compute and set the embedding of each dataset description (the caller commits)."""
    datasets = list(datasets)
    if not datasets:
        return
    model = embedder(app)
    vectors = model.encode(
        [
            dataset_text(
                d.title, d.description, d.keywords or [], d.variables or [], d.population or ""
            )
            for d in datasets
        ]
    )
    for dataset, vector in zip(datasets, vectors, strict=True):
        dataset.embedding = vector_to_blob(vector)
        dataset.embedding_model = model.name


def embed_pending(
    session: Session,
    app: Flask | None = None,
    batch_size: int = 256,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed every question and dataset whose embedding is missing or from another model.

    Commits after each batch so a long run can be resumed; ``progress`` gets the rows done.
    Returns how many rows were embedded.
    """
    model_name = embedder(app).name
    stale_questions = select(Question).where(
        or_(Question.embedding.is_(None), Question.embedding_model != model_name)
    )
    stale_datasets = select(Dataset).where(
        or_(Dataset.embedding.is_(None), Dataset.embedding_model != model_name)
    )
    done = _embed_in_batches(session, stale_questions, embed_questions, app, batch_size, progress)
    done += _embed_in_batches(session, stale_datasets, embed_datasets, app, batch_size, progress)
    return done


def _embed_in_batches(
    session: Session,
    stale: Select[Embedded],
    embed: Callable[[list[Embedded], Flask | None], None],
    app: Flask | None,
    batch_size: int,
    progress: Callable[[int], None] | None,
) -> int:
    """Embed the rows ``stale`` selects a batch at a time, committing after each batch."""
    done = 0
    while batch := list(session.scalars(stale.limit(batch_size))):
        embed(batch, app)
        session.commit()
        done += len(batch)
        if progress is not None:
            progress(len(batch))
    return done


def count_pending(session: Session, app: Flask | None = None) -> int:
    """How many questions and datasets need (re-)embedding with the configured model."""
    model_name = (app or current_app).config["EMBEDDING_MODEL"]
    return sum(
        session.scalar(
            select(func.count())
            .select_from(model)
            .where(or_(model.embedding.is_(None), model.embedding_model != model_name))
        )
        or 0
        for model in (Question, Dataset)
    )

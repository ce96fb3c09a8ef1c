"""Questions close in meaning to a text or to another question.

Every query here goes through ``readable_by``, so a similar-questions panel never shows a hidden
question or another organisation's private one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.bank.embeddings import blob_to_vector, embed_texts
from app.bank.index import question_index
from app.bank.support import supported_ids
from app.core.policy import readable_by
from app.core.text import squash
from app.questions.rules import TEXT_MIN
from models import Question, User

# Cosine similarity (all-MiniLM-L6-v2) at which another question counts as "similar" while
# asking. Measured on the 282 demo questions, hand-written in families of near-duplicates: at
# 0.55, 93% of questions find at least one neighbour and only 6% of the pairs shown share no
# theme at all (unrelated), against 13% at 0.50 and 20% at 0.45; at 0.60 a quarter of the
# questions find nothing. Showing a near miss costs a glance; missing a duplicate costs a group.
SIMILAR_THRESHOLD = 0.55
SIMILAR_LIMIT = 5
# Extra candidates fetched from the index so that unreadable ones can be dropped.
SIMILAR_OVERFETCH = 4
SIMILAR_MIN_CHARS = TEXT_MIN


@dataclass(frozen=True)
class SimilarQuestion:
    """A readable question close in meaning to a text, with its cosine similarity."""

    question: Question
    score: float
    supported: bool


def similar_to_vector(
    session: Session,
    viewer: User | None,
    vector: np.ndarray,
    limit: int = SIMILAR_LIMIT,
    exclude: Iterable[int] = (),
) -> list[SimilarQuestion]:
    """Readable questions close in meaning to an embedding, best first.

    Exact even in a large bank: a duplicate the graph missed would be a question asked twice.
    """
    found = question_index().search(
        vector, k=limit * SIMILAR_OVERFETCH, exclude=exclude, exact=True
    )
    hits = [hit for hit in found if hit.score >= SIMILAR_THRESHOLD]
    if not hits:
        return []
    readable = {
        question.id: question
        for question in session.scalars(
            select(Question)
            .where(Question.id.in_([hit.question_id for hit in hits]), readable_by(viewer))
            .options(joinedload(Question.cluster))
        )
    }
    kept = [hit for hit in hits if hit.question_id in readable][:limit]
    supported = supported_ids(session, viewer, [hit.question_id for hit in kept])
    return [
        SimilarQuestion(readable[hit.question_id], hit.score, hit.question_id in supported)
        for hit in kept
    ]


def similar_to_text(
    session: Session, viewer: User | None, text: str, limit: int = SIMILAR_LIMIT
) -> list[SimilarQuestion]:
    """Readable questions close in meaning to a text being typed, best first."""
    text = squash(text)
    if len(text) < SIMILAR_MIN_CHARS:
        return []
    return similar_to_vector(session, viewer, embed_texts([text])[0], limit)


def similar_to_question(
    session: Session, viewer: User | None, question: Question, limit: int = SIMILAR_LIMIT
) -> list[SimilarQuestion]:
    """Readable questions close in meaning to a stored question, itself left out."""
    if question.embedding is None:
        return []
    return similar_to_vector(
        session, viewer, blob_to_vector(question.embedding), limit, exclude=[question.id]
    )

"""What the matcher knows of a question group and of a dataset, and how a dataset is embedded.

Profiles are plain values built by the caller (the bank, the bench, tests); `app.insight.match`
re-exports everything here, so callers may import from either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np


def centroid(vectors: np.ndarray) -> np.ndarray:
    """Return the L2-normalised mean of row vectors (a zero vector if they cancel out)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or len(vectors) == 0:
        raise ValueError("centroid() needs a non-empty (n, d) array")
    mean: np.ndarray = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm > 0 else mean


def dataset_text(
    title: str,
    description: str,
    keywords: Sequence[str] = (),
    variables: Sequence[str] = (),
    population: str = "",
) -> str:
    """Return the text to embed for a dataset, so every caller embeds datasets the same way.

    What a dataset measures (its variables) and whom it covers (its population) say as much
    about the questions it could answer as its description; both are optional, so a dataset
    described without them embeds as before.
    """
    text = f"{title.strip()}. {description.strip()}"
    if keywords:
        text += " Keywords: " + ", ".join(keywords) + "."
    if variables:
        text += " Measures: " + ", ".join(variables) + "."
    if population.strip():
        text += f" Covers: {population.strip()}."
    return text


# eq=False: profiles hold arrays, which compare element-wise and cannot be hashed.
@dataclass(frozen=True, eq=False)
class GroupProfile:
    """What matching needs to know about a question group."""

    centroid: np.ndarray
    themes: frozenset[str] = frozenset()
    geographies: frozenset[str] = frozenset()
    keywords: tuple[str, ...] = ()
    # The group's own (public) questions, row for row: ids, unit vectors, places and themes.
    # Optional: without them a match is judged on the centroid and the union of places and
    # themes alone.
    question_ids: tuple[int, ...] = ()
    question_vectors: np.ndarray | None = None
    question_places: tuple[str | None, ...] = ()
    question_themes: tuple[frozenset[str], ...] = ()

    @classmethod
    def from_questions(
        cls,
        question_vectors: np.ndarray,
        themes: Iterable[str] = (),
        geographies: Iterable[str] = (),
        keywords: Iterable[str] = (),
        question_ids: Iterable[int] = (),
        question_places: Iterable[str | None] = (),
        question_themes: Iterable[Iterable[str]] = (),
    ) -> GroupProfile:
        """Build a profile from the group's question embeddings and tags.

        The questions themselves are kept (with their ids, places and themes, row for row, when
        given) so that a match can be judged question by question.
        """
        vectors = np.asarray(question_vectors, dtype=np.float32)
        ids, places = tuple(question_ids), tuple(question_places)
        themes_of = tuple(frozenset(t) for t in question_themes)
        for name, values in (
            ("question_ids", ids),
            ("question_places", places),
            ("question_themes", themes_of),
        ):
            if values and len(values) != len(vectors):
                raise ValueError(f"{name} must have one entry per question vector")
        return cls(
            centroid=centroid(vectors),
            themes=frozenset(themes),
            geographies=frozenset(geographies),
            keywords=tuple(keywords),
            question_ids=ids,
            question_vectors=vectors,
            question_places=places,
            question_themes=themes_of,
        )


@dataclass(frozen=True, eq=False)
class DatasetProfile:
    """What matching needs to know about a dataset (its metadata, never its data)."""

    id: int
    vector: np.ndarray
    themes: frozenset[str] = frozenset()
    geography: str | None = ""
    keywords: tuple[str, ...] = ()
    title: str = ""
    variables: tuple[str, ...] = ()
    unit_of_analysis: str = ""
    population: str = ""
    # The finest geography its figures are broken down to, as written ("local authority and
    # LSOA"); empty: its place is judged on its area alone.
    granularity: str = ""

    @cached_property
    def unit_vector(self) -> np.ndarray:
        """The vector L2-normalised (zero if it is zero)."""
        vector = np.asarray(self.vector, dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        unit: np.ndarray = vector / norm if norm > 0 else np.zeros_like(vector)
        return unit

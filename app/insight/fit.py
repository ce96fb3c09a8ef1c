"""How well a dataset fits each of a group's questions: by meaning, by place, and together.

A group's centroid is only the average of what its members ask. Judged question by question, a
dataset that answers three of twelve questions well is seen as a lead, and a place is judged
for the question that asks about it rather than for the union of the group's places (one
Scottish question does not make Scottish data fit a group of North East questions).

For each (dataset, question) pair:

- meaning: the cosine between the question's and the dataset's embeddings, rescaled like the
  centroid's but on the scale of single questions (`QUESTION_FLOOR`, `QUESTION_CEILING`);
- place: how far the dataset covers the question's place, given the finest geography its
  figures reach (`app.insight.places.place_fit`); unknown where either names no place;
- fit: meaning times place (meaning alone where the place is unknown).

A question is *served* by a dataset when its meaning reaches `SERVES_FROM` and the dataset
covers at least part of its place: what a person would call "could answer this question".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from app.insight.places import canonical_place, place_fit
from app.insight.profiles import DatasetProfile, GroupProfile

# Raw MiniLM cosines between a group's centroid and a dataset description on the bench set
# (bench/match_quality.py prints them): pairs that do not match have a median of 0.22-0.23,
# truly matching ones a 90th percentile of 0.67. The floor is the first, the ceiling the second,
# so an unrelated pair scores about 0 and a typical match about 0.65.
SEMANTIC_FLOOR = 0.23
SEMANTIC_CEILING = 0.67
# One question says less than a group's average, so its cosines with datasets run lower: read
# by the same rule from question-dataset pairs, unrelated ones have a median of 0.17 and truly
# matching ones a 90th percentile of 0.57.
QUESTION_FLOOR = 0.17
QUESTION_CEILING = 0.57
# A question is served when its meaning score is at least this: half way up its scale, a raw
# cosine of 0.37 (the median of truly matching pairs), which nine in ten unrelated
# question-dataset pairs on the bench stay below (their 90th percentile: 0.32).
SERVES_FROM = 0.5
# The questions component is the mean fit of the group's best-fitted questions: this share of
# them, never fewer than BEST_QUESTIONS_MIN (or all, in a smaller group). A dataset that fits a
# third of a group's questions very well is a real lead even if the rest ask something else.
BEST_QUESTIONS_SHARE = 1 / 3
BEST_QUESTIONS_MIN = 2
# Place and theme overlap are judged per question, each question counting by how well the
# dataset fits its meaning; this floor keeps a question it hardly fits from counting for nothing.
_WEIGHT_FLOOR = 0.05


def rescale(
    raw: np.ndarray, floor: float = SEMANTIC_FLOOR, ceiling: float = SEMANTIC_CEILING
) -> np.ndarray:
    """Map raw cosines to [0, 1]: `floor` and below to 0, `ceiling` and above to 1."""
    scaled: np.ndarray = np.clip((np.asarray(raw) - floor) / (ceiling - floor), 0.0, 1.0)
    return scaled


def unit_rows(datasets: Sequence[DatasetProfile]) -> np.ndarray:
    """The datasets' vectors as the L2-normalised rows of one matrix."""
    if len(datasets) == 1:  # one dataset against many groups: normalised once, not per group
        return datasets[0].unit_vector[None, :]
    vectors = np.stack([np.asarray(d.vector, dtype=np.float32) for d in datasets])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return unit


@lru_cache(maxsize=16384)
def named_place(place: str | None) -> str | None:
    """The canonical name of a place, or None for a blank one (which carries no evidence)."""
    return canonical_place(place) if place and place.strip() else None


@dataclass(frozen=True, eq=False)
class QuestionEvidence:
    """Meaning, place and fit of some datasets for each of a group's questions.

    Every matrix has one row per dataset and one column per question of the profile (none when
    the profile does not carry its questions' vectors).
    """

    meaning: np.ndarray
    # NaN where the question or the dataset names no place (or the profile no places).
    place: np.ndarray
    # The distinct places the questions name (canonical, sorted).
    asked_places: tuple[str, ...] = ()

    @cached_property
    def fit(self) -> np.ndarray:
        """Meaning times place; meaning alone where the place is unknown."""
        fit: np.ndarray = self.meaning * np.where(np.isnan(self.place), 1.0, self.place)
        return fit

    @cached_property
    def served(self) -> np.ndarray:
        """Whether each dataset could answer each question (meaning and at least part of its
        place)."""
        served: np.ndarray = (self.meaning >= SERVES_FROM) & ~(self.place == 0.0)
        return served

    def best_questions(self) -> np.ndarray:
        """Each dataset's mean fit over its best-fitted share of the questions (NaN: none)."""
        fit = self.fit
        n = fit.shape[1]
        if n == 0:
            return np.full(fit.shape[0], np.nan)
        k = min(n, max(BEST_QUESTIONS_MIN, math.ceil(n * BEST_QUESTIONS_SHARE)))
        best = -np.partition(-fit, k - 1, axis=1)[:, :k]
        mean: np.ndarray = best.mean(axis=1)
        return mean

    def weighted_mean(self, values: np.ndarray) -> np.ndarray:
        """Each dataset's mean of a per-question score (NaN: no evidence), each question
        counting by how well the dataset fits its meaning; NaN where none gives evidence."""
        if self.meaning.shape == values.shape:
            weights = self.meaning + _WEIGHT_FLOOR
        else:  # no question vectors: every question counts alike
            weights = np.ones_like(values)
        known = ~np.isnan(values)
        total = np.where(known, weights, 0.0).sum(axis=1)
        weighted = np.where(known, values * weights, 0.0).sum(axis=1)
        mean: np.ndarray = np.divide(
            weighted, total, out=np.full(len(values), np.nan), where=total > 0
        )
        return mean


def question_place_index(places: Sequence[str | None]) -> tuple[list[str], np.ndarray]:
    """The distinct named places of some questions (canonical, sorted) and, for each question,
    the position of its place among them (-1 for a question naming none)."""
    distinct, index = _place_index(tuple(places))
    return list(distinct), index


# One dataset is scored against every group when it is described: each group's places are
# indexed once, not once per dataset. The index is read-only, as it is shared.
@lru_cache(maxsize=16384)
def _place_index(places: tuple[str | None, ...]) -> tuple[tuple[str, ...], np.ndarray]:
    named = [named_place(p) for p in places]
    distinct = sorted({p for p in named if p is not None})
    position = {place: i for i, place in enumerate(distinct)}
    index = np.array([-1 if p is None else position[p] for p in named], dtype=np.intp)
    index.setflags(write=False)
    return tuple(distinct), index


def place_matrix(
    group: GroupProfile,
    datasets: Sequence[DatasetProfile],
    places: tuple[list[str], np.ndarray] | None = None,
) -> np.ndarray:
    """How far each dataset covers each question's place, (datasets, questions): 1 covers it,
    `PARTIAL_PLACE` covers part of it or is not broken down as far as it (`place_fit`), 0 not;
    NaN where either names no place. `places` is `question_place_index` of the questions'
    places, when already worked out."""
    distinct, index = places or question_place_index(group.question_places)
    # Judged once per distinct place and distinct (area, granularity), however many questions
    # and datasets share them.
    table = np.full((len(datasets), len(distinct) + 1), np.nan)
    judged: dict[tuple[str, str], np.ndarray] = {}
    for row, dataset in enumerate(datasets):
        area = named_place(dataset.geography)
        if area is None or not distinct:
            continue
        key = (area, dataset.granularity)
        if key not in judged:
            judged[key] = np.array([place_fit(p, area, dataset.granularity) for p in distinct])
        table[row, : len(distinct)] = judged[key]
    # Column -1 of the table (its last) stays NaN: the questions that name no place.
    matrix: np.ndarray = table[:, index]
    return matrix


def question_evidence(
    group: GroupProfile, datasets: Sequence[DatasetProfile], unit_vectors: np.ndarray | None = None
) -> QuestionEvidence:
    """The meaning, place and fit of each dataset for each of the group's questions.

    `unit_vectors` are the datasets' normalised vectors when the caller has them already.
    """
    if unit_vectors is None:
        unit_vectors = unit_rows(datasets) if datasets else np.zeros((0, 0), dtype=np.float32)
    vectors = group.question_vectors
    if vectors is None or len(vectors) == 0 or len(datasets) == 0:
        n = 0 if vectors is None else len(vectors)
        empty = np.zeros((len(datasets), n))
        return QuestionEvidence(empty, np.full(empty.shape, np.nan))
    raw = unit_vectors @ np.asarray(vectors, dtype=np.float32).T
    meaning = rescale(raw, QUESTION_FLOOR, QUESTION_CEILING)
    if len(group.question_places) != meaning.shape[1]:
        return QuestionEvidence(meaning, np.full(meaning.shape, np.nan))
    places = question_place_index(group.question_places)
    return QuestionEvidence(meaning, place_matrix(group, datasets, places), tuple(places[0]))

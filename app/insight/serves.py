"""Which of a group's questions a dataset serves, and its place fit judged question by question.

`app.insight.match` scores a dataset for a group as a whole. People act on questions, so a match
also says which of the group's questions the dataset could help answer: those close enough to
it in meaning (cosine of the two embeddings at least `SERVES_SIMILARITY`) whose place the
dataset's area covers, in full or in part (`place_coverage`). A question without a place, or a
dataset without one, rules nothing out.

The place reason follows the same questions, never the union of the group's places: in a group
of eleven North East questions and one Scottish one, the Scottish House Condition Survey
"Serves 1 of 12 questions (Scotland)"; it is not said to cover the place the North East
questions ask about.

Needs the group profile's `question_ids`, `question_vectors` and `question_places`; a profile
without them keeps the engine's reasons and serves no question by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from app.insight.match import (
    DEFAULT_MIN_SCORE,
    DatasetProfile,
    GroupProfile,
    MatchResult,
    explain,
    rank_datasets,
    score_match,
)
from app.insight.places import UK_WIDE, canonical_place, place_coverage

# Raw MiniLM cosines between one question and one dataset description on bench/data/
# match_eval.json: pairs whose dataset does not serve the question's group have a median of
# 0.18 and a 90th percentile of 0.34; pairs whose dataset does, a median of 0.42. At 0.35, 93%
# of the truly matching (group, dataset) pairs have at least one question this close, and 9% of
# the other question-dataset pairs reach it.
SERVES_SIMILARITY = 0.35
# Places named in a reason before "and N more".
PLACES_NAMED = 3


@dataclass(frozen=True)
class QuestionFit:
    """How a dataset fits a group's questions one by one.

    ``served``: ids of the questions close in meaning whose place it covers, closest first;
    ``covered``: how many questions' places it covers (close in meaning or not); ``total``: how
    many questions the group has; the places are named as a reason shows them.
    """

    served: tuple[int, ...]
    covered: int
    total: int
    served_places: tuple[str, ...]
    asked_places: tuple[str, ...]
    dataset_place: str


@lru_cache(maxsize=8192)
def _place(name: str | None) -> str:
    return canonical_place(name) if name and name.strip() else ""


def _coverage(question_place: str, dataset_place: str) -> float:
    """How much of a question's place the dataset covers; an unknown place rules nothing out."""
    if not question_place or not dataset_place:
        return 1.0
    return place_coverage(question_place, dataset_place)


def _by_count(counts: Counter[str]) -> tuple[str, ...]:
    """The named places counted, the most frequent first (ties alphabetically)."""
    return tuple(sorted((p for p in counts if p), key=lambda place: (-counts[place], place)))


def question_similarities(group: GroupProfile, vector: np.ndarray) -> np.ndarray:
    """Cosine of each of the group's questions with a dataset's (unit) embedding."""
    if group.question_vectors is None or not group.question_ids:
        return np.zeros(0, dtype=np.float32)
    similarities: np.ndarray = np.asarray(group.question_vectors, dtype=np.float32) @ _unit(vector)
    return similarities


def _unit(vector: np.ndarray) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


@dataclass(frozen=True, eq=False)
class _Places:
    """A group's question places judged once for every dataset: the distinct places (as
    written, and canonical), how many questions ask about each, and each question's place."""

    written: tuple[str | None, ...]
    canonical: tuple[str, ...]
    counts: np.ndarray
    index: np.ndarray

    @classmethod
    def of(cls, group: GroupProfile) -> _Places:
        """The places of the group's questions (none named: all unknown)."""
        raw = group.question_places or (None,) * len(group.question_ids)
        position: dict[str | None, int] = {}
        index = np.fromiter(
            (position.setdefault(p, len(position)) for p in raw), dtype=np.intp, count=len(raw)
        )
        written = tuple(position)
        return cls(
            written=written,
            canonical=tuple(_place(p) for p in written),
            counts=np.bincount(index, minlength=len(written)),
            index=index,
        )


def question_fit(
    group: GroupProfile,
    dataset: DatasetProfile,
    similarities: np.ndarray | None = None,
    places: _Places | None = None,
) -> QuestionFit:
    """Which of the group's questions the dataset serves, by meaning and by place.

    ``similarities`` are the questions' cosines with the dataset and ``places`` the group's
    places, when already worked out.
    """
    if similarities is None:
        similarities = question_similarities(group, dataset.vector)
    places = places or _Places.of(group)
    dataset_place = _place(dataset.geography)
    judged = np.array([_coverage(p, dataset_place) for p in places.canonical], dtype=float)
    coverage = judged[places.index]
    cosines = np.asarray(similarities)
    close = np.flatnonzero((cosines >= SERVES_SIMILARITY) & (coverage > 0))
    served = close[np.argsort(-cosines[close], kind="stable")]
    shown: Counter[str] = Counter()
    full = coverage[served] == 1.0
    for chosen, partly in ((full, False), (~full, True)):
        counts = np.bincount(places.index[served[chosen]], minlength=len(places.canonical))
        for position in np.flatnonzero(counts):
            if place := places.canonical[position]:
                shown[_part_of(place) if partly else place] += int(counts[position])
    named: Counter[str] = Counter()
    for place, n in zip(places.canonical, places.counts, strict=True):
        named[place] += int(n)
    return QuestionFit(
        served=tuple(group.question_ids[i] for i in served),
        covered=int(np.count_nonzero(coverage > 0)),
        total=len(group.question_ids),
        served_places=_by_count(shown),
        asked_places=_by_count(named),
        dataset_place=dataset_place,
    )


def _part_of(place: str) -> str:
    """A place the dataset covers only part of, as a reason names it."""
    return "part of the UK" if place == UK_WIDE else f"part of {place}"


def _named(places: Sequence[str]) -> str:
    if len(places) <= PLACES_NAMED:
        return ", ".join(places)
    more = len(places) - PLACES_NAMED
    return f"{', '.join(places[:PLACES_NAMED])} and {more} more place{'' if more == 1 else 's'}"


def _questions(n: int, total: int) -> str:
    return f"{n} of {total} question{'' if total == 1 else 's'}"


def fit_reason(fit: QuestionFit) -> str | None:
    """The reason a match gives for its fit with the group's questions and their places."""
    if not fit.total:
        return None
    if fit.served:
        where = f" ({_named(fit.served_places)})" if fit.served_places and fit.dataset_place else ""
        return f"Serves {_questions(len(fit.served), fit.total)}{where}"
    if not fit.dataset_place or not fit.asked_places:
        return None
    if fit.covered:
        return f"Covers the place of {_questions(fit.covered, fit.total)}, none close in meaning"
    asked = _named(fit.asked_places)
    return f"Covers a different place: {fit.dataset_place} (its questions ask about {asked})"


def with_serves(
    group: GroupProfile,
    dataset: DatasetProfile,
    result: MatchResult,
    similarities: np.ndarray | None = None,
    places: _Places | None = None,
) -> MatchResult:
    """The engine's result with the questions the dataset serves, and its place reason judged
    per question instead of on the union of the group's places."""
    if not group.question_ids:
        return result
    fit = question_fit(group, dataset, similarities, places)
    # What the engine said about place is what its reasons lose without the group's places.
    unplaced = explain(replace(group, geographies=frozenset()), dataset, result.semantic)
    reasons = list(result.reasons)
    at = next((i for i, r in enumerate(reasons) if r not in unplaced), None)
    if at is not None:
        del reasons[at]
    else:  # the engine said nothing of place: say it before the keywords, where it would
        keywords = (i for i, r in enumerate(reasons) if r.startswith("Shared keyword"))
        at = next(keywords, len(reasons))
    reason = fit_reason(fit)
    if reason:
        reasons.insert(at, reason)
    return replace(result, reasons=tuple(reasons), serves_questions=fit.served)


def rank_datasets_serving(
    group: GroupProfile, datasets: Sequence[DatasetProfile], min_score: float = DEFAULT_MIN_SCORE
) -> list[MatchResult]:
    """Every dataset scoring at least ``min_score`` for the group, best first (the engine's
    ranking), each with the questions it serves; the group's questions meet all the matched
    datasets in one matrix product."""
    results = rank_datasets(group, datasets, top_k=len(datasets), min_score=min_score)
    if not results or not group.question_ids or group.question_vectors is None:
        return results
    by_id = {d.id: d for d in datasets}
    matched = [by_id[r.dataset_id] for r in results]
    vectors = np.stack([_unit(d.vector) for d in matched])
    similarities = np.asarray(group.question_vectors, dtype=np.float32) @ vectors.T
    places = _Places.of(group)
    return [
        with_serves(group, dataset, result, similarities[:, column], places)
        for column, (dataset, result) in enumerate(zip(matched, results, strict=True))
    ]


def rank_groups(
    groups: Sequence[GroupProfile], dataset: DatasetProfile, min_score: float = DEFAULT_MIN_SCORE
) -> list[tuple[int, MatchResult]]:
    """The groups one dataset could serve: (position in ``groups``, result) for each scoring at
    least ``min_score``, best first (ties by position), with the questions it serves.

    Each group's score is the engine's own (``score_match``, which ``rank_datasets`` agrees
    with), so the two directions always agree; only the groups it matches have their questions
    compared with it.
    """
    found = [
        (position, with_serves(group, dataset, result))
        for position, group in enumerate(groups)
        if (result := score_match(group, dataset)).score >= min_score
    ]
    found.sort(key=lambda item: (-item[1].score, item[0]))
    return found

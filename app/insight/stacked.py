"""One dataset scored against many groups at once, as ``app.insight.match`` scores it group by
group.

When a dataset is described it is scored against every live group: thousands of groups of a
few questions each. Group by group, the cost is numpy's overhead on arrays of a handful of
rows, paid for each group. Here the groups' questions are stacked into one matrix, so the
dataset's meaning and place for every question come from one product and one lookup, and each
group's means (the theme and geography components, its best-fitted questions) from sums over
its segment of the stack.

The components are those of ``app.insight.match.component_matrix`` to rounding (sums are taken
in another order); a group scoring within ``_BORDER`` of the threshold is scored again group by
group, so what is kept is exactly what ``score_match_from`` keeps. A group whose profile is not
regular (no question vectors, or places or themes not given row for row) is scored group by
group too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.insight.fit import (
    _WEIGHT_FLOOR,
    BEST_QUESTIONS_MIN,
    BEST_QUESTIONS_SHARE,
    QUESTION_CEILING,
    QUESTION_FLOOR,
    QuestionEvidence,
    named_place,
    question_place_index,
    rescale,
)
from app.insight.match import (
    COMPONENTS,
    DEFAULT_WEIGHTS,
    DatasetProfile,
    GroupProfile,
    MatchResult,
    MatchWeights,
    _Asked,
    _components,
    _dataset_tokens,
    _geography_scores,
    _keyword_score,
    _result,
    _theme_score,
    _topic_tokens,
    combine,
)
from app.insight.places import place_fit

# Scores this close to the threshold are checked group by group, so rounding in the stacked
# sums never decides whether a match is kept.
_BORDER = 1e-5


def _regular(group: GroupProfile) -> bool:
    """Whether a group's questions can be stacked: vectors, and places and themes row for row
    (or none at all)."""
    vectors = group.question_vectors
    if vectors is None or len(vectors) == 0:
        return False
    n = len(vectors)
    return len(group.question_places) == n and len(group.question_themes) in (0, n)


@dataclass(frozen=True, eq=False)
class GroupStack:
    """Many groups' profiles with their questions stacked, built once and used for every
    dataset scored against them (``GroupStack.of(groups)``)."""

    groups: tuple[GroupProfile, ...]
    # Positions (in ``groups``) of the regular groups, in stack order, and the others.
    stacked: np.ndarray
    others: tuple[int, ...]
    centroids: np.ndarray  # (stacked groups, d), the regular groups' centroids
    vectors: np.ndarray  # (questions, d), every regular group's questions, group after group
    owner: np.ndarray  # (questions,) each question's group, as a row of ``centroids``
    starts: np.ndarray  # (stacked groups,) where each group's questions start
    counts: np.ndarray  # (stacked groups,) how many questions each has
    best_k: np.ndarray  # (stacked groups,) how many best-fitted questions count
    places: tuple[str, ...]  # the distinct named places of all the questions
    place_of: np.ndarray  # (questions,) position in ``places``, -1 for none
    asked_places: tuple[tuple[str, ...], ...]  # per stacked group, as its evidence has them
    theme_sets: tuple[frozenset[str], ...]  # distinct theme sets of questions
    theme_of: np.ndarray  # (questions,) position in ``theme_sets``, -1: themes by the union
    keyword_tokens: tuple[frozenset[str], ...]  # per stacked group
    # Stacked groups whose themes are judged on their union (no question has themes), and
    # whose places are (no question names one).
    union_themes: tuple[int, ...]
    unplaced: tuple[int, ...]

    @classmethod
    def of(cls, groups: Sequence[GroupProfile]) -> GroupStack:
        """Stack some groups' profiles."""
        groups = tuple(groups)
        stacked = [i for i, g in enumerate(groups) if _regular(g)]
        others = tuple(i for i, g in enumerate(groups) if not _regular(g))
        members = [groups[i] for i in stacked]
        counts = np.array([len(g.question_places) for g in members], dtype=np.intp)
        dim = len(groups[0].centroid) if groups else 0
        vectors = (
            np.concatenate([np.asarray(g.question_vectors, dtype=np.float32) for g in members])
            if members
            else np.zeros((0, dim), dtype=np.float32)
        )
        places: dict[str, int] = {}
        place_of: list[int] = []
        asked: list[tuple[str, ...]] = []
        theme_sets: dict[frozenset[str], int] = {}
        theme_of: list[int] = []
        for group in members:
            distinct, index = question_place_index(group.question_places)
            asked.append(tuple(distinct))
            column = [places.setdefault(p, len(places)) for p in distinct]
            place_of.extend(-1 if i < 0 else column[i] for i in index)
            if any(group.question_themes):
                theme_of.extend(
                    theme_sets.setdefault(t, len(theme_sets)) for t in group.question_themes
                )
            else:
                theme_of.extend([-1] * len(group.question_places))
        return cls(
            groups=groups,
            stacked=np.array(stacked, dtype=np.intp),
            others=others,
            centroids=(
                np.stack([np.asarray(g.centroid, dtype=np.float32) for g in members])
                if members
                else np.zeros((0, dim), dtype=np.float32)
            ),
            vectors=vectors,
            owner=np.repeat(np.arange(len(members)), counts),
            starts=np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp),
            counts=counts,
            best_k=np.minimum(
                counts, np.maximum(BEST_QUESTIONS_MIN, np.ceil(counts * BEST_QUESTIONS_SHARE))
            ).astype(np.intp),
            places=tuple(places),
            place_of=np.array(place_of, dtype=np.intp),
            asked_places=tuple(asked),
            theme_sets=tuple(theme_sets),
            theme_of=np.array(theme_of, dtype=np.intp),
            keyword_tokens=tuple(_topic_tokens(tuple(g.keywords)) for g in members),
            union_themes=tuple(r for r, g in enumerate(members) if not any(g.question_themes)),
            unplaced=tuple(r for r, places in enumerate(asked) if not places),
        )

    def _segment_mean(self, values: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Each group's mean of a per-question value weighted by ``weights``, NaN values left
        out; NaN for a group where none is known."""
        known = ~np.isnan(values)
        n = len(self.counts)
        total = np.bincount(self.owner, np.where(known, weights, 0.0), minlength=n)
        weighted = np.bincount(self.owner, np.where(known, values * weights, 0.0), minlength=n)
        mean: np.ndarray = np.divide(weighted, total, out=np.full(n, np.nan), where=total > 0)
        return mean

    def _best_questions(self, fit: np.ndarray) -> np.ndarray:
        """Each group's mean fit over its best-fitted share of questions."""
        order = np.lexsort((-fit, self.owner))
        rank = np.arange(len(fit)) - self.starts[self.owner[order]]
        taken = order[rank < self.best_k[self.owner[order]]]
        sums = np.bincount(self.owner[taken], fit[taken], minlength=len(self.counts))
        mean: np.ndarray = sums / self.best_k
        return mean

    def _place_column(self, dataset: DatasetProfile) -> np.ndarray:
        """How far the dataset covers each question's place (NaN: either names no place)."""
        area = named_place(dataset.geography)
        table = np.full(len(self.places) + 1, np.nan)  # the last: questions naming no place
        if area is not None:
            table[:-1] = [place_fit(p, area, dataset.granularity) for p in self.places]
        column: np.ndarray = table[self.place_of]
        return column

    def _theme_column(self, dataset: DatasetProfile) -> np.ndarray:
        table = np.array([_theme_score(t, dataset.themes) for t in self.theme_sets] + [np.nan])
        column: np.ndarray = table[self.theme_of]
        return column

    def components(self, dataset: DatasetProfile) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The dataset's components for each stacked group (rows as ``stacked``), with its
        meaning and place for each stacked question."""
        unit = dataset.unit_vector
        meaning = rescale(self.vectors @ unit, QUESTION_FLOOR, QUESTION_CEILING)
        place = self._place_column(dataset)
        weights = meaning + _WEIGHT_FLOOR
        components = np.empty((len(self.counts), len(COMPONENTS)))
        components[:, 0] = rescale(self.centroids @ unit)
        theme = self._segment_mean(self._theme_column(dataset), weights)
        for row in self.union_themes:
            theme[row] = _theme_score(self._group(row).themes, dataset.themes)
        components[:, 1] = theme
        geography = self._segment_mean(place, weights)
        for row in self.unplaced:
            evidence = self._evidence(row, meaning, place)
            geography[row] = _geography_scores(self._group(row), [dataset], evidence)[0]
        components[:, 2] = geography
        tokens = _dataset_tokens(dataset)
        components[:, 3] = [_keyword_score(t, tokens) for t in self.keyword_tokens]
        components[:, 4] = self._best_questions(meaning * np.where(np.isnan(place), 1.0, place))
        return components, meaning, place

    def _group(self, row: int) -> GroupProfile:
        return self.groups[int(self.stacked[row])]

    def _evidence(self, row: int, meaning: np.ndarray, place: np.ndarray) -> QuestionEvidence:
        """One stacked group's evidence for the dataset, cut from the stack."""
        segment = slice(self.starts[row], self.starts[row] + self.counts[row])
        return QuestionEvidence(
            meaning[None, segment], place[None, segment], self.asked_places[row]
        )

    def rank(
        self,
        dataset: DatasetProfile,
        min_score: float,
        weights: MatchWeights = DEFAULT_WEIGHTS,
    ) -> list[tuple[int, MatchResult, QuestionEvidence]]:
        """The groups scoring at least ``min_score`` for the dataset: (position in ``groups``,
        the engine's result, the evidence it was judged on), in no particular order."""
        found: list[tuple[int, MatchResult, QuestionEvidence]] = []
        if len(self.stacked):
            components, meaning, place = self.components(dataset)
            scores = combine(components, weights)
            for row in np.flatnonzero(scores >= min_score - _BORDER).tolist():
                group = self._group(row)
                evidence = self._evidence(row, meaning, place)
                row_components, score = components[row], float(scores[row])
                if abs(score - min_score) < _BORDER:  # decided as the engine decides it
                    exact, evidence = _components(group, [dataset])
                    row_components, score = exact[0], float(combine(exact, weights)[0])
                    if score < min_score:
                        continue
                asked = _Asked.of(group, evidence)
                result = _result(group, asked, dataset, row_components, score, evidence, 0)
                found.append((int(self.stacked[row]), result, evidence))
        for position in self.others:
            group = self.groups[position]
            exact, evidence = _components(group, [dataset])
            score = float(combine(exact, weights)[0])
            if score >= min_score:
                result = _result(
                    group, _Asked.of(group, evidence), dataset, exact[0], score, evidence, 0
                )
                found.append((position, result, evidence))
        return found

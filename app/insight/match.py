"""Match question groups to datasets by meaning, the questions served, themes, places, keywords.

A match score is a weighted mean of five components, each in [0, 1]:

- semantic: cosine between the group's centroid and the dataset's embedding, rescaled so that
  unrelated pairs sit near 0 and same-topic pairs near 1 (see `app.insight.fit.rescale`);
- theme: overlap (Jaccard) of the dataset's theme slugs with each question's, averaged over the
  group's questions, each counting by how well the dataset fits its meaning;
- geography: how far the dataset covers each question's place (and is broken down as far as
  that place: UK-wide figures by region cover a Bradford question only in part), averaged in
  the same way;
- keyword: share of the group's c-TF-IDF keywords, place names aside (places are judged by the
  geography component), found among the words of the dataset's keywords, title, variables,
  unit of analysis and population;
- questions: mean fit (meaning times place) of the group's best-fitted third of questions, so a
  dataset that answers a part of a broad group well counts as a lead.

The per-question components need the questions in the profile (`GroupProfile.question_vectors`,
`question_places`, `question_themes`); without them theme and geography are judged on the union
of the group's themes and places, as they were before the questions were known, and the
questions score is missing.

When one side has nothing to compare (an untagged dataset, a group with no keywords, a profile
without questions) the theme, keyword or questions score is estimated by the semantic score, so
missing metadata neither helps nor hurts; had the missing weight been spread over the other
components instead, an untagged dataset would score highly on geography alone. A missing place
is left out and the remaining weights renormalised. The weights and `DEFAULT_MIN_SCORE` were
chosen on `bench/data/match_eval.json` by `bench/match_quality.py`, which also reports
leave-one-group-out figures for them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from app.insight.fit import SEMANTIC_CEILING as SEMANTIC_CEILING
from app.insight.fit import SEMANTIC_FLOOR as SEMANTIC_FLOOR
from app.insight.fit import (
    QuestionEvidence,
    named_place,
    question_evidence,
    rescale,
    unit_rows,
)

# The places moved to app.insight.places and the profiles to app.insight.profiles; they are
# re-exported here for modules that import them from match.
from app.insight.places import ENGLISH_REGIONS as ENGLISH_REGIONS
from app.insight.places import MULTI_NATION_AREAS as MULTI_NATION_AREAS
from app.insight.places import NATION_OF as NATION_OF
from app.insight.places import NATIONS as NATIONS
from app.insight.places import PARTIAL_PLACE as PARTIAL_PLACE
from app.insight.places import REGION_OF as REGION_OF
from app.insight.places import UK_WIDE as UK_WIDE
from app.insight.places import areas_covering as areas_covering
from app.insight.places import canonical_place as canonical_place
from app.insight.places import is_known_place, place_fit
from app.insight.places import place_coverage as place_coverage
from app.insight.profiles import DatasetProfile as DatasetProfile
from app.insight.profiles import GroupProfile as GroupProfile
from app.insight.profiles import centroid as centroid
from app.insight.profiles import dataset_text as dataset_text
from app.insight.stopwords import COMMON_WORDS

THEME_LABELS: dict[str, str] = {
    "income-benefits": "income and benefits",
    "digital-exclusion": "digital exclusion",
}

_TOKEN = re.compile(r"[a-z0-9]+")


def theme_label(slug: str) -> str:
    """Return the readable name of a theme slug: "income-benefits" -> "income and benefits"."""
    return THEME_LABELS.get(slug, slug.replace("-", " "))


def _singular(token: str) -> str:
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


@lru_cache(maxsize=16384)
def _tokens(text: str) -> frozenset[str]:
    return frozenset(
        _singular(token) for token in _TOKEN.findall(text.lower()) if token not in COMMON_WORDS
    )


@lru_cache(maxsize=16384)
def _tokens_of(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(_tokens(phrase) for phrase in phrases))


@dataclass(frozen=True)
class MatchWeights:
    """Relative weights of the five components; they need not sum to 1.

    `questions` came last, so weights given by position for the first four still mean what
    they did (it then keeps its default).
    """

    semantic: float = 0.15
    theme: float = 0.3
    geography: float = 0.1
    keyword: float = 0.3
    questions: float = 0.15

    def __post_init__(self) -> None:
        values = self.as_array()
        if not np.all(np.isfinite(values)) or np.any(values < 0) or values.sum() <= 0:
            raise ValueError(f"weights must be finite, non-negative and not all zero: {self}")

    def as_array(self) -> np.ndarray:
        """Return the weights as an array in component order."""
        return np.array([getattr(self, name) for name in COMPONENTS], dtype=float)


# The components in column order (of `component_matrix`, `MatchWeights.as_array`).
COMPONENTS = ("semantic", "theme", "geography", "keyword", "questions")
DEFAULT_WEIGHTS = MatchWeights()
# The highest threshold, in steps of 0.05, that keeps 95% of the pairs the bench grades as
# answering a group's questions directly, through the product's own groups.
DEFAULT_MIN_SCORE = 0.3


@dataclass(frozen=True)
class MatchResult:
    """A dataset's match with a group: the score, its components and the reasons for it.

    A component is None when one side had nothing to compare (no themes, no place, no keywords,
    no questions).
    """

    dataset_id: int
    score: float
    reasons: tuple[str, ...]
    semantic: float
    theme: float | None
    geography: float | None
    keyword: float | None
    # Ids of the group's questions this dataset serves (by meaning and place), best first.
    serves_questions: tuple[int, ...] = ()
    questions: float | None = None


def _theme_score(group_themes: frozenset[str], dataset_themes: frozenset[str]) -> float:
    if not group_themes or not dataset_themes:
        return math.nan
    return len(group_themes & dataset_themes) / len(group_themes | dataset_themes)


def _named(places: Iterable[str | None]) -> list[str]:
    return sorted({p for p in map(named_place, places) if p is not None})


def _theme_scores(
    group: GroupProfile, datasets: Sequence[DatasetProfile], evidence: QuestionEvidence
) -> np.ndarray:
    if not any(group.question_themes):
        return np.array([_theme_score(group.themes, d.themes) for d in datasets])
    # Judged once per distinct set of themes, however many questions share it.
    distinct, index = _theme_index(group.question_themes)
    table = np.array([[_theme_score(themes, d.themes) for themes in distinct] for d in datasets])
    return evidence.weighted_mean(table[:, index])


@lru_cache(maxsize=16384)
def _theme_index(
    question_themes: tuple[frozenset[str], ...],
) -> tuple[tuple[frozenset[str], ...], np.ndarray]:
    """The distinct theme sets of a group's questions and each question's position among them:
    worked out once a group, as every dataset described is scored against every group."""
    position: dict[frozenset[str], int] = {}
    index = np.array([position.setdefault(t, len(position)) for t in question_themes])
    index.setflags(write=False)
    return tuple(position), index


def _geography_scores(
    group: GroupProfile, datasets: Sequence[DatasetProfile], evidence: QuestionEvidence
) -> np.ndarray:
    if evidence.asked_places:
        return evidence.weighted_mean(evidence.place)
    places = _named(group.geographies)
    scores = np.full(len(datasets), np.nan)
    for row, dataset in enumerate(datasets):
        area = named_place(dataset.geography)
        if places and area is not None:
            scores[row] = max(place_fit(place, area, dataset.granularity) for place in places)
    return scores


def _keyword_score(group_tokens: frozenset[str], dataset_tokens: frozenset[str]) -> float:
    if not group_tokens or not dataset_tokens:
        return math.nan
    return len(group_tokens & dataset_tokens) / len(group_tokens)


@lru_cache(maxsize=16384)
def _topic_tokens(keywords: tuple[str, ...]) -> frozenset[str]:
    """The words of some keywords, place names left out: a place among a group's keywords
    would judge places again, on the union of the group's places."""
    return frozenset(
        token
        for keyword in keywords
        if not is_known_place(keyword)
        for token in _tokens(keyword)
        if not is_known_place(token)
    )


def _dataset_tokens(dataset: DatasetProfile) -> frozenset[str]:
    """The words that describe a dataset: keywords, title, what it measures, its unit and whom
    it covers."""
    return _tokens_of(
        (
            *dataset.keywords,
            dataset.title,
            *dataset.variables,
            dataset.unit_of_analysis,
            dataset.population,
        )
    )


@dataclass(frozen=True)
class _Asked:
    """What the reasons compare every dataset with, worked out once per group: the distinct
    places asked about, and the keywords other than places with their words."""

    places: list[str]
    keywords: list[str]
    words: frozenset[str]

    @classmethod
    def of(cls, group: GroupProfile, evidence: QuestionEvidence) -> _Asked:
        """What the group asks about."""
        places = list(evidence.asked_places) or _named(group.geographies)
        keywords = [k for k in group.keywords if not is_known_place(k)]
        return cls(places, keywords, _topic_tokens(tuple(keywords)))


def _components(
    group: GroupProfile, datasets: Sequence[DatasetProfile]
) -> tuple[np.ndarray, QuestionEvidence]:
    vectors = unit_rows(datasets)
    evidence = question_evidence(group, datasets, vectors)
    group_tokens = _topic_tokens(tuple(group.keywords))
    components = np.empty((len(datasets), len(COMPONENTS)))
    components[:, 0] = rescale(vectors @ np.asarray(group.centroid, dtype=np.float32))
    components[:, 1] = _theme_scores(group, datasets, evidence)
    components[:, 2] = _geography_scores(group, datasets, evidence)
    components[:, 3] = [_keyword_score(group_tokens, _dataset_tokens(d)) for d in datasets]
    components[:, 4] = evidence.best_questions()
    return components, evidence


def component_matrix(group: GroupProfile, datasets: Sequence[DatasetProfile]) -> np.ndarray:
    """Return each dataset's semantic, theme, geography, keyword and questions scores, one row
    per dataset and one column per component in `COMPONENTS` order (NaN: no evidence)."""
    if not datasets:
        return np.zeros((0, len(COMPONENTS)))
    return _components(group, datasets)[0]


def combine(components: np.ndarray, weights: MatchWeights = DEFAULT_WEIGHTS) -> np.ndarray:
    """Return the weighted mean of each row of `components` (columns as in `component_matrix`).

    A missing theme, keyword or questions score (NaN) is replaced by the row's semantic score;
    a missing geography score is left out and the other weights renormalised. A matrix of the
    first four columns only (as `component_matrix` made before the questions component) is
    combined on those four.
    """
    filled = np.array(components, dtype=float)
    for column in (c for c in (1, 3, 4) if c < filled.shape[1]):
        missing = np.isnan(filled[:, column])
        filled[missing, column] = filled[missing, 0]
    present = ~np.isnan(filled)
    w = np.where(present, weights.as_array()[: filled.shape[1]], 0.0)
    total = w.sum(axis=1)
    weighted = (np.where(present, filled, 0.0) * w).sum(axis=1)
    scores: np.ndarray = np.divide(weighted, total, out=np.zeros_like(weighted), where=total > 0)
    return scores


def _join(items: Sequence[str]) -> str:
    return ", ".join(items)


# Places named in a reason before "and N more".
PLACES_NAMED = 3


def _some(places: Sequence[str]) -> str:
    named = _join(places[:PLACES_NAMED])
    rest = len(places) - PLACES_NAMED
    return f"{named} and {rest} more" if rest > 0 else named


def explain(group: GroupProfile, dataset: DatasetProfile, semantic: float) -> tuple[str, ...]:
    """Return human-readable reasons for a match: meaning, the questions it could answer,
    themes, place, keywords, then what it measures."""
    evidence = question_evidence(group, [dataset])
    return _reasons(group, _Asked.of(group, evidence), dataset, semantic, evidence, 0)


def _reasons(
    group: GroupProfile,
    asked: _Asked,
    dataset: DatasetProfile,
    semantic: float,
    evidence: QuestionEvidence,
    row: int,
) -> tuple[str, ...]:
    reasons: list[str] = []
    if semantic >= 0.5:
        reasons.append(f"Similar in meaning ({semantic:.2f})")
    elif semantic >= 0.2:
        reasons.append(f"Somewhat similar in meaning ({semantic:.2f})")
    served, questions = int(evidence.served[row].sum()), evidence.served.shape[1]
    if questions > 1 and served:
        if served == questions:
            reasons.append(f"Could answer all {questions} of the group's questions")
        else:
            reasons.append(f"Could answer {served} of the group's {questions} questions")
    shared = sorted(group.themes & dataset.themes)
    if shared:
        label = "Shared themes" if len(shared) > 1 else "Shared theme"
        reasons.append(f"{label}: {_join([theme_label(t) for t in shared])}")
    place_reason = _place_reason(asked.places, dataset)
    if place_reason:
        reasons.append(place_reason)
    matched = _shared_keywords(asked.keywords, _tokens_of((*dataset.keywords, dataset.title)))
    if matched:
        reasons.append(f"Shared keywords: {_join(matched[:5])}")
    measures = [v for v in dataset.variables if _tokens(v) & asked.words]
    if measures:
        reasons.append(f"Measures: {_join(measures[:3])}")
    return tuple(reasons)


def _shared_keywords(keywords: Sequence[str], dataset_tokens: frozenset[str]) -> list[str]:
    """Return the group keywords found in the dataset, dropping those a longer one repeats."""
    matched = [k for k in keywords if _tokens(k) and _tokens(k) <= dataset_tokens]
    kept: list[str] = []
    for keyword in sorted(matched, key=lambda k: -len(_tokens(k))):
        if not any(_tokens(keyword) <= _tokens(longer) for longer in kept):
            kept.append(keyword)
    return [k for k in matched if k in kept]


def _place_reason(asked: list[str], dataset: DatasetProfile) -> str | None:
    """Where the dataset's figures reach, against the places the questions ask about."""
    area = named_place(dataset.geography)
    if area is None or not asked:
        return None
    fits = {place: place_fit(place, area, dataset.granularity) for place in asked}
    covered = [p for p in asked if fits[p] == 1.0]
    if len(asked) > 1 and len(covered) == len(asked):
        return f"Covers every place the questions ask about: {area}"
    if len(asked) > 1 and covered:
        which = "" if covered == [area] else f" (for {_some(covered)})"
        share = f"{len(covered)} of the {len(asked)}"
        return f"Covers {share} places the questions ask about: {area}{which}"
    best = max(asked, key=lambda p: (fits[p], p == area))
    if best == area:
        return f"Covers the same place: {area}"
    if fits[best] == 1.0:
        return f"Covers the same place: {area} (group asks about {best})"
    if fits[best] > 0 and place_coverage(best, area) == 1.0:
        return (
            f"Covers the place but not broken down to it: {area} (finest geography:"
            f" {dataset.granularity}; group asks about {best})"
        )
    if fits[best] > 0:
        return f"Covers part of the place: {area} (group asks about {best})"
    return f"Covers a different place: {area} (group asks about {_some(asked)})"


def _result(
    group: GroupProfile,
    asked: _Asked,
    dataset: DatasetProfile,
    components: np.ndarray,
    score: float,
    evidence: QuestionEvidence,
    row: int,
) -> MatchResult:
    def optional(value: float) -> float | None:
        return None if math.isnan(value) else float(value)

    semantic = float(components[0])
    return MatchResult(
        dataset_id=dataset.id,
        score=float(np.clip(score, 0.0, 1.0)),
        reasons=_reasons(group, asked, dataset, semantic, evidence, row),
        semantic=semantic,
        theme=optional(components[1]),
        geography=optional(components[2]),
        keyword=optional(components[3]),
        questions=optional(components[4]),
    )


def score_match(
    group: GroupProfile, dataset: DatasetProfile, weights: MatchWeights = DEFAULT_WEIGHTS
) -> MatchResult:
    """Score how well `dataset` could serve `group`, with the component scores and reasons."""
    result = score_match_from(group, dataset, -math.inf, weights)
    assert result is not None  # every score reaches -inf
    return result


def score_match_from(
    group: GroupProfile,
    dataset: DatasetProfile,
    min_score: float,
    weights: MatchWeights = DEFAULT_WEIGHTS,
) -> MatchResult | None:
    """`score_match`'s result if the score reaches `min_score`, else None; the reasons, which
    cost more than the score, are written only for a match that is kept."""
    components, evidence = _components(group, [dataset])
    score = float(combine(components, weights)[0])
    if score < min_score:
        return None
    asked = _Asked.of(group, evidence)
    return _result(group, asked, dataset, components[0], score, evidence, 0)


def rank_datasets(
    group: GroupProfile,
    datasets: Sequence[DatasetProfile],
    top_k: int = 5,
    min_score: float = DEFAULT_MIN_SCORE,
    weights: MatchWeights = DEFAULT_WEIGHTS,
) -> list[MatchResult]:
    """Return up to `top_k` datasets scoring at least `min_score`, best first (ties by id)."""
    if top_k < 0:
        raise ValueError("top_k must not be negative")
    if not datasets or top_k == 0:
        return []
    components, evidence = _components(group, datasets)
    scores = combine(components, weights)
    ids = np.array([d.id for d in datasets])
    order = np.lexsort((ids, -scores))
    asked = _Asked.of(group, evidence)
    return [
        _result(group, asked, datasets[i], components[i], scores[i], evidence, i)
        for i in order[:top_k]
        if scores[i] >= min_score
    ]

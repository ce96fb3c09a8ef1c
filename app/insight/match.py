"""Match question groups to datasets by meaning, shared themes, places and keywords.

A match score is a weighted mean of four components, each in [0, 1]:

- semantic: cosine between the group's centroid and the dataset's embedding, rescaled so that
  unrelated pairs sit near 0 and same-topic pairs near 1 (see `SEMANTIC_FLOOR`);
- theme: overlap of the group's and the dataset's theme slugs;
- geography: whether the dataset's area covers a place the group asks about;
- keyword: overlap of the group's c-TF-IDF keywords with the dataset's keywords and title.

When one side has nothing to compare (an untagged dataset, a group with no keywords) the theme
or keyword score is estimated by the semantic score, so missing metadata neither helps nor
hurts; had the missing weight been spread over the other components instead, an untagged
dataset would score highly on geography alone. A missing place is left out and the remaining
weights renormalised. The weights, the semantic rescaling and `DEFAULT_MIN_SCORE` were chosen on
`bench/data/match_eval.json` by `bench/match_quality.py`, which also reports leave-one-group-out
figures for them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# The places moved to app.insight.places; they are re-exported here for modules that still
# import them from match.
from app.insight.places import ENGLISH_REGIONS as ENGLISH_REGIONS
from app.insight.places import MULTI_NATION_AREAS as MULTI_NATION_AREAS
from app.insight.places import NATION_OF as NATION_OF
from app.insight.places import NATIONS as NATIONS
from app.insight.places import PARTIAL_PLACE as PARTIAL_PLACE
from app.insight.places import REGION_OF as REGION_OF
from app.insight.places import UK_WIDE as UK_WIDE
from app.insight.places import areas_covering as areas_covering
from app.insight.places import canonical_place as canonical_place
from app.insight.places import place_coverage as place_coverage
from app.insight.stopwords import COMMON_WORDS

# Raw MiniLM cosines between a group centroid and a dataset description on the bench set: pairs
# that do not match have a median of 0.23 (90% below 0.38), truly matching ones a median of 0.52
# (90% above 0.36). The floor is the first median, the ceiling the 90th percentile of matching
# pairs, so a typical match scores about 0.65 and a typical non-match 0.
SEMANTIC_FLOOR = 0.23
SEMANTIC_CEILING = 0.67

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
    # The group's own (public) questions, row for row: ids, unit vectors and places. Optional:
    # without them a match is judged on the centroid and the union of places alone.
    question_ids: tuple[int, ...] = ()
    question_vectors: np.ndarray | None = None
    question_places: tuple[str | None, ...] = ()

    @classmethod
    def from_questions(
        cls,
        question_vectors: np.ndarray,
        themes: Iterable[str] = (),
        geographies: Iterable[str] = (),
        keywords: Iterable[str] = (),
    ) -> GroupProfile:
        """Build a profile from the group's question embeddings and tags."""
        vectors = np.asarray(question_vectors, dtype=np.float32)
        return cls(
            centroid=centroid(vectors),
            themes=frozenset(themes),
            geographies=frozenset(geographies),
            keywords=tuple(keywords),
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


@dataclass(frozen=True)
class MatchWeights:
    """Relative weights of the four components; they need not sum to 1."""

    semantic: float = 0.35
    theme: float = 0.15
    geography: float = 0.2
    keyword: float = 0.35

    def __post_init__(self) -> None:
        values = self.as_array()
        if not np.all(np.isfinite(values)) or np.any(values < 0) or values.sum() <= 0:
            raise ValueError(f"weights must be finite, non-negative and not all zero: {self}")

    def as_array(self) -> np.ndarray:
        """Return the weights as an array in component order."""
        return np.array([self.semantic, self.theme, self.geography, self.keyword], dtype=float)


DEFAULT_WEIGHTS = MatchWeights()
# The highest threshold, in steps of 0.05, that keeps 95% of the truly matching pairs on the bench.
DEFAULT_MIN_SCORE = 0.35


@dataclass(frozen=True)
class MatchResult:
    """A dataset's match with a group: the score, its components and the reasons for it.

    A component is None when one side had nothing to compare (no themes, no place, no keywords).
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


def _semantic_scores(group: GroupProfile, vectors: np.ndarray) -> np.ndarray:
    raw = vectors @ np.asarray(group.centroid, dtype=np.float32)
    return np.clip((raw - SEMANTIC_FLOOR) / (SEMANTIC_CEILING - SEMANTIC_FLOOR), 0.0, 1.0)


def _theme_score(group_themes: frozenset[str], dataset_themes: frozenset[str]) -> float:
    if not group_themes or not dataset_themes:
        return math.nan
    return len(group_themes & dataset_themes) / len(group_themes | dataset_themes)


def _named(places: Iterable[str | None]) -> list[str]:
    # Questions and datasets without a place reach us as None or "": they carry no evidence.
    return sorted({canonical_place(p) for p in places if p and p.strip()})


def _geography_score(geographies: frozenset[str], dataset_place: str | None) -> float:
    places = _named(geographies)
    if not places or not _named([dataset_place]):
        return math.nan
    return max(place_coverage(place, dataset_place) for place in places)


def _keyword_score(group_tokens: frozenset[str], dataset_tokens: frozenset[str]) -> float:
    if not group_tokens or not dataset_tokens:
        return math.nan
    return len(group_tokens & dataset_tokens) / len(group_tokens)


def _dataset_tokens(dataset: DatasetProfile) -> frozenset[str]:
    return _tokens_of((*dataset.keywords, dataset.title))


def component_matrix(group: GroupProfile, datasets: Sequence[DatasetProfile]) -> np.ndarray:
    """Return each dataset's semantic, theme, geography and keyword scores (NaN: no evidence)."""
    if not datasets:
        return np.zeros((0, 4))
    vectors = np.stack([np.asarray(d.vector, dtype=np.float32) for d in datasets])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    group_tokens = _tokens_of(tuple(group.keywords))
    components = np.empty((len(datasets), 4))
    components[:, 0] = _semantic_scores(group, vectors)
    for row, dataset in enumerate(datasets):
        components[row, 1] = _theme_score(group.themes, dataset.themes)
        components[row, 2] = _geography_score(group.geographies, dataset.geography)
        components[row, 3] = _keyword_score(group_tokens, _dataset_tokens(dataset))
    return components


def combine(components: np.ndarray, weights: MatchWeights = DEFAULT_WEIGHTS) -> np.ndarray:
    """Return the weighted mean of each row of `components` (columns as in `component_matrix`).

    A missing theme or keyword score (NaN) is replaced by the row's semantic score; a missing
    geography score is left out and the other weights renormalised.
    """
    filled = np.array(components, dtype=float)
    for column in (1, 3):
        missing = np.isnan(filled[:, column])
        filled[missing, column] = filled[missing, 0]
    present = ~np.isnan(filled)
    w = np.where(present, weights.as_array(), 0.0)
    total = w.sum(axis=1)
    weighted = (np.where(present, filled, 0.0) * w).sum(axis=1)
    scores: np.ndarray = np.divide(weighted, total, out=np.zeros_like(weighted), where=total > 0)
    return scores


def _join(items: Sequence[str]) -> str:
    return ", ".join(items)


def explain(group: GroupProfile, dataset: DatasetProfile, semantic: float) -> tuple[str, ...]:
    """Return human-readable reasons for a match: meaning, themes, place, then keywords."""
    reasons: list[str] = []
    if semantic >= 0.5:
        reasons.append(f"Similar in meaning ({semantic:.2f})")
    elif semantic >= 0.2:
        reasons.append(f"Somewhat similar in meaning ({semantic:.2f})")
    shared = sorted(group.themes & dataset.themes)
    if shared:
        label = "Shared themes" if len(shared) > 1 else "Shared theme"
        reasons.append(f"{label}: {_join([theme_label(t) for t in shared])}")
    place_reason = _place_reason(group.geographies, dataset.geography)
    if place_reason:
        reasons.append(place_reason)
    matched = _shared_keywords(group.keywords, _dataset_tokens(dataset))
    if matched:
        reasons.append(f"Shared keywords: {_join(matched[:5])}")
    return tuple(reasons)


def _shared_keywords(keywords: Sequence[str], dataset_tokens: frozenset[str]) -> list[str]:
    """Return the group keywords found in the dataset, dropping those a longer one repeats."""
    matched = [k for k in keywords if _tokens(k) and _tokens(k) <= dataset_tokens]
    kept: list[str] = []
    for keyword in sorted(matched, key=lambda k: -len(_tokens(k))):
        if not any(_tokens(keyword) <= _tokens(longer) for longer in kept):
            kept.append(keyword)
    return [k for k in matched if k in kept]


def _place_reason(geographies: frozenset[str], dataset_place: str | None) -> str | None:
    places, named = _named(geographies), _named([dataset_place])
    if not places or not named:
        return None
    dataset_place = named[0]
    best = max(places, key=lambda p: (place_coverage(p, dataset_place), p == dataset_place))
    coverage = place_coverage(best, dataset_place)
    if best == dataset_place:
        return f"Covers the same place: {dataset_place}"
    if coverage == 1.0:
        return f"Covers the same place: {dataset_place} (group asks about {best})"
    if coverage > 0:
        return f"Covers part of the place: {dataset_place} (group asks about {best})"
    return f"Covers a different place: {dataset_place} (group asks about {_join(places)})"


def _result(
    group: GroupProfile, dataset: DatasetProfile, components: np.ndarray, score: float
) -> MatchResult:
    def optional(value: float) -> float | None:
        return None if math.isnan(value) else float(value)

    semantic = float(components[0])
    return MatchResult(
        dataset_id=dataset.id,
        score=float(np.clip(score, 0.0, 1.0)),
        reasons=explain(group, dataset, semantic),
        semantic=semantic,
        theme=optional(components[1]),
        geography=optional(components[2]),
        keyword=optional(components[3]),
    )


def score_match(
    group: GroupProfile, dataset: DatasetProfile, weights: MatchWeights = DEFAULT_WEIGHTS
) -> MatchResult:
    """Score how well `dataset` could serve `group`, with the component scores and reasons."""
    components = component_matrix(group, [dataset])
    return _result(group, dataset, components[0], float(combine(components, weights)[0]))


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
    components = component_matrix(group, datasets)
    scores = combine(components, weights)
    ids = np.array([d.id for d in datasets])
    order = np.lexsort((ids, -scores))
    return [
        _result(group, datasets[i], components[i], scores[i])
        for i in order[:top_k]
        if scores[i] >= min_score
    ]

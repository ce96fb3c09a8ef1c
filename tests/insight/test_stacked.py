"""Tests for scoring one dataset against many groups at once (app/insight/stacked.py): it must
keep exactly the groups, scores, reasons and served questions the engine gives group by group."""

from __future__ import annotations

import math
from itertools import combinations

import numpy as np
import pytest

from app.insight.match import (
    DatasetProfile,
    GroupProfile,
    dataset_text,
    score_match,
    score_match_from,
)
from app.insight.serves import rank_groups, with_serves
from app.insight.stacked import GroupStack

QUESTIONS = [
    ("How many private renters in the North East live in damp, mouldy homes?", "North East"),
    ("Are damp and mould in rented homes making children ill in Newcastle?", "Newcastle"),
    ("How many homes in Scotland have condensation, rising damp or mould?", "Scotland"),
    ("How do people in damp homes get repairs done?", None),
    ("How many families in Bradford used a food bank last winter?", "Bradford"),
    ("Are older people in Cornwall skipping meals to pay for heating?", "Cornwall"),
    ("Which food banks in Wales have seen demand rise since the cost of living crisis?", "Wales"),
    ("How many households cut back on food to pay energy bills?", None),
    ("How long do families wait in temporary accommodation in London?", "London"),
    ("Why are bus fares stopping job seekers from reaching interviews?", "North West"),
]
THEMES = [
    "housing",
    "health",
    "housing",
    "housing",
    "food",
    "energy",
    "food",
    "energy",
    "housing",
    None,
]
DATASETS = [
    (
        "Scottish House Condition Survey",
        "Condition of Scotland's homes: damp and mould.",
        "Scotland",
        "",
        {"housing"},
    ),
    (
        "English Housing Survey",
        "Damp, mould and disrepair in England by tenure.",
        "England",
        "region",
        {"housing"},
    ),
    (
        "Food bank parcels",
        "Emergency food parcels given by food banks, by local authority.",
        "United Kingdom",
        "local authority",
        {"food"},
    ),
    (
        "Family Resources Survey",
        "Household income, benefits and food insecurity.",
        "United Kingdom",
        "region",
        set(),
    ),
    (
        "Local bus statistics",
        "Passenger journeys, fares and concessionary travel.",
        "",
        "",
        {"transport"},
    ),
    (
        "Fuel poverty statistics",
        "Households in fuel poverty by local authority.",
        "England",
        "local authority",
        {"energy", "housing"},
    ),
]


@pytest.fixture(scope="module")
def vectors(embedder) -> np.ndarray:
    return embedder.encode([text for text, _ in QUESTIONS])


@pytest.fixture(scope="module")
def datasets(embedder) -> list[DatasetProfile]:
    embedded = embedder.encode([dataset_text(t, d) for t, d, _, _, _ in DATASETS])
    return [
        DatasetProfile(
            id=i + 1,
            vector=v,
            themes=frozenset(themes),
            geography=place,
            granularity=granularity,
            title=title,
            keywords=tuple(title.lower().split()[:2]),
        )
        for i, ((title, _, place, granularity, themes), v) in enumerate(
            zip(DATASETS, embedded, strict=True)
        )
    ]


def _group(vectors: np.ndarray, rows: tuple[int, ...], variant: int) -> GroupProfile:
    """A group of some questions; variants leave out the questions' themes, or their places,
    or give no questions at all (profiles the stack cannot hold)."""
    places = tuple(QUESTIONS[r][1] for r in rows)
    themes = tuple(frozenset({THEMES[r]} - {None}) for r in rows)
    profile = GroupProfile.from_questions(
        vectors[list(rows)],
        themes=frozenset().union(*themes),
        geographies=frozenset(p for p in places if p),
        keywords=tuple(QUESTIONS[rows[0]][0].lower().split()[2:5]),
        question_ids=tuple(100 + r for r in rows),
        question_places=places if variant != 2 else tuple(None for _ in rows),
        question_themes=themes if variant != 1 else (),
    )
    if variant == 3:
        return GroupProfile(profile.centroid, profile.themes, profile.geographies, profile.keywords)
    return profile


@pytest.fixture(scope="module")
def groups(vectors) -> list[GroupProfile]:
    subsets = [c for n in (1, 2, 3, 5) for c in combinations(range(len(QUESTIONS)), n)][::7]
    return [_group(vectors, rows, i % 4) for i, rows in enumerate(subsets)]


def _one_by_one(groups, dataset, min_score):
    found = []
    for position, group in enumerate(groups):
        result = score_match_from(group, dataset, min_score)
        if result is not None:
            found.append((position, with_serves(group, dataset, result)))
    found.sort(key=lambda item: (-item[1].score, item[0]))
    return found


@pytest.mark.parametrize("min_score", [-math.inf, 0.2, 0.3, 0.45])
def test_all_at_once_keeps_what_the_engine_keeps_group_by_group(groups, datasets, min_score):
    assert len(groups) > 60
    stack = GroupStack.of(groups)
    assert 0 < len(stack.others) < len(groups)  # both paths are exercised
    for dataset in datasets:
        expected = _one_by_one(groups, dataset, min_score)
        found = rank_groups(stack, dataset, min_score)
        # Ties are broken by position; scores equal to rounding may come in either order.
        scores = [result.score for _, result in found]
        assert scores == sorted(scores, reverse=True)
        mine, theirs = dict(found), dict(expected)
        assert mine.keys() == theirs.keys()
        for position, result in theirs.items():
            assert mine[position].score == pytest.approx(result.score, abs=1e-6)
            for name in ("semantic", "theme", "geography", "keyword", "questions"):
                assert getattr(mine[position], name) == pytest.approx(
                    getattr(result, name), abs=1e-6, nan_ok=True
                )
            assert mine[position].reasons == result.reasons
            assert mine[position].serves_questions == result.serves_questions


def test_a_group_exactly_at_the_threshold_is_kept_as_the_engine_keeps_it(groups, datasets):
    dataset = datasets[0]
    score = score_match(groups[0], dataset).score
    kept = rank_groups(groups, dataset, min_score=score)
    assert 0 in [p for p, _ in kept]
    assert 0 not in [p for p, _ in rank_groups(groups, dataset, min_score=score + 1e-9)]


def test_no_groups_keep_nothing(datasets):
    assert rank_groups([], datasets[0]) == []

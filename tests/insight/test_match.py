"""Tests for matching question groups to datasets (app/insight/match.py)."""

from __future__ import annotations

import numpy as np
import pytest

from app.insight.match import (
    DEFAULT_MIN_SCORE,
    DatasetProfile,
    GroupProfile,
    MatchWeights,
    areas_covering,
    canonical_place,
    centroid,
    combine,
    dataset_text,
    place_coverage,
    rank_datasets,
    score_match,
    theme_label,
)

FOOD_BANK = 1
BUS = 2
SCOTTISH_FUEL = 3
WELSH_FUEL = 4
UK_BENEFITS = 5

DATASETS = {
    FOOD_BANK: (
        "Food bank parcels and referral reasons by local authority",
        "Emergency food parcels given out by food bank centres, with the number going to "
        "children, by local authority and month. Each referral records why the household "
        "needed help, such as benefit delays, deductions, low income or debt.",
        ("food", "income-benefits"),
        "North East",
        ("food bank", "emergency food parcels", "referrals", "benefit delays"),
    ),
    BUS: (
        "Local bus statistics: journeys, fares and services",
        "Annual statistics on local bus passenger journeys, vehicle miles run, the fares index "
        "and concessionary travel by local authority.",
        ("transport",),
        "England",
        ("bus journeys", "bus fares", "concessionary travel"),
    ),
    SCOTTISH_FUEL: (
        "Scottish House Condition Survey: fuel poverty",
        "Annual survey of Scottish homes reporting fuel poverty and extreme fuel poverty, "
        "energy efficiency ratings, damp and disrepair, by tenure and local authority.",
        ("energy", "housing"),
        "Scotland",
        ("fuel poverty", "energy efficiency", "damp"),
    ),
    WELSH_FUEL: (
        "Welsh fuel poverty estimates",
        "Modelled estimates of households in fuel poverty in Wales, updated for energy price "
        "changes, with homes improved under the national energy efficiency scheme.",
        ("energy", "housing"),
        "Wales",
        ("fuel poverty", "insulation", "energy efficiency"),
    ),
    UK_BENEFITS: (
        "Family Resources Survey",
        "Annual survey of private households across the UK collecting income from all sources, "
        "benefit receipt, housing costs, and household food security including food bank use.",
        ("income-benefits", "food", "housing"),
        "UK-wide",
        ("household income", "benefit receipt", "food security", "food bank use"),
    ),
}

FOOD_QUESTIONS = [
    "Why are more families in Newcastle being referred to the food bank?",
    "Are benefit delays the main reason people need emergency food parcels?",
    "How many children in Newcastle received food bank parcels last winter?",
]
WALES_QUESTIONS = [
    "How many households in Wales are in fuel poverty since energy prices went up?",
    "Are insulation grants reaching the coldest homes in Wales?",
]


@pytest.fixture(scope="module")
def datasets(embedder) -> list[DatasetProfile]:
    texts = [dataset_text(title, text, kws) for title, text, _, _, kws in DATASETS.values()]
    vectors = embedder.encode(texts)
    return [
        DatasetProfile(
            id=dataset_id,
            vector=vector,
            themes=frozenset(themes),
            geography=place,
            keywords=keywords,
            title=title,
        )
        for (dataset_id, (title, _, themes, place, keywords)), vector in zip(
            DATASETS.items(), vectors, strict=True
        )
    ]


@pytest.fixture(scope="module")
def food_group(embedder) -> GroupProfile:
    return GroupProfile.from_questions(
        embedder.encode(FOOD_QUESTIONS),
        themes=["food", "income-benefits"],
        geographies=["Newcastle upon Tyne"],
        keywords=["food bank", "newcastle", "parcels", "benefit delays", "children"],
    )


@pytest.fixture(scope="module")
def wales_group(embedder) -> GroupProfile:
    return GroupProfile.from_questions(
        embedder.encode(WALES_QUESTIONS),
        themes=["energy", "housing"],
        geographies=["Wales"],
        keywords=["fuel poverty", "wales", "insulation", "energy prices"],
    )


def by_id(datasets: list[DatasetProfile], dataset_id: int) -> DatasetProfile:
    return next(d for d in datasets if d.id == dataset_id)


def test_food_bank_group_prefers_food_bank_data_to_bus_statistics(food_group, datasets):
    ranked = [r.dataset_id for r in rank_datasets(food_group, datasets, top_k=5, min_score=0)]
    assert ranked[0] == FOOD_BANK
    assert ranked.index(FOOD_BANK) < ranked.index(BUS)
    food = score_match(food_group, by_id(datasets, FOOD_BANK))
    bus = score_match(food_group, by_id(datasets, BUS))
    assert food.score > bus.score + 0.3
    assert food.semantic > bus.semantic


def test_reasons_name_shared_themes_place_and_keywords(food_group, datasets):
    reasons = score_match(food_group, by_id(datasets, FOOD_BANK)).reasons
    assert any(r.startswith("Similar in meaning (") for r in reasons)
    assert "Shared themes: food, income and benefits" in reasons
    assert "Covers the same place: North East (group asks about Newcastle upon Tyne)" in reasons
    keywords = next(r for r in reasons if r.startswith("Shared keywords: "))
    assert "food bank" in keywords
    assert "benefit delays" in keywords


def test_uk_wide_dataset_covers_a_local_group(food_group, datasets):
    result = score_match(food_group, by_id(datasets, UK_BENEFITS))
    assert result.geography == 1.0
    assert "Covers the same place: UK-wide (group asks about Newcastle upon Tyne)" in result.reasons


def test_scotland_only_dataset_does_not_cover_a_wales_group(wales_group, datasets):
    scottish = score_match(wales_group, by_id(datasets, SCOTTISH_FUEL))
    welsh = score_match(wales_group, by_id(datasets, WELSH_FUEL))
    assert scottish.geography == 0.0
    assert "Covers a different place: Scotland (group asks about Wales)" in scottish.reasons
    assert welsh.geography == 1.0
    assert welsh.score > scottish.score
    ranked = [r.dataset_id for r in rank_datasets(wales_group, datasets, min_score=0)]
    assert ranked[0] == WELSH_FUEL


def test_scores_and_components_lie_in_unit_interval(food_group, wales_group, datasets):
    for group in (food_group, wales_group):
        for result in rank_datasets(group, datasets, top_k=len(datasets), min_score=0):
            values = [result.score, result.semantic, result.theme, result.geography]
            assert all(0.0 <= v <= 1.0 for v in [*values, result.keyword])


def test_empty_dataset_list_gives_no_matches(food_group):
    assert rank_datasets(food_group, []) == []


def test_top_k_and_min_score_are_respected(food_group, datasets):
    assert len(rank_datasets(food_group, datasets, top_k=2, min_score=0)) == 2
    assert rank_datasets(food_group, datasets, top_k=0) == []
    kept = rank_datasets(food_group, datasets, top_k=5, min_score=DEFAULT_MIN_SCORE)
    assert all(r.score >= DEFAULT_MIN_SCORE for r in kept)
    assert BUS not in [r.dataset_id for r in kept]
    with pytest.raises(ValueError):
        rank_datasets(food_group, datasets, top_k=-1)


def test_ranking_is_deterministic_and_agrees_with_score_match(food_group, datasets):
    first = rank_datasets(food_group, datasets, top_k=5, min_score=0)
    assert rank_datasets(food_group, datasets, top_k=5, min_score=0) == first
    reordered = rank_datasets(food_group, list(reversed(datasets)), top_k=5, min_score=0)
    assert [r.dataset_id for r in reordered] == [r.dataset_id for r in first]
    for result in first:
        alone = score_match(food_group, by_id(datasets, result.dataset_id))
        assert alone.score == pytest.approx(result.score, abs=1e-6)
        assert alone.reasons == result.reasons


# Pure parts: no model needed.


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.mark.parametrize(
    ("group_place", "dataset_place", "expected"),
    [
        ("Newcastle upon Tyne", "Newcastle upon Tyne", 1.0),
        ("Newcastle upon Tyne", "North East", 1.0),
        ("Newcastle", "England", 1.0),
        ("Bradford", "Yorkshire and the Humber", 1.0),
        ("Tower Hamlets", "London", 1.0),
        ("Glasgow City", "Scotland", 1.0),
        ("Cardiff", "Great Britain", 1.0),
        ("Swansea", "England and Wales", 1.0),
        ("Belfast", "UK-wide", 1.0),
        ("Belfast", "Great Britain", 0.0),
        ("Highland", "England and Wales", 0.0),
        ("Cornwall", "North East", 0.0),
        ("Wales", "Scotland", 0.0),
        ("England", "Bradford", 0.5),
        ("UK-wide", "Scotland", 0.5),
        ("Atlantis", "Atlantis", 1.0),
        ("Atlantis", "England", 0.0),
        ("Atlantis", "UK-wide", 1.0),
    ],
)
def test_place_coverage(group_place, dataset_place, expected):
    assert place_coverage(group_place, dataset_place) == expected


def test_place_names_are_canonicalised():
    assert canonical_place("newcastle") == "Newcastle upon Tyne"
    assert canonical_place(" Hull ") == "Kingston upon Hull"
    assert canonical_place("Derry and Strabane") == "Derry City and Strabane"
    assert canonical_place("Somewhere Else") == "Somewhere Else"
    assert areas_covering("Leeds") == {
        "Leeds",
        "West Yorkshire",
        "Yorkshire and the Humber",
        "England",
        "England and Wales",
        "Great Britain",
        "UK-wide",
    }


def test_theme_labels_are_readable():
    assert theme_label("income-benefits") == "income and benefits"
    assert theme_label("food") == "food"
    assert theme_label("mental-health") == "mental health"


def test_centroid_is_normalised_mean():
    assert np.allclose(centroid(np.stack([unit(1, 0), unit(0, 1)])), unit(1, 1))
    with pytest.raises(ValueError):
        centroid(np.zeros((0, 3)))


def test_untagged_unrelated_dataset_does_not_pass_on_place_alone():
    group = GroupProfile(unit(1, 0), frozenset({"food"}), frozenset({"Leeds"}), ("food bank",))
    untagged = DatasetProfile(id=7, vector=unit(0, 1), geography="UK-wide")
    result = score_match(group, untagged)
    assert result.theme is None
    assert result.keyword is None
    assert result.geography == 1.0
    assert result.semantic == 0.0
    assert result.score < DEFAULT_MIN_SCORE


def test_blank_places_count_as_missing():
    group = GroupProfile(unit(1, 0), geographies=frozenset({None, "", "Leeds"}))
    assert score_match(group, DatasetProfile(1, unit(1, 0), geography="England")).geography == 1
    assert score_match(group, DatasetProfile(2, unit(1, 0), geography=None)).geography is None
    placeless = GroupProfile(unit(1, 0), geographies=frozenset({None}))
    result = score_match(placeless, DatasetProfile(3, unit(1, 0), geography="Wales"))
    assert result.geography is None
    assert not any("place" in reason for reason in result.reasons)


def test_missing_place_is_left_out_of_the_score():
    weights = MatchWeights(semantic=1, theme=1, geography=1, keyword=1)
    components = np.array([[0.8, 0.4, np.nan, 0.2], [0.8, np.nan, 1.0, np.nan]])
    assert combine(components, weights) == pytest.approx([(0.8 + 0.4 + 0.2) / 3, 0.85])


def test_ties_are_broken_by_dataset_id():
    group = GroupProfile(unit(1, 0))
    same = [DatasetProfile(id=i, vector=unit(1, 1)) for i in (9, 3, 5)]
    assert [r.dataset_id for r in rank_datasets(group, same, min_score=0)] == [3, 5, 9]


@pytest.mark.parametrize(
    "values", [(0, 0, 0, 0, 0), (-0.1, 1, 1, 1), (float("nan"), 1, 1, 1), (1, 1, 1, 1, -1)]
)
def test_invalid_weights_are_rejected(values):
    with pytest.raises(ValueError):
        MatchWeights(*values)

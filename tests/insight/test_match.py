"""Tests for matching question groups to datasets (app/insight/match.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from app.insight.fit import unit_rows
from app.insight.match import (
    COMPONENTS,
    DEFAULT_MIN_SCORE,
    DEFAULT_WEIGHTS,
    PARTIAL_PLACE,
    DatasetProfile,
    GroupProfile,
    MatchResult,
    MatchWeights,
    areas_covering,
    canonical_place,
    centroid,
    combine,
    component_matrix,
    dataset_text,
    explain,
    place_coverage,
    rank_datasets,
    score_match,
    score_match_from,
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


def test_score_match_from_keeps_only_matches_that_reach_the_minimum(food_group, datasets):
    results = [score_match(food_group, dataset) for dataset in datasets]
    cut = sorted(r.score for r in results)[len(results) // 2]
    for dataset, full in zip(datasets, results, strict=True):
        kept = score_match_from(food_group, dataset, cut)
        if full.score < cut:
            assert kept is None
        else:
            assert kept == full  # the same score, components and reasons
    assert any(score_match_from(food_group, d, cut) is None for d in datasets)


def test_a_dataset_is_normalised_once_and_the_same_way_in_a_batch(datasets):
    one = datasets[0]
    scaled = replace(one, vector=one.vector * 3.0)
    assert np.array_equal(scaled.unit_vector, unit_rows([scaled])[0])
    assert np.allclose(unit_rows([scaled, one])[0], scaled.unit_vector, atol=1e-7)
    zero = replace(one, vector=np.zeros_like(one.vector))
    assert not zero.unit_vector.any()


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


# Judged question by question (real model).

NORTH_EAST_FUEL = [
    ("How many households in Newcastle are in fuel poverty?", "Newcastle upon Tyne"),
    ("Which neighbourhoods in Sunderland have the most fuel poor homes?", "Sunderland"),
    ("Are fuel poverty rates in County Durham rising?", "County Durham"),
    ("Where in the North East should insulation grants go first?", "North East"),
    ("How many homes in Gateshead cannot afford to keep warm?", "Gateshead"),
    ("How many households in Glasgow are in fuel poverty?", "Glasgow City"),
]
SUB_REGIONAL = DatasetProfile(
    id=11,
    vector=np.zeros(1),
    themes=frozenset({"energy"}),
    geography="England",
    keywords=("fuel poverty", "sub-regional"),
    title="Sub-regional fuel poverty statistics (England)",
    granularity="local authority and LSOA",
)
SCOTTISH_SURVEY = DatasetProfile(
    id=12,
    vector=np.zeros(1),
    themes=frozenset({"energy", "housing"}),
    geography="Scotland",
    keywords=("fuel poverty", "house condition"),
    title="Scottish House Condition Survey",
    granularity="national and local authority",
)


@pytest.fixture(scope="module")
def fuel_datasets(embedder) -> list[DatasetProfile]:
    texts = {
        SUB_REGIONAL.id: "Modelled estimates of households in fuel poverty for every local "
        "authority and small area in England.",
        SCOTTISH_SURVEY.id: "Annual survey of Scottish homes reporting fuel poverty, energy "
        "efficiency, damp and disrepair by tenure and local authority.",
    }
    profiles = []
    for profile in (SUB_REGIONAL, SCOTTISH_SURVEY):
        text = dataset_text(profile.title, texts[profile.id], profile.keywords)
        profiles.append(replace(profile, vector=embedder.encode([text])[0]))
    return profiles


@pytest.fixture(scope="module")
def north_east_fuel(embedder) -> GroupProfile:
    texts, places = zip(*NORTH_EAST_FUEL, strict=True)
    return GroupProfile.from_questions(
        embedder.encode(list(texts)),
        themes=["energy"],
        geographies=places,
        keywords=["fuel poverty", "households", "homes"],
        question_ids=range(101, 101 + len(texts)),
        question_places=places,
        question_themes=[["energy"]] * len(texts),
    )


def test_one_scottish_question_does_not_make_scottish_data_fit_the_group(
    north_east_fuel, fuel_datasets
):
    english, scottish = fuel_datasets
    on_the_union = replace(north_east_fuel, question_places=(), question_themes=())
    assert score_match(on_the_union, scottish).geography == 1.0  # the old judgement
    result = score_match(north_east_fuel, scottish)
    assert result.geography is not None and result.geography < 0.3
    assert score_match(north_east_fuel, english).geography == pytest.approx(5 / 6, abs=0.1)
    ranked = rank_datasets(north_east_fuel, fuel_datasets, min_score=0)
    assert [r.dataset_id for r in ranked] == [english.id, scottish.id]
    assert (
        "Covers 1 of the 6 places the questions ask about: Scotland (for Glasgow City)"
        in result.reasons
    )
    assert "Could answer 1 of the group's 6 questions" in result.reasons


BROAD_GROUP = [
    "How often do people on prepayment meters run out of credit and sit in the cold?",
    "How many households on prepayment meters self-disconnect because they cannot afford to top up?",
    "How many prepayment meters were installed by force under warrant?",
    "Which bus routes in the county have been cut since 2019?",
    "Has the bus fare cap helped people on low incomes get to work?",
    "How many villages have no bus service at all on Sundays?",
    "Do young people miss college because the bus is too expensive?",
    "How long does it take to reach the hospital by bus from the estates?",
    "Are community transport schemes filling the gaps left by commercial buses?",
    "How many older people stopped using buses after routes were cut?",
    "Do jobseekers turn down work because there is no bus at shift times?",
    "How many bus passengers use a concessionary pass?",
]


def test_a_dataset_serving_a_few_questions_well_is_a_lead(embedder):
    vectors = embedder.encode(BROAD_GROUP)
    group = GroupProfile.from_questions(
        vectors, question_ids=range(1, 13), question_places=["UK-wide"] * 12
    )
    text = dataset_text(
        "Prepayment meter installations and self-disconnection data",
        "Data from energy suppliers on prepayment customers: meters installed under warrant, "
        "self-disconnection and self-rationing, emergency and friendly credit.",
    )
    dataset = DatasetProfile(1, embedder.encode([text])[0], geography="UK-wide")
    result = score_match(group, dataset)
    assert result.questions is not None
    assert result.questions > result.semantic + 0.2
    assert "Could answer 3 of the group's 12 questions" in result.reasons
    centroid_only = score_match(GroupProfile(group.centroid), dataset)
    assert centroid_only.questions is None
    assert result.score > centroid_only.score


# Pure parts of the per-question components: no model needed.


def test_theme_overlap_is_judged_for_the_questions_the_dataset_fits():
    dataset = DatasetProfile(1, unit(1, 0), themes=frozenset({"food"}))
    questions = np.stack([unit(1, 0), unit(0, 1)])
    group = GroupProfile.from_questions(
        questions, themes=["food", "transport"], question_themes=[["food"], ["transport"]]
    )
    per_question = score_match(group, dataset).theme
    union = score_match(replace(group, question_themes=()), dataset).theme
    assert union == 0.5
    assert per_question is not None and per_question > 0.9


def test_place_fit_weighs_each_question_by_how_well_the_dataset_fits_it():
    dataset = DatasetProfile(1, unit(1, 0), geography="Wales")
    group = GroupProfile.from_questions(
        np.stack([unit(1, 0), unit(0, 1)]), question_places=["Cardiff", "Leeds"]
    )
    # The Cardiff question is the one the dataset fits: its place counts for nearly all.
    assert score_match(group, dataset).geography == pytest.approx(1.05 / 1.1, abs=1e-6)
    swapped = replace(group, question_places=("Leeds", "Cardiff"))
    assert score_match(swapped, dataset).geography == pytest.approx(0.05 / 1.1, abs=1e-6)


def test_coarse_figures_cover_a_local_question_only_in_part():
    group = GroupProfile.from_questions(np.stack([unit(1, 0)]), question_places=["Bradford"])
    regional = DatasetProfile(1, unit(1, 0), geography="UK-wide", granularity="nation and region")
    local = replace(regional, id=2, granularity="local authority and ward")
    assert score_match(group, regional).geography == PARTIAL_PLACE
    assert score_match(group, local).geography == 1.0
    assert (
        "Covers the place but not broken down to it: UK-wide (finest geography: nation and "
        "region; group asks about Bradford)"
    ) in score_match(group, regional).reasons
    assert [r.dataset_id for r in rank_datasets(group, [regional, local], min_score=0)] == [2, 1]


def test_variables_unit_and_population_take_part_in_keywords():
    group = GroupProfile(unit(1, 0), keywords=("food bank use", "pensioners"))
    bare = DatasetProfile(1, unit(1, 0), title="Family Resources Survey")
    described = replace(
        bare,
        variables=("food bank use in last 30 days", "benefit receipt"),
        unit_of_analysis="household",
        population="Private households in the UK, including pensioners",
    )
    assert score_match(group, bare).keyword == 0.0
    result = score_match(group, described)
    assert result.keyword == 1.0
    assert "Measures: food bank use in last 30 days" in result.reasons
    assert result.score > score_match(group, bare).score


def test_place_names_among_keywords_do_not_judge_place_again():
    group = GroupProfile(unit(1, 0), keywords=("wales", "fuel poverty"))
    welsh = DatasetProfile(1, unit(1, 0), title="Fuel poverty estimates for Wales")
    assert score_match(group, welsh).keyword == 1.0  # "fuel" and "poverty"; "wales" left out
    assert not any("wales" in r for r in score_match(group, welsh).reasons if "keywords" in r)


def test_a_question_is_served_only_where_the_dataset_covers_its_place():
    group = GroupProfile.from_questions(
        np.stack([unit(1, 0), unit(1, 0.01), unit(0, 1)]),
        question_places=["Leeds", "Cardiff", "Leeds"],
    )
    english = DatasetProfile(1, unit(1, 0), geography="England")
    assert "Could answer 1 of the group's 3 questions" in score_match(group, english).reasons


# Backwards compatibility: callers written for the four-component matcher keep working.


def test_profiles_without_questions_are_judged_on_the_centroid_and_the_union():
    group = GroupProfile(unit(1, 0), frozenset({"food"}), frozenset({"Leeds"}), ("food bank",))
    dataset = DatasetProfile(7, unit(1, 0), frozenset({"food"}), "England", ("food bank",))
    components = component_matrix(group, [dataset])
    assert components.shape == (1, len(COMPONENTS))
    assert np.isnan(components[0, COMPONENTS.index("questions")])
    result = score_match(group, dataset)
    assert result.questions is None
    assert (result.semantic, result.theme, result.geography, result.keyword) == (1, 1, 1, 1)
    assert result.score == pytest.approx(1.0)
    assert result.serves_questions == ()
    assert explain(group, dataset, result.semantic) == result.reasons


def test_four_weights_by_position_keep_their_meaning():
    weights = MatchWeights(1, 0, 0, 0)
    assert (weights.semantic, weights.theme, weights.geography, weights.keyword) == (1, 0, 0, 0)
    assert weights.questions == MatchWeights().questions
    assert len(weights.as_array()) == len(COMPONENTS)
    assert MatchWeights() == DEFAULT_WEIGHTS
    old_style = MatchResult(1, 0.5, ("Similar in meaning (0.50)",), 0.5, None, None, None)
    assert old_style.questions is None and old_style.serves_questions == ()


def test_question_lists_must_line_up_with_the_vectors():
    with pytest.raises(ValueError):
        GroupProfile.from_questions(np.stack([unit(1, 0)]), question_places=["Leeds", "York"])
    with pytest.raises(ValueError):
        GroupProfile.from_questions(np.stack([unit(1, 0)]), question_ids=[1, 2])

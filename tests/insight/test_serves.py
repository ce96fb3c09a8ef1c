"""Tests for the questions a match serves and its place fit judged per question
(app/insight/serves.py)."""

from __future__ import annotations

import pytest

from app.insight.match import (
    DatasetProfile,
    GroupProfile,
    centroid,
    dataset_text,
    rank_datasets,
    score_match,
)
from app.insight.serves import (
    rank_datasets_serving,
    rank_groups,
    served_question_ids,
    with_serves,
)

QUESTIONS = [
    (11, "How many private renters in the North East live in damp, mouldy homes?", "North East"),
    (12, "Are damp and mould in rented homes making children ill in Newcastle?", "Newcastle"),
    (13, "How many homes in the North East fail the decent homes standard?", "North East"),
    (14, "How many homes in Scotland have condensation, rising damp or mould?", "Scotland"),
    (15, "How do people in damp homes get repairs done?", None),
]
DATASETS = [
    (
        1,
        "Scottish House Condition Survey",
        "Annual survey of the condition of Scotland's homes: damp, condensation, mould and "
        "disrepair, with energy efficiency and fuel poverty.",
        "Scotland",
    ),
    (
        2,
        "English Housing Survey",
        "Annual survey of housing in England: damp, mould and disrepair, and whether homes meet "
        "the decent homes standard, by tenure and region.",
        "England",
    ),
    (
        3,
        "Local bus statistics",
        "Passenger journeys on local buses, fares and concessionary travel by local authority.",
        "England",
    ),
]


@pytest.fixture(scope="module")
def group(embedder) -> GroupProfile:
    vectors = embedder.encode([text for _, text, _ in QUESTIONS])
    return GroupProfile(
        centroid=centroid(vectors),
        themes=frozenset({"housing"}),
        geographies=frozenset(p for _, _, p in QUESTIONS if p),
        keywords=("damp", "mould", "homes"),
        question_ids=tuple(i for i, _, _ in QUESTIONS),
        question_vectors=vectors,
        question_places=tuple(p for _, _, p in QUESTIONS),
    )


@pytest.fixture(scope="module")
def datasets(embedder) -> list[DatasetProfile]:
    vectors = embedder.encode([dataset_text(title, text) for _, title, text, _ in DATASETS])
    return [
        DatasetProfile(id=i, vector=v, themes=frozenset({"housing"}), geography=place, title=title)
        for (i, title, _, place), v in zip(DATASETS, vectors, strict=True)
    ]


def by_id(datasets: list[DatasetProfile], dataset_id: int) -> DatasetProfile:
    return next(d for d in datasets if d.id == dataset_id)


def served(group, dataset) -> tuple[int, ...]:
    return served_question_ids(group, dataset)


def test_scottish_data_serves_the_scottish_question_and_the_placeless_one(group, datasets):
    ids = served(group, by_id(datasets, 1))
    assert 14 in ids and set(ids) <= {14, 15}
    result = with_serves(group, by_id(datasets, 1), score_match(group, by_id(datasets, 1)))
    assert result.serves_questions == ids
    assert not [r for r in result.reasons if r.startswith("Covers the same place")]


def test_english_data_serves_the_english_questions_by_their_places(group, datasets):
    ids = served(group, by_id(datasets, 2))
    assert 14 not in ids and {11, 13} <= set(ids)


def test_questions_far_in_meaning_are_not_served_whatever_the_place(group, datasets):
    assert served(group, by_id(datasets, 3)) == ()


def test_the_ids_agree_with_the_reason_that_counts_them(group, datasets):
    for dataset in datasets:
        result = with_serves(group, dataset, score_match(group, dataset))
        n = len(result.serves_questions)
        counted = [r for r in result.reasons if r.startswith("Could answer")]
        if n > 1 and n < len(QUESTIONS):
            assert counted == [f"Could answer {n} of the group's {len(QUESTIONS)} questions"]
        elif n == 0:
            assert counted == []


def test_a_dataset_elsewhere_serves_no_question_there(embedder, datasets):
    vectors = embedder.encode([QUESTIONS[3][1]])
    wales = GroupProfile(
        centroid=vectors[0],
        themes=frozenset({"housing"}),
        geographies=frozenset({"Wales"}),
        keywords=("damp",),
        question_ids=(21,),
        question_vectors=vectors,
        question_places=("Wales",),
    )
    result = with_serves(wales, by_id(datasets, 1), score_match(wales, by_id(datasets, 1)))
    assert result.serves_questions == ()
    assert not [r for r in result.reasons if r.startswith("Covers the same place")]


def test_both_directions_give_the_engines_scores(group, datasets):
    forward = rank_datasets_serving(group, datasets)
    engine = rank_datasets(group, datasets, top_k=len(datasets))
    assert [r.dataset_id for r in forward] == [r.dataset_id for r in engine]
    assert [r.score for r in forward] == [r.score for r in engine]
    for dataset in datasets:
        reverse = rank_groups([group], dataset)
        mine = next((r for r in forward if r.dataset_id == dataset.id), None)
        if mine is None:
            assert reverse == []
        else:
            (position, result), *_ = reverse
            assert position == 0 and result.score == pytest.approx(mine.score, abs=1e-6)
            assert result.reasons == mine.reasons
            assert result.serves_questions == mine.serves_questions


def test_a_profile_without_its_questions_serves_none_by_name(datasets, group):
    plain = GroupProfile(group.centroid, group.themes, group.geographies, group.keywords)
    result = score_match(plain, by_id(datasets, 1))
    assert with_serves(plain, by_id(datasets, 1), result) == result


def test_local_data_serves_a_uk_wide_question_in_part(embedder):
    question = "How many families use food banks?"
    vectors = embedder.encode([question, "Food bank parcels given to families in Leeds."])
    group = GroupProfile(
        centroid=vectors[0],
        themes=frozenset({"food"}),
        geographies=frozenset({"UK-wide"}),
        question_ids=(31,),
        question_vectors=vectors[:1],
        question_places=("UK-wide",),
    )
    leeds = DatasetProfile(id=9, vector=vectors[1], themes=frozenset({"food"}), geography="Leeds")
    assert with_serves(group, leeds, score_match(group, leeds)).serves_questions == (31,)

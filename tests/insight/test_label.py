"""Group labels: c-TF-IDF keywords and the most central question."""

from __future__ import annotations

import numpy as np
import pytest

from app.insight.label import STOP_WORDS, ctfidf_keywords, representative_index

FOOD_BANK = [
    "How many families referred to food banks are waiting for their first Universal Credit?",
    "What share of food bank referrals are caused by the five-week wait for Universal Credit?",
    "Are people using food banks because their Universal Credit payment has not arrived?",
    "How many food bank parcels went to working families last winter?",
]
FUEL = [
    "How many households in Leeds are in fuel poverty?",
    "Does fuel poverty affect older people more than younger people?",
    "Which energy bills push households into fuel poverty?",
    "How many families on prepayment energy meters self-disconnect in winter?",
]
TRANSPORT = [
    "How have cuts to rural bus services affected people's ability to get to work?",
    "Are reductions in bus routes stopping people in villages from reaching jobs?",
]


def test_keywords_name_each_group_by_its_own_words() -> None:
    keywords = ctfidf_keywords({1: FOOD_BANK, 2: FUEL, 3: TRANSPORT})
    assert set(keywords) == {1, 2, 3}
    assert any("food" in k for k in keywords[1]), keywords[1]
    assert any("fuel" in k or "energy" in k for k in keywords[2]), keywords[2]
    assert any("bus" in k for k in keywords[3]), keywords[3]
    for words in keywords.values():
        assert 3 <= len(words) <= 5


def test_question_words_are_never_keywords() -> None:
    keywords = ctfidf_keywords({1: FOOD_BANK, 2: FUEL})
    for words in keywords.values():
        for term in words:
            assert not set(term.split()) & {"how", "many", "does", "people", "what", "which"}
    assert {"how", "many", "does", "people"} <= STOP_WORDS


def test_a_unigram_inside_a_chosen_bigram_is_dropped() -> None:
    keywords = ctfidf_keywords({1: FUEL, 2: FOOD_BANK}, top_n=6)
    for words in keywords.values():
        bigram_words = {w for term in words if " " in term for w in term.split()}
        unigrams = {term for term in words if " " not in term}
        assert not unigrams & bigram_words, words
    assert "fuel poverty" in keywords[1]


def test_a_single_group_and_tiny_groups_work() -> None:
    only = ctfidf_keywords({7: FOOD_BANK})
    assert any("food" in k for k in only[7])
    tiny = ctfidf_keywords({1: ["Food banks in Leeds"], 2: ["How many?"], 3: []})
    assert tiny[1] and all(t in {"food banks", "leeds", "food", "banks"} for t in tiny[1])
    assert tiny[2] == [] and tiny[3] == []
    assert ctfidf_keywords({}) == {}
    assert ctfidf_keywords({1: ["How many?"]}) == {1: []}


def test_top_n_limits_the_keywords_and_ties_are_deterministic() -> None:
    groups = {1: FOOD_BANK, 2: FUEL, 3: TRANSPORT}
    assert all(len(v) <= 3 for v in ctfidf_keywords(groups, top_n=3).values())
    assert ctfidf_keywords(groups) == ctfidf_keywords(dict(groups))
    with pytest.raises(ValueError):
        ctfidf_keywords(groups, top_n=0)


def test_no_bigram_spans_two_questions_or_a_removed_word() -> None:
    keywords = ctfidf_keywords({1: ["Energy bills.", "Winter fuel"]}, top_n=6)
    assert "bills winter" not in keywords[1]
    keywords = ctfidf_keywords({1: ["households are in fuel poverty"]}, top_n=6)
    assert "households fuel" not in keywords[1]


def test_representative_is_the_member_nearest_the_centroid() -> None:
    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((20, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    centre = vectors.mean(axis=0)
    centre /= np.linalg.norm(centre)
    expected = int(np.argmax(vectors @ centre))
    assert representative_index(vectors, centre) == expected
    # cosine, so a long vector does not win by length
    scaled = vectors.copy()
    other = (expected + 1) % 20
    scaled[other] *= 50
    assert representative_index(scaled, centre) == expected
    assert representative_index(vectors[:1], centre) == 0


def test_representative_rejects_bad_shapes() -> None:
    with pytest.raises(ValueError):
        representative_index(np.zeros((0, 4), dtype=np.float32), np.ones(4))
    with pytest.raises(ValueError):
        representative_index(np.ones((3, 4), dtype=np.float32), np.ones(5))


def test_representative_of_real_questions(embedder) -> None:
    texts = [*FOOD_BANK, "Food bank use by families waiting for Universal Credit"]
    vectors = embedder.encode(texts)
    centre = vectors.mean(axis=0)
    index = representative_index(vectors, centre / np.linalg.norm(centre))
    assert index == int(np.argmax(vectors @ centre))

"""Group labels: c-TF-IDF keywords, keyphrases and titles, and the most central question."""

from __future__ import annotations

import numpy as np
import pytest

from app.insight.label import (
    STOP_WORDS,
    TITLE_MAX,
    GroupLabel,
    ctfidf_keywords,
    label_groups,
    representative_index,
)
from app.insight.phrases import group_phrases

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


# Questions written as people write them: verbs ("come", "referred", "going"), a place in most
# questions of one group only, and adjectives that qualify ("rural", "new").
FRAGMENT_FIXTURE = {
    1: [
        "How many families in Bradford come to food banks while waiting for their first Universal Credit payment?",
        "Are people in Leeds going to food banks because the new Universal Credit payment has not arrived?",
        "What share of food bank referrals in Hull are caused by the five-week Universal Credit wait?",
        "How many clients referred to food banks are still waiting on a new Universal Credit claim?",
    ],
    2: [
        "How have cuts to rural bus services affected people getting to work in Cornwall?",
        "Are reductions in rural bus routes stopping people in Cornish villages from reaching jobs?",
        "Do people in rural Cornwall lose work because buses no longer run at the right times?",
    ],
    3: [
        "How many older people living alone keep their heating off in winter?",
        "Do older people on Pension Credit go cold to save money on heating?",
        "Which older people are most at risk of a cold home over the winter months?",
    ],
}
VERB_FRAGMENTS = {"come", "coming", "going", "referred", "waiting", "caused", "stopping", "keep"}
PLACES_ASIDE = {"bradford", "leeds", "hull"}


def _labels(embedder):
    centres = {g: embedder.encode(texts).mean(axis=0) for g, texts in FRAGMENT_FIXTURE.items()}
    return label_groups(FRAGMENT_FIXTURE, centres, embedder.encode)


def test_keyphrases_are_phrases_from_the_questions_without_verbs_or_stray_places(
    embedder,
) -> None:
    labels = _labels(embedder)
    for gid, label in labels.items():
        assert label.title and 1 <= len(label.keywords) <= 5, label
        text = " ".join(FRAGMENT_FIXTURE[gid]).lower()
        for keyword in label.keywords:
            words = keyword.lower().split()
            assert keyword.lower() in text, keyword  # taken from the questions as written
            assert not set(words) & VERB_FRAGMENTS, keyword
            assert not set(words) & PLACES_ASIDE, keyword  # named by one question only
            assert words[-1] not in {"new", "rural", "older"}, keyword  # no dangling adjective
    assert any("universal credit" in k.lower() for k in labels[1].keywords), labels[1]
    assert any("bus" in k.lower() for k in labels[2].keywords), labels[2]
    assert "older people" in [k.lower() for k in labels[3].keywords], labels[3]


def test_a_place_most_of_a_group_names_may_be_a_keyphrase() -> None:
    assert "Cornwall" in group_phrases(FRAGMENT_FIXTURE[2]).written.values()
    assert not {"Bradford", "Leeds", "Hull"} & set(
        group_phrases(FRAGMENT_FIXTURE[1]).written.values()
    )


def test_a_fragment_always_followed_by_the_same_word_gives_way_to_the_whole_phrase() -> None:
    keys = group_phrases(FRAGMENT_FIXTURE[1]).counts
    assert "new universal credit" in keys and "new universal" not in keys
    assert "rural" not in group_phrases(FRAGMENT_FIXTURE[2]).counts  # it qualifies "bus"


def test_the_title_reads_as_a_title_and_stays_short(embedder) -> None:
    for label in _labels(embedder).values():
        assert label.title[0].isupper() and len(label.title) <= TITLE_MAX
        assert "," not in label.title


def test_a_group_without_texts_gets_no_label(embedder) -> None:
    labels = label_groups({1: FRAGMENT_FIXTURE[1], 2: []}, {1: np.ones(384)}, embedder.encode)
    assert labels[2] == GroupLabel("", ())


def test_a_fixed_term_of_the_sector_stays_whole() -> None:
    texts = [
        "How many of our clients owe money on buy now pay later loans?",
        "Are Buy now pay later debts growing among families we support?",
        "Which clients use buy now pay later to cover food?",
    ]
    written = group_phrases(texts).written.values()
    assert any(phrase.lower() == "buy now pay later" for phrase in written), written
    assert not any(phrase.lower() in {"pay later", "now pay"} for phrase in written), written
    assert "buy now pay later loans" in {phrase.lower() for phrase in written}

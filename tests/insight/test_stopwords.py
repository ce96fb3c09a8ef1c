"""The one stop-word file and the two lists built from it."""

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from app.insight.label import STOP_WORDS
from app.insight.stopwords import COMMON_WORDS, LABEL_ONLY_WORDS, label_stop_words


def test_common_words_hold_the_question_words_but_no_topics():
    assert {"how", "many", "what", "the", "of", "we", "that"} <= COMMON_WORDS
    assert not {"people", "families", "children", "food", "housing"} & COMMON_WORDS
    assert all(word == word.lower() and " " not in word for word in COMMON_WORDS)


def test_label_stop_words_add_scikit_learn_and_the_label_section():
    assert label_stop_words() == frozenset(ENGLISH_STOP_WORDS) | COMMON_WORDS | LABEL_ONLY_WORDS
    assert {"people", "proportion", "affect", "does"} <= STOP_WORDS
    assert label_stop_words() == STOP_WORDS
    assert not LABEL_ONLY_WORDS & COMMON_WORDS

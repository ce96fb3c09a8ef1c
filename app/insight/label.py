"""Describe question groups: keywords by class-based TF-IDF, and the most central question.

c-TF-IDF follows BERTopic: all texts of a group are one document; a term's weight in a group is
its L1-normalised frequency in that group times log(1 + A / f), where A is the average number
of words per group and f the term's frequency over all groups. Words that every group uses
("households", "families") sink; words that mark one group rise.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from app.insight.stopwords import label_stop_words

# scikit-learn's English stop words, the common words and the words that shape a question
# rather than say what it is about ("proportion", "people"): see data/stopwords.txt.
STOP_WORDS = label_stop_words()

# Words of two or more characters that start with a letter, hyphenated words kept whole
# ("self-disconnect"): no bare numbers, no "s" of "'s".
_TOKEN = re.compile(r"(?u)\b[^\W\d_](?:[^\W_]|-(?=[^\W_]))+")
# Punctuation that ends a phrase; a bigram never spans it.
_PHRASE_BREAK = re.compile(r"[.?!;:,()\[\]{}\"/|\n\r\t]+")


def _terms(text: str) -> list[str]:
    """Unigrams and bigrams of one text, leaving out stop words.

    A bigram is two words that stand next to each other in the text itself, so removing a stop
    word never makes a pair out of words that were apart ("households [are in] fuel").
    """
    terms: list[str] = []
    for phrase in _PHRASE_BREAK.split(text.lower()):
        words = _TOKEN.findall(phrase)
        keep = [w not in STOP_WORDS for w in words]
        terms.extend(w for w, k in zip(words, keep, strict=True) if k)
        terms.extend(
            f"{words[i]} {words[i + 1]}"
            for i in range(len(words) - 1)
            if keep[i] and keep[i + 1] and words[i] != words[i + 1]
        )
    return terms


def ctfidf_keywords(
    texts_by_group: Mapping[int, Sequence[str]], top_n: int = 5
) -> dict[int, list[str]]:
    """Top c-TF-IDF terms (unigrams and bigrams) of each group, at most `top_n` per group.

    A unigram is dropped when a chosen bigram contains it, so "fuel poverty" is not followed
    by "fuel". Groups with no usable words (empty, or only stop words) get an empty list.
    """
    if top_n < 1:
        raise ValueError("top_n must be at least 1")
    groups = list(texts_by_group)
    result: dict[int, list[str]] = {g: [] for g in groups}
    texts = [str(t) for g in groups for t in texts_by_group[g]]
    owner = np.repeat(np.arange(len(groups)), [len(texts_by_group[g]) for g in groups])
    if not texts:
        return result
    # One row per question, summed per group: a group is one "document" as in BERTopic, but
    # no bigram is made from the last word of one question and the first of the next.
    vectorizer = CountVectorizer(analyzer=_terms)
    try:
        per_text = vectorizer.fit_transform(texts)
    except ValueError:  # not a single usable word in any group
        return result
    terms = vectorizer.get_feature_names_out()
    membership = sp.csr_matrix(
        (np.ones(len(texts)), (owner, np.arange(len(texts)))), shape=(len(groups), len(texts))
    )
    counts = (membership @ per_text.astype(np.float64)).tocsr()

    words_per_group = np.asarray(counts.sum(axis=1)).ravel()
    term_frequency = np.asarray(counts.sum(axis=0)).ravel()
    average_words = max(float(words_per_group.mean()), 1.0)
    idf = np.log1p(average_words / term_frequency)

    for row, group in enumerate(groups):
        start, stop = counts.indptr[row], counts.indptr[row + 1]
        if start == stop:
            continue
        columns = counts.indices[start:stop]
        tf = counts.data[start:stop] / words_per_group[row]
        scores = tf * idf[columns]
        # Highest score first; ties to the bigram (more specific), then alphabetical.
        order = sorted(
            range(len(columns)),
            key=lambda i: (-round(scores[i], 12), -terms[columns[i]].count(" "), terms[columns[i]]),
        )
        result[group] = _pick_terms([str(terms[columns[i]]) for i in order], top_n)
    return result


def _fold(term: str) -> str:
    """A crude singular, only to spot "food bank" / "food banks" as the same keyword."""
    return " ".join(
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
        for w in term.split()
    )


def _pick_terms(ranked: Sequence[str], top_n: int) -> list[str]:
    """The first top_n terms, with unigrams that a chosen bigram contains left out."""
    chosen: list[str] = []
    for term in ranked:
        words = term.split()
        if any(_fold(term) == _fold(c) for c in chosen):
            continue
        if len(words) == 1:
            if any(_fold(term) in _fold(c).split() for c in chosen if " " in c):
                continue
        else:
            folded = _fold(term).split()
            chosen = [c for c in chosen if " " in c or _fold(c) not in folded]
        if term not in chosen:
            chosen.append(term)
        if len(chosen) >= top_n:
            break
    return chosen[:top_n]


def representative_index(vectors: np.ndarray, centroid: np.ndarray) -> int:
    """Index of the row of `vectors` most similar (cosine) to `centroid`; the first on ties."""
    vectors = np.asarray(vectors, dtype=np.float32)
    centre = np.asarray(centroid, dtype=np.float32).ravel()
    if vectors.ndim != 2 or vectors.shape[0] == 0:
        raise ValueError("representative_index() needs a non-empty (n, d) array of vectors")
    if vectors.shape[1] != centre.shape[0]:
        raise ValueError(
            f"vectors have {vectors.shape[1]} dimensions but the centroid has {centre.shape[0]}"
        )
    norms = np.linalg.norm(vectors, axis=1)
    cosines = (vectors @ centre) / np.where(norms > 0, norms, np.inf)
    return int(np.argmax(cosines))

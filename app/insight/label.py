"""Describe question groups: a title and keyphrases, and the most central question.

Keyphrases follow KeyBERT with BERTopic's "KeyBERTInspired" candidates: noun phrases taken from
a group's questions (app/insight/phrases.py) are ranked by class-based TF-IDF, the best
`CANDIDATES` are embedded, and maximal marginal relevance picks phrases close to the group's
centroid yet unlike each other. The title is the best phrase, joined by the next when that one
is nearly as close ("Food banks and Universal Credit payment").

c-TF-IDF follows BERTopic: all texts of a group are one document; a term's weight in a group is
its L1-normalised frequency in that group times log(1 + A / f), where A is the average number
of words per group and f the term's frequency over all groups. Words that every group uses
("households", "families") sink; words that mark one group rise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from app.insight.phrases import GroupPhrases, fold, group_phrases
from app.insight.stopwords import label_stop_words

# Turns texts into L2-normalised rows (app.insight.embed.Embedder.encode).
Embed = Callable[[Sequence[str]], np.ndarray]
# Phrases embedded per group, of which the keyphrases are chosen.
CANDIDATES = 12
KEYPHRASES = 5
# Maximal marginal relevance: 0 ranks by closeness to the centroid alone, 1 by novelty alone.
DIVERSITY = 0.4
# How much of a phrase's closeness to the whole bank's centre is taken off its closeness to the
# group's: the contrast that makes "households" lose to "prepayment meters".
CONTRAST = 0.5
# The second phrase joins the title when it is at most this much less close to the centroid.
TITLE_MARGIN = 0.08
TITLE_MAX = 80
TOPIC_TITLE_PHRASES = 3

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


@dataclass(frozen=True)
class GroupLabel:
    """What a group is called when no facilitator has named it, and its keyphrases."""

    title: str
    keywords: tuple[str, ...]


def candidate_phrases(
    phrases: Mapping[int, GroupPhrases], top: int = CANDIDATES
) -> dict[int, list[str]]:
    """The keys of each group's `top` phrases by class-based TF-IDF over question counts.

    A phrase's weight is the share of the group's questions holding it times
    log(1 + A / f), A the mean number of questions per group and f the questions of all groups
    holding it. A group of three or more questions offers only phrases two of them share, when
    there are any: a phrase of one question does not say what the group asks.
    """
    total: Counter[str] = Counter()
    for group in phrases.values():
        total.update(group.counts)
    average = max(float(np.mean([g.size for g in phrases.values()])) if phrases else 1.0, 1.0)
    chosen: dict[int, list[str]] = {}
    for gid, group in phrases.items():
        shared = {k: n for k, n in group.counts.items() if n >= 2}
        pool = shared if group.size >= 3 and shared else dict(group.counts)
        score = {
            k: n / max(group.size, 1) * float(np.log1p(average / total[k])) for k, n in pool.items()
        }
        chosen[gid] = sorted(score, key=lambda k: (-round(score[k], 12), -k.count(" "), k))[:top]
    return chosen


def label_groups(
    texts_by_group: Mapping[int, Sequence[str]],
    centroids: Mapping[int, np.ndarray],
    embed: Embed,
    top_n: int = KEYPHRASES,
    diversity: float = DIVERSITY,
) -> dict[int, GroupLabel]:
    """A title and up to `top_n` keyphrases for each group, from its texts and centroid.

    Every candidate phrase of every group is embedded in one call to `embed`. A group with no
    texts, or no phrase in them, gets an empty title and no keyphrases.
    """
    phrases = {gid: group_phrases(texts) for gid, texts in texts_by_group.items()}
    candidates = {
        gid: [phrases[gid].written[k] for k in keys]
        for gid, keys in candidate_phrases(phrases).items()
    }
    return _choose(candidates, centroids, embed, top_n, diversity)


def label_topics(
    keywords_by_topic: Mapping[int, Sequence[tuple[Sequence[str], int]]],
    centroids: Mapping[int, np.ndarray],
    embed: Embed,
    top_n: int = KEYPHRASES,
    diversity: float = DIVERSITY,
) -> dict[int, GroupLabel]:
    """A title and keyphrases for each topic, chosen among its groups' keyphrases.

    ``keywords_by_topic``: per topic, each of its groups' keyphrases with the group's size. A
    phrase weighs the sizes of the groups that have it, times log(1 + A / f) over the topics
    (A the mean weight of a topic, f the phrase's weight in all), as c-TF-IDF weighs words; the
    best `CANDIDATES` are then ranked against the topic's centroid like a group's, and the
    title lists the first three.
    """
    weights: dict[int, Counter[str]] = {}
    written: dict[str, str] = {}
    for tid, groups in keywords_by_topic.items():
        weights[tid] = Counter()
        for keywords, size in groups:
            for keyword in keywords:
                weights[tid][fold(keyword)] += max(size, 1)
                written.setdefault(fold(keyword), keyword)
    total: Counter[str] = Counter()
    for counts in weights.values():
        total.update(counts)
    average = max(float(np.mean([float(sum(c.values())) for c in weights.values()] or [1.0])), 1.0)
    candidates = {}
    for tid, counts in weights.items():
        score = {k: w * float(np.log1p(average / total[k])) for k, w in counts.items()}
        ranked = sorted(score, key=lambda k: (-round(score[k], 9), k))[:CANDIDATES]
        candidates[tid] = [written[k] for k in ranked]
    labels = _choose(candidates, centroids, embed, top_n, diversity)
    # A topic spans several groups: its title names its leading themes, not only the first.
    return {tid: replace(label, title=_list_title(label.keywords)) for tid, label in labels.items()}


def _choose(
    candidates: Mapping[int, Sequence[str]],
    centroids: Mapping[int, np.ndarray],
    embed: Embed,
    top_n: int,
    diversity: float,
) -> dict[int, GroupLabel]:
    """Each group's keyphrases among its candidates, and its title (see the module's doc)."""
    written = sorted({form for forms in candidates.values() for form in forms})
    vectors = dict(zip(written, _unit_rows(embed(written)) if written else [], strict=True))
    known = [np.asarray(c, dtype=np.float32).ravel() for c in centroids.values()]
    # What every group has in common ("households", "poverty") says nothing about one of them.
    common = _unit_rows(np.mean(known, axis=0, keepdims=True))[0] if len(known) > 1 else None
    labels: dict[int, GroupLabel] = {}
    for gid, forms in candidates.items():
        centre = centroids.get(gid)
        if not forms or centre is None:
            labels[gid] = GroupLabel("", ())
            continue
        matrix = np.vstack([vectors[f] for f in forms])
        centre = np.asarray(centre, dtype=np.float32).ravel()
        relevance = matrix @ (centre / max(float(np.linalg.norm(centre)), 1e-12))
        if common is not None:
            relevance = relevance - CONTRAST * (matrix @ common)
        picked = mmr(matrix, relevance, [fold(f) for f in forms], top_n, diversity)
        keywords = tuple(forms[i] for i in picked)
        labels[gid] = GroupLabel(_title(keywords, [float(relevance[i]) for i in picked]), keywords)
    return labels


def mmr(
    vectors: np.ndarray, relevance: np.ndarray, keys: Sequence[str], top_n: int, diversity: float
) -> list[int]:
    """Rows chosen by maximal marginal relevance, best first.

    Each step takes the row with the best (1 - diversity) * relevance - diversity * (its
    highest cosine to a row already chosen); a phrase whose words hold, or are held by, a chosen
    phrase's ("food bank" beside "food bank use") is passed over.
    """
    chosen: list[int] = []
    remaining = list(range(len(keys)))
    while remaining and len(chosen) < top_n:
        if chosen:
            redundancy = (vectors[remaining] @ vectors[chosen].T).max(axis=1)
        else:
            redundancy = np.zeros(len(remaining))
        gain = (1 - diversity) * relevance[remaining] - diversity * redundancy
        best = remaining[int(np.argmax(gain))]
        chosen.append(best)
        words = set(keys[best].split())
        remaining = [
            i
            for i in remaining
            if i != best and not (set(keys[i].split()) <= words or words <= set(keys[i].split()))
        ]
    return chosen


def _title(keywords: Sequence[str], relevance: Sequence[float]) -> str:
    """The best phrase, and the second when nearly as close, as a title (first letter up)."""
    if not keywords:
        return ""
    title = keywords[0]
    if len(keywords) > 1 and relevance[1] >= relevance[0] - TITLE_MARGIN:
        joined = f"{title} and {keywords[1]}"
        title = joined if len(joined) <= TITLE_MAX else title
    return (title[:1].upper() + title[1:])[:TITLE_MAX]


def _list_title(keywords: Sequence[str]) -> str:
    """Up to `TOPIC_TITLE_PHRASES` phrases as one title: "Rent arrears, evictions and damp"."""
    for count in range(min(TOPIC_TITLE_PHRASES, len(keywords)), 0, -1):
        head, last = list(keywords[: count - 1]), keywords[count - 1]
        title = f"{', '.join(head)} and {last}" if head else last
        if len(title) <= TITLE_MAX or count == 1:
            return (title[:1].upper() + title[1:])[:TITLE_MAX]
    return ""


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows left as they are)."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)

"""What groups and topics are called: keyphrase vectors by the app's model, label bounds, and the
terms the dataset matcher reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from app.bank.embeddings import embedder
from app.insight.label import GroupLabel, ctfidf_keywords

# Longer "keywords" are not words a reader can use (a question of one repeated long token):
# dropped, so a label always fits its column (clusters.auto_label holds 300 characters).
KEYWORD_MAX = 40
LABEL_MAX = 300
# Keyphrases recur from run to run: each is embedded once per process, up to this many kept.
PHRASE_CACHE = 50_000

_phrase_cache: dict[tuple[str, str], np.ndarray] = {}


def phrase_vectors(phrases: Sequence[str]) -> np.ndarray:
    """Embeddings of keyphrase candidates by the app's model, each embedded once per process."""
    model = embedder()
    missing = [p for p in dict.fromkeys(phrases) if (model.name, p) not in _phrase_cache]
    if missing:
        if len(_phrase_cache) + len(missing) > PHRASE_CACHE:
            _phrase_cache.clear()
        _phrase_cache.update(
            ((model.name, p), v) for p, v in zip(missing, model.encode(missing), strict=True)
        )
    if not phrases:
        return np.zeros((0, 0), dtype=np.float32)
    return np.vstack([_phrase_cache[(model.name, p)] for p in phrases])


def bounded(label: GroupLabel | None) -> tuple[str, list[str]]:
    """A label's title and keyphrases cut to fit their columns (empty when there is none)."""
    if label is None:
        return "", []
    return label.title[:LABEL_MAX], [w for w in label.keywords if len(w) <= KEYWORD_MAX]


def match_terms(texts_by_group: Mapping[int, Sequence[str]]) -> dict[int, list[str]]:
    """Each group's distinctive terms (c-TF-IDF over the groups given), as the dataset matcher
    reads them, each no longer than a keyword may be."""
    return {
        gid: [term for term in terms if len(term) <= KEYWORD_MAX]
        for gid, terms in ctfidf_keywords(texts_by_group).items()
    }

"""A realistic labelled set of questions for clustering at scale: real texts, real embeddings,
many topics of realistic sizes, and the truth known.

Built, in a seeded order, from

- every row of the eval sets (``bench.common.default_eval_dir``): real questions people asked,
  labelled by their file and label (BANKING77's 77 intents of about 40, COVID-Q's categories,
  Stack Overflow's 20 tags of 1,000), so some topics are large and loose;
- UK poverty questions from ``bench/data/bank_templates.json`` (as ``bench.bank`` makes them),
  whose topic is what is asked of whom: the template topic x population (1,144 topics). Topic
  sizes follow a Zipf-like law (rank^-2) between 5 and 520 (the place x phrasing variants a
  topic has): at 100k, a quarter of the topics hold at most 8 questions, half at most 13, and
  70 hold 520. Each topic is filled with distinct texts that vary the place and the phrasing, so
  place is within-topic variation a clusterer must look past.

Texts and labels only: a caller embeds what the product would (the grouping vectors, places
neutralised, through ``bench.bank.embedded``, which caches them).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.bank import _first_upper, _templates

SEED = 0
SMALLEST, LARGEST = 5, 520
ZIPF_EXPONENT = 2.0


@dataclass(frozen=True)
class LabelledSet:
    """Texts and their true topics."""

    name: str
    texts: list[str]
    labels: list[str]

    @property
    def n_topics(self) -> int:
        """How many distinct true topics the set holds."""
        return len(set(self.labels))


def _eval_rows(eval_dir: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in sorted(Path(eval_dir).glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            rows.extend(
                (row["text"].strip(), f"{path.stem}:{row['label']}")
                for row in csv.DictReader(handle)
                if row.get("text", "").strip()
            )
    return rows


def topic_sizes(n_topics: int, total: int, largest: int = LARGEST) -> np.ndarray:
    """Sizes of n_topics topics, largest first, summing to about `total`: a Zipf-like law
    (rank^-ZIPF_EXPONENT) scaled and clipped to SMALLEST..largest, the scale found by bisection."""
    weights = np.arange(1, n_topics + 1, dtype=np.float64) ** -ZIPF_EXPONENT

    def sizes(scale: float) -> np.ndarray:
        return np.clip(np.round(SMALLEST + scale * weights), SMALLEST, largest).astype(int)

    low, high = 0.0, float(total) * 1e6
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if sizes(middle).sum() < total else (low, middle)
    return sizes(high)


def _templated_rows(n: int) -> list[tuple[str, str]]:
    """n templated questions (about): topics of Zipf-like sizes, each filled with distinct
    place x phrasing variants drawn by a generator seeded by the topic, so a topic's first
    questions are the same whatever size it is given."""
    data = _templates()
    topics, populations = data["topics"], data["populations"]
    places, phrasings = data["places"], data["phrasings"]
    fine = [(t, p) for t in range(len(topics)) for p in range(len(populations))]
    np.random.default_rng(SEED).shuffle(fine)
    rows: list[tuple[str, str]] = []
    for (t, p), size in zip(fine, topic_sizes(len(fine), n), strict=True):
        topic = topics[t]
        variants = np.random.default_rng([SEED, t, p]).permutation(len(places) * len(phrasings))
        for variant in variants[:size]:
            place = places[variant // len(phrasings)]
            text = phrasings[variant % len(phrasings)].format(
                population=populations[p],
                place=place["text"],
                issue=topic["issue"],
                noun=topic["noun"],
            )
            rows.append((_first_upper(text), f"poverty:{t}:{p}"))
    return rows


def realistic_set(n: int, eval_dir: Path) -> LabelledSet:
    """About n labelled questions (all eval rows, the rest templated), shuffled."""
    real = _eval_rows(eval_dir)
    rows = list(dict(real + _templated_rows(max(0, n - len(real)))).items())
    order = np.random.default_rng(SEED).permutation(len(rows))
    texts = [rows[i][0] for i in order]
    labels = [rows[i][1] for i in order]
    return LabelledSet(f"realistic-{len(texts) // 1000}k", texts, labels)


def grown(
    X: np.ndarray, labels: np.ndarray, n: int, seed: int = SEED
) -> tuple[np.ndarray, np.ndarray]:
    """About n unit vectors in the same topics as (X, labels), for scales beyond the distinct
    texts there are: a bank of a million questions asks more than the templates can phrase.

    Topic sizes follow the same Zipf-like law, ten times as large at most (5 to 5,200 at a
    million), given to the topics in the order of their sizes in X, so the large and loose eval
    topics stay the largest. A topic keeps its own real vectors and grows by points between two
    of them (a random mix of two questions of the topic, re-normalised): every added point lies
    among real questions of its topic, never in a direction no question has (random noise would
    make a ball around each question, which flatters every method).
    """
    rng = np.random.default_rng(seed)
    topics, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    order = np.argsort(-counts, kind="stable")
    sizes = topic_sizes(len(topics), n, largest=10 * LARGEST)
    parts, truth = [], []
    for topic, size in zip(order, sizes, strict=True):
        members = np.flatnonzero(inverse == topic)
        distinct = np.unique(X[members], axis=0)
        kept = X[members[:size]]
        extra = size - len(kept)
        if extra > 0:
            first = distinct[rng.integers(len(distinct), size=extra)]
            second = distinct[rng.integers(len(distinct), size=extra)]
            share = rng.random((extra, 1), dtype=np.float32)
            mixed = share * first + (1 - share) * second
            mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
            kept = np.vstack([kept, mixed])
        parts.append(kept.astype(np.float32))
        truth.append(np.full(len(kept), topic))
    shuffled = rng.permutation(sum(len(part) for part in parts))
    return np.vstack(parts)[shuffled], np.concatenate(truth)[shuffled]

"""A realistic labelled set of questions for clustering at scale: real texts, real embeddings,
many topics of realistic sizes, and the truth known.

Built, in a seeded order, from

- every row of the eval sets (``bench.common.default_eval_dir``): real questions people asked,
  labelled by their file and label (BANKING77's 77 intents of about 40, COVID-Q's categories,
  Stack Overflow's 20 tags of 1,000), so some topics are large and loose;
- UK poverty questions from ``bench/data/bank_templates.json`` (as ``bench.bank`` makes them),
  whose topic is what is asked of whom: the template topic x population (1,144 topics). Each
  topic gets a size drawn from a Zipf-like law between 5 and 520 (the topic x place x phrasing
  combinations it has), filled with distinct texts that vary the place and the phrasing, so the
  place is within-topic variation a clusterer must look past, and most topics are small.

The vectors are the product's embeddings of the full texts (cached by ``bench.bank.embedded``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.bank import _first_upper, _templates, embedded

SEED = 0
SMALLEST, LARGEST = 5, 520
ZIPF_EXPONENT = 1.1


@dataclass(frozen=True)
class LabelledSet:
    """Texts, their true topics and their embeddings."""

    name: str
    texts: list[str]
    labels: list[str]
    vectors: np.ndarray

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


def _templated_rows(n: int, rng: np.random.Generator) -> list[tuple[str, str]]:
    data = _templates()
    topics, populations = data["topics"], data["populations"]
    places, phrasings = data["places"], data["phrasings"]
    fine = [(t, p) for t in range(len(topics)) for p in range(len(populations))]
    rng.shuffle(fine)
    ranks = np.arange(1, len(fine) + 1, dtype=np.float64)
    weights = ranks**-ZIPF_EXPONENT
    sizes = SMALLEST + (LARGEST - SMALLEST) * (weights - weights.min()) / np.ptp(weights)
    sizes = np.round(sizes * n / sizes.sum()).astype(int).clip(SMALLEST, LARGEST)
    rows: list[tuple[str, str]] = []
    for (t, p), size in zip(fine, sizes, strict=True):
        topic = topics[t]
        combos = rng.permutation(len(places) * len(phrasings))[:size]
        for combo in combos:
            place, phrasing = places[combo // len(phrasings)], phrasings[combo % len(phrasings)]
            text = phrasing.format(
                population=populations[p],
                place=place["text"],
                issue=topic["issue"],
                noun=topic["noun"],
            )
            rows.append((_first_upper(text), f"poverty:{t}:{p}"))
    return rows


def realistic_set(n: int, eval_dir: Path) -> LabelledSet:
    """About n labelled questions (all eval rows, the rest templated), shuffled, embedded."""
    rng = np.random.default_rng(SEED)
    real = _eval_rows(eval_dir)
    rows = list(dict(real + _templated_rows(max(0, n - len(real)), rng)).items())
    order = rng.permutation(len(rows))
    texts = [rows[i][0] for i in order]
    labels = [rows[i][1] for i in order]
    return LabelledSet(f"realistic-{len(texts) // 1000}k", texts, labels, embedded(texts))

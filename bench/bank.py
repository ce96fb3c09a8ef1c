"""A realistic bank for the benchmarks: distinct real question texts and dataset descriptions,
really embedded, grouped by the product's own re-clustering.

Questions, all distinct texts, never copies or perturbations of one another:

- the demo's questions (``app/demo/data/questions.json``, loaded by the demo seeder);
- real questions people asked (the eval sets' texts: ``bench.common.eval_texts``), about a
  quarter of the bank, as the off-topic, everyday part of what members type;
- UK poverty questions made from ``bench/data/bank_templates.json``: topics x populations x
  places x phrasings (595k combinations), drawn without repetition in a seeded order, each
  with its topic's themes, its place and its population.

Datasets: the demo's, the descriptions of ``bench/data/match_eval.json`` (real UK datasets),
then descriptions made from the same topics x places x kinds of source (casework, surveys,
official statistics, helplines, ...), held by a demo organisation or published by others.

Embeddings come from the product's embedder and are cached as ``.npy`` under
``bench/results/`` (gitignored), keyed by the texts and the model; the bank itself is a
migrated SQLite file there too, built once per size and reused. Building 100k questions from
nothing embeds them (a few minutes on two cores) and re-clusters them (under a minute).

The API other benchmarks use: ``bank_size(quick)``, ``question_texts``, ``dataset_descriptions``,
``embedded(texts)``, and ``bank_path(size, eval_dir)``, which builds the bank when missing
(``bench/bank_build.py``).
Run alone to build one: ``python -m bench.bank [--quick] [--questions N] [--datasets N]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bench.common import RESULTS_DIR, ROOT, default_eval_dir, eval_texts

TEMPLATES_PATH = ROOT / "bench" / "data" / "bank_templates.json"
MATCH_EVAL_PATH = ROOT / "bench" / "data" / "match_eval.json"
DEMO_QUESTIONS_PATH = ROOT / "app" / "demo" / "data" / "questions.json"
# Bump when what a bank holds changes, so that cached banks are rebuilt.
BANK_VERSION = 1
EVAL_SHARE = 0.24
MEMBERS_ONLY_EVERY = 10  # one templated question in ten is for members only
SUPPORTED_EVERY = 3
SEED = 0
EMBED_CHUNK = 8192  # texts embedded between two saves of the cache


@dataclass(frozen=True)
class BankSize:
    """How many questions and datasets a bank holds (the demo's included)."""

    questions: int
    datasets: int

    @property
    def name(self) -> str:
        """A short name for files and reports: "100k-1000"."""
        q = self.questions
        return f"{q // 1000}k-{self.datasets}" if q % 1000 == 0 else f"{q}-{self.datasets}"


FULL = BankSize(questions=100_000, datasets=1_000)
QUICK = BankSize(questions=10_000, datasets=300)


def bank_size(quick: bool) -> BankSize:
    """The bank the benchmarks use: 100k questions and 1,000 datasets, or a small one."""
    return QUICK if quick else FULL


@dataclass(frozen=True)
class BankQuestion:
    """A question to put in the bank, with what the form would have asked of its author."""

    text: str
    action: str
    action_type: str
    themes: tuple[str, ...] = ()
    geography: str = "UK-wide"
    population_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class BankDataset:
    """A dataset description to put in the bank."""

    title: str
    description: str
    themes: tuple[str, ...]
    geography: str
    keywords: tuple[str, ...]
    variables: tuple[str, ...] = ()
    publisher: str = ""
    held: bool = False
    access_level: str = "open"
    unit_of_analysis: str | None = None


def _templates() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(TEMPLATES_PATH.read_text(encoding="utf-8"))
    return data


def _demo_question_texts() -> set[str]:
    items = json.loads(DEMO_QUESTIONS_PATH.read_text(encoding="utf-8"))["items"]
    return {item["text"].strip().lower() for item in items}


def _combinations(sizes: Sequence[int], seed: int) -> Iterator[tuple[int, ...]]:
    """Every combination of indices into lists of these sizes, each once, in a seeded order."""
    total = int(np.prod(sizes))
    for flat in np.random.default_rng(seed).permutation(total):
        indices = []
        rest = int(flat)
        for size in reversed(sizes):
            rest, index = divmod(rest, size)
            indices.append(index)
        yield tuple(reversed(indices))


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def templated_questions(n: int, exclude: Collection[str] = ()) -> list[BankQuestion]:
    """n distinct UK poverty questions from the templates (topic x population x place x
    phrasing), none of whose texts is in ``exclude`` (lower-cased)."""
    data = _templates()
    topics, populations, places = data["topics"], data["populations"], data["places"]
    phrasings, actions = data["phrasings"], data["actions"]
    sizes = (len(topics), len(populations), len(places), len(phrasings))
    found: list[BankQuestion] = []
    for count, (t, p, g, f) in enumerate(_combinations(sizes, SEED)):
        if len(found) >= n:
            break
        topic, place = topics[t], places[g]
        text = phrasings[f].format(
            population=populations[p], place=place["text"], issue=topic["issue"], noun=topic["noun"]
        )
        if text.lower() in exclude:
            continue
        action = actions[count % len(actions)]
        found.append(
            BankQuestion(
                text=_first_upper(text),
                action=action["text"],
                action_type=action["type"],
                themes=tuple(topic["themes"]),
                geography=place["name"],
                population_groups=(populations[p],),
            )
        )
    if len(found) < n:
        raise ValueError(f"the templates make only {len(found)} distinct questions, not {n}")
    return found


def question_texts(n: int, eval_dir: Path) -> list[BankQuestion]:
    """n distinct questions to add to the demo's: real eval-set texts (about a quarter), then
    templated UK poverty questions; none repeats another or a demo question."""
    seen = _demo_question_texts()
    actions = _templates()["actions"]
    real: list[BankQuestion] = []
    for text in eval_texts(eval_dir, limit=None):
        if len(real) >= int(n * EVAL_SHARE):
            break
        key = text.strip().lower()
        if not key or key in seen or len(text) > 500:
            continue
        seen.add(key)
        action = actions[len(real) % len(actions)]
        real.append(BankQuestion(text.strip(), action["text"], action["type"]))
    return [*real, *templated_questions(n - len(real), seen)]


def dataset_descriptions(n: int) -> list[BankDataset]:
    """n distinct dataset descriptions to add to the demo's: the eval set's real UK datasets,
    then templated ones (topic x place x kind of source)."""
    evalset = json.loads(MATCH_EVAL_PATH.read_text(encoding="utf-8"))["datasets"]
    found = [
        BankDataset(
            title=d["title"],
            description=d["description"],
            themes=tuple(d.get("themes", ())),
            geography=d.get("geography") or "UK-wide",
            keywords=tuple(d.get("keywords", ())),
            publisher=d.get("holder", ""),
        )
        for d in evalset[:n]
    ]
    data = _templates()
    topics, places, kinds = data["topics"], data["places"], data["dataset_kinds"]
    titles = {d.title.lower() for d in found}
    for t, g, k in _combinations((len(topics), len(places), len(kinds)), SEED + 1):
        if len(found) >= n:
            break
        topic, place, kind = topics[t], places[g], kinds[k]
        fields = {
            "noun": topic["noun"],
            "Noun": _first_upper(topic["noun"]),
            "place": place["text"],
            "place_name": place["name"],
            "measures": ", ".join(topic["measures"]),
        }
        title = kind["title"].format(**fields)
        if title.lower() in titles:
            continue
        titles.add(title.lower())
        found.append(
            BankDataset(
                title=title,
                description=kind["description"].format(**fields),
                themes=tuple(topic["themes"]),
                geography=place["name"],
                keywords=(*topic["keywords"], kind["keyword"]),
                variables=tuple(topic["measures"]),
                publisher=kind["publisher"],
                held=kind["held"],
                access_level=kind["access_level"],
                unit_of_analysis=kind["unit"],
            )
        )
    return found


class _VectorCache:
    """Embeddings of texts by this model, kept in ``bench/results/`` between runs: a JSON list
    of the texts and an ``.npy`` matrix of their vectors, row for row."""

    def __init__(self, model_name: str) -> None:
        stem = "bank-vectors-" + hashlib.sha256(model_name.encode()).hexdigest()[:8]
        self.texts_path = RESULTS_DIR / f"{stem}.json"
        self.vectors_path = RESULTS_DIR / f"{stem}.npy"
        self.texts: list[str] = []
        self.vectors = np.zeros((0, 0), dtype=np.float32)
        if self.texts_path.exists() and self.vectors_path.exists():
            self.texts = json.loads(self.texts_path.read_text(encoding="utf-8"))
            self.vectors = np.load(self.vectors_path)
            kept = min(len(self.texts), len(self.vectors))  # a run cut off between the two
            del self.texts[kept:]
            self.vectors = self.vectors[:kept]
        self.row = {text: i for i, text in enumerate(self.texts)}

    def add(self, texts: list[str], vectors: np.ndarray) -> None:
        """Keep more texts' vectors, on disk too."""
        self.vectors = vectors if not self.texts else np.vstack([self.vectors, vectors])
        for text in texts:
            self.row[text] = len(self.texts)
            self.texts.append(text)
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        # Written aside and renamed: a reader never sees half a file, and the texts go last, so
        # a cut-off run leaves vectors for every text listed (the extra rows are dropped).
        with open(f"{self.vectors_path}.partial", "wb") as handle:
            np.save(handle, self.vectors)
        os.replace(f"{self.vectors_path}.partial", self.vectors_path)
        Path(f"{self.texts_path}.partial").write_text(json.dumps(self.texts), encoding="utf-8")
        os.replace(f"{self.texts_path}.partial", self.texts_path)


def embedded(texts: Sequence[str]) -> np.ndarray:
    """The product's embeddings of texts (rows in order), computed once and then cached in
    ``bench/results/``, so quick and full banks share the vectors of the texts they share."""
    from app.insight.embed import get_embedder
    from config import TestingConfig

    config = TestingConfig()
    cache = _VectorCache(config.EMBEDDING_MODEL)
    missing = list(dict.fromkeys(t for t in texts if t not in cache.row))
    if missing:
        os.environ.setdefault("QB_EMBED_THREADS", "2")
        model = get_embedder(config.EMBEDDING_MODEL, cache_dir=config.MODEL_CACHE_DIR)
        started = time.perf_counter()
        for start in range(0, len(missing), EMBED_CHUNK):
            chunk = missing[start : start + EMBED_CHUNK]
            cache.add(chunk, model.encode(chunk).astype(np.float32))
            done = start + len(chunk)
            rate = done / (time.perf_counter() - started)
            print(f"  embedded {done}/{len(missing)} texts ({rate:.0f}/s)", flush=True)
    return cache.vectors[[cache.row[t] for t in texts]]


def bank_path(size: BankSize, eval_dir: Path | None = None) -> Path:
    """The SQLite file of a bank of this size, built first if it is not there yet."""
    # Rebuilt when its content or the schema changes (a new migration).
    migrations = sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))
    digest = hashlib.sha256(
        TEMPLATES_PATH.read_bytes() + MATCH_EVAL_PATH.read_bytes() + "\n".join(migrations).encode()
    )
    path = RESULTS_DIR / f"bank-{size.name}-v{BANK_VERSION}-{digest.hexdigest()[:8]}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".building")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        from bench.bank_build import build_bank

        build_bank(partial, size, eval_dir or default_eval_dir())
        partial.rename(path)
        print(f"bank {size.name} built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def bank_dataset_text(dataset: BankDataset) -> str:
    """The text the product embeds for a bank dataset."""
    from app.insight.match import dataset_text

    return dataset_text(dataset.title, dataset.description, dataset.keywords, dataset.variables)


def main() -> None:
    """Command-line entry point: build (or find) a bank and say where it is."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--questions", type=int, default=None)
    parser.add_argument("--datasets", type=int, default=None)
    parser.add_argument("--eval-dir", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    default = bank_size(args.quick)
    size = BankSize(args.questions or default.questions, args.datasets or default.datasets)
    print(bank_path(size, args.eval_dir))


if __name__ == "__main__":
    main()

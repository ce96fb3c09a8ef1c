"""The labelled sets the matcher is judged on, embedded and grouped two ways.

`bench/data/match_eval.json` holds UK poverty question groups (5-8 paraphrases each, some naming
a place) and real, named UK datasets, with a graded relevance of datasets per group (2 answers
the group's questions, 1 helps with part of them, 0 a marked hard negative; unlisted: not
relevant). The demo's questions and datasets (`app/demo/data`) are a second set: a question's
``family`` is its true group and a dataset's ``families`` the groups it serves (grade 1).

Each set is judged through two groupings:

- the **true groups**, as written;
- the **product groups**: every question embedded with the real model as the product embeds it
  (`app/bank/embeddings.encode_questions`: its text, and its text with places neutralised
  where it names one) and grouped by the product's own clusterer on the place-neutral vectors
  (`QuestionClusterer`, as `app/bank/recluster.py` runs it, over `CLUSTER_SEEDS`), with
  the terms the product matches on (`app/bank/labels.match_terms`, c-TF-IDF, as a re-cluster
  stores them). A product group is judged against the true group most of its
  questions come from; when two or more true groups tie for most, against all of them (a
  dataset graded for any counts, at its best grade). A product group that mixes true groups
  is therefore judged on its largest part only, as a reader who asks that part's question
  would judge its page.

Profiles are built the way the product builds them (`app/bank/profiles.py`): the centroid of the
group's full-text vectors, the union of their themes and places, the match terms, and the
questions themselves (ids, vectors and places) for the per-question components.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from app.insight.match import DatasetProfile, GroupProfile, dataset_text
from app.insight.places import UK_WIDE

EVAL_PATH = Path(__file__).parent / "data" / "match_eval.json"
# Leiden's result depends on its seed, and on a set this small the resolution it settles on
# does too (seed 0 gives the bench questions 18 groups, seeds 1-4 between 24 and 35): a re-cluster
# of a live bank is one such draw. The product groups are pooled over these runs of the
# product's clusterer (each otherwise at its defaults), and each run is reported too.
CLUSTER_SEEDS = (0, 1, 2, 3, 4)
DEMO_DIR = Path(__file__).resolve().parent.parent / "app" / "demo" / "data"


@dataclass(frozen=True)
class Question:
    """One question of a set: its text, the place it asks about, themes and true group."""

    id: int
    text: str
    place: str | None
    themes: frozenset[str]
    true_group: int


@dataclass(frozen=True)
class EvalGroup:
    """A group to rank datasets for, with the grades of the datasets that serve it."""

    title: str
    profile: GroupProfile
    grades: Mapping[int, int]
    # The true groups it is judged against: itself, for a true group; for a product group,
    # those most of its questions come from (one, unless tied).
    sources: tuple[int, ...]

    @cached_property
    def relevant(self) -> frozenset[int]:
        """The ids of the datasets graded 1 or 2."""
        return frozenset(d for d, grade in self.grades.items() if grade > 0)


@dataclass(frozen=True)
class Grouping:
    """One way of grouping a set's questions, ready to rank datasets for."""

    name: str
    groups: list[EvalGroup]
    datasets: list[DatasetProfile]


@dataclass(frozen=True)
class ClusterRun:
    """One run of the product's clusterer over a set's questions."""

    seed: int
    grouping: Grouping
    # The share of questions that are in their product group's largest true group.
    purity: float


@dataclass(frozen=True)
class LabelledSet:
    """A labelled set embedded once, with its true and its product groups."""

    name: str
    questions: list[Question]
    datasets: list[DatasetProfile]
    titles: dict[int, str]
    true: Grouping
    # The product groups of every clustering run, pooled, and each run on its own.
    product: Grouping
    runs: list[ClusterRun]


def _embedder() -> Any:
    from app.insight.embed import get_embedder

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return get_embedder()


def _datasets(rows: Sequence[dict[str, Any]], embedder: Any) -> list[DatasetProfile]:
    """Dataset profiles with ids from a fixed shuffle, so tie-breaking by id favours nobody."""
    ids = np.random.default_rng(0).permutation(len(rows)) + 1
    vectors = embedder.encode(
        [
            dataset_text(
                d["title"],
                d["description"],
                d["keywords"],
                d.get("variables") or (),
                d.get("population") or "",
            )
            for d in rows
        ]
    )
    return [
        DatasetProfile(
            id=int(dataset_id),
            vector=vector,
            themes=frozenset(d["themes"]),
            geography=d["geography"],
            keywords=tuple(d["keywords"]),
            title=d["title"],
            variables=tuple(d.get("variables") or ()),
            unit_of_analysis=d.get("unit_of_analysis") or "",
            population=d.get("population") or "",
            granularity=d.get("granularity") or "",
        )
        for dataset_id, vector, d in zip(ids, vectors, rows, strict=True)
    ]


@dataclass(frozen=True)
class Embedded:
    """A set's question vectors as the product stores them: of the full text, and for grouping
    (place-neutral where the text names a place, the full text's otherwise)."""

    text: np.ndarray
    grouping: np.ndarray


def _embed_questions(embedder: Any, texts: Sequence[str]) -> Embedded:
    from app.bank.embeddings import encode_questions

    pairs = encode_questions(embedder, texts)
    return Embedded(
        np.vstack([full for full, _ in pairs]),
        np.vstack([full if neutral is None else neutral for full, neutral in pairs]),
    )


def _profile(
    members: Sequence[int],
    questions: Sequence[Question],
    vectors: Embedded,
    keywords: Sequence[str],
) -> GroupProfile:
    return GroupProfile.from_questions(
        vectors.text[list(members)],
        themes=frozenset().union(*(questions[i].themes for i in members)),
        geographies=frozenset(questions[i].place for i in members),
        keywords=keywords,
        question_ids=[questions[i].id for i in members],
        question_places=[questions[i].place for i in members],
        question_themes=[questions[i].themes for i in members],
    )


def _grouping(
    name: str,
    members: dict[int, list[int]],
    questions: Sequence[Question],
    vectors: Embedded,
    true_titles: Sequence[str],
    true_grades: Sequence[Mapping[int, int]],
    datasets: list[DatasetProfile],
) -> Grouping:
    from app.bank.labels import match_terms

    terms = match_terms({g: [questions[i].text for i in ids] for g, ids in members.items()})
    groups = []
    for label, ids in members.items():
        counts = Counter(questions[i].true_group for i in ids)
        most = max(counts.values())
        sources = tuple(sorted(t for t, n in counts.items() if n == most))
        grades: dict[int, int] = {}
        for source in sources:
            for dataset_id, grade in true_grades[source].items():
                grades[dataset_id] = max(grade, grades.get(dataset_id, 0))
        title = " / ".join(true_titles[t] for t in sources)
        profile = _profile(ids, questions, vectors, terms[label])
        groups.append(EvalGroup(title, profile, grades, sources))
    return Grouping(name, groups, datasets)


def _partition(labels: Sequence[int]) -> dict[int, list[int]]:
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(int(label), []).append(i)
    return members


def _build(
    name: str,
    questions: list[Question],
    vectors: Embedded,
    datasets: list[DatasetProfile],
    true_titles: Sequence[str],
    true_grades: Sequence[Mapping[int, int]],
) -> LabelledSet:
    from app.insight.cluster import QuestionClusterer

    args = (questions, vectors, true_titles, true_grades, datasets)
    true = _grouping("true groups", _partition([q.true_group for q in questions]), *args)
    runs = []
    for seed in CLUSTER_SEEDS:
        clusterer = QuestionClusterer(random_state=seed).fit(vectors.grouping)
        members = _partition(clusterer.labels_)
        majority = sum(
            Counter(questions[i].true_group for i in ids).most_common(1)[0][1]
            for ids in members.values()
        )
        grouping = _grouping(f"product groups, seed {seed}", members, *args)
        runs.append(ClusterRun(seed, grouping, majority / len(questions)))
    pooled = Grouping("product groups", [g for run in runs for g in run.grouping.groups], datasets)
    return LabelledSet(
        name, questions, datasets, {d.id: d.title for d in datasets}, true, pooled, runs
    )


def load_bench_set(path: Path = EVAL_PATH) -> LabelledSet:
    """The bench's own labelled set, embedded and grouped."""
    data = json.loads(path.read_text())
    embedder = _embedder()
    datasets = _datasets(data["datasets"], embedder)
    id_of = {d.title: d.id for d in datasets}
    rows = [
        (q, g["themes"], index) for index, g in enumerate(data["groups"]) for q in g["questions"]
    ]
    # A question whose asker names no place is stored as UK-wide, the question form's default.
    questions = [
        Question(i, q["text"], q["place"] or UK_WIDE, frozenset(themes), index)
        for i, (q, themes, index) in enumerate(rows)
    ]
    grades = [{id_of[t]: grade for t, grade in g["relevance"].items()} for g in data["groups"]]
    vectors = _embed_questions(embedder, [q.text for q in questions])
    titles = [g["title"] for g in data["groups"]]
    return _build("bench set", questions, vectors, datasets, titles, grades)


def load_demo_set(directory: Path = DEMO_DIR) -> LabelledSet:
    """The demo's questions and datasets, with the families as truth (every family grade 1)."""
    rows = json.loads((directory / "questions.json").read_text())["items"]
    dataset_rows = json.loads((directory / "datasets.json").read_text())["items"]
    embedder = _embedder()
    datasets = _datasets(dataset_rows, embedder)
    families = sorted({r["family"] for r in rows})
    index = {family: i for i, family in enumerate(families)}
    questions = [
        Question(i, r["text"], r["geography"], frozenset(r["themes"]), index[r["family"]])
        for i, r in enumerate(rows)
    ]
    grades: list[dict[int, int]] = [{} for _ in families]
    for dataset, row in zip(datasets, dataset_rows, strict=True):
        for family in row["families"]:
            grades[index[family]][dataset.id] = 1
    vectors = _embed_questions(embedder, [q.text for q in questions])
    return _build("demo", questions, vectors, datasets, families, grades)

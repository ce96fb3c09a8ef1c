"""Which of a group's questions a dataset could answer, named by id, for the stored matches.

The engine judges a dataset question by question (`app.insight.fit`): a question is served when
the dataset is close enough to it in meaning and covers at least part of its place, and the
match's reasons say so ("Could answer 3 of the group's 12 questions", "Covers 1 of the 6 places
the questions ask about: Scotland"). This module names those questions, best fitted first, so
pages can list them; it uses the engine's own judgement, so the ids and the reasons agree.

Needs the group profile's `question_ids`, `question_vectors` and `question_places`; a profile
without them serves no question by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from app.insight.fit import QuestionEvidence, question_evidence
from app.insight.match import (
    DEFAULT_MIN_SCORE,
    DatasetProfile,
    GroupProfile,
    MatchResult,
    rank_datasets,
)
from app.insight.stacked import GroupStack


def served_question_ids(group: GroupProfile, dataset: DatasetProfile) -> tuple[int, ...]:
    """The ids of the group's questions the dataset could answer, best fitted first."""
    if not group.question_ids or group.question_vectors is None:
        return ()
    return _served_ids(group, question_evidence(group, [dataset]))


def _served_ids(group: GroupProfile, evidence: QuestionEvidence) -> tuple[int, ...]:
    """The ids of the questions served, by one dataset's evidence, best fitted first."""
    if not group.question_ids or evidence.served.shape[1] != len(group.question_ids):
        return ()
    served, fit = evidence.served[0], evidence.fit[0]
    order = np.argsort(-fit, kind="stable")
    return tuple(int(group.question_ids[i]) for i in order if served[i])


def with_serves(group: GroupProfile, dataset: DatasetProfile, result: MatchResult) -> MatchResult:
    """The engine's result with the questions the dataset serves."""
    return replace(result, serves_questions=served_question_ids(group, dataset))


def rank_datasets_serving(
    group: GroupProfile, datasets: Sequence[DatasetProfile], min_score: float = DEFAULT_MIN_SCORE
) -> list[MatchResult]:
    """Every dataset scoring at least ``min_score`` for the group, best first (the engine's
    ranking), each with the questions it serves."""
    results = rank_datasets(group, datasets, top_k=len(datasets), min_score=min_score)
    by_id = {d.id: d for d in datasets}
    return [with_serves(group, by_id[r.dataset_id], r) for r in results]


def rank_groups(
    groups: Sequence[GroupProfile] | GroupStack,
    dataset: DatasetProfile,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[tuple[int, MatchResult]]:
    """The groups one dataset could serve: (position in ``groups``, result) for each scoring at
    least ``min_score``, best first (ties by position), with the questions it serves.

    Each group's score is the engine's own (``score_match``, which ``rank_datasets`` agrees
    with), so the two directions always agree. The groups are scored all at once
    (``app.insight.stacked``); pass a ``GroupStack`` of them to score many datasets against the
    same groups without stacking them again.
    """
    stack = groups if isinstance(groups, GroupStack) else GroupStack.of(groups)
    found = [
        (position, replace(result, serves_questions=_served_ids(stack.groups[position], evidence)))
        for position, result, evidence in stack.rank(dataset, min_score)
    ]
    found.sort(key=lambda item: (-item[1].score, item[0]))
    return found

"""Workshop results from plain score rows: mean per criterion, a weighted priority, spread,
dots, raters, disagreement and a ranking with shared ranks for ties. No database, no Flask.

Missing scores are left out of a mean (an item nobody scored on a criterion has no mean for
it); the priority is the weighted mean of the criteria that have one, over their weights, so a
zero weight leaves a criterion out and a missing one does not drag an item down. An item with
no priority is listed last, without a rank.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import sqrt
from typing import NamedTuple

from app.workshops.rules import DISPUTE_RANGE, DISPUTE_SD

# Priorities equal to this many places are a tie (float sums differ in the last bits).
TIE_PLACES = 9


class Rating(NamedTuple):
    """One participant's scores for one item (None: not scored on that criterion).

    A tuple, not a dataclass: a workshop's results read thousands of them per page.
    """

    item_id: int
    participant_id: int
    scores: Mapping[str, int | None]
    dots: int = 0
    sector: str | None = None


@dataclass(frozen=True)
class Spread:
    """How far apart the scores on one criterion are."""

    sd: float
    range: int


@dataclass
class ItemResult:
    """One item's figures; ``rank`` is shared by tied items and None without a priority."""

    item_id: int
    position: int
    mean: dict[str, float | None]
    priority: float | None
    spread: dict[str, Spread | None]
    dots: int
    raters: int
    disputed: bool
    rank: int | None = None
    by_sector: dict[str, float | None] = field(default_factory=dict)


def priority_of(means: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    """The weighted mean of the criteria that have a mean and a positive weight."""
    weighted = [
        (weights.get(c, 0.0), m) for c, m in means.items() if m is not None and weights.get(c, 0)
    ]
    total = sum(w for w, _ in weighted)
    return sum(w * m for w, m in weighted) / total if total > 0 else None


def _spread(scores: list[int]) -> Spread | None:
    """Population standard deviation and range (plain floats: ``statistics.pstdev`` works in
    exact fractions, far slower than a results page can afford)."""
    if len(scores) < 2:
        return None
    mean = sum(scores) / len(scores)
    sd = sqrt(sum((s - mean) ** 2 for s in scores) / len(scores))
    return Spread(sd, max(scores) - min(scores))


def _means(given: Mapping[str, list[int]]) -> dict[str, float | None]:
    return {c: sum(s) / len(s) if s else None for c, s in given.items()}


def _item(
    item_id: int,
    position: int,
    ratings: Sequence[Rating],
    criteria: Sequence[str],
    weights: Mapping[str, float],
) -> ItemResult:
    # One pass over the item's ratings: a results page reads thousands of them.
    given: dict[str, list[int]] = {c: [] for c in criteria}
    by_sector: dict[str, dict[str, list[int]]] = {}
    dots = raters = 0
    for rating in ratings:
        sector = by_sector.setdefault(rating.sector or "", {c: [] for c in criteria})
        scored = False
        for criterion in criteria:
            score = rating.scores.get(criterion)
            if score is not None:
                given[criterion].append(score)
                sector[criterion].append(score)
                scored = True
        dots += rating.dots
        raters += 1 if scored or rating.dots > 0 else 0
    mean = _means(given)
    spread = {c: _spread(s) for c, s in given.items()}
    disputed = any(
        s is not None and (s.range >= DISPUTE_RANGE or s.sd >= DISPUTE_SD) for s in spread.values()
    )
    return ItemResult(
        item_id=item_id,
        position=position,
        mean=mean,
        priority=priority_of(mean, weights),
        spread=spread,
        dots=dots,
        raters=raters,
        disputed=disputed,
        by_sector={
            name: priority_of(_means(scores), weights) for name, scores in sorted(by_sector.items())
        },
    )


def aggregate(
    item_ids: Sequence[int],
    ratings: Iterable[Rating],
    criteria: Sequence[str],
    weights: Mapping[str, float],
) -> list[ItemResult]:
    """Every item's figures, ranked by priority (then dots, then table order).

    ``item_ids`` is the table in order; ratings of other items are ignored.
    """
    by_item: dict[int, list[Rating]] = {item_id: [] for item_id in item_ids}
    for rating in ratings:
        if rating.item_id in by_item:
            by_item[rating.item_id].append(rating)
    results = [
        _item(item_id, position, by_item[item_id], criteria, weights)
        for position, item_id in enumerate(item_ids)
    ]
    results.sort(
        key=lambda r: (
            r.priority is None,
            -round(r.priority or 0.0, TIE_PLACES),
            -r.dots,
            r.position,
        )
    )
    previous: float | None = None
    for place, result in enumerate(results, start=1):
        if result.priority is None:
            break
        key = round(result.priority, TIE_PLACES)
        result.rank = place if previous is None or key != previous else results[place - 2].rank
        previous = key
    return results

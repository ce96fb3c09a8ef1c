"""The map stays small at 100k questions: sampled dots, a capped number of linked groups."""

from __future__ import annotations

import numpy as np
from flask import render_template

from app.bank.mapview import (
    HEIGHT,
    LINKED_GROUPS,
    UNGROUPED_COLOUR,
    WIDTH,
    GroupMap,
    MapGroup,
    MapPoint,
    group_colour,
)
from app.insight.layout import MAX_POINTS, stratified_sample

MAX_BYTES = 300_000


def _map(n_groups: int, n_questions: int = 100_000) -> GroupMap:
    """A bank of 100k questions in groups of Zipf-like sizes, sampled as compute_map does."""
    rng = np.random.default_rng(0)
    sizes = np.maximum((n_questions / np.arange(1, n_groups + 1) ** 0.7).astype(int), 5)
    labels = np.repeat(np.arange(n_groups), sizes)[:n_questions]
    chosen = stratified_sample(labels, MAX_POINTS)
    xy = rng.integers(60, [WIDTH - 60, HEIGHT - 60], size=(n_groups, 2))
    points: dict[int, list[MapPoint]] = {}
    for i in chosen:
        g = int(labels[i])
        points.setdefault(g, []).append(MapPoint(int(i), int(xy[g][0]) + 3, int(xy[g][1]) - 2))
    groups = tuple(
        MapGroup(
            id=10_000 + g,
            title=("Universal Credit payment and food bank referrals " * 2)[:80],
            size=int(sizes[g]),
            colour=group_colour(10_000 + g, g % 24, g % 3),
            x=int(xy[g][0]),
            y=int(xy[g][1]),
            radius=12.5,
            points=tuple(points.get(g, ())),
            topic_id=g % 24,
            topic_title="Housing costs, rent arrears and evictions",
        )
        for g in range(n_groups)
    )
    return GroupMap(WIDTH, HEIGHT, groups, (), n_questions, len(chosen))


def test_the_map_of_100k_questions_stays_under_300_kb(app) -> None:
    for n_groups in (40, 2_000, 6_000):
        drawn = _map(n_groups)
        with app.test_request_context("/groups/map"):
            page = render_template(
                "clusters/map.html",
                group_map=drawn,
                ungrouped_colour=UNGROUPED_COLOUR,
                table_rows=200,
            )
        svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
        assert len(page.encode()) <= MAX_BYTES, (n_groups, len(page.encode()))
        assert svg.count('<a href="/groups/') == min(n_groups, LINKED_GROUPS)
        assert svg.count("h0") == drawn.sample_size

"""The 2×2 chart's layout: coinciding items share a marker, and no label covers another label,
a marker or a corner's name."""

from __future__ import annotations

import itertools
import random

from app.workshops.chart import (
    FRAME,
    Box,
    ChartPoint,
    _corner_names,
    _leader,
    layout,
    quadrant_svg,
)


def _points(pairs: list[tuple[float, float]]) -> list[ChartPoint]:
    return [
        ChartPoint(str(rank), f"Item number {rank} about something", gap, value)
        for rank, (gap, value) in enumerate(pairs, start=1)
    ]


def test_items_with_equal_means_share_one_marker_listing_both_ranks() -> None:
    markers = layout(_points([(4.0, 4.0), (4.0, 4.0), (4.05, 3.95), (2.0, 2.0)]))
    assert [marker.numbers for marker in markers] == ["1, 2, 3", "4"]
    shared = markers[0]
    assert shared.lines == [
        "1. Item number 1 about somethi…",
        "2. Item number 2 about somethi…",
        "3. Item number 3 about somethi…",
    ]
    assert shared.label_box is not None


def test_no_label_overlaps_anything_even_when_crowded() -> None:
    generator = random.Random(7)
    pairs = [(generator.uniform(1, 5), generator.uniform(1, 5)) for _ in range(40)]
    markers = layout(_points(pairs))
    labels = [marker.label_box for marker in markers if marker.label_box is not None]
    fixed = [marker.box for marker in markers] + [box for box, *_ in _corner_names()]
    assert labels, "some labels must find a place"
    for label in labels:
        assert label.inside(FRAME)
        assert not any(label.overlaps(box) for box in fixed)
    for first, second in itertools.combinations(labels, 2):
        assert not first.overlaps(second)


def test_every_item_keeps_its_rank_on_the_chart_even_without_a_label() -> None:
    pairs = [(3.0 + 0.1 * (i % 7), 3.0 + 0.1 * (i // 7)) for i in range(40)]
    svg = str(quadrant_svg(_points(pairs), "chart"))
    markers = layout(_points(pairs))
    shown = [number for marker in markers for number in marker.numbers.split(", ")]
    assert sorted(shown, key=int) == [str(rank) for rank in range(1, 41)]
    assert svg.count('class="quadrant-point"') == len(markers)


def test_a_label_set_away_from_its_marker_is_joined_to_it_by_a_line() -> None:
    marker = layout(_points([(3.0, 3.0)]))[0]
    own = marker.box
    beside = Box(own.right + 4, marker.y - 7, own.right + 120, marker.y + 8)
    above_right = Box(own.right + 4, own.top - 40, own.right + 120, own.top - 25)
    assert _leader(marker, beside) == ""
    assert _leader(marker, above_right).startswith("<line ")


def test_points_that_merely_touch_keep_their_own_markers() -> None:
    markers = layout(_points([(3.0, 3.0), (3.2, 3.0)]))  # about 26 px apart
    assert [marker.numbers for marker in markers] == ["1", "2"]

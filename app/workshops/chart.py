"""The value × gap 2×2: a server-rendered SVG of each item's mean value (up) against its mean
gap in understanding (across), split at the scale's middle, each point labelled with its rank
and a short label. Items without both means are left out (the table beside it lists them).

Items whose means (nearly) coincide share one marker listing their ranks, and labels are placed
where they overlap neither another label nor a marker; an item whose label finds no free place
keeps its rank on the marker, and the table beside the chart names it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from app.workshops.rules import SCORE_MAX, SCORE_MIN

WIDTH, HEIGHT = 640, 480
MARGIN = 56
LABEL_CHARS = 28
RADIUS = 11
# Wide enough for DejaVu Sans at these sizes, so a box never under-states its text.
CHAR_WIDTH = {11: 6.6, 12: 7.2}
LINE_HEIGHT = 15
GAP = 4
# Points are kept this far inside the frame: the bands above and below them hold the corner names.
INSET_X, INSET_Y = 16, 40
QUADRANTS = (
    # (name, explanation, at gap, at value): where each corner's name is written.
    ("Act now", "high value, little known", "right", "top"),
    ("Use what is known", "high value, well understood", "left", "top"),
    ("Research first", "little known, lower value", "right", "bottom"),
    ("Leave for now", "lower value, well understood", "left", "bottom"),
)


@dataclass(frozen=True)
class ChartPoint:
    """One item on the chart."""

    number: str
    label: str
    gap: float
    value: float


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in the chart's coordinates."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """Whether the two rectangles share any area."""
        return not (
            self.right <= other.left
            or other.right <= self.left
            or self.bottom <= other.top
            or other.bottom <= self.top
        )

    def inside(self, frame: Box) -> bool:
        """Whether this rectangle lies wholly within ``frame``."""
        return (
            self.left >= frame.left
            and self.right <= frame.right
            and self.top >= frame.top
            and self.bottom <= frame.bottom
        )


@dataclass
class Marker:
    """One disc (or pill, when several items share it) and the labels placed beside it."""

    x: float
    y: float
    points: list[ChartPoint] = field(default_factory=list)
    label_box: Box | None = None

    @property
    def numbers(self) -> str:
        """The ranks the marker shows."""
        return ", ".join(point.number for point in self.points)

    @property
    def box(self) -> Box:
        """The marker's own outline."""
        half = max(RADIUS, len(self.numbers) * CHAR_WIDTH[11] / 2 + 5)
        return Box(self.x - half, self.y - RADIUS, self.x + half, self.y + RADIUS)

    @property
    def lines(self) -> list[str]:
        """The label lines: the item's label, or each item's rank and label when several."""
        if len(self.points) == 1:
            return [_short(self.points[0].label)]
        return [f"{point.number}. {_short(point.label)}" for point in self.points]


def _x(gap: float) -> float:
    span = WIDTH - 2 * (MARGIN + INSET_X)
    return MARGIN + INSET_X + (gap - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * span


def _y(value: float) -> float:
    span = HEIGHT - 2 * (MARGIN + INSET_Y)
    return HEIGHT - MARGIN - INSET_Y - (value - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * span


FRAME = Box(MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN)


def _corner_names() -> list[tuple[Box, str, str, str]]:
    """Each corner's box, text anchor and two lines, inside the frame's top and bottom bands."""
    corners = []
    for name, explanation, across, up in QUADRANTS:
        width = max(len(name), len(explanation)) * CHAR_WIDTH[11]
        left = FRAME.right - 6 - width if across == "right" else FRAME.left + 6
        top = FRAME.top + 4 if up == "top" else FRAME.bottom - 4 - 2 * 14
        anchor = "end" if across == "right" else "start"
        corners.append((Box(left, top, left + width, top + 28), anchor, name, explanation))
    return corners


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _label_candidates(marker: Marker) -> list[Box]:
    """Where the label block may go, in order of preference: right, left, above, below, the
    four diagonals, then right and left a line or two higher or lower."""
    width = max(len(line) for line in marker.lines) * CHAR_WIDTH[12]
    height = len(marker.lines) * LINE_HEIGHT
    own = marker.box
    right = own.right + GAP
    left = own.left - GAP - width
    centred = marker.x - width / 2
    middle = marker.y - height / 2
    above = own.top - GAP - height
    below = own.bottom + GAP
    spots = [
        (right, middle),
        (left, middle),
        (centred, above),
        (centred, below),
        (right, above),
        (right, below),
        (left, above),
        (left, below),
        *(
            (side, middle + shift * LINE_HEIGHT)
            for shift in (-1.5, 1.5, -2.5, 2.5)
            for side in (right, left)
        ),
    ]
    return [Box(x, y, x + width, y + height) for x, y in spots]


def layout(points: Sequence[ChartPoint]) -> list[Marker]:
    """Markers for ``points`` (in rank order) with a non-overlapping place for each label block,
    or none when no candidate place is free."""
    markers: list[Marker] = []
    for point in points:
        x, y = round(_x(point.gap), 1), round(_y(point.value), 1)
        # Only points that would hide each other share a marker; discs that merely touch stay
        # apart (outlined, so both show), each where its means put it.
        near = next((m for m in markers if math.dist((m.x, m.y), (x, y)) < RADIUS), None)
        if near is None:
            markers.append(Marker(x, y, [point]))
        else:
            near.points.append(point)
    taken = [marker.box for marker in markers] + [box for box, *_ in _corner_names()]
    for marker in markers:
        for candidate in _label_candidates(marker):
            if candidate.inside(FRAME) and not any(candidate.overlaps(box) for box in taken):
                marker.label_box = candidate
                taken.append(candidate)
                break
    return markers


def _leader(marker: Marker, label: Box) -> str:
    """A thin line from the marker to a label that is not set squarely beside it (level with it
    on the left or right, or centred above or below), so every label reads as its marker's."""
    own = marker.box
    level = label.top <= marker.y <= label.bottom and (
        label.left >= own.right or label.right <= own.left
    )
    centred = abs((label.left + label.right) / 2 - marker.x) < 1
    if level or centred:
        return ""
    near_x = min(max(marker.x, label.left), label.right)
    near_y = min(max(marker.y, label.top), label.bottom)
    dx, dy = near_x - marker.x, near_y - marker.y
    distance = (dx * dx + dy * dy) ** 0.5 or 1.0
    start_x, start_y = marker.x + dx / distance * RADIUS, marker.y + dy / distance * RADIUS
    return (
        f'<line x1="{start_x:.1f}" y1="{start_y:.1f}" x2="{near_x:.1f}" y2="{near_y:.1f}" '
        'stroke="#505a5f" stroke-width="1"/>'
    )


def _marker_svg(marker: Marker) -> str:
    own = marker.box
    parts = [
        f'<g class="quadrant-point"><title>{escape("; ".join(marker.lines))}</title>',
        f'<rect x="{own.left:.1f}" y="{own.top:.1f}" width="{own.right - own.left:.1f}" '
        f'height="{2 * RADIUS}" rx="{RADIUS}" fill="#1d70b8" stroke="#ffffff" stroke-width="1.5"/>',
        f'<text x="{marker.x}" y="{marker.y + 4}" text-anchor="middle" font-size="11" '
        f'fill="#ffffff">{escape(marker.numbers)}</text>',
    ]
    label = marker.label_box
    if label is not None:
        parts.append(_leader(marker, label))
        # A block left of its marker is set flush right and one above or below it centred, so
        # the text sits by the marker whatever its rendered width.
        if label.right <= own.left:
            x, anchor = label.right, "end"
        elif label.left >= own.right:
            x, anchor = label.left, "start"
        else:
            x, anchor = marker.x, "middle"
        for row, line in enumerate(marker.lines):
            baseline = label.top + (row + 1) * LINE_HEIGHT - 4
            parts.append(
                f'<text class="quadrant-label" x="{x:.1f}" y="{baseline:.1f}" '
                f'text-anchor="{anchor}" font-size="12" fill="#0b0c0c">{escape(line)}</text>'
            )
    parts.append("</g>")
    return "".join(parts)


def quadrant_svg(points: Sequence[ChartPoint], title: str) -> Markup:
    """The chart as inline SVG markup, described for screen readers by ``title``."""
    middle = (SCORE_MIN + SCORE_MAX) / 2
    mx, my = _x(middle), _y(middle)
    left, right, top, bottom = MARGIN, WIDTH - MARGIN, MARGIN, HEIGHT - MARGIN
    parts = [
        f'<svg class="quadrant-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="quadrant-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="quadrant-title">{escape(title)}</title>',
        f'<rect x="{mx}" y="{top}" width="{right - mx}" height="{my - top}" fill="#e8f3ec"/>',
        f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" '
        'fill="none" stroke="#505a5f"/>',
        f'<line x1="{mx}" y1="{top}" x2="{mx}" y2="{bottom}" stroke="#505a5f" '
        'stroke-dasharray="4 4"/>',
        f'<line x1="{left}" y1="{my}" x2="{right}" y2="{my}" stroke="#505a5f" '
        'stroke-dasharray="4 4"/>',
    ]
    for box, anchor, name, explanation in _corner_names():
        x = box.right if anchor == "end" else box.left
        parts.append(
            f'<text x="{x:.1f}" y="{box.top + 11:.1f}" text-anchor="{anchor}" font-size="11" '
            f'font-weight="bold" fill="#383f43">{escape(name)}</text>'
            f'<text x="{x:.1f}" y="{box.top + 25:.1f}" text-anchor="{anchor}" font-size="11" '
            f'fill="#383f43">{escape(explanation)}</text>'
        )
    parts.append(
        f'<text x="{WIDTH / 2}" y="{HEIGHT - 16}" text-anchor="middle" font-size="13" '
        'fill="#0b0c0c">Gap in understanding (mean, 1–5) →</text>'
    )
    parts.append(
        f'<text x="18" y="{HEIGHT / 2}" text-anchor="middle" font-size="13" fill="#0b0c0c" '
        f'transform="rotate(-90 18 {HEIGHT / 2})">Value of the action (mean, 1–5) →</text>'
    )
    for tick in range(SCORE_MIN, SCORE_MAX + 1):
        parts.append(
            f'<text x="{_x(tick)}" y="{bottom + 16}" text-anchor="middle" font-size="11" '
            f'fill="#383f43">{tick}</text>'
        )
        parts.append(
            f'<text x="{left - 8}" y="{_y(tick) + 4}" text-anchor="end" font-size="11" '
            f'fill="#383f43">{tick}</text>'
        )
    parts.extend(_marker_svg(marker) for marker in layout(points))
    parts.append("</svg>")
    return Markup("".join(parts))

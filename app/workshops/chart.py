"""The value × gap 2×2: a server-rendered SVG of each item's mean value (up) against its mean
gap in understanding (across), split at the scale's middle, each point labelled with its rank
and a short label. Items without both means are left out (the table beside it lists them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from app.workshops.rules import SCORE_MAX, SCORE_MIN

WIDTH, HEIGHT = 640, 480
MARGIN = 56
LABEL_CHARS = 28
QUADRANTS = (
    # (label, at gap, at value): where each corner's name is written.
    ("Act now: high value, little known", "right", "top"),
    ("Use what is known: high value, well understood", "left", "top"),
    ("Research first: little known, lower value", "right", "bottom"),
    ("Leave for now", "left", "bottom"),
)


@dataclass(frozen=True)
class ChartPoint:
    """One item on the chart."""

    number: str
    label: str
    gap: float
    value: float


def _x(gap: float) -> float:
    return MARGIN + (gap - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * (WIDTH - 2 * MARGIN)


def _y(value: float) -> float:
    return HEIGHT - MARGIN - (value - SCORE_MIN) / (SCORE_MAX - SCORE_MIN) * (HEIGHT - 2 * MARGIN)


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


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
    for name, across, up in QUADRANTS:
        x = right - 6 if across == "right" else left + 6
        y = top + 16 if up == "top" else bottom - 8
        anchor = "end" if across == "right" else "start"
        parts.append(
            f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="12" fill="#383f43">'
            f"{escape(name)}</text>"
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
    for point in points:
        cx, cy = round(_x(point.gap), 1), round(_y(point.value), 1)
        anchor, dx = ("end", -14) if cx > WIDTH - 200 else ("start", 14)
        parts.append(
            f'<g class="quadrant-point"><circle cx="{cx}" cy="{cy}" r="11" fill="#1d70b8"/>'
            f'<text x="{cx}" y="{cy + 4}" text-anchor="middle" font-size="11" fill="#ffffff">'
            f"{escape(point.number)}</text>"
            f'<text x="{cx + dx}" y="{cy + 4}" text-anchor="{anchor}" font-size="12" '
            f'fill="#0b0c0c">{escape(_short(point.label))}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))

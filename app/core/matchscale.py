"""One scale for every match the site shows: a strength in words and a percentage.

The engine scores a match from 0 to 1 and keeps those at or above ``DEFAULT_MIN_SCORE`` (0.30,
the highest threshold that still keeps 95% of the pairs the bench grades as answering a group's
questions directly, through the product's own groups). Re-checked on that bench
(``python -m bench.match_quality``): such a direct match scores a median of 0.57 through the
product's groups and 0.68 through the true groups; a dataset not relevant to a group reaches
"good or better" about once per group and "strong" once in five groups:

- **strong** from 0.60: as good as a typical direct match on the bench;
- **good** from 0.45: clearly above the minimum, short of typical (the middle band);
- **possible** from the minimum: kept so as to miss few real matches, so worth a look only.

The thresholds are here and nowhere else; templates use the ``match_strength`` and
``match_reason`` filters (registered once, in ``register_filters``) and the API the same
``strength``.
"""

from __future__ import annotations

import re

from flask import Flask

from app.insight.match import DEFAULT_MIN_SCORE

STRONG_FROM = 0.60
GOOD_FROM = 0.45
STRENGTHS = ("strong", "good", "possible")

# The engine's reasons may carry a raw component score, as in "Similar in meaning (0.93)".
_RAW_NUMBER = re.compile(r"\s*\(\d*\.\d+\)")


def strength(score: float) -> str:
    """The strength of a match score in one word: "strong", "good" or "possible"."""
    if score >= STRONG_FROM:
        return "strong"
    if score >= GOOD_FROM:
        return "good"
    return "possible"


def percent(score: float) -> int:
    """A 0–1 score as a whole percentage."""
    return round(score * 100)


def strength_label(score: float) -> str:
    """The match as every page shows it: "Strong match (72%)"."""
    return f"{strength(score).capitalize()} match ({percent(score)}%)"


def plain_reason(reason: str) -> str:
    """A reason in words only, without the raw decimals the engine adds."""
    return _RAW_NUMBER.sub("", reason)


def register_filters(app: Flask) -> None:
    """Make the scale available to every template."""
    app.jinja_env.filters["match_strength"] = strength_label
    app.jinja_env.filters["match_reason"] = plain_reason
    app.jinja_env.globals["match_minimum"] = percent(DEFAULT_MIN_SCORE)
    app.jinja_env.globals["match_strong_from"] = percent(STRONG_FROM)
    app.jinja_env.globals["match_good_from"] = percent(GOOD_FROM)

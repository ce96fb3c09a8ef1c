"""The limits a question and its curation must respect, and the text checks they share."""

from __future__ import annotations

import unicodedata

from models import QuestionStatus

TEXT_MIN, TEXT_MAX = 10, 500
ACTION_MIN, ACTION_MAX = 10, 500
GEOGRAPHY_MAX = 120
DEFAULT_GEOGRAPHY = "UK-wide"
MAX_THEMES = 3
MAX_POPULATION_GROUPS, POPULATION_GROUP_MAX = 5, 60
NOTE_MAX = 1000
REASON_MIN, REASON_MAX = 3, 500
ANSWER_URL_MAX, ANSWER_SUMMARY_MAX = 500, 300
SEARCH_MAX = 200

# The order a question moves along on its way to an answer. Facilitators may skip ahead (an
# answer can turn up for a question nobody prioritised) and archive from anywhere, but nothing
# moves backwards and the archive is final, so the history always reads forwards.
STATUS_ORDER = (
    QuestionStatus.OPEN,
    QuestionStatus.PRIORITISED,
    QuestionStatus.BEING_ANSWERED,
    QuestionStatus.ANSWERED,
)


def allowed_statuses(current: QuestionStatus) -> list[QuestionStatus]:
    """The statuses a question can move to from its current one."""
    if current is QuestionStatus.ARCHIVED:
        return []
    return [*STATUS_ORDER[STATUS_ORDER.index(current) + 1 :], QuestionStatus.ARCHIVED]


def squash(text: str | None) -> str:
    """Text as a reader sees it: invisible control and format characters (a right-to-left
    override, zero-width spaces) dropped, runs of whitespace folded, the ends trimmed."""
    shown = "".join(
        char
        for char in (text or "")
        if char.isspace() or unicodedata.category(char) not in {"Cc", "Cf"}
    )
    return " ".join(shown.split())


def length_error(value: str, label: str, low: int, high: int) -> str | None:
    """Why a text is too short or too long for a field, or None when it fits."""
    if not value:
        return f"Write {label}."
    if len(value) < low:
        return f"Write {label} in at least {low} characters."
    if len(value) > high:
        return f"Keep {label} to {high} characters or fewer (it has {len(value)})."
    return None


# Asking embeds and groups a question: generous for a person, a brake on a script.
ASK_RATE_LIMIT = "20 per hour"
# The similar-questions search runs as a member types (debounced): a few a second at most.
SIMILAR_RATE_LIMIT = "120 per minute"

"""The limits a question and its curation must respect."""

from __future__ import annotations

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


# Asking embeds and groups a question: generous for a person, a brake on a script.
ASK_RATE_LIMIT = "20 per hour"
# The similar-questions search runs as a member types (debounced): a few a second at most.
SIMILAR_RATE_LIMIT = "120 per minute"

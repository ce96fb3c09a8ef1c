"""The limits a question and its curation must respect, and the errors refused input raises."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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


class QuestionError(ValueError):
    """A use case refused its input; ``errors`` maps each field at fault to its messages."""

    def __init__(self, errors: Mapping[str, Sequence[str]]) -> None:
        self.errors = {name: list(messages) for name, messages in errors.items()}
        super().__init__(self.message)

    @classmethod
    def on(cls, field_name: str, message: str) -> QuestionError:
        """An error about one field."""
        return cls({field_name: [message]})

    @property
    def field(self) -> str:
        """The first field at fault."""
        return next(iter(self.errors))

    @property
    def message(self) -> str:
        """The first message, for a flash or a one-line API answer."""
        return self.errors[self.field][0]


class AlreadyDone(QuestionError):
    """The member already did this (supported or flagged the question); nothing changed."""


class QuestionNotFound(LookupError):
    """No such question, or the viewer may not read it: the two look the same from outside."""

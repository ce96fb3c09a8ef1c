"""The few errors every service raises, whatever the feature.

Services raise these and nothing else for refusals; ``app.core.web`` maps each kind once to an
HTML page or a JSON body, so no route catches and re-maps them (forms catch ``Refused`` only to
show the messages beside their fields).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


class ServiceError(Exception):
    """A use case would not do what it was asked; ``status`` is the HTTP answer for it."""

    status = 400
    title = "Bad request"

    def __init__(self, message: str, details: Mapping[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        # Extra members of the JSON error body, such as the id a record moved to.
        self.details: dict[str, Any] = dict(details or {})


class Refused(ServiceError):
    """The input breaks a rule; ``errors`` maps each field at fault to its messages (422)."""

    status = 422
    title = "Check your input"

    def __init__(
        self, errors: Mapping[str, Sequence[str]], details: Mapping[str, Any] | None = None
    ) -> None:
        self.errors = {name: list(messages) for name, messages in errors.items() if messages}
        if not self.errors:
            raise ValueError("Refused needs at least one field error")
        super().__init__(self.errors[self.field][0], details)

    @classmethod
    def on(cls, field_name: str, message: str) -> Refused:
        """A refusal about one field."""
        return cls({field_name: [message]})

    @property
    def field(self) -> str:
        """The first field at fault."""
        return next(iter(self.errors))


class BadRequest(Refused):
    """The request itself is malformed (not a JSON object, a query argument out of range) (400)."""

    status = 400
    title = "Bad request"


class Conflict(Refused):
    """The request clashes with what is already there (done twice, say); nothing changed (409)."""

    status = 409
    title = "Conflict"


class NotFound(ServiceError):
    """No such record, or the viewer may not read it: the two look the same from outside (404)."""

    status = 404
    title = "Not found"

    def __init__(self, message: str = "There is nothing here you can read.") -> None:
        super().__init__(message)


class Moved(NotFound):
    """The record was folded into another (a merged group); ``to_id`` is where it lives now.

    ``kind`` names the sort of record, so the web layer knows which page shows ``to_id``.
    """

    def __init__(self, message: str, kind: str, to_id: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.to_id = to_id
        self.details = {"merged_into": to_id}


class Forbidden(ServiceError):
    """The actor's role does not allow this (403)."""

    status = 403
    title = "Not allowed"

"""What the question pages and the question API share about the request."""

from __future__ import annotations

from flask_login import current_user

from models import User

# Asking embeds and groups a question: generous for a person, a brake on a script.
ASK_RATE_LIMIT = "20 per hour"
# The similar-questions search runs as a member types (debounced): a few a second at most.
SIMILAR_RATE_LIMIT = "120 per minute"


def viewer() -> User | None:
    """The signed-in member, or None for a visitor."""
    return current_user._get_current_object() if current_user.is_authenticated else None

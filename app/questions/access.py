"""Who may read which question: the one rule every listing, page and search applies."""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, true

from models import Question, User, Visibility


def readable_by(viewer: User | None, include_hidden: bool = False) -> ColumnElement[bool]:
    """A filter for the questions a viewer may read.

    Anyone reads public questions; signed-in members also read members-only ones; a private
    question is read only by its asker's organisation. Hidden questions are left out unless
    ``include_hidden`` (moderators reviewing them).
    """
    signed_in = viewer is not None and viewer.is_authenticated
    allowed = [Question.visibility == Visibility.PUBLIC]
    if signed_in:
        allowed.append(Question.visibility == Visibility.MEMBERS)
        allowed.append(
            and_(
                Question.visibility == Visibility.PRIVATE,
                Question.organisation_id == viewer.organisation_id,
            )
        )
    shown = true() if include_hidden else Question.hidden.is_(False)
    return and_(shown, or_(*allowed)) if allowed else false()


def can_read(viewer: User | None, question: Question) -> bool:
    """Whether a viewer may read this question (moderators also read hidden ones)."""
    signed_in = viewer is not None and viewer.is_authenticated
    if question.hidden and not (signed_in and viewer.is_facilitator):
        return False
    if question.visibility is Visibility.PUBLIC:
        return True
    if question.visibility is Visibility.MEMBERS:
        return signed_in
    return signed_in and viewer.organisation_id == question.organisation_id

"""Curating and moderating questions: status along the way to an answer, answer links,
flags, hiding and restoring. Facilitators and admins only, except flagging.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.bank.embeddings import grouping_vector
from app.bank.grouping import assign_question, refresh_demand_figures
from app.bank.index import question_index
from app.bank.matchstore import refresh_groups
from app.core.errors import Conflict, Refused
from app.core.policy import require_curator, require_member
from app.core.text import length_error, squash
from app.questions.rules import (
    ANSWER_SUMMARY_MAX,
    ANSWER_URL_MAX,
    NOTE_MAX,
    REASON_MAX,
    REASON_MIN,
    allowed_statuses,
)
from app.questions.service import get_question, visible_question
from models import (
    AnswerLink,
    ClusterState,
    Flag,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    User,
    utcnow,
)


def _refresh_group(session: Session, question: Question) -> None:
    """A question came or went from its group's visible members: recount the group."""
    if question.cluster_id is not None:
        refresh_demand_figures(session, [question.cluster_id])
        refresh_groups(session, [question.cluster_id])


def change_status(
    session: Session, actor: User, question_id: int, status: str, note: str = ""
) -> Question:
    """Move a question along its way to an answer, recording who did it and why.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such question.
    :raise Refused: the move is not allowed or the note is too long.
    """
    require_curator(actor)
    question = get_question(session, actor, question_id)
    try:
        target = QuestionStatus(status)
    except ValueError:
        raise Refused.on("status", "Choose a status from the list.") from None
    if target not in allowed_statuses(question.status):
        raise Refused.on(
            "status",
            f"A question that is {question.status.label.lower()} cannot become "
            f"{target.label.lower()}.",
        )
    if target is QuestionStatus.ANSWERED and not question.answer_links:
        raise Refused.on(
            "status",
            "Add a link to the answer first: an answered question says where to read it.",
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise Refused.on("note", f"Keep the note to {NOTE_MAX} characters or fewer.")
    question.status_changes.append(
        QuestionStatusChange(
            from_status=question.status, to_status=target, changed_by_id=actor.id, note=note
        )
    )
    question.status = target
    session.commit()
    return question


def add_answer_link(
    session: Session, actor: User, question_id: int, url: str, summary: str
) -> AnswerLink:
    """Attach a link to where an answer can be read, with a one-line summary.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such question.
    :raise Refused: the link is not an http(s) address or the summary is missing or long.
    """
    require_curator(actor)
    question = get_question(session, actor, question_id)
    url, summary = (url or "").strip(), squash(summary or "")
    errors: dict[str, list[str]] = {}
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or " " in url:
        errors["url"] = ["Give a web address starting with http:// or https://."]
    elif len(url) > ANSWER_URL_MAX:
        errors["url"] = [f"Keep the address to {ANSWER_URL_MAX} characters or fewer."]
    if message := length_error(summary, "a one-line summary", 1, ANSWER_SUMMARY_MAX):
        errors["summary"] = [message]
    if errors:
        raise Refused(errors)
    link = AnswerLink(question_id=question.id, url=url, summary=summary, added_by_id=actor.id)
    session.add(link)
    session.commit()
    return link


def flag_question(session: Session, user: User, question_id: int, reason: str) -> Flag:
    """Report a question to the moderators, once per member.

    :raise NotFound: the user may not read the question.
    :raise Refused: the reason is missing or too long.
    :raise Conflict: the user already flagged it.
    """
    require_member(user)
    question = visible_question(session, user, question_id)
    reason = squash(reason or "")
    if message := length_error(reason, "why it needs a look", REASON_MIN, REASON_MAX):
        raise Refused.on("reason", message)
    flag = Flag(question_id=question.id, user_id=user.id, reason=reason)
    session.add(flag)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Conflict.on("reason", "You have already flagged this question.") from None
    session.commit()
    return flag


def hide_question(session: Session, actor: User, question_id: int, reason: str) -> Question:
    """Hide a question from every listing, search and group, and resolve its flags.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such question.
    :raise Refused: no reason given, or already hidden.
    """
    require_curator(actor)
    question = get_question(session, actor, question_id)
    reason = squash(reason or "")
    if message := length_error(reason, "why it is hidden", REASON_MIN, REASON_MAX):
        raise Refused.on("reason", message)
    if question.hidden:
        raise Refused.on("reason", "This question is already hidden.")
    now = utcnow()
    question.hidden, question.hidden_reason = True, reason
    question.hidden_by_id, question.hidden_at = actor.id, now
    for flag in session.scalars(
        select(Flag).where(Flag.question_id == question.id, Flag.resolved_at.is_(None))
    ):
        flag.resolved_at = now
    session.flush()
    _refresh_group(session, question)
    session.commit()
    question_index().note(question)
    return question


def restore_question(session: Session, actor: User, question_id: int) -> Question:
    """Bring a hidden question back into listings, search and its group.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such question.
    :raise Refused: it is not hidden.
    """
    require_curator(actor)
    question = get_question(session, actor, question_id)
    if not question.hidden:
        raise Refused.on("reason", "This question is not hidden.")
    question.hidden, question.hidden_reason = False, None
    question.hidden_by_id, question.hidden_at = None, None
    session.flush()
    if question.cluster is not None and question.cluster.state is ClusterState.ACTIVE:
        _refresh_group(session, question)
    elif question.embedding is not None:  # its group went while it was hidden: join the nearest
        assign_question(session, question, grouping_vector(question))
    session.commit()
    question_index().note(question)
    return question


HIDDEN_SHOWN = 100


@dataclass(frozen=True)
class ModerationQueue:
    """What moderators look at: questions with open flags, and the latest hidden ones."""

    flagged: list[tuple[Question, list[Flag]]]
    hidden: list[Question]


def moderation_queue(session: Session, actor: User) -> ModerationQueue:
    """Questions flagged and not yet dealt with, most-flagged first, and hidden questions.

    :raise Forbidden: the actor is not a facilitator or admin.
    """
    require_curator(actor)
    flags = session.scalars(
        select(Flag)
        .join(Flag.question)
        .where(Flag.resolved_at.is_(None), Question.hidden.is_(False))
        .options(selectinload(Flag.question).selectinload(Question.organisation))
        .order_by(Flag.created_at)
    )
    by_question: dict[int, tuple[Question, list[Flag]]] = {}
    for flag in flags:
        by_question.setdefault(flag.question_id, (flag.question, []))[1].append(flag)
    hidden = session.scalars(
        select(Question)
        .where(Question.hidden.is_(True))
        .options(selectinload(Question.organisation))
        .order_by(Question.hidden_at.desc())
        .limit(HIDDEN_SHOWN)
    )
    return ModerationQueue(
        flagged=sorted(by_question.values(), key=lambda item: -len(item[1])),
        hidden=list(hidden),
    )


def dismiss_flags(session: Session, actor: User, question_id: int) -> int:
    """Mark a question's open flags as dealt with, leaving it visible; returns how many.

    :raise Forbidden: the actor is not a facilitator or admin.
    :raise NotFound: no such question.
    """
    require_curator(actor)
    question = get_question(session, actor, question_id)
    flags = list(
        session.scalars(
            select(Flag).where(Flag.question_id == question.id, Flag.resolved_at.is_(None))
        )
    )
    for flag in flags:
        flag.resolved_at = utcnow()
    session.commit()
    return len(flags)

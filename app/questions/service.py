"""Question use cases: asking (with the review of similar questions), reading and support.

Functions take a Session and plain values, authorise the actor through ``app.core.policy``, own
their transaction and raise the core errors: ``Refused`` (field messages, 422), ``Conflict``
(done already, 409), ``Forbidden`` (403) and ``NotFound`` (missing or unreadable, 404).
Curation and moderation are in ``moderation``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload

from app.bank.embeddings import embedder, encode_questions, store_vector
from app.bank.grouping import assign_question, refresh_demand_figures
from app.bank.holdings import organisation_datasets
from app.bank.index import question_index
from app.bank.matching import GroupMatches, cluster_matches
from app.bank.partners import PartnershipLine, question_partnership_lines
from app.bank.support import sector_counts, supported_ids
from app.core.errors import Conflict, NotFound
from app.core.policy import readable_by, require_member, require_readable
from app.questions.drafts import QuestionDraft, ValidDraft, open_question, validate_draft
from app.questions.rules import allowed_statuses
from app.questions.similar import SimilarQuestion, similar_to_question, similar_to_vector
from models import (
    Dataset,
    Flag,
    Pledge,
    PledgeStatus,
    Question,
    QuestionStatus,
    Sector,
    Support,
    User,
)


@dataclass(frozen=True)
class AskOutcome:
    """What asking did: posted the question, or found similar ones to review first."""

    question: Question | None
    similar: list[SimilarQuestion]

    @property
    def posted(self) -> bool:
        """Whether the question was stored."""
        return self.question is not None


def ask_question(
    session: Session,
    author: User,
    draft: QuestionDraft,
    *,
    seen: Collection[int] = (),
    confirm: bool = False,
) -> AskOutcome:
    """Ask a question without duplicating one: validate once, embed once, then either post it
    or return the similar questions the author has not seen yet.

    Similar questions the author was already shown (``seen``, from the panel beside the form) do
    not stop the post; ``confirm`` posts whatever is similar. A posted question is embedded and
    joins its nearest group in one commit.

    :raise Forbidden: the author cannot act (deactivated).
    :raise Refused: the draft breaks a rule; nothing is written.
    """
    require_member(author)
    valid = validate_draft(session, draft)
    model = embedder()
    [(vector, grouping)] = encode_questions(model, [valid.text])
    similar = similar_to_vector(session, author, vector)
    if not confirm and any(item.question.id not in seen for item in similar):
        return AskOutcome(None, similar)
    question = _store_question(session, author, valid, (vector, grouping), model.name)
    return AskOutcome(question, similar)


def _store_question(
    session: Session,
    author: User,
    valid: ValidDraft,
    vectors: tuple[np.ndarray, np.ndarray | None],
    model_name: str,
) -> Question:
    """Write a question with its embeddings and put it in its nearest group, in one commit."""
    vector, grouping = vectors
    question = open_question(valid, author, author.organisation_id)
    store_vector(question, vector, model_name, grouping)
    try:
        session.add(question)
        session.flush()
        assign_question(session, question, vector if grouping is None else grouping)
        session.commit()
    except Exception:
        session.rollback()  # nothing half-written: no question without its history or group
        raise
    question_index().note(question, vector)
    return question


def get_question(session: Session, viewer: User | None, question_id: int) -> Question:
    """The question if the viewer may read it.

    :raise NotFound: no such question, or the viewer may not read it (the same answer).
    """
    return require_readable(viewer, session.get(Question, question_id))


def visible_question(session: Session, viewer: User | None, question_id: int) -> Question:
    """A readable question that is not hidden (what members act on).

    :raise NotFound: missing, unreadable or hidden.
    """
    question = get_question(session, viewer, question_id)
    if question.hidden:
        raise NotFound("There is no question with this id that you can read.")
    return question


def _recount_support(session: Session, question: Question) -> None:
    # Recounted rather than incremented so concurrent supports cannot drift the figure.
    question.support_count = (
        session.scalar(
            select(func.count()).select_from(Support).where(Support.question_id == question.id)
        )
        or 0
    )
    if question.cluster_id is not None:
        refresh_demand_figures(session, [question.cluster_id])


def support_question(session: Session, user: User, question_id: int) -> Question:
    """Record that the user asks this question too ("we ask this too").

    :raise NotFound: the user may not read the question.
    :raise Conflict: the user already supports it, or asked it.
    """
    require_member(user)
    question = visible_question(session, user, question_id)
    if question.author_id == user.id:
        raise Conflict.on("support", "You asked this question, so it already counts you.")
    # The unique constraint decides, so two clicks racing each other cannot both count.
    session.add(Support(user_id=user.id, question_id=question.id))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Conflict.on("support", "You already said you ask this question.") from None
    _recount_support(session, question)
    session.commit()
    return question


def unsupport_question(session: Session, user: User, question_id: int) -> Question:
    """Withdraw the user's "we ask this too".

    :raise NotFound: the user may not read the question.
    :raise Conflict: the user did not support it.
    """
    require_member(user)
    question = visible_question(session, user, question_id)
    support = session.scalar(
        select(Support).where(Support.user_id == user.id, Support.question_id == question.id)
    )
    if support is None:
        raise Conflict.on("support", "You had not said you ask this question.")
    session.delete(support)
    session.flush()
    _recount_support(session, question)
    session.commit()
    return question


@dataclass(frozen=True)
class QuestionDetail:
    """Everything the question page shows."""

    question: Question
    supporters_by_sector: dict[Sector, int]
    similar: list[SimilarQuestion]
    pledges: list[Pledge]
    matches: GroupMatches
    partnerships: list[PartnershipLine]
    my_datasets: list[Dataset]
    supported: bool
    flagged: bool
    next_statuses: list[QuestionStatus]


def _has_flagged(session: Session, viewer: User | None, question: Question) -> bool:
    if viewer is None or not viewer.is_authenticated:
        return False
    found = session.scalar(
        select(Flag.id).where(Flag.question_id == question.id, Flag.user_id == viewer.id)
    )
    return found is not None


def _live_pledges(session: Session, question: Question) -> list[Pledge]:
    targets = [Pledge.question_id == question.id]
    if question.cluster_id is not None:
        targets.append(Pledge.cluster_id == question.cluster_id)
    return list(
        session.scalars(
            select(Pledge)
            .where(or_(*targets), Pledge.status != PledgeStatus.WITHDRAWN)
            .options(selectinload(Pledge.dataset).selectinload(Dataset.holder))
            .order_by(Pledge.created_at)
        )
    )


# What the question page shows of the question itself, loaded with it rather than one query
# each as the template reaches them.
_DETAIL_LOADS = (
    joinedload(Question.action_type),
    joinedload(Question.organisation),
    joinedload(Question.author),
    joinedload(Question.cluster),
    selectinload(Question.themes),
    selectinload(Question.answer_links),
    selectinload(Question.status_changes),
)


def question_detail(session: Session, viewer: User | None, question_id: int) -> QuestionDetail:
    """The question with its supporters, similar questions, pledged and matched datasets.

    :raise NotFound: the viewer may not read it.
    """
    question = require_readable(viewer, session.get(Question, question_id, options=_DETAIL_LOADS))
    return QuestionDetail(
        question=question,
        supporters_by_sector=sector_counts(session, [question.id]).get(question.id, {}),
        similar=similar_to_question(session, viewer, question),
        pledges=_live_pledges(session, question),
        matches=cluster_matches(session, question.cluster, viewer=viewer)
        if question.cluster
        else GroupMatches([], 0),
        partnerships=question_partnership_lines(session, question, viewer),
        my_datasets=organisation_datasets(session, viewer),
        supported=bool(supported_ids(session, viewer, [question.id])),
        flagged=_has_flagged(session, viewer, question),
        next_statuses=allowed_statuses(question.status),
    )


@dataclass(frozen=True)
class MemberQuestions:
    """A member's questions for their account page."""

    supported: list[Question]
    asked: list[Question]


def member_questions(session: Session, user: User) -> MemberQuestions:
    """The questions a member supports (that they can still read) and the ones they asked."""
    details = (
        selectinload(Question.status_changes),
        selectinload(Question.answer_links),
        selectinload(Question.cluster),
    )
    supported = session.scalars(
        select(Question)
        .join(Support, Support.question_id == Question.id)
        .where(Support.user_id == user.id, readable_by(user))
        .options(*details)
        .order_by(Question.updated_at.desc())
    )
    asked = session.scalars(
        select(Question)
        .where(Question.author_id == user.id)
        .options(*details)
        .order_by(Question.created_at.desc())
    )
    return MemberQuestions(supported=list(supported), asked=list(asked))

"""Question use cases: asking, support, curation and moderation, on a Session.

Every check on what a question may hold lives here (its limits in ``rules``), once, so the web
form, the JSON API and the command line refuse the same input with the same messages. Functions
take plain values, authorise the actor themselves and raise:

- ``QuestionError`` (field-level messages) when the input is refused — 422 on the page and API;
- ``AlreadyDone`` (a ``QuestionError``) for a repeated support or flag — 409 in the API;
- ``PermissionError`` when the actor's role does not allow the change — 403;
- ``QuestionNotFound`` (a ``LookupError``) when the question does not exist *or the actor may
  not read it* — 404, the same answer for both.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.clusters.grouping import DatasetMatch, assign_question, cluster_matches
from app.clusters.grouping import refresh_cluster_figures as _refresh_figures
from app.embedding import embed_questions, question_index
from app.insight.match import canonical_place
from app.questions.access import can_read, readable_by
from app.questions.rules import (
    ACTION_MAX,
    ACTION_MIN,
    ANSWER_SUMMARY_MAX,
    ANSWER_URL_MAX,
    DEFAULT_GEOGRAPHY,
    GEOGRAPHY_MAX,
    MAX_POPULATION_GROUPS,
    MAX_THEMES,
    NOTE_MAX,
    POPULATION_GROUP_MAX,
    REASON_MAX,
    REASON_MIN,
    TEXT_MAX,
    TEXT_MIN,
    AlreadyDone,
    QuestionError,
    QuestionNotFound,
    allowed_statuses,
)
from app.questions.search import (
    SimilarQuestion,
    sector_counts,
    similar_to_question,
    supported_ids,
)
from models import (
    ActionType,
    AnswerLink,
    ClusterState,
    Dataset,
    Flag,
    Pledge,
    PledgeStatus,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    Sector,
    Support,
    Theme,
    User,
    Visibility,
    utcnow,
)


@dataclass(frozen=True)
class QuestionDraft:
    """A question as a member typed it, before validation: plain values only."""

    text: str
    action: str
    action_type: str
    themes: tuple[str, ...]
    geography: str = DEFAULT_GEOGRAPHY
    population_groups: tuple[str, ...] = ()
    visibility: str = Visibility.PUBLIC.value
    show_organisation: bool = True


@dataclass(frozen=True)
class ValidDraft:
    """A draft that passed every check, with its vocabulary rows looked up."""

    text: str
    action: str
    action_type: ActionType
    themes: list[Theme]
    geography: str
    population_groups: list[str]
    visibility: Visibility
    show_organisation: bool


def split_population_groups(text: str) -> tuple[str, ...]:
    """Comma-separated population groups as a tuple, blanks dropped."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _squash(text: str) -> str:
    return " ".join(text.split())


def _length_error(value: str, label: str, low: int, high: int) -> str | None:
    if not value:
        return f"Write {label}."
    if len(value) < low:
        return f"Write {label} in at least {low} characters."
    if len(value) > high:
        return f"Keep {label} to {high} characters or fewer (it has {len(value)})."
    return None


def validate_draft(session: Session, draft: QuestionDraft) -> ValidDraft:
    """Check a draft against every rule and look up its vocabulary.

    :raise QuestionError: naming every field at fault.
    """
    errors: dict[str, list[str]] = {}
    text, action = _squash(draft.text or ""), _squash(draft.action or "")
    geography = _squash(draft.geography or "") or DEFAULT_GEOGRAPHY
    for name, value, label, low, high in (
        ("text", text, "your question", TEXT_MIN, TEXT_MAX),
        ("action", action, "what an answer would let you do", ACTION_MIN, ACTION_MAX),
    ):
        if message := _length_error(value, label, low, high):
            errors[name] = [message]
    if len(geography) > GEOGRAPHY_MAX:
        errors["geography"] = [f"Keep the place to {GEOGRAPHY_MAX} characters or fewer."]

    action_type = session.get(ActionType, draft.action_type) if draft.action_type else None
    if action_type is None:
        errors["action_type"] = ["Choose what kind of action an answer would support."]

    slugs = list(dict.fromkeys(slug for slug in draft.themes if slug))
    themes = list(session.scalars(select(Theme).where(Theme.slug.in_(slugs)))) if slugs else []
    unknown = sorted(set(slugs) - {theme.slug for theme in themes})
    if unknown:
        errors["themes"] = [f"Choose themes from the list, not: {', '.join(unknown)}."]
    elif not slugs:
        errors["themes"] = ["Choose at least one theme."]
    elif len(slugs) > MAX_THEMES:
        errors["themes"] = [f"Choose at most {MAX_THEMES} themes."]

    groups = list(dict.fromkeys(_squash(group) for group in draft.population_groups if group))
    if len(groups) > MAX_POPULATION_GROUPS:
        errors["population_groups"] = [f"Name at most {MAX_POPULATION_GROUPS} groups."]
    elif any(len(group) > POPULATION_GROUP_MAX for group in groups):
        errors["population_groups"] = [
            f"Keep each group to {POPULATION_GROUP_MAX} characters or fewer."
        ]

    try:
        visibility = Visibility(draft.visibility)
    except ValueError:
        errors["visibility"] = ["Choose who can see the question."]

    if errors:
        raise QuestionError(errors)
    return ValidDraft(
        text=text,
        action=action,
        action_type=action_type,
        themes=sorted(themes, key=lambda theme: theme.position),
        geography=canonical_place(geography),
        population_groups=groups,
        visibility=visibility,
        show_organisation=bool(draft.show_organisation),
    )


def create_question(session: Session, author: User, draft: QuestionDraft) -> Question:
    """Validate, store, embed and group a new question, committing once.

    :raise QuestionError: the draft breaks a rule; nothing is written.
    """
    if not author.active:
        raise PermissionError("Deactivated accounts cannot ask questions.")
    valid = validate_draft(session, draft)
    question = Question(
        text=valid.text,
        action=valid.action,
        action_type=valid.action_type,
        themes=valid.themes,
        geography=valid.geography,
        population_groups=valid.population_groups,
        visibility=valid.visibility,
        show_organisation=valid.show_organisation,
        author=author,
        organisation_id=author.organisation_id,
        status=QuestionStatus.OPEN,
        status_changes=[QuestionStatusChange(to_status=QuestionStatus.OPEN, changed_by=author)],
    )
    try:
        embed_questions([question])
        session.add(question)
        session.flush()
        assign_question(session, question)
        session.commit()
    except Exception:
        session.rollback()  # nothing half-written: no question without its history or group
        raise
    question_index().note(question)
    return question


def get_question(session: Session, viewer: User | None, question_id: int) -> Question:
    """The question if the viewer may read it.

    :raise QuestionNotFound: no such question, or the viewer may not read it (the same answer).
    """
    question = session.get(Question, question_id)
    if question is None or not can_read(viewer, question):
        raise QuestionNotFound(question_id)
    return question


def _visible_question(session: Session, viewer: User, question_id: int) -> Question:
    """A readable question that is not hidden (what members act on)."""
    question = get_question(session, viewer, question_id)
    if question.hidden:
        raise QuestionNotFound(question_id)
    return question


def _refresh_group(session: Session, question: Question) -> None:
    if question.cluster_id is not None:
        _refresh_figures(session, [question.cluster_id])


def _recount_support(session: Session, question: Question) -> None:
    # Recounted rather than incremented so concurrent supports cannot drift the figure.
    question.support_count = session.scalar(
        select(func.count()).select_from(Support).where(Support.question_id == question.id)
    )
    _refresh_group(session, question)


def support_question(session: Session, user: User, question_id: int) -> Question:
    """Record that the user asks this question too ("we ask this too").

    :raise QuestionNotFound: the user may not read the question.
    :raise AlreadyDone: the user already supports it, or asked it.
    """
    question = _visible_question(session, user, question_id)
    if question.author_id == user.id:
        raise AlreadyDone.on("support", "You asked this question, so it already counts you.")
    # The unique constraint decides, so two clicks racing each other cannot both count.
    session.add(Support(user_id=user.id, question_id=question.id))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise AlreadyDone.on("support", "You already said you ask this question.") from None
    _recount_support(session, question)
    session.commit()
    return question


def unsupport_question(session: Session, user: User, question_id: int) -> Question:
    """Withdraw the user's "we ask this too".

    :raise QuestionNotFound: the user may not read the question.
    :raise AlreadyDone: the user did not support it.
    """
    question = _visible_question(session, user, question_id)
    support = session.scalar(
        select(Support).where(Support.user_id == user.id, Support.question_id == question.id)
    )
    if support is None:
        raise AlreadyDone.on("support", "You had not said you ask this question.")
    session.delete(support)
    session.flush()
    _recount_support(session, question)
    session.commit()
    return question


def _require_curator(actor: User) -> None:
    if not (actor.is_authenticated and actor.is_facilitator):
        raise PermissionError("Only facilitators and admins can do this.")


def change_status(
    session: Session, actor: User, question_id: int, status: str, note: str = ""
) -> Question:
    """Move a question along its way to an answer, recording who did it and why.

    :raise PermissionError: the actor is not a facilitator or admin.
    :raise QuestionNotFound: no such question.
    :raise QuestionError: the move is not allowed or the note is too long.
    """
    _require_curator(actor)
    question = get_question(session, actor, question_id)
    try:
        target = QuestionStatus(status)
    except ValueError:
        raise QuestionError.on("status", "Choose a status from the list.") from None
    if target not in allowed_statuses(question.status):
        raise QuestionError.on(
            "status",
            f"A question that is {question.status.label.lower()} cannot become "
            f"{target.label.lower()}.",
        )
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise QuestionError.on("note", f"Keep the note to {NOTE_MAX} characters or fewer.")
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

    :raise PermissionError: the actor is not a facilitator or admin.
    :raise QuestionNotFound: no such question.
    :raise QuestionError: the link is not an http(s) address or the summary is missing or long.
    """
    _require_curator(actor)
    question = get_question(session, actor, question_id)
    url, summary = (url or "").strip(), _squash(summary or "")
    errors: dict[str, list[str]] = {}
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or " " in url:
        errors["url"] = ["Give a web address starting with http:// or https://."]
    elif len(url) > ANSWER_URL_MAX:
        errors["url"] = [f"Keep the address to {ANSWER_URL_MAX} characters or fewer."]
    if message := _length_error(summary, "a one-line summary", 1, ANSWER_SUMMARY_MAX):
        errors["summary"] = [message]
    if errors:
        raise QuestionError(errors)
    link = AnswerLink(question_id=question.id, url=url, summary=summary, added_by_id=actor.id)
    session.add(link)
    session.commit()
    return link


def flag_question(session: Session, user: User, question_id: int, reason: str) -> Flag:
    """Report a question to the moderators, once per member.

    :raise QuestionNotFound: the user may not read the question.
    :raise QuestionError: the reason is missing or too long.
    :raise AlreadyDone: the user already flagged it.
    """
    question = _visible_question(session, user, question_id)
    reason = _squash(reason or "")
    if message := _length_error(reason, "why it needs a look", REASON_MIN, REASON_MAX):
        raise QuestionError.on("reason", message)
    flag = Flag(question_id=question.id, user_id=user.id, reason=reason)
    session.add(flag)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise AlreadyDone.on("reason", "You have already flagged this question.") from None
    session.commit()
    return flag


def hide_question(session: Session, actor: User, question_id: int, reason: str) -> Question:
    """Hide a question from every listing, search and group, and resolve its flags.

    :raise PermissionError: the actor is not a facilitator or admin.
    :raise QuestionNotFound: no such question.
    :raise QuestionError: no reason given, or already hidden.
    """
    _require_curator(actor)
    question = get_question(session, actor, question_id)
    reason = _squash(reason or "")
    if message := _length_error(reason, "why it is hidden", REASON_MIN, REASON_MAX):
        raise QuestionError.on("reason", message)
    if question.hidden:
        raise QuestionError.on("reason", "This question is already hidden.")
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

    :raise PermissionError: the actor is not a facilitator or admin.
    :raise QuestionNotFound: no such question.
    :raise QuestionError: it is not hidden.
    """
    _require_curator(actor)
    question = get_question(session, actor, question_id)
    if not question.hidden:
        raise QuestionError.on("reason", "This question is not hidden.")
    question.hidden, question.hidden_reason = False, None
    question.hidden_by_id, question.hidden_at = None, None
    session.flush()
    if question.cluster is not None and question.cluster.state is ClusterState.ACTIVE:
        _refresh_group(session, question)
    else:  # its group was merged or dissolved while it was hidden: join the nearest live one
        assign_question(session, question)
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

    :raise PermissionError: the actor is not a facilitator or admin.
    """
    _require_curator(actor)
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

    :raise PermissionError: the actor is not a facilitator or admin.
    :raise QuestionNotFound: no such question.
    """
    _require_curator(actor)
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


@dataclass(frozen=True)
class QuestionDetail:
    """Everything the question page shows."""

    question: Question
    supporters_by_sector: dict[Sector, int]
    similar: list[SimilarQuestion]
    pledges: list[Pledge]
    matches: list[DatasetMatch]
    supported: bool
    flagged: bool
    next_statuses: list[QuestionStatus]


def question_detail(session: Session, viewer: User | None, question_id: int) -> QuestionDetail:
    """The question with its supporters, similar questions, pledged and matched datasets.

    :raise QuestionNotFound: the viewer may not read it.
    """
    question = get_question(session, viewer, question_id)
    flagged = (
        viewer is not None
        and viewer.is_authenticated
        and session.scalar(
            select(Flag.id).where(Flag.question_id == question.id, Flag.user_id == viewer.id)
        )
        is not None
    )
    pledge_targets = [Pledge.question_id == question.id]
    if question.cluster_id is not None:
        pledge_targets.append(Pledge.cluster_id == question.cluster_id)
    pledges = session.scalars(
        select(Pledge)
        .where(or_(*pledge_targets), Pledge.status != PledgeStatus.WITHDRAWN)
        .options(selectinload(Pledge.dataset).selectinload(Dataset.holder))
        .order_by(Pledge.created_at)
    )
    return QuestionDetail(
        question=question,
        supporters_by_sector=sector_counts(session, [question.id]).get(question.id, {}),
        similar=similar_to_question(session, viewer, question),
        pledges=list(pledges),
        matches=cluster_matches(session, question.cluster) if question.cluster else [],
        supported=bool(supported_ids(session, viewer, [question.id])),
        flagged=flagged,
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

"""Workshop use cases: set up, join (members, or guests by code), move through the phases,
score, read results, record the outcome, map data and barriers, and repeat a workshop.

Functions take a Session and plain values, authorise here and own their transaction; they raise
the core errors only. An *actor* is a signed-in member, a ``Guest`` (a participant who joined
by code, whose token opens that workshop alone) or None. Guests read only public questions.
Nobody reads scores before reveal: the facilitator sees only how many have scored.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from flask import url_for
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from app.bank.holdings import describe_held_dataset
from app.bank.notify import notify, question_audience
from app.core.errors import Conflict, Forbidden, NotFound, Refused
from app.core.paging import Page, PageRequest, paginate
from app.core.policy import (
    can_administer,
    can_read,
    can_read_dataset,
    require_curator,
    signed_in,
)
from app.workshops.results import ItemResult, Rating, aggregate
from app.workshops.rules import (
    COMMENT_MAX,
    DECIDABLE,
    DISPLAY_NAME_MAX,
    DOTS_MAX,
    GUEST_TOKEN_PREFIX,
    ITEMS_MAX,
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    JOINABLE,
    MAPPING_TEXT_MAX,
    NEXT_PHASES,
    NEXT_STEP_MAX,
    OWNER_MAX,
    PURPOSE_MAX,
    RESULTS_SHOWN,
    SCORE_MAX,
    SCORE_MIN,
    TITLE_MAX,
    WEIGHT_MAX,
    barriers,
    criterion_slugs,
    default_weights,
)
from models import (
    Cluster,
    ClusterState,
    Dataset,
    Pledge,
    PledgeStatus,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    Sector,
    User,
    Workshop,
    WorkshopItem,
    WorkshopMapping,
    WorkshopMode,
    WorkshopParticipant,
    WorkshopPhase,
    WorkshopScore,
    utcnow,
)

HIDDEN_QUESTION = "A question you cannot read"


@dataclass(frozen=True)
class Guest:
    """A participant who joined by code: they act in their own workshop and nowhere else."""

    participant: WorkshopParticipant

    @property
    def workshop_id(self) -> int:
        """The one workshop the guest belongs to."""
        return self.participant.workshop_id


Actor = User | Guest | None


def _member(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and signed_in(actor) else None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def is_facilitator(actor: Actor, workshop: Workshop) -> bool:
    """The workshop's facilitator (still a facilitator) or an admin."""
    user = _member(actor)
    if user is None:
        return False
    return can_administer(user) or (user.is_facilitator and workshop.facilitator_id == user.id)


def _require_facilitator(actor: Actor, workshop: Workshop) -> User:
    if not is_facilitator(actor, workshop):
        raise Forbidden("Only this workshop's facilitator can do this.")
    assert isinstance(actor, User)
    return actor


# --- Reading -----------------------------------------------------------------------------------


def _load(session: Session, workshop_id: int) -> Workshop | None:
    return session.scalar(
        select(Workshop)
        .options(
            selectinload(Workshop.items).selectinload(WorkshopItem.question),
            selectinload(Workshop.items).selectinload(WorkshopItem.cluster),
            selectinload(Workshop.facilitator),
        )
        .where(Workshop.id == workshop_id)
    )


def get_workshop(session: Session, actor: Actor, workshop_id: int) -> Workshop:
    """A workshop the actor may read: any member reads any; a guest only their own.

    :raise NotFound: missing, a visitor, or a guest of another workshop (the same answer).
    """
    workshop = _load(session, workshop_id)
    if workshop is None or not _may_read(actor, workshop):
        raise NotFound("There is no workshop with this id that you can read.")
    return workshop


def _may_read(actor: Actor, workshop: Workshop) -> bool:
    if isinstance(actor, Guest):
        return actor.workshop_id == workshop.id
    return _member(actor) is not None


def list_workshops(session: Session, actor: Actor, request: PageRequest) -> Page[Workshop]:
    """The workshops the actor may read, newest date first (a guest: their own).

    :raise NotFound: a visitor.
    """
    query = select(Workshop).order_by(Workshop.held_on.desc().nulls_last(), Workshop.id.desc())
    if isinstance(actor, Guest):
        query = query.where(Workshop.id == actor.workshop_id)
    elif _member(actor) is None:
        raise NotFound("Log in to see workshops.")
    return paginate(session, query, request)


def participant_of(
    session: Session, actor: Actor, workshop: Workshop
) -> WorkshopParticipant | None:
    """The actor's place in the workshop, if they joined (or were invited)."""
    if isinstance(actor, Guest):
        return actor.participant if actor.workshop_id == workshop.id else None
    user = _member(actor)
    if user is None:
        return None
    return session.scalar(
        select(WorkshopParticipant).where(
            WorkshopParticipant.workshop_id == workshop.id,
            WorkshopParticipant.user_id == user.id,
        )
    )


@dataclass(frozen=True)
class ItemView:
    """An item as this viewer may see it, with who asks and what data is there."""

    item: WorkshopItem
    label: str
    readable: bool
    askers: int
    sectors: dict[str, int]
    matched: int
    pledged: int

    @property
    def id(self) -> int:
        """The item's id."""
        return self.item.id


def item_views(session: Session, actor: Actor, items: Sequence[WorkshopItem]) -> list[ItemView]:
    """Each item labelled for the viewer (a question they may not read says only that), with
    its askers, their sectors and its data (datasets matched to its group, live pledges)."""
    viewer = _member(actor)
    question_ids = [i.question_id for i in items if i.question_id is not None]
    pledged = _live_pledges(session, question_ids)
    views = []
    for item in items:
        if item.cluster is not None:
            cluster = item.cluster
            views.append(
                ItemView(
                    item,
                    cluster.display_title,
                    True,
                    cluster.organisation_count,
                    dict(cluster.sector_counts or {}),
                    cluster.matched_dataset_count,
                    cluster.pledge_count,
                )
            )
            continue
        question = item.question
        readable = question is not None and can_read(viewer, question)
        if not readable or question is None:
            views.append(ItemView(item, HIDDEN_QUESTION, False, 0, {}, 0, 0))
            continue
        group = question.cluster
        views.append(
            ItemView(
                item,
                question.text,
                True,
                1 + question.support_count,
                {question.organisation.sector.value: 1},
                group.matched_dataset_count if group is not None else 0,
                pledged.get(question.id, 0),
            )
        )
    return views


def _live_pledges(session: Session, question_ids: list[int]) -> dict[int, int]:
    if not question_ids:
        return {}
    rows = session.execute(
        select(Pledge.question_id, func.count())
        .where(Pledge.question_id.in_(question_ids), Pledge.status != PledgeStatus.WITHDRAWN)
        .group_by(Pledge.question_id)
    )
    return {question_id: count for question_id, count in rows if question_id is not None}


def candidate_groups(session: Session) -> list[Cluster]:
    """The live groups a facilitator can put on the table, most asked first."""
    return list(
        session.scalars(
            select(Cluster)
            .where(Cluster.state == ClusterState.ACTIVE)
            .order_by(Cluster.organisation_count.desc(), Cluster.support_count.desc(), Cluster.id)
        )
    )


def candidate_questions(
    session: Session, viewer: User | None, question_ids: Iterable[int]
) -> list[Question]:
    """The named questions the viewer may read, with their group (for its data figures) and
    supporters loaded, in the order named; ids of others are left out as unknown ones are."""
    wanted = list(dict.fromkeys(question_ids))
    if not wanted:
        return []
    found = {
        q.id: q
        for q in session.scalars(
            select(Question)
            .where(Question.id.in_(wanted))
            .options(
                selectinload(Question.cluster),
                selectinload(Question.organisation),
                selectinload(Question.supports),
            )
        )
        if can_read(viewer, q)
    }
    return [found[i] for i in wanted if i in found]


# --- Set-up ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemRef:
    """An item asked for: one group or one question."""

    cluster_id: int | None = None
    question_id: int | None = None


@dataclass
class WorkshopDraft:
    """A workshop as a facilitator filled it in (plain values from a form or a JSON body)."""

    title: str
    held_on: date | None = None
    purpose: str = ""
    mode: str = WorkshopMode.ONLINE.value
    items: Sequence[ItemRef] = ()
    weights: Mapping[str, object] | None = None
    dots: object = None
    dot_cap: object = None
    invite_only: bool = False
    invite_emails: Sequence[str] = ()
    errors: dict[str, list[str]] = field(default_factory=dict)

    def refuse(self, name: str, message: str) -> None:
        """Note a field error (all are reported together)."""
        self.errors.setdefault(name, []).append(message)


def _whole(value: object, default: int) -> int | None:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _weights(draft: WorkshopDraft) -> dict[str, float]:
    if draft.weights is None:
        return default_weights()
    unknown = set(draft.weights) - set(criterion_slugs())
    if unknown:
        draft.refuse("weights", f"Weights are for {', '.join(criterion_slugs())} only.")
        return {}
    weights: dict[str, float] = {}
    for slug in criterion_slugs():
        raw = draft.weights.get(slug, 1)
        ok = isinstance(raw, int | float) and not isinstance(raw, bool)
        if not ok or not 0 <= float(raw) <= WEIGHT_MAX:  # type: ignore[arg-type]
            draft.refuse("weights", f"Give each weight as a number from 0 to {WEIGHT_MAX}.")
            return {}
        weights[slug] = float(raw)  # type: ignore[arg-type]
    if not any(weights.values()):
        draft.refuse("weights", "Give at least one criterion a weight above 0.")
    return weights


def _items(session: Session, user: User, draft: WorkshopDraft) -> list[WorkshopItem]:
    if not draft.items:
        draft.refuse("items", "Put at least one question group or question on the table.")
        return []
    if len(draft.items) > ITEMS_MAX:
        draft.refuse("items", f"Put at most {ITEMS_MAX} items on the table.")
        return []
    seen: set[tuple[int | None, int | None]] = set()
    items: list[WorkshopItem] = []
    for ref in draft.items:
        key = (ref.cluster_id, ref.question_id)
        if (ref.cluster_id is None) == (ref.question_id is None):
            draft.refuse("items", "Each item is one group (cluster_id) or one question.")
            return []
        if key in seen:
            draft.refuse("items", "An item is on the table twice.")
            return []
        seen.add(key)
        if ref.cluster_id is not None:
            cluster = session.get(Cluster, ref.cluster_id)
            if cluster is None or cluster.state is not ClusterState.ACTIVE:
                draft.refuse("items", f"There is no live group {ref.cluster_id}.")
                return []
            items.append(WorkshopItem(cluster=cluster, position=len(items)))
        else:
            question = session.get(Question, ref.question_id)
            if question is None or question.hidden or not can_read(user, question):
                draft.refuse("items", f"There is no question {ref.question_id} you can read.")
                return []
            items.append(WorkshopItem(question=question, position=len(items)))
    return items


def _invitees(session: Session, draft: WorkshopDraft) -> list[User]:
    emails = sorted({e.strip().lower() for e in draft.invite_emails if e.strip()})
    if not emails:
        return []
    found = list(
        session.scalars(select(User).where(func.lower(User.email).in_(emails), User.active))
    )
    missing = set(emails) - {u.email.lower() for u in found}
    if missing:
        draft.refuse("invite", f"No active member has the email {', '.join(sorted(missing))}.")
    return found


def _validated(session: Session, user: User, draft: WorkshopDraft) -> Workshop:
    title = " ".join(draft.title.split())
    if not title:
        draft.refuse("title", "Give the workshop a title.")
    elif len(title) > TITLE_MAX:
        draft.refuse("title", f"Keep the title to {TITLE_MAX} characters or fewer.")
    purpose = draft.purpose.strip()
    if len(purpose) > PURPOSE_MAX:
        draft.refuse("purpose", f"Keep the purpose to {PURPOSE_MAX} characters or fewer.")
    if draft.mode not in {m.value for m in WorkshopMode}:
        draft.refuse("mode", "Choose in person or online.")
    dots, cap = _whole(draft.dots, 10), _whole(draft.dot_cap, 3)
    if dots is None or not 0 <= dots <= DOTS_MAX:
        draft.refuse(
            "dots", f"Give the dots per participant as a whole number from 0 to {DOTS_MAX}."
        )
    if cap is None or not 0 <= cap <= DOTS_MAX:
        draft.refuse("dot_cap", f"Give the cap per item as a whole number from 0 to {DOTS_MAX}.")
    elif dots is not None and cap > dots:
        draft.refuse("dot_cap", "The cap per item cannot be more than the dots per participant.")
    weights = _weights(draft)
    items = _items(session, user, draft)
    invitees = _invitees(session, draft)
    if draft.errors:
        raise Refused(draft.errors)
    workshop = Workshop(
        title=title,
        description=purpose,
        facilitator=user,
        held_on=draft.held_on,
        phase=WorkshopPhase.SETUP,
        mode=WorkshopMode(draft.mode),
        weights=weights,
        dots=dots,
        dot_cap=cap,
        invite_only=draft.invite_only,
        join_code=new_join_code(session),
        items=items,
    )
    workshop.participants = [_member_place(u) for u in invitees]
    return workshop


def _member_place(user: User) -> WorkshopParticipant:
    return WorkshopParticipant(
        user=user, display_name=user.display_name, sector=user.organisation.sector
    )


def new_join_code(session: Session) -> str:
    """A join code no workshop has yet."""
    while True:
        code = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if session.scalar(select(Workshop.id).where(Workshop.join_code == code)) is None:
            return code


def create_workshop(session: Session, actor: Actor, draft: WorkshopDraft) -> Workshop:
    """Set up a workshop (facilitators and admins), invite members, and commit.

    :raise Forbidden: the actor is not a facilitator.
    :raise Refused: a field breaks a rule; nothing is written.
    """
    user = require_curator(_member(actor))
    workshop = _validated(session, user, draft)
    session.add(workshop)
    session.flush()
    _invite(session, workshop, [p.user_id for p in workshop.participants if p.user_id], user)
    session.commit()
    return workshop


def _invite(session: Session, workshop: Workshop, user_ids: Iterable[int], actor: User) -> None:
    notify(
        session,
        user_ids,
        "workshop-invite",
        f"You are invited to the workshop “{workshop.title}”.",
        url_for("workshops.show", workshop_id=workshop.id),
        actor_id=actor.id,
    )


def repeat_workshop(session: Session, actor: Actor, workshop_id: int) -> Workshop:
    """A follow-up in set-up with the same items, weights and dots, compared with this one.

    :raise NotFound: no such workshop.
    :raise Forbidden: the actor is not its facilitator.
    """
    source = get_workshop(session, actor, workshop_id)
    user = _require_facilitator(actor, source)
    follow_up = Workshop(
        title=f"{source.title} (follow-up)"[:TITLE_MAX],
        description=source.description,
        facilitator=user,
        phase=WorkshopPhase.SETUP,
        mode=source.mode,
        weights=dict(source.weights),
        dots=source.dots,
        dot_cap=source.dot_cap,
        invite_only=source.invite_only,
        join_code=new_join_code(session),
        repeat_of=source,
        items=[
            WorkshopItem(cluster_id=i.cluster_id, question_id=i.question_id, position=i.position)
            for i in source.items
        ],
    )
    session.add(follow_up)
    session.commit()
    return follow_up


# --- Phases ------------------------------------------------------------------------------------


def change_phase(session: Session, actor: Actor, workshop_id: int, phase: str | None) -> Workshop:
    """Move the workshop to its next phase and commit; reveal fixes each item's rank.

    :raise NotFound: no such workshop the actor may read.
    :raise Forbidden: not its facilitator.
    :raise Refused: not a phase.
    :raise Conflict: not a phase the workshop can move to from where it is.
    """
    workshop = get_workshop(session, actor, workshop_id)
    _require_facilitator(actor, workshop)
    target = next((p for p in WorkshopPhase if p.value == phase), None)
    if target is None:
        raise Refused.on("phase", f"Give one of: {', '.join(p.value for p in WorkshopPhase)}.")
    allowed = NEXT_PHASES[workshop.phase]
    if target not in allowed:
        nexts = " or ".join(p.value for p in allowed) or "nothing: it is closed"
        raise Conflict.on(
            "phase", f"This workshop is in {workshop.phase.value}; it can move to {nexts}."
        )
    if target is WorkshopPhase.MAPPING and not any(i.prioritised for i in workshop.items):
        raise Conflict.on("phase", "Record which items are prioritised before mapping data.")
    if target is WorkshopPhase.REVEAL:
        for result in _aggregate(session, workshop):
            item = next(i for i in workshop.items if i.id == result.item_id)
            item.final_rank = result.rank
    workshop.phase = target
    session.commit()
    return workshop


# --- Joining -----------------------------------------------------------------------------------


def join_as_member(session: Session, actor: Actor, workshop_id: int) -> WorkshopParticipant:
    """The member's place in the workshop (joining if they had none), committed.

    :raise NotFound: no such workshop, or not a member.
    :raise Forbidden: the workshop is for invitees only.
    :raise Conflict: the workshop is past scoring.
    """
    user = _member(actor)
    if user is None:
        raise NotFound("There is no workshop with this id that you can read.")
    workshop = get_workshop(session, user, workshop_id)
    existing = participant_of(session, user, workshop)
    if existing is not None:
        return existing
    if workshop.phase not in JOINABLE:
        raise Conflict.on("phase", "This workshop has finished scoring: it takes nobody new.")
    if workshop.invite_only:
        raise Forbidden("This workshop is for invited members only.")
    place = _member_place(user)
    place.workshop = workshop
    session.add(place)
    session.commit()
    return place


@dataclass(frozen=True)
class GuestPass:
    """A guest just joined: the token is shown once and never stored."""

    participant: WorkshopParticipant
    token: str


def join_as_guest(
    session: Session, code: str, display_name: str, sector: str | None = None
) -> GuestPass:
    """Join a workshop by its code under a display name, without an account, and commit.

    :raise Refused: no display name, too long, an unknown sector, or no workshop has this code.
    :raise Conflict: the workshop is past scoring.
    """
    name = " ".join(display_name.split())
    errors: dict[str, list[str]] = {}
    if not name:
        errors["display_name"] = ["Give the name others will see you by."]
    elif len(name) > DISPLAY_NAME_MAX:
        errors["display_name"] = [f"Keep the name to {DISPLAY_NAME_MAX} characters or fewer."]
    if sector and sector not in {s.value for s in Sector}:
        errors["sector"] = ["Choose one of the sectors offered."]
    normalised = "".join(code.split()).upper()
    if not normalised:
        errors["code"] = ["Give the code the facilitator shared."]
    if errors:
        raise Refused(errors)
    workshop = session.scalar(select(Workshop).where(Workshop.join_code == normalised))
    if workshop is None:
        raise Refused.on("code", "No workshop has this code. Check it with the facilitator.")
    if workshop.phase not in JOINABLE:
        raise Conflict.on("code", "This workshop has finished scoring: it takes nobody new.")
    token = GUEST_TOKEN_PREFIX + secrets.token_urlsafe(24)
    place = WorkshopParticipant(
        workshop=workshop,
        display_name=name,
        sector=Sector(sector) if sector else None,
        guest_token_hash=_digest(token),
    )
    session.add(place)
    session.commit()
    return GuestPass(place, token)


def guest_for_token(session: Session, token: str) -> Guest | None:
    """The guest a token belongs to, or None."""
    if not token.startswith(GUEST_TOKEN_PREFIX):
        return None
    place = session.scalar(
        select(WorkshopParticipant).where(WorkshopParticipant.guest_token_hash == _digest(token))
    )
    return Guest(place) if place is not None else None


# --- Scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreEntry:
    """One item's scores as a participant sent them (None: not scored)."""

    item_id: int | None
    scores: Mapping[str, object]
    dots: object = 0
    comment: object = ""


def _require_participant(session: Session, actor: Actor, workshop: Workshop) -> WorkshopParticipant:
    place = participant_of(session, actor, workshop)
    if place is None:
        raise Forbidden("Join this workshop to take part.")
    return place


def my_scores(session: Session, actor: Actor, workshop: Workshop) -> dict[int, WorkshopScore]:
    """The actor's own scores, by item (none if they have not joined)."""
    place = participant_of(session, actor, workshop)
    if place is None:
        return {}
    rows = session.scalars(select(WorkshopScore).where(WorkshopScore.participant_id == place.id))
    return {row.item_id: row for row in rows}


def _checked_scores(workshop: Workshop, entries: Sequence[ScoreEntry]) -> list[WorkshopScore]:
    errors: dict[str, list[str]] = {}
    item_ids = {item.id for item in workshop.items}
    rows: list[WorkshopScore] = []
    seen: set[int] = set()
    for entry in entries:
        at = f"scores.{entry.item_id}"
        if entry.item_id not in item_ids or entry.item_id in seen:
            errors.setdefault("scores", []).append(
                f"Item {entry.item_id} is not on this table, or is given twice."
            )
            continue
        seen.add(entry.item_id)
        values: dict[str, int | None] = {}
        for slug in criterion_slugs():
            raw = entry.scores.get(slug)
            ok = raw is None or (
                isinstance(raw, int) and not isinstance(raw, bool) and SCORE_MIN <= raw <= SCORE_MAX
            )
            if not ok:
                errors.setdefault(f"{at}.{slug}", []).append(
                    f"Score from {SCORE_MIN} to {SCORE_MAX}, or leave it empty."
                )
            values[slug] = raw if ok else None  # type: ignore[assignment]
        dots = _whole(entry.dots if entry.dots is not None else 0, 0)
        if dots is None or dots < 0:
            errors.setdefault(f"{at}.dots", []).append("Give dots as a whole number.")
            dots = 0
        elif dots > workshop.dot_cap:
            errors.setdefault(f"{at}.dots", []).append(
                f"Put at most {workshop.dot_cap} dots on one item."
            )
        comment = entry.comment if isinstance(entry.comment, str) else None
        if comment is None or len(comment.strip()) > COMMENT_MAX:
            errors.setdefault(f"{at}.comment", []).append(
                f"Keep the comment to {COMMENT_MAX} characters or fewer."
            )
            comment = ""
        if any(v is not None for v in values.values()) or dots or comment.strip():
            rows.append(
                WorkshopScore(item_id=entry.item_id, dots=dots, comment=comment.strip(), **values)
            )
    spent = sum(row.dots for row in rows)
    if spent > workshop.dots:
        errors.setdefault("dots", []).append(
            f"You have {workshop.dots} dots to spend and used {spent}."
        )
    if errors:
        raise Refused(errors)
    return rows


def replace_scores(
    session: Session, actor: Actor, workshop_id: int, entries: Sequence[ScoreEntry]
) -> list[WorkshopScore]:
    """Replace the actor's own scores with these, whole, and commit.

    :raise NotFound: no such workshop the actor may read.
    :raise Forbidden: the actor has not joined it.
    :raise Conflict: the workshop is not scoring.
    :raise Refused: a score outside 1–5, dots over the budget or the cap, an unknown item.
    """
    workshop = get_workshop(session, actor, workshop_id)
    place = _require_participant(session, actor, workshop)
    if workshop.phase is not WorkshopPhase.SCORING:
        raise Conflict.on("phase", "Scores can be given and changed only while scoring is open.")
    rows = _checked_scores(workshop, entries)
    session.execute(delete(WorkshopScore).where(WorkshopScore.participant_id == place.id))
    for row in rows:
        row.participant_id = place.id
    session.add_all(rows)
    place.scored_at = utcnow() if rows else None
    session.commit()
    return rows


@dataclass(frozen=True)
class Progress:
    """How many participants have scored: all the facilitator sees before reveal."""

    scored: int
    participants: int


def progress(session: Session, actor: Actor, workshop_id: int) -> tuple[Workshop, Progress]:
    """The workshop and how many of its participants have scored (facilitator only).

    :raise NotFound: no such workshop the actor may read.
    :raise Forbidden: not its facilitator.
    """
    workshop = session.get(Workshop, workshop_id)
    if workshop is None or not _may_read(actor, workshop):
        raise NotFound("There is no workshop with this id that you can read.")
    _require_facilitator(actor, workshop)
    return workshop, _progress(session, workshop.id)


def _progress(session: Session, workshop_id: int) -> Progress:
    joined, scored = session.execute(
        select(func.count(), func.count(WorkshopParticipant.scored_at)).where(
            WorkshopParticipant.workshop_id == workshop_id
        )
    ).one()
    return Progress(scored or 0, joined or 0)


# --- Results -----------------------------------------------------------------------------------


def _ratings(session: Session, workshop: Workshop) -> list[Rating]:
    sectors = {
        place_id: sector.value if sector is not None else None
        for place_id, sector in session.execute(
            select(WorkshopParticipant.id, WorkshopParticipant.sector).where(
                WorkshopParticipant.workshop_id == workshop.id
            )
        )
    }
    rows = session.execute(
        select(
            WorkshopScore.item_id,
            WorkshopScore.participant_id,
            WorkshopScore.value,
            WorkshopScore.gap,
            WorkshopScore.feasibility,
            WorkshopScore.dots,
        ).where(WorkshopScore.participant_id.in_(list(sectors)))
    )
    return [
        Rating(
            item_id,
            place_id,
            {"value": value, "gap": gap, "feasibility": feasibility},
            dots,
            sectors[place_id],
        )
        for item_id, place_id, value, gap, feasibility, dots in rows
    ]


def _aggregate(session: Session, workshop: Workshop) -> list[ItemResult]:
    weights = {slug: float(workshop.weights.get(slug, 0)) for slug in criterion_slugs()}
    return aggregate(
        [item.id for item in workshop.items],
        _ratings(session, workshop),
        criterion_slugs(),
        weights,
    )


@dataclass
class Results:
    """What the actor may see of the results: progress only before reveal (facilitator)."""

    workshop: Workshop
    progress: Progress
    items: list[ItemResult] | None
    views: dict[int, ItemView]
    previous_ranks: dict[int, int | None]


def results(session: Session, actor: Actor, workshop_id: int) -> Results:
    """The ranked results after reveal; before it, the facilitator's progress count only.

    :raise NotFound: no such workshop the actor may read.
    :raise Forbidden: before reveal, anyone but the facilitator.
    """
    workshop = get_workshop(session, actor, workshop_id)
    count = _progress(session, workshop.id)
    views = {view.id: view for view in item_views(session, actor, workshop.items)}
    if workshop.phase not in RESULTS_SHOWN:
        if not is_facilitator(actor, workshop):
            raise Forbidden("Nobody sees the scores before the facilitator reveals them.")
        return Results(workshop, count, None, views, {})
    return Results(workshop, count, _aggregate(session, workshop), views, _previous_ranks(workshop))


def _previous_ranks(workshop: Workshop) -> dict[int, int | None]:
    """Each item's rank in the workshop this one repeats (items it did not have: none)."""
    if workshop.repeat_of is None:
        return {}
    before = {(i.cluster_id, i.question_id): i.final_rank for i in workshop.repeat_of.items}
    return {i.id: before.get((i.cluster_id, i.question_id)) for i in workshop.items}


# --- Outcome -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """A prioritised item with its next step and owner."""

    item_id: int | None
    next_step: object = ""
    owner: object = ""


def _text(value: object, name: str, limit: int, errors: dict[str, list[str]]) -> str:
    if not isinstance(value, str) or len(value.strip()) > limit:
        errors.setdefault(name, []).append(f"Give text of {limit} characters or fewer.")
        return ""
    return value.strip()


def record_outcome(
    session: Session,
    actor: Actor,
    workshop_id: int,
    decisions: Sequence[Decision],
    summary: str = "",
) -> Workshop:
    """Record the prioritised items (each with a next step and an owner), move their open
    questions to "prioritised", tell the askers and supporters, and commit; the workshop
    moves to decided.

    :raise NotFound: no such workshop the actor may read.
    :raise Forbidden: not its facilitator.
    :raise Conflict: results are not revealed yet, or mapping has begun.
    :raise Refused: an unknown item, one given twice, or a text too long.
    """
    workshop = get_workshop(session, actor, workshop_id)
    user = _require_facilitator(actor, workshop)
    if workshop.phase not in DECIDABLE:
        raise Conflict.on("phase", "Priorities are decided after reveal and before mapping.")
    errors: dict[str, list[str]] = {}
    items = {item.id: item for item in workshop.items}
    chosen: dict[int, tuple[str, str]] = {}
    for decision in decisions:
        if decision.item_id not in items or decision.item_id in chosen:
            errors.setdefault("prioritised", []).append(
                f"Item {decision.item_id} is not on this table, or is given twice."
            )
            continue
        at = f"prioritised.{decision.item_id}"
        chosen[decision.item_id] = (
            _text(decision.next_step, f"{at}.next_step", NEXT_STEP_MAX, errors),
            _text(decision.owner, f"{at}.owner", OWNER_MAX, errors),
        )
    note = _text(summary, "summary", NEXT_STEP_MAX * 4, errors)
    if errors:
        raise Refused(errors)
    for item in workshop.items:
        item.prioritised = item.id in chosen
        item.next_step, item.owner = chosen.get(item.id, ("", ""))
    workshop.outcome = note
    moved = _prioritise_questions(session, [i for i in workshop.items if i.prioritised], user)
    workshop.phase = WorkshopPhase.DECIDED
    session.flush()
    _announce_priorities(session, workshop, moved, user)
    session.commit()
    return workshop


def _prioritise_questions(
    session: Session, items: Sequence[WorkshopItem], user: User
) -> list[Question]:
    """Move the open questions of these items to prioritised, logging each step."""
    question_ids = {i.question_id for i in items if i.question_id is not None}
    cluster_ids = [i.cluster_id for i in items if i.cluster_id is not None]
    if cluster_ids:
        question_ids |= set(
            session.scalars(
                select(Question.id).where(
                    Question.cluster_id.in_(cluster_ids), Question.hidden.is_(False)
                )
            )
        )
    if not question_ids:
        return []
    questions = list(
        session.scalars(
            select(Question).where(
                Question.id.in_(question_ids), Question.status == QuestionStatus.OPEN
            )
        )
    )
    for question in questions:
        question.status_changes.append(
            QuestionStatusChange(
                from_status=question.status,
                to_status=QuestionStatus.PRIORITISED,
                changed_by=user,
                note="Prioritised at a workshop.",
            )
        )
        question.status = QuestionStatus.PRIORITISED
    return questions


def _announce_priorities(
    session: Session, workshop: Workshop, questions: Sequence[Question], user: User
) -> None:
    for question in questions:
        notify(
            session,
            question_audience(session, [question.id]),
            "question-status",
            f"A question you ask was prioritised at the workshop “{workshop.title}”.",
            url_for("questions.show", question_id=question.id),
            actor_id=user.id,
        )


# --- Data mapping ------------------------------------------------------------------------------


@dataclass
class MappingDraft:
    """What a participant holds toward a prioritised item, needs, and finds in the way."""

    item_id: int | None
    holds: object = ""
    needs: object = ""
    dataset_id: int | None = None
    new_dataset_title: object = ""
    new_dataset_description: object = ""
    barriers: Sequence[object] = ()
    barrier_note: object = ""


def my_mappings(session: Session, actor: Actor, workshop: Workshop) -> dict[int, WorkshopMapping]:
    """The actor's own data mapping, by item."""
    place = participant_of(session, actor, workshop)
    if place is None:
        return {}
    rows = session.scalars(
        select(WorkshopMapping).where(WorkshopMapping.participant_id == place.id)
    )
    return {row.item_id: row for row in rows}


def _dataset_for(
    session: Session, actor: Actor, draft: MappingDraft, errors: dict[str, list[str]]
) -> tuple[Dataset | None, tuple[str, str] | None]:
    title = _text(draft.new_dataset_title, "new_dataset_title", 200, errors)
    description = _text(draft.new_dataset_description, "new_dataset_description", 2000, errors)
    user = _member(actor)
    if draft.dataset_id is not None and title:
        errors.setdefault("dataset_id", []).append(
            "Link a dataset or describe a new one, not both."
        )
        return None, None
    if draft.dataset_id is not None:
        dataset = session.get(Dataset, draft.dataset_id)
        if dataset is None or not can_read_dataset(user, dataset):
            errors.setdefault("dataset_id", []).append(
                "There is no dataset with this id you can read."
            )
            return None, None
        return dataset, None
    if title or description:
        if user is None:
            errors.setdefault("new_dataset_title", []).append(
                "Guests describe what they hold in words; members add it to the register."
            )
        elif not title or not description:
            errors.setdefault("new_dataset_title", []).append(
                "Give the new dataset a title and a short description."
            )
        else:
            return None, (title, description)
    return None, None


def save_mapping(
    session: Session, actor: Actor, workshop_id: int, draft: MappingDraft
) -> WorkshopMapping:
    """Replace the actor's data mapping for one prioritised item and commit; a new dataset
    described here joins the register, held by the member's organisation.

    :raise NotFound: no such workshop the actor may read.
    :raise Forbidden: the actor has not joined it.
    :raise Conflict: the workshop is not mapping data.
    :raise Refused: not a prioritised item, an unknown barrier, a text too long.
    """
    workshop = get_workshop(session, actor, workshop_id)
    place = _require_participant(session, actor, workshop)
    if workshop.phase is not WorkshopPhase.MAPPING:
        raise Conflict.on("phase", "Data is mapped only while the workshop is mapping.")
    errors: dict[str, list[str]] = {}
    item = next((i for i in workshop.items if i.id == draft.item_id and i.prioritised), None)
    if item is None:
        errors["item_id"] = ["Choose one of the prioritised items."]
    known = {term.slug for term in barriers()}
    chosen = [b for b in draft.barriers if isinstance(b, str)]
    if len(chosen) != len(draft.barriers) or not set(chosen) <= known:
        errors["barriers"] = ["Choose barriers from the list."]
    holds = _text(draft.holds, "holds", MAPPING_TEXT_MAX, errors)
    needs = _text(draft.needs, "needs", MAPPING_TEXT_MAX, errors)
    note = _text(draft.barrier_note, "barrier_note", MAPPING_TEXT_MAX, errors)
    dataset, new = _dataset_for(session, actor, draft, errors)
    if errors:
        raise Refused(errors)
    assert item is not None
    user = _member(actor)
    if new is not None and user is not None:
        dataset = describe_held_dataset(session, user, *new)
    session.execute(
        delete(WorkshopMapping).where(
            WorkshopMapping.participant_id == place.id, WorkshopMapping.item_id == item.id
        )
    )
    mapping = WorkshopMapping(
        item_id=item.id,
        participant_id=place.id,
        dataset=dataset,
        holds=holds,
        needs=needs,
        barriers=[term.slug for term in barriers() if term.slug in set(chosen)],
        barrier_note=note,
    )
    session.add(mapping)
    session.commit()
    return mapping


@dataclass(frozen=True)
class MappingView:
    """One participant's entry, without their name; the dataset only if the viewer reads it."""

    entry: WorkshopMapping
    dataset: Dataset | None


@dataclass(frozen=True)
class ItemMapping:
    """What the participants recorded for one prioritised item, and its barrier totals."""

    item_id: int
    entries: list[MappingView]
    barriers: Counter[str]


def workshop_mappings(session: Session, actor: Actor, workshop: Workshop) -> list[ItemMapping]:
    """Each prioritised item's data mapping and barrier totals (readers of the workshop)."""
    prioritised = [i.id for i in workshop.items if i.prioritised]
    rows = session.scalars(
        select(WorkshopMapping)
        .options(selectinload(WorkshopMapping.dataset))
        .where(WorkshopMapping.item_id.in_(prioritised))
        .order_by(WorkshopMapping.id)
    )
    user = _member(actor)
    by_item: dict[int, list[MappingView]] = {item_id: [] for item_id in prioritised}
    for row in rows:
        shown = row.dataset if row.dataset and can_read_dataset(user, row.dataset) else None
        by_item[row.item_id].append(MappingView(row, shown))
    return [
        ItemMapping(item_id, views, Counter(b for v in views for b in v.entry.barriers))
        for item_id, views in by_item.items()
    ]


@dataclass(frozen=True)
class BarrierTotals:
    """Barriers named across every workshop: how often, and in how many workshops."""

    counts: Counter[str]
    workshops: Counter[str]
    mappings: int
    workshop_count: int


def barrier_totals(session: Session) -> BarrierTotals:
    """The barriers named in every workshop's data mapping, counted (nobody named)."""
    rows = session.execute(
        select(WorkshopItem.workshop_id, WorkshopMapping.barriers).join(
            WorkshopItem, WorkshopItem.id == WorkshopMapping.item_id
        )
    ).all()
    counts: Counter[str] = Counter()
    seen: dict[str, set[int]] = {}
    for workshop_id, named in rows:
        for slug in named or []:
            counts[slug] += 1
            seen.setdefault(slug, set()).add(workshop_id)
    return BarrierTotals(
        counts,
        Counter({slug: len(ids) for slug, ids in seen.items()}),
        len(rows),
        len({workshop_id for workshop_id, _ in rows}),
    )

"""What the bank holds about one member, in one place: the export they can download, and what
happens to each part when they delete their account.

One module on purpose: it is the bank's map of personal data. A table that gains a column
pointing at a person belongs here too, or an erased account would leave it behind.

On deletion, by part:

- account, API tokens, sessions, idempotency keys: gone (sessions end because the user no
  longer loads);
- questions: kept as anonymous contributions of the organisation (no author), or removed with
  their supports, as the member chooses;
- supports, flags, notifications, "not relevant" feedback, workshop places, scores and data
  mapping: removed (scores and mapping go with the place);
- pledges and datasets: stay with the organisation, without the member's name;
- partnerships the member leads: the longest-standing other active member becomes lead; with
  nobody to hand over to, the partnership is closed;
- their organisation's last admin: the longest-standing remaining member (an active one
  first) becomes its admin, so an organisation with members always has one;
- log entries, checklist ticks, status changes and background jobs they started: kept, without
  their name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from app.bank.grouping import refresh_demand_figures
from app.bank.matchstore import refresh_groups
from models import (
    ApiToken,
    Dataset,
    Flag,
    MatchFeedback,
    MemberStatus,
    Notification,
    OrganisationRole,
    Partnership,
    PartnershipCheck,
    PartnershipLogEntry,
    PartnershipMember,
    PartnershipStatus,
    Pledge,
    Question,
    Support,
    User,
    WorkshopMapping,
    WorkshopParticipant,
    WorkshopScore,
)

EXPORT_FORMAT = "question-bank/personal-data/1"


def _plain(value: Any) -> Any:
    """A column value as JSON can hold it."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _rows(
    session: Session, model: Any, where: Any, fields: tuple[str, ...]
) -> list[dict[str, Any]]:
    rows = session.scalars(select(model).where(where).order_by(model.id))
    return [{field: _plain(getattr(row, field)) for field in fields} for row in rows]


# One part of a record: its section, the table, what ties a row to the owner (a column naming
# them, or a filter made from their id), and the fields exported.
Owner = str | Callable[[int], ColumnElement[bool]]
Section = tuple[str, Any, Owner, tuple[str, ...]]


def sections(session: Session, table: Sequence[Section], owner_id: int) -> dict[str, Any]:
    """Every part of a record a table of sections describes, for one owner (a member, an
    organisation), as JSON-ready data."""
    found: dict[str, Any] = {}
    for section, model, owner, fields in table:
        where = getattr(model, owner) == owner_id if isinstance(owner, str) else owner(owner_id)
        found[section] = _rows(session, model, where, fields)
    return found


def personal_data(session: Session, user: User) -> dict[str, Any]:
    """Everything the bank holds about a member and their contributions, as JSON-ready data.

    Secrets are never included: no password hash, and of each API token only its name, prefix
    and dates.
    """
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "account": {
            "id": user.id,
            "email": user.email,
            "display_name": user.display_name,
            "organisation": user.organisation.name,
            "role": user.role.value,
            "organisation_role": user.organisation_role.value,
            "active": user.active,
            "created_at": _plain(user.created_at),
            "last_login_at": _plain(user.last_login_at),
        },
        "questions": [
            {**row, "themes": [theme.slug for theme in question.themes]}
            for question, row in _questions(session, user)
        ],
    }
    data.update(sections(session, PERSONAL_ROWS, user.id))
    return data


def _workshop_places(user_id: int) -> Any:
    """The ids of a member's places in workshops, as a subquery."""
    return select(WorkshopParticipant.id).where(WorkshopParticipant.user_id == user_id)


# What else of a member's is exported: section, table, the column naming them, the fields.
PERSONAL_ROWS: tuple[Section, ...] = (
    (
        "api_tokens",
        ApiToken,
        "user_id",
        ("name", "prefix", "created_at", "last_used_at", "expires_at", "revoked_at"),
    ),
    ("supports", Support, "user_id", ("question_id", "created_at")),
    ("flags", Flag, "user_id", ("question_id", "reason", "created_at")),
    (
        "pledges",
        Pledge,
        "pledged_by_id",
        (
            "id",
            "dataset_id",
            "question_id",
            "cluster_id",
            "status",
            "condition_kinds",
            "conditions",
            "available_from",
            "terms_accepted_at",
            "created_at",
        ),
    ),
    ("datasets_described", Dataset, "described_by_id", ("id", "title", "created_at")),
    (
        "partnership_memberships",
        PartnershipMember,
        "user_id",
        ("partnership_id", "role", "status", "is_lead", "joined_at"),
    ),
    (
        "partnership_log_entries",
        PartnershipLogEntry,
        "user_id",
        ("partnership_id", "kind", "text", "created_at"),
    ),
    ("checklist_ticks", PartnershipCheck, "ticked_by_id", ("partnership_id", "item", "ticked_at")),
    (
        "match_feedback",
        MatchFeedback,
        "user_id",
        ("cluster_id", "dataset_id", "reason", "created_at"),
    ),
    (
        "workshop_places",
        WorkshopParticipant,
        "user_id",
        ("workshop_id", "display_name", "created_at"),
    ),
    (
        "workshop_scores",
        WorkshopScore,
        lambda user_id: WorkshopScore.participant_id.in_(_workshop_places(user_id)),
        ("item_id", "value", "gap", "feasibility", "dots", "comment", "created_at"),
    ),
    (
        "workshop_data_mapping",
        WorkshopMapping,
        lambda user_id: WorkshopMapping.participant_id.in_(_workshop_places(user_id)),
        ("item_id", "dataset_id", "holds", "needs", "barriers", "barrier_note", "created_at"),
    ),
    ("notifications", Notification, "user_id", ("kind", "text", "link", "read_at", "created_at")),
)

QUESTION_FIELDS = (
    "id",
    "text",
    "action",
    "action_type_slug",
    "geography",
    "population_groups",
    "status",
    "visibility",
    "show_organisation",
    "hidden",
    "created_at",
    "updated_at",
)


def _questions(session: Session, user: User) -> list[tuple[Question, dict[str, Any]]]:
    questions = session.scalars(
        select(Question).where(Question.author_id == user.id).order_by(Question.id)
    )
    return [(q, {f: _plain(getattr(q, f)) for f in QUESTION_FIELDS}) for q in questions]


@dataclass(frozen=True)
class Handover:
    """What deleting an account does to a partnership the member leads."""

    partnership: Partnership
    new_lead: User | None  # None: nobody to hand over to, so the partnership closes


def led_partnerships(session: Session, user: User) -> list[Handover]:
    """The open partnerships a member leads, and who would lead each once they are gone."""
    handovers = []
    for lead in session.scalars(
        select(PartnershipMember)
        .join(Partnership)
        .where(
            PartnershipMember.user_id == user.id,
            PartnershipMember.is_lead.is_(True),
            Partnership.status.in_([PartnershipStatus.FORMING, PartnershipStatus.ACTIVE]),
        )
        .order_by(PartnershipMember.partnership_id)
    ):
        successor = session.scalars(
            select(PartnershipMember)
            .join(User, User.id == PartnershipMember.user_id)
            .where(
                PartnershipMember.partnership_id == lead.partnership_id,
                PartnershipMember.user_id != user.id,
                PartnershipMember.status == MemberStatus.ACTIVE,
                User.active.is_(True),
            )
            .order_by(PartnershipMember.joined_at, PartnershipMember.id)
            .limit(1)
        ).first()
        handovers.append(Handover(lead.partnership, successor.user if successor else None))
    return handovers


def organisation_successor(session: Session, user: User) -> User | None:
    """Who becomes their organisation's admin once this member is gone: the longest-standing
    remaining member (an active one first) when the member is its last admin, else nobody."""
    if not user.is_organisation_admin:
        return None
    colleagues = select(User).where(
        User.organisation_id == user.organisation_id, User.id != user.id
    )
    other_admin = colleagues.where(User.organisation_role == OrganisationRole.ADMIN)
    if session.scalars(other_admin.limit(1)).first() is not None:
        return None
    return session.scalars(
        colleagues.order_by(User.active.desc(), User.created_at, User.id).limit(1)
    ).first()


def erase_member(session: Session, user: User, keep_questions: bool) -> list[int]:
    """Remove a member and what is theirs alone, as the module docstring lays out; flush only.

    Returns the ids of the questions removed (none when they are kept), so the caller can drop
    them from the similarity index once committed.
    """
    for handover in led_partnerships(session, user):
        if handover.new_lead is None:
            handover.partnership.status = PartnershipStatus.CLOSED
        else:
            for membership in handover.partnership.members:
                membership.is_lead = membership.user_id == handover.new_lead.id
    successor = organisation_successor(session, user)
    if successor is not None:
        successor.organisation_role = OrganisationRole.ADMIN
    supported = list(session.scalars(select(Support.question_id).where(Support.user_id == user.id)))
    own = list(session.scalars(select(Question).where(Question.author_id == user.id)))
    touched_groups = {q.cluster_id for q in own if q.cluster_id is not None}
    removed = [] if keep_questions else [question.id for question in own]
    for question in own:
        if keep_questions:
            question.author_id = None
        else:
            session.delete(question)
    # A workshop place takes its scores and data mapping with it (ON DELETE CASCADE).
    for model in (Support, Flag, Notification, MatchFeedback, WorkshopParticipant):
        session.execute(delete(model).where(model.user_id == user.id))
    session.delete(user)
    session.flush()
    touched_groups |= _recount_supports(session, set(supported) - set(removed))
    refresh_demand_figures(session, touched_groups)
    refresh_groups(session, touched_groups)
    return removed


def _recount_supports(session: Session, question_ids: set[int]) -> set[int]:
    """Recount the support of questions a removed member supported; return their groups."""
    counts = dict(
        session.execute(
            select(Support.question_id, func.count())
            .where(Support.question_id.in_(question_ids))
            .group_by(Support.question_id)
        ).all()
    )
    groups = set()
    for question in session.scalars(select(Question).where(Question.id.in_(question_ids))):
        question.support_count = counts.get(question.id, 0)
        if question.cluster_id is not None:
            groups.add(question.cluster_id)
    return groups

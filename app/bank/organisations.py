"""An organisation's record and its closing, in the manner of a member's (``personal``): the
same table of sections for the export, the same erasure for each of its members.

Who may: a bank admin any organisation (closing: never their own), and an organisation's own
admins their own (closing it erases their account too). Closing never takes the bank's last
admins with it.

Closing an organisation:

- each member's account goes as if they deleted it and chose to remove their questions
  (``personal.erase_member``): tokens, sessions, supports, flags, notifications, workshop
  places and scores go; partnerships they lead get a new lead or close;
- the organisation's other questions (anonymous contributions of members who left) go too,
  with their supports: no question can outlive the organisation it names;
- the datasets it holds are retired (kept for the record, out of the register, its matches
  and the exports) with no holder and no contact; their pledges still live are withdrawn,
  each with a note in its history;
- the organisation itself is deleted. Nothing personal is left: background jobs, log entries
  and status changes its members made stay without their names, as on a member's deletion.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.bank.grouping import refresh_demand_figures
from app.bank.matchstore import refresh_datasets, refresh_groups
from app.bank.personal import QUESTION_FIELDS, Section, erase_member, sections
from app.core.errors import Conflict, Refused
from app.core.policy import require_organisation_manager
from models import (
    Dataset,
    Organisation,
    PartnershipMember,
    Pledge,
    PledgeStatus,
    PledgeStatusChange,
    Question,
    Role,
    User,
    utcnow,
)

log = logging.getLogger(__name__)

EXPORT_FORMAT = "question-bank/organisation/1"
CLOSED_NOTE = "Withdrawn: the organisation holding the dataset closed."


def _held_datasets(organisation_id: int) -> Any:
    return select(Dataset.id).where(Dataset.holder_organisation_id == organisation_id)


def _members(organisation_id: int) -> Any:
    return select(User.id).where(User.organisation_id == organisation_id)


# What an organisation's record holds: section, table, what ties a row to it, the fields.
ORGANISATION_ROWS: tuple[Section, ...] = (
    (
        "members",
        User,
        "organisation_id",
        (
            "id",
            "email",
            "display_name",
            "role",
            "organisation_role",
            "active",
            "created_at",
            "last_login_at",
        ),
    ),
    ("questions", Question, "organisation_id", (*QUESTION_FIELDS, "author_id")),
    (
        "datasets",
        Dataset,
        "holder_organisation_id",
        (
            "id",
            "title",
            "description",
            "publisher",
            "access_level",
            "visibility",
            "licence",
            "url",
            "retired_at",
            "created_at",
        ),
    ),
    (
        "pledges",
        Pledge,
        lambda oid: Pledge.dataset_id.in_(_held_datasets(oid)),
        ("id", "dataset_id", "question_id", "cluster_id", "status", "conditions", "created_at"),
    ),
    (
        "partnership_memberships",
        PartnershipMember,
        lambda oid: PartnershipMember.user_id.in_(_members(oid)),
        ("partnership_id", "user_id", "role", "status", "is_lead", "joined_at"),
    ),
)


def managed_organisation(
    session: Session, actor: User | None, organisation_id: int
) -> Organisation:
    """The organisation, if the actor may download its record and close it (bank admins any,
    its own admins their own).

    :raise Forbidden: the actor is a member of it but not one of its admins.
    :raise NotFound: no such organisation, or another one than the actor's and they are no
        bank admin.
    """
    return require_organisation_manager(actor, session.get(Organisation, organisation_id))


def organisation_record(
    session: Session, actor: User | None, organisation_id: int
) -> dict[str, Any]:
    """Everything the bank holds about an organisation: itself, its members, questions,
    datasets, their pledges and its members' partnerships, as JSON-ready data.

    :raise Forbidden: the actor is a member of it but not one of its admins.
    :raise NotFound: no such organisation, or not one the actor may manage.
    """
    organisation = managed_organisation(session, actor, organisation_id)
    return {
        "format": EXPORT_FORMAT,
        "organisation": {
            "id": organisation.id,
            "name": organisation.name,
            "sector": organisation.sector.value,
            "region": organisation.region,
            "website": organisation.website,
            "description": organisation.description,
            "created_at": organisation.created_at.isoformat(),
        },
        **sections(session, ORGANISATION_ROWS, organisation.id),
    }


def organisation_counts(session: Session, organisation_id: int) -> dict[str, int]:
    """How many members, questions, datasets and live pledges closing would touch."""
    return {
        "members": _count(session, User, User.organisation_id == organisation_id),
        "questions": _count(session, Question, Question.organisation_id == organisation_id),
        "datasets": _count(session, Dataset, Dataset.holder_organisation_id == organisation_id),
        "pledges": _count(
            session,
            Pledge,
            Pledge.dataset_id.in_(_held_datasets(organisation_id)),
            Pledge.status != PledgeStatus.WITHDRAWN,
        ),
    }


def _count(session: Session, model: Any, *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _admins_remain(session: Session, organisation_id: int) -> bool:
    """Whether the bank keeps an active admin once this organisation's members are gone (or
    never had one to lose)."""
    admins = (User.role == Role.ADMIN, User.active.is_(True))
    outside = _count(session, User, *admins, User.organisation_id != organisation_id)
    return outside > 0 or _count(session, User, *admins) == 0


def close_organisation(
    session: Session, actor: User | None, organisation_id: int, confirm_name: str
) -> list[int]:
    """Close an organisation as the module docstring lays out, and commit; the ids of the
    questions removed (to drop from the similarity index).

    :raise Forbidden: the actor is a member of it but not one of its admins.
    :raise NotFound: no such organisation, or not one the actor may manage.
    :raise Conflict: a bank admin's own organisation they are no admin of, or it holds every
        active bank admin.
    :raise Refused: the name typed to confirm is not the organisation's (field ``confirm``).
    """
    organisation = managed_organisation(session, actor, organisation_id)
    assert actor is not None
    if actor.organisation_id == organisation.id and not actor.is_organisation_admin:
        raise Conflict.on("organisation", "You belong to this organisation: ask another admin.")
    if not _admins_remain(session, organisation.id):
        raise Conflict.on(
            "organisation",
            "Every admin of the bank belongs to this organisation: make a member of another "
            "organisation an admin first.",
        )
    if confirm_name.strip().casefold() != organisation.name.casefold():
        raise Refused.on("confirm", "Type the organisation's name exactly to confirm.")
    # An organisation's own admin is erased with it: the pledges' history cannot name them.
    closer = None if actor.organisation_id == organisation.id else actor.id
    removed: list[int] = []
    for user in list(session.scalars(select(User).where(User.organisation_id == organisation.id))):
        removed += erase_member(session, user, keep_questions=False)
    left = list(
        session.execute(
            select(Question.id, Question.cluster_id).where(
                Question.organisation_id == organisation.id
            )
        )
    )
    groups = {cid for _, cid in left if cid is not None}
    session.execute(delete(Question).where(Question.organisation_id == organisation.id))
    removed += [qid for qid, _ in left]
    held = list(
        session.scalars(select(Dataset).where(Dataset.holder_organisation_id == organisation.id))
    )
    now = utcnow()
    for dataset in held:
        dataset.retired_at = dataset.retired_at or now
        dataset.holder_organisation_id = None
        dataset.contact_user_id = None
        dataset.contact_details = ""
    for pledge in session.scalars(
        select(Pledge).where(
            Pledge.dataset_id.in_([d.id for d in held]), Pledge.status != PledgeStatus.WITHDRAWN
        )
    ):
        pledge.status_changes.append(
            PledgeStatusChange(
                from_status=pledge.status,
                to_status=PledgeStatus.WITHDRAWN,
                changed_by_id=closer,
                note=CLOSED_NOTE,
            )
        )
        pledge.status = PledgeStatus.WITHDRAWN
        if pledge.cluster_id is not None:
            groups.add(pledge.cluster_id)
    session.delete(organisation)
    session.flush()
    refresh_datasets(session, [d.id for d in held])
    refresh_demand_figures(session, groups)
    refresh_groups(session, groups)
    session.commit()
    log.info(
        "organisation %s closed by %s: %d questions removed, %d datasets retired",
        organisation_id,
        "its own admin" if closer is None else f"user {closer}",
        len(removed),
        len(held),
    )
    return removed

"""Who may read, curate, moderate and administer what: the only place these rules live.

Services call the ``require_*`` checks (which raise the core errors) and filter queries with
``readable_by``; templates ask the ``can_*`` questions to decide what to offer.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, true

from app.core.errors import Forbidden, NotFound
from models import (
    Dataset,
    DatasetVisibility,
    Job,
    JobKind,
    JobStatus,
    MemberStatus,
    Organisation,
    Partnership,
    PartnershipMember,
    Pledge,
    Question,
    User,
    Visibility,
)


def signed_in(viewer: User | None) -> bool:
    """Whether the viewer is a signed-in, active member."""
    return viewer is not None and viewer.is_authenticated and viewer.active


def can_curate(viewer: User | None) -> bool:
    """Facilitators and admins curate groups, move questions along and moderate."""
    return signed_in(viewer) and viewer is not None and viewer.is_facilitator


def can_administer(viewer: User | None) -> bool:
    """Admins manage members and roles and re-cluster the bank."""
    return signed_in(viewer) and viewer is not None and viewer.is_admin


def can_watch_job(viewer: User | None, job: Job) -> bool:
    """Admins watch every background job; a member watches the jobs they started."""
    return (
        signed_in(viewer) and viewer is not None and (viewer.is_admin or job.owner_id == viewer.id)
    )


def can_restart_job(viewer: User | None, job: Job) -> bool:
    """A failed job can be run again by an admin, or by its owner when it is their import."""
    if job.status is not JobStatus.FAILED or not signed_in(viewer) or viewer is None:
        return False
    imports = (JobKind.DATASET_IMPORT, JobKind.QUESTION_IMPORT)
    return viewer.is_admin or (job.kind in imports and job.owner_id == viewer.id)


def readable_by(viewer: User | None, include_hidden: bool = False) -> ColumnElement[bool]:
    """A filter for the questions a viewer may read.

    Anyone reads public questions; signed-in members also read members-only ones; a private
    question is read only by its asker's organisation. Hidden questions are left out unless
    ``include_hidden`` (moderators reviewing them).
    """
    allowed = [Question.visibility == Visibility.PUBLIC]
    if viewer is not None and signed_in(viewer):
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
    if question.hidden and not can_curate(viewer):
        return False
    if question.visibility is Visibility.PUBLIC:
        return True
    if viewer is None or not signed_in(viewer):
        return False
    if question.visibility is Visibility.MEMBERS:
        return True
    return viewer.organisation_id == question.organisation_id


def require_member(actor: User | None) -> User:
    """The actor, if a signed-in active member.

    :raise Forbidden: a visitor or a deactivated account.
    """
    if actor is None or not signed_in(actor):
        raise Forbidden("Log in with an active account to do this.")
    return actor


def require_curator(actor: User | None) -> User:
    """The actor, if a facilitator or admin.

    :raise Forbidden: anyone else.
    """
    if actor is None or not can_curate(actor):
        raise Forbidden("Only facilitators and admins can do this.")
    return actor


def require_admin(actor: User | None) -> User:
    """The actor, if an admin.

    :raise Forbidden: anyone else.
    """
    if actor is None or not can_administer(actor):
        raise Forbidden("Only admins can do this.")
    return actor


def manages_organisation(viewer: User | None, organisation_id: int) -> bool:
    """Whether the viewer is an admin of this organisation (their own): they choose its admins,
    download its record and may close it."""
    return (
        signed_in(viewer)
        and viewer is not None
        and viewer.organisation_id == organisation_id
        and viewer.is_organisation_admin
    )


def require_organisation_manager(
    actor: User | None, organisation: Organisation | None
) -> Organisation:
    """The organisation, if the actor may download its record and close it: a bank admin any
    organisation, an organisation's own admins their own.

    :raise Forbidden: not signed in, or a member of it who is not one of its admins.
    :raise NotFound: missing, or another organisation than the actor's (the same answer).
    """
    actor = require_member(actor)
    if organisation is not None and (
        can_administer(actor) or manages_organisation(actor, organisation.id)
    ):
        return organisation
    if organisation is not None and organisation.id == actor.organisation_id:
        raise Forbidden("Only your organisation's admins can do this.")
    raise NotFound("There is no organisation with this id.")


def require_readable(viewer: User | None, question: Question | None) -> Question:
    """The question, if it exists and the viewer may read it.

    :raise NotFound: missing or unreadable (the same answer, so ids cannot be probed).
    """
    if question is None or not can_read(viewer, question):
        raise NotFound("There is no question with this id that you can read.")
    return question


# --- Datasets ----------------------------------------------------------------------------------


def datasets_readable_by(viewer: User | None, include_retired: bool = False) -> ColumnElement[bool]:
    """A filter for the dataset descriptions a viewer may read.

    Anyone reads public records; signed-in members also read members-only ones. Retired records
    are left out unless ``include_retired`` (their editors still open them).
    """
    allowed = Dataset.visibility == DatasetVisibility.PUBLIC
    if signed_in(viewer):
        allowed = or_(allowed, Dataset.visibility == DatasetVisibility.MEMBERS)
    live = true() if include_retired else Dataset.retired_at.is_(None)
    return and_(live, allowed)


def can_edit_dataset(viewer: User | None, dataset: Dataset) -> bool:
    """Whether a viewer may edit or retire a dataset's description.

    A held dataset belongs to its holder organisation: any of its members, and no one else. A
    public record (no holder) is kept by whoever described it, and by facilitators and admins.
    """
    if viewer is None or not signed_in(viewer):
        return False
    if dataset.holder_organisation_id is not None:
        return viewer.organisation_id == dataset.holder_organisation_id
    return dataset.described_by_id == viewer.id or can_curate(viewer)


def can_read_dataset(viewer: User | None, dataset: Dataset) -> bool:
    """Whether a viewer may read a dataset's description (a retired one: only its editors)."""
    if dataset.retired_at is not None and not can_edit_dataset(viewer, dataset):
        return False
    return dataset.visibility is DatasetVisibility.PUBLIC or signed_in(viewer)


def require_readable_dataset(viewer: User | None, dataset: Dataset | None) -> Dataset:
    """The dataset, if it exists and the viewer may read it.

    :raise NotFound: missing or unreadable (the same answer, so ids cannot be probed).
    """
    if dataset is None or not can_read_dataset(viewer, dataset):
        raise NotFound("There is no dataset with this id that you can read.")
    return dataset


def require_dataset_editor(viewer: User | None, dataset: Dataset | None) -> Dataset:
    """The dataset, if the viewer may edit it.

    :raise NotFound: missing or unreadable.
    :raise Forbidden: readable, but kept by another organisation or member.
    """
    dataset = require_readable_dataset(viewer, dataset)
    if not can_edit_dataset(viewer, dataset):
        raise Forbidden(
            "Only members of the organisation that holds this dataset can change it."
            if dataset.holder_organisation_id is not None
            else "Only the member who described this dataset, or a facilitator, can change it."
        )
    return dataset


# --- Pledges -------------------------------------------------------------------------------


def holds(viewer: User | None, dataset: Dataset) -> bool:
    """Whether the viewer belongs to the organisation holding the dataset (None: no holder)."""
    holder = dataset.holder_organisation_id
    return signed_in(viewer) and viewer is not None and holder == viewer.organisation_id


def can_read_pledge(viewer: User | None, pledge: Pledge) -> bool:
    """The holder's members read their pledges; others read a pledge whose question they read.

    A pledge to a group is read by anyone who reads groups (every visitor).
    """
    if holds(viewer, pledge.dataset):
        return True
    return pledge.question is None or can_read(viewer, pledge.question)


def can_change_pledge(viewer: User | None, pledge: Pledge) -> bool:
    """Only members of the holder organisation move a pledge's status along."""
    return holds(viewer, pledge.dataset)


# --- Partnerships --------------------------------------------------------------------------


def membership(viewer: User | None, partnership: Partnership) -> PartnershipMember | None:
    """The viewer's row in the partnership (in any status), if any."""
    if viewer is None or not signed_in(viewer):
        return None
    return next((m for m in partnership.members if m.user_id == viewer.id), None)


def is_partner(viewer: User | None, partnership: Partnership) -> bool:
    """Whether the viewer is an accepted member: they read the private log and checklist."""
    row = membership(viewer, partnership)
    return row is not None and row.status is MemberStatus.ACTIVE


def leads(viewer: User | None, partnership: Partnership) -> bool:
    """Whether the viewer leads the partnership (changes its status, answers join requests)."""
    row = membership(viewer, partnership)
    return row is not None and row.status is MemberStatus.ACTIVE and row.is_lead


def can_read_partnership(viewer: User | None, partnership: Partnership) -> bool:
    """Title, status and member organisations: for whoever reads its question or group.

    Members and invited people read it whatever happened to the question since.
    """
    row = membership(viewer, partnership)
    if row is not None and row.status is not MemberStatus.DECLINED:
        return True
    return partnership.question is None or can_read(viewer, partnership.question)

"""Pledge use cases: offering a dataset toward a question or a group, reading a pledge and
moving its status along, each step logged and announced to the people who ask.

Only members of the organisation holding a dataset pledge it or change its pledges; a dataset
with no holder is public data, open already, so there is nothing to pledge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.bank.grouping import refresh_demand_figures
from app.bank.holdings import organisation_datasets
from app.bank.notify import group_audience, notify, question_audience
from app.core.errors import Conflict, Forbidden, NotFound, Refused
from app.core.policy import can_change_pledge, can_read, can_read_pledge, require_member
from app.pledges.rules import NEXT_STATUSES, NOTE_MAX, STATUS_NOTE_MAX, terms_text
from models import (
    Cluster,
    ClusterState,
    Dataset,
    Pledge,
    PledgeCondition,
    PledgeStatus,
    PledgeStatusChange,
    Question,
    User,
    utcnow,
)

NO_HOLDER = (
    "This dataset is public data with no holder: it is open to everyone already, so there is "
    "nothing to pledge. Link to it from the question instead."
)
NOT_YOURS = "You can pledge only datasets your own organisation holds."


@dataclass(frozen=True)
class Target:
    """What a pledge is offered toward: one question or one group."""

    question: Question | None = None
    cluster: Cluster | None = None

    @property
    def title(self) -> str:
        """The question's text or the group's title."""
        if self.question is not None:
            return self.question.text
        return self.cluster.display_title if self.cluster is not None else ""


@dataclass
class PledgeDraft:
    """A pledge as a member filled it in (plain values from a form or a JSON body)."""

    dataset_id: int | None
    question_id: int | None = None
    cluster_id: int | None = None
    conditions: Sequence[str] = ()
    note: str = ""
    available_from: date | None = None
    accept_terms: bool = False
    errors: dict[str, list[str]] = field(default_factory=dict)


def find_target(
    session: Session, viewer: User | None, question_id: int | None, cluster_id: int | None
) -> Target:
    """The question (readable, not hidden) or the live group a pledge would go to.

    :raise Refused: neither or both were named.
    :raise NotFound: no such readable question or live group.
    """
    if (question_id is None) == (cluster_id is None):
        raise Refused.on("target", "Pledge toward one question or one group.")
    if question_id is not None:
        question = session.get(Question, question_id)
        if question is None or question.hidden or not can_read(viewer, question):
            raise NotFound("There is no question with this id that you can read.")
        return Target(question=question)
    cluster = session.get(Cluster, cluster_id)
    if cluster is None or cluster.state is not ClusterState.ACTIVE:
        raise NotFound("There is no live group with this id.")
    return Target(cluster=cluster)


def pledgeable_datasets(session: Session, user: User) -> list[Dataset]:
    """The datasets the member's organisation holds, by title."""
    return organisation_datasets(session, user)


def pledgeable_dataset(session: Session, user: User, dataset_id: int | None) -> Dataset:
    """A dataset the member may pledge.

    :raise Refused: none chosen, or it is public data with no holder.
    :raise NotFound: no such dataset.
    :raise Forbidden: another organisation holds it.
    """
    if dataset_id is None:
        raise Refused.on("dataset_id", "Choose one of your organisation's datasets.")
    dataset = session.get(Dataset, dataset_id)
    if dataset is None:
        raise NotFound("There is no dataset with this id.")
    if dataset.holder_organisation_id is None:
        raise Refused.on("dataset_id", NO_HOLDER)
    if dataset.holder_organisation_id != user.organisation_id:
        raise Forbidden(NOT_YOURS)
    return dataset


def _checked(draft: PledgeDraft) -> list[str]:
    """The draft's conditions, in the offered order; field errors go into ``draft.errors``."""
    known = {condition.value for condition in PledgeCondition}
    unknown = [value for value in draft.conditions if value not in known]
    if unknown:
        draft.errors.setdefault("conditions", []).append(
            f"Unknown condition: {', '.join(unknown)}."
        )
    if len(draft.note.strip()) > NOTE_MAX:
        draft.errors.setdefault("note", []).append(
            f"Keep the note to {NOTE_MAX} characters or fewer."
        )
    if not draft.accept_terms:
        draft.errors.setdefault("accept_terms", []).append(
            "Tick to accept the terms of use: every pledge carries them."
        )
    return [c.value for c in PledgeCondition if c.value in set(draft.conditions)]


def make_pledge(session: Session, user: User, draft: PledgeDraft) -> Pledge:
    """Pledge a dataset of the member's organisation toward a question or a group, log it,
    tell the askers and supporters, and commit.

    :raise Forbidden: not an active member, or the dataset is another organisation's.
    :raise NotFound: no such dataset, readable question or live group.
    :raise Refused: the draft breaks a rule, or the dataset has no holder; nothing is written.
    :raise Conflict: the dataset is already pledged (and not withdrawn) toward this target.
    """
    require_member(user)
    dataset = pledgeable_dataset(session, user, draft.dataset_id)
    target = find_target(session, user, draft.question_id, draft.cluster_id)
    conditions = _checked(draft)
    if draft.errors:
        raise Refused(draft.errors)
    already = session.scalar(
        select(Pledge.id).where(
            Pledge.dataset_id == dataset.id,
            Pledge.question_id == draft.question_id
            if draft.question_id is not None
            else Pledge.cluster_id == draft.cluster_id,
            Pledge.status != PledgeStatus.WITHDRAWN,
        )
    )
    if already is not None:
        raise Conflict.on("dataset_id", "This dataset is already pledged here.")
    pledge = Pledge(
        dataset=dataset,
        question=target.question,
        cluster=target.cluster,
        pledged_by=user,
        condition_kinds=conditions,
        conditions=draft.note.strip(),
        available_from=draft.available_from,
        terms=terms_text(),
        terms_accepted_at=utcnow(),
        status=PledgeStatus.OFFERED,
        status_changes=[PledgeStatusChange(to_status=PledgeStatus.OFFERED, changed_by=user)],
    )
    session.add(pledge)
    session.flush()
    _refresh_group(session, pledge)
    _announce(session, pledge, user, f"{dataset.source_name} pledged “{dataset.title}”")
    session.commit()
    return pledge


def _refresh_group(session: Session, pledge: Pledge) -> None:
    group_id = pledge.cluster_id or (pledge.question.cluster_id if pledge.question else None)
    if group_id is not None:
        refresh_demand_figures(session, [group_id])


def _announce(session: Session, pledge: Pledge, actor: User, what: str) -> None:
    """Tell the askers and supporters of the pledge's question (or its group's questions)."""
    if pledge.question_id is not None:
        audience = question_audience(session, [pledge.question_id])
        toward = "a question you ask"
    else:
        audience = group_audience(session, pledge.cluster_id or 0)
        toward = "a group of questions you ask"
    link = url_for("pledges.show", pledge_id=pledge.id)
    kind = "pledge" if len(pledge.status_changes) <= 1 else "pledge-status"
    notify(session, audience, kind, f"{what} toward {toward}.", link, actor_id=actor.id)


def get_pledge(session: Session, viewer: User | None, pledge_id: int) -> Pledge:
    """A pledge the viewer may read, with its dataset and history.

    :raise NotFound: missing, or on a question the viewer may not read (the same answer).
    """
    pledge = session.scalar(
        select(Pledge)
        .options(
            selectinload(Pledge.dataset).selectinload(Dataset.holder),
            selectinload(Pledge.status_changes).selectinload(PledgeStatusChange.changed_by),
        )
        .where(Pledge.id == pledge_id)
    )
    if pledge is None or not can_read_pledge(viewer, pledge):
        raise NotFound("There is no pledge with this id that you can read.")
    return pledge


def next_statuses(viewer: User | None, pledge: Pledge) -> tuple[PledgeStatus, ...]:
    """The statuses this viewer may move the pledge to (none unless they hold the data)."""
    return NEXT_STATUSES[pledge.status] if can_change_pledge(viewer, pledge) else ()


def change_status(
    session: Session, user: User, pledge_id: int, to_status: str | None, note: str = ""
) -> Pledge:
    """Move a pledge along, log the step, tell the askers and supporters, and commit.

    :raise NotFound: the member may not read the pledge.
    :raise Forbidden: the member is not in the holder organisation.
    :raise Refused: an unknown status, one the pledge cannot move to, or a note too long.
    """
    require_member(user)
    pledge = get_pledge(session, user, pledge_id)
    if not can_change_pledge(user, pledge):
        raise Forbidden("Only members of the organisation holding the data change this pledge.")
    allowed = NEXT_STATUSES[pledge.status]
    target = next((s for s in allowed if s.value == to_status), None)
    if target is None:
        choices = ", ".join(s.label.lower() for s in allowed) or "nothing: it is final"
        raise Refused.on("status", f"This pledge can move to {choices}.")
    if len(note.strip()) > STATUS_NOTE_MAX:
        raise Refused.on("note", f"Keep the note to {STATUS_NOTE_MAX} characters or fewer.")
    pledge.status_changes.append(
        PledgeStatusChange(
            from_status=pledge.status, to_status=target, changed_by=user, note=note.strip()
        )
    )
    pledge.status = target
    session.flush()
    _refresh_group(session, pledge)
    _announce(
        session,
        pledge,
        user,
        f"The pledge of “{pledge.dataset.title}” is now {target.label.lower()}",
    )
    session.commit()
    return pledge

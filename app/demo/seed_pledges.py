"""Seeding the demo pledges (with conditions, terms and status history) and partnerships
(with members, invitations, log and checklist), and the notifications they would have sent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo import content
from app.demo.content import PartnershipRow, PledgeRow
from app.pledges.rules import NEXT_STATUSES, terms_text
from models import (
    ChecklistItem,
    Dataset,
    LogKind,
    MemberStatus,
    Notification,
    PartnerRole,
    Partnership,
    PartnershipCheck,
    PartnershipLogEntry,
    PartnershipMember,
    PartnershipStatus,
    Pledge,
    PledgeStatus,
    PledgeStatusChange,
    Question,
    User,
    utcnow,
)

if TYPE_CHECKING:
    from app.demo.seed import SeedReport


def seed_pledges(
    session: Session,
    datasets: dict[str, Dataset],
    first_of_family: dict[str, Question],
    users: dict[str, User],
    report: SeedReport,
) -> None:
    """Add each demo pledge not yet made of its dataset to its family's first question, with
    its terms of use, its status history, and a notification to the question's asker."""
    for row in content.pledges():
        dataset = datasets[row["dataset"]]
        question = first_of_family[row["family"]]
        already = session.scalar(
            select(Pledge.id).where(
                Pledge.dataset_id == dataset.id, Pledge.question_id == question.id
            )
        )
        if already is None:
            pledge = _new_pledge(row, dataset, question, users[row["by"]])
            session.add(pledge)
            session.flush()
            # Notification links are paths, as the pages' own url_for would give them.
            session.add(
                Notification(
                    user=question.author,
                    kind="pledge",
                    text=f"{dataset.source_name} pledged “{dataset.title}” toward a question "
                    "you ask.",
                    link=f"/pledges/{pledge.id}",
                )
            )
            report.pledges += 1
            report.notifications += 1


def _status_path(status: PledgeStatus) -> list[PledgeStatus]:
    """The steps from offered to a status, the way the holder would have taken them."""
    if status is PledgeStatus.WITHDRAWN:
        return [PledgeStatus.OFFERED, PledgeStatus.WITHDRAWN]
    path = [PledgeStatus.OFFERED]
    while path[-1] is not status:
        path.append(NEXT_STATUSES[path[-1]][0])
    return path


def _new_pledge(row: PledgeRow, dataset: Dataset, question: Question, by: User) -> Pledge:
    """A demo pledge with its conditions, terms and the steps of its status."""
    status = PledgeStatus(row["status"])
    path = _status_path(status)
    return Pledge(
        dataset=dataset,
        question=question,
        pledged_by=by,
        condition_kinds=list(row["condition_kinds"]),
        conditions=row["conditions"],
        available_from=date.fromisoformat(row["available_from"]) if row["available_from"] else None,
        terms=terms_text(),
        terms_accepted_at=utcnow() - timedelta(days=30),
        status=status,
        status_changes=[
            PledgeStatusChange(from_status=before, to_status=after, changed_by=by)
            for before, after in zip([None, *path[:-1]], path, strict=True)
        ],
    )


def seed_partnerships(
    session: Session,
    first_of_family: dict[str, Question],
    users: dict[str, User],
    report: SeedReport,
) -> None:
    """Add the missing demo partnerships (matched by title) with their members, invitations,
    log and ticked checklist; the invited are told."""
    rows = content.partnerships()
    existing = set(
        session.scalars(
            select(Partnership.title).where(Partnership.title.in_([p["title"] for p in rows]))
        )
    )
    for row in rows:
        if row["title"] in existing:
            continue
        partnership = _new_partnership(row, first_of_family, users)
        session.add(partnership)
        session.flush()
        lead = users[row["members"][0]["email"]]
        for invited in row["invited"]:
            session.add(
                Notification(
                    user=users[invited["email"]],
                    kind="partnership-invitation",
                    text=f"{lead.display_name} invites you to join the partnership "
                    f"“{partnership.title}”.",
                    link=f"/partnerships/{partnership.id}",
                )
            )
            report.notifications += 1
        report.partnerships += 1


def _new_partnership(
    row: PartnershipRow, first_of_family: dict[str, Question], users: dict[str, User]
) -> Partnership:
    """A demo partnership: the first member leads it."""
    lead = users[row["members"][0]["email"]]
    members = [
        PartnershipMember(
            user=users[m["email"]], role=PartnerRole(m["role"]), is_lead=position == 0
        )
        for position, m in enumerate(row["members"])
    ]
    members += [
        PartnershipMember(
            user=users[m["email"]],
            role=PartnerRole(m["role"]),
            status=MemberStatus.INVITED,
            invited_by=lead,
        )
        for m in row["invited"]
    ]
    return Partnership(
        title=row["title"],
        question=first_of_family[row["family"]],
        status=PartnershipStatus(row["status"]),
        next_steps=row["next_steps"],
        created_by_id=lead.id,
        members=members,
        log_entries=[
            PartnershipLogEntry(user=users[e["by"]], kind=LogKind(e["kind"]), text=e["text"])
            for e in row["log"]
        ],
        checks=[
            PartnershipCheck(item=ChecklistItem(c["item"]), ticked_by=users[c["by"]])
            for c in row["checklist"]
        ],
    )

"""Load the demo content into a database; running it again adds nothing twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.auth.service import hash_password
from app.demo import content
from app.demo.content import AnswerLinkRow, DatasetRow, QuestionRow, WorkshopRow
from app.demo.seed_pledges import seed_partnerships, seed_pledges
from app.workshops.results import Rating, aggregate
from app.workshops.rules import criterion_slugs, default_weights
from app.workshops.service import new_join_code
from models import (
    AccessLevel,
    AnswerLink,
    Base,
    Dataset,
    Organisation,
    OrganisationRole,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    Role,
    Sector,
    Support,
    Theme,
    UnitOfAnalysis,
    User,
    Visibility,
    Workshop,
    WorkshopItem,
    WorkshopMapping,
    WorkshopMode,
    WorkshopParticipant,
    WorkshopPhase,
    WorkshopScore,
    utcnow,
)

DEMO_PASSWORD = "demo-password"
# Who describes the demo's public data that no member holds.
STEWARD = "admin@questionbank.example.org"

_Model = TypeVar("_Model", bound=Base)


@dataclass
class SeedReport:
    """How many rows of each kind the seed added."""

    organisations: int = 0
    users: int = 0
    questions: int = 0
    supports: int = 0
    answer_links: int = 0
    datasets: int = 0
    pledges: int = 0
    partnerships: int = 0
    notifications: int = 0
    workshops: int = 0

    def total(self) -> int:
        """All rows added."""
        return sum(vars(self).values())


def seed_demo(session: Session, password: str = DEMO_PASSWORD) -> SeedReport:
    """Add every demo row that is not there yet (matched by natural key) and commit once."""
    report = SeedReport()
    themes = {theme.slug: theme for theme in session.scalars(select(Theme))}
    organisations = _seed_organisations(session, report)
    users = _seed_users(session, organisations, hash_password(password), report)
    first_of_family = _seed_questions(session, organisations, users, themes, report)
    datasets = _seed_datasets(session, organisations, users, themes, report)
    seed_pledges(session, datasets, first_of_family, users, report)
    seed_partnerships(session, first_of_family, users, report)
    _seed_workshops(session, first_of_family, users, report)
    session.commit()
    return report


def _existing(
    session: Session,
    model: type[_Model],
    key: InstrumentedAttribute[str],
    values: Iterable[str],
) -> dict[str, _Model]:
    """The rows of ``model`` already stored whose natural ``key`` is one of ``values``."""
    rows = session.scalars(select(model).where(key.in_(list(values))))
    return {getattr(row, key.key): row for row in rows}


def _seed_organisations(session: Session, report: SeedReport) -> dict[str, Organisation]:
    """Add the missing demo organisations; all of them, by key."""
    rows = content.organisations()
    existing = _existing(session, Organisation, Organisation.name, (o["name"] for o in rows))
    organisations: dict[str, Organisation] = {}
    for row in rows:
        organisation = existing.get(row["name"])
        if organisation is None:
            organisation = Organisation(
                name=row["name"],
                sector=Sector(row["sector"]),
                region=row["region"],
                website=row["website"],
                description=row["description"],
            )
            session.add(organisation)
            report.organisations += 1
        organisations[row["key"]] = organisation
    return organisations


def _seed_users(
    session: Session,
    organisations: dict[str, Organisation],
    password_hash: str,
    report: SeedReport,
) -> dict[str, User]:
    """Add the missing demo members; all of them, by email."""
    rows = content.users()
    existing = _existing(session, User, User.email, (u["email"] for u in rows))
    users: dict[str, User] = {}
    for row in rows:
        user = existing.get(row["email"])
        if user is None:
            user = User(
                email=row["email"],
                display_name=row["name"],
                organisation=organisations[row["org"]],
                role=Role(row["role"]),
                organisation_role=OrganisationRole(row["organisation_role"]),
                password_hash=password_hash,
            )
            session.add(user)
            report.users += 1
        users[row["email"]] = user
    session.flush()
    return users


def _seed_questions(
    session: Session,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    themes: dict[str, Theme],
    report: SeedReport,
) -> dict[str, Question]:
    """Add the missing demo questions and answer links; the first question of each family."""
    rows = content.questions()
    existing = _existing(session, Question, Question.text, (q["text"] for q in rows))
    first_of_family: dict[str, Question] = {}
    for row in rows:
        question = existing.get(row["text"])
        if question is None:
            question = _new_question(row, organisations, users, themes)
            session.add(question)
            report.questions += 1
            report.supports += len(question.supports)
        report.answer_links += _add_answer_links(question, row["answer_links"])
        first_of_family.setdefault(row["family"], question)
    session.flush()
    return first_of_family


def _new_question(
    row: QuestionRow,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    themes: dict[str, Theme],
) -> Question:
    """A new question built from a demo row, with its supports and status history."""
    status = QuestionStatus(row["status"])
    question = Question(
        text=row["text"],
        action=row["action"],
        action_type_slug=row["action_type"],
        geography=row["geography"],
        population_groups=list(row["population_groups"]),
        status=status,
        visibility=Visibility.PUBLIC,
        show_organisation=row["show_org"],
        author=users[row["author"]],
        organisation=organisations[row["org"]],
        themes=[themes[slug] for slug in row["themes"]],
        supports=[Support(user=users[email]) for email in row["supporters"]],
        support_count=len(row["supporters"]),
    )
    question.status_changes.append(QuestionStatusChange(to_status=QuestionStatus.OPEN))
    if status is not QuestionStatus.OPEN:
        question.status_changes.append(
            QuestionStatusChange(
                from_status=QuestionStatus.OPEN,
                to_status=status,
                note="Recorded when the demo bank was set up.",
            )
        )
    return question


def _add_answer_links(question: Question, links: list[AnswerLinkRow]) -> int:
    """Attach the demo answer links the question does not have yet (matched by URL)."""
    if not links:  # skip loading the collection of a stored question with nothing to add
        return 0
    have = {link.url for link in question.answer_links}
    added = 0
    for link in links:
        if link["url"] not in have:
            question.answer_links.append(AnswerLink(url=link["url"], summary=link["summary"]))
            have.add(link["url"])
            added += 1
    return added


def _seed_datasets(
    session: Session,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    themes: dict[str, Theme],
    report: SeedReport,
) -> dict[str, Dataset]:
    """Add the missing demo datasets; all of them, by title.

    Public data no member holds is described by the stewardship group's admin; a stored dataset
    missing the register's newer fields (publisher, variables, unit, population) gets them.
    """
    rows = content.datasets()
    existing = _existing(session, Dataset, Dataset.title, (d["title"] for d in rows))
    describer = users.get(STEWARD)
    datasets: dict[str, Dataset] = {}
    for row in rows:
        holder = organisations[row["holder"]] if row["holder"] else None
        dataset = existing.get(row["title"])
        if dataset is None:
            dataset = Dataset(
                title=row["title"],
                description=row["description"],
                holder=holder,
                described_by=users.get(row["contact"]) if holder else describer,
                contact=users.get(row["contact"]),
                themes=[themes[slug] for slug in row["themes"]],
                geography=row["geography"],
                granularity=row["granularity"],
                time_span=row["time_span"],
                update_frequency=row["update_frequency"],
                format=row["format"],
                access_level=AccessLevel(row["access_level"]),
                licence=row["licence"],
                url=row["url"],
                keywords=list(row["keywords"]),
            )
            session.add(dataset)
            report.datasets += 1
        _fill_register_fields(dataset, row, holder)
        datasets[row["title"]] = dataset
    session.flush()
    return datasets


def _fill_register_fields(dataset: Dataset, row: DatasetRow, holder: Organisation | None) -> None:
    """Give a dataset the register's fields it does not have yet (never overwrite an edit)."""
    dataset.publisher = dataset.publisher or row["publisher"] or (holder.name if holder else "")
    dataset.variables = dataset.variables or list(row["variables"])
    dataset.population = dataset.population or row["population"]
    if dataset.unit_of_analysis is None and row["unit_of_analysis"]:
        dataset.unit_of_analysis = UnitOfAnalysis(row["unit_of_analysis"])


def _seed_workshops(
    session: Session,
    first_of_family: dict[str, Question],
    users: dict[str, User],
    report: SeedReport,
) -> None:
    """Add the missing demo workshops (matched by title) with their items and scores."""
    rows = content.workshops()
    existing = _existing(session, Workshop, Workshop.title, (w["title"] for w in rows))
    for row in rows:
        if row["title"] not in existing:
            _add_workshop(session, row, first_of_family, users)
            report.workshops += 1


def _add_workshop(
    session: Session,
    row: WorkshopRow,
    first_of_family: dict[str, Question],
    users: dict[str, User],
) -> None:
    """Store one workshop, its participants' scores, its outcome and its data mapping."""
    items = {
        family: WorkshopItem(question=first_of_family[family], position=position)
        for position, family in enumerate(row["families"])
    }
    places = {
        email: WorkshopParticipant(
            user=users[email],
            display_name=users[email].display_name,
            sector=users[email].organisation.sector,
        )
        for email in row["participants"]
    }
    workshop = Workshop(
        title=row["title"],
        description=row["description"],
        facilitator=users[row["facilitator"]],
        held_on=date.fromisoformat(row["date"]),
        phase=WorkshopPhase(row["phase"]),
        mode=WorkshopMode(row["mode"]),
        weights=default_weights(),
        join_code=new_join_code(session),
        outcome=row["outcome"],
        items=list(items.values()),
        participants=list(places.values()),
    )
    session.add(workshop)
    session.flush()
    scores: dict[tuple[str, str], WorkshopScore] = {}
    for score in row["scores"]:
        key = (score["participant"], score["family"])
        if key not in scores:
            scores[key] = WorkshopScore(
                item_id=items[score["family"]].id, participant_id=places[key[0]].id
            )
            places[key[0]].scored_at = utcnow()
        setattr(scores[key], score["criterion"], score["score"])
    session.add_all(scores.values())
    _rank(list(items.values()), list(scores.values()), workshop.weights)
    for decision in row["prioritised"]:
        item = items[decision["family"]]
        item.prioritised, item.next_step, item.owner = (
            True,
            decision["next_step"],
            decision["owner"],
        )
        if item.question is not None and item.question.status is QuestionStatus.OPEN:
            item.question.status = QuestionStatus.PRIORITISED
    session.add_all(
        WorkshopMapping(
            item_id=items[m["family"]].id,
            participant_id=places[m["participant"]].id,
            holds=m["holds"],
            needs=m["needs"],
            barriers=list(m["barriers"]),
            barrier_note=m["barrier_note"],
        )
        for m in row["mappings"]
    )


def _rank(
    items: list[WorkshopItem], scores: list[WorkshopScore], weights: dict[str, float]
) -> None:
    """Fix each item's rank as the reveal would have (a follow-up compares against it)."""
    if not scores:
        return
    ratings = [
        Rating(s.item_id, s.participant_id, {c: getattr(s, c) for c in criterion_slugs()})
        for s in scores
    ]
    ranks = {
        result.item_id: result.rank
        for result in aggregate([i.id for i in items], ratings, criterion_slugs(), weights)
    }
    for item in items:
        item.final_rank = ranks[item.id]

"""The demo data loads, and loading it twice adds nothing."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from app.demo.seed import seed_demo
from models import (
    AnswerLink,
    Dataset,
    Notification,
    Organisation,
    OrganisationRole,
    Partnership,
    PartnershipCheck,
    PartnershipLogEntry,
    Pledge,
    Question,
    QuestionStatus,
    Sector,
    Support,
    Theme,
    User,
    Workshop,
)


def _count(db, model) -> int:
    return db.scalar(select(func.count()).select_from(model))


def test_seed_demo_loads_a_rich_bank_and_is_idempotent(runner, db) -> None:
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    counts = {m: _count(db, m) for m in (Organisation, User, Question, Dataset, Pledge, Support)}
    assert counts[Organisation] >= 12
    assert counts[Question] >= 250
    assert counts[Dataset] >= 40
    assert counts[Pledge] >= 3
    assert _count(db, Workshop) >= 1
    assert all(pledge.terms and pledge.status_changes for pledge in db.scalars(select(Pledge)))
    assert _count(db, PartnershipLogEntry) >= 1 and _count(db, PartnershipCheck) >= 1
    assert _count(db, Notification) >= 3
    organisations = {
        partnership.title: {m.user.organisation_id for m in partnership.members}
        for partnership in db.scalars(select(Partnership))
    }
    assert max(len(orgs) for orgs in organisations.values()) >= 2
    sectors = set(db.scalars(select(Organisation.sector)))
    assert {Sector.CHARITY, Sector.ACADEMIC, Sector.GOVERNMENT, Sector.FUNDER} <= sectors
    themes_used = db.scalar(
        select(func.count(func.distinct(Theme.slug))).select_from(Question).join(Question.themes)
    )
    assert themes_used >= 15
    admins = db.execute(
        select(User.organisation_id, func.count())
        .where(User.organisation_role == OrganisationRole.ADMIN)
        .group_by(User.organisation_id)
    ).all()
    assert sorted(admins) == sorted((oid, 1) for oid in db.scalars(select(Organisation.id)))

    notifications = _count(db, Notification)
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0, second.output
    assert "added 0 organisations" in second.output
    assert {m: _count(db, m) for m in counts} == counts
    assert _count(db, Notification) == notifications


def test_seed_demo_if_empty_leaves_a_used_bank_alone(runner, make_user, db) -> None:
    make_user()
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert "already has data" in result.output
    assert _count(db, Question) == 0


def test_every_answered_demo_question_carries_an_answer_link(runner, db) -> None:
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    link_counts = db.execute(
        select(Question.text, func.count(AnswerLink.id))
        .outerjoin(AnswerLink, AnswerLink.question_id == Question.id)
        .where(Question.status == QuestionStatus.ANSWERED)
        .group_by(Question.id, Question.text)
    ).all()
    assert link_counts, "the demo bank should hold answered questions"
    assert [text for text, links in link_counts if links == 0] == []
    urls = db.scalars(select(AnswerLink.url)).all()
    assert all(url.startswith("https://") for url in urls)
    assert all(summary.strip() for summary in db.scalars(select(AnswerLink.summary)))

    # Seeding again adds no link twice, and restores links missing from an already-seeded bank.
    assert seed_demo(db).answer_links == 0
    assert _count(db, AnswerLink) == len(urls)
    db.execute(delete(AnswerLink))
    db.commit()
    assert seed_demo(db).answer_links == len(urls)
    assert sorted(db.scalars(select(AnswerLink.url))) == sorted(urls)

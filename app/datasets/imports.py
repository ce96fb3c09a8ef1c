"""Importing many datasets: preview what an upload would create or update, then save it.

Saving runs as a background job (its page shows the progress), all records or none.

How the upload is kept between the two steps: the preview signs the parsed drafts (with the
app's secret key, a purpose salt, the member's id and a one-hour limit, via itsdangerous) and
the confirmation form posts them back in a hidden field. Nothing is stored before the member
confirms, so an abandoned preview leaves no row behind; the signature means the drafts cannot
be edited in the browser nor replayed by another member, and the confirmation validates every
draft again against the register as it is then (it may have changed in between).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from flask import Flask
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from app.bank.embeddings import embed_datasets
from app.bank.heartbeat import Progress
from app.bank.jobs import JobOutcome, register, start
from app.core.errors import Refused
from app.core.policy import can_edit_dataset, require_member
from app.datasets.importers import ParsedRow
from app.datasets.rules import DatasetDraft, validate_dataset
from app.datasets.service import (
    apply_description,
    new_dataset,
    refresh_matches,
)
from models import Dataset, Job, JobKind, User

SALT = "dataset-import"
MAX_AGE_SECONDS = 3600
CREATE, UPDATE, REFUSED = "create", "update", "refused"


@dataclass(frozen=True)
class PreviewLine:
    """What one record of the upload would do, or why it cannot."""

    where: str
    title: str
    action: str
    errors: dict[str, list[str]]
    dataset_id: int | None = None


@dataclass(frozen=True)
class Preview:
    """The whole upload as it would be saved; ``payload`` carries it to the confirmation."""

    lines: list[PreviewLine]
    payload: str

    @property
    def ok(self) -> bool:
        """Whether every record can be saved."""
        return all(line.action != REFUSED for line in self.lines)

    def count(self, action: str) -> int:
        """How many records would do this."""
        return sum(1 for line in self.lines if line.action == action)


def _existing(session: Session, actor: User, draft: DatasetDraft) -> Dataset | None:
    """The live record this draft describes again: the same link, or title and publisher.

    A held dataset without a publisher is published by its holder (as ``new_dataset`` does).
    """
    publisher = draft.publisher.strip() or (actor.organisation.name if draft.held_by_us else "")
    same_title = func.lower(Dataset.title) == draft.title.strip().lower()
    same_publisher = func.lower(Dataset.publisher) == publisher.lower()
    matches: list[ColumnElement[bool]] = [and_(same_title, same_publisher)]
    if draft.url.strip():
        matches.append(Dataset.url == draft.url.strip())
    return session.scalar(
        select(Dataset)
        .where(Dataset.retired_at.is_(None), or_(*matches))
        .order_by(Dataset.id)
        .limit(1)
    )


def _plan(session: Session, actor: User, row: ParsedRow, seen: set[str]) -> PreviewLine:
    errors = {name: list(messages) for name, messages in row.errors.items()}
    try:
        validate_dataset(session, row.draft)
    except Refused as refusal:
        for name, messages in refusal.errors.items():
            errors.setdefault(name, []).extend(messages)
    key = row.draft.url.strip() or f"{row.draft.title.strip().lower()}|{row.draft.publisher}"
    if key in seen:
        errors.setdefault("title", []).append("The file describes this dataset twice.")
    seen.add(key)
    existing = _existing(session, actor, row.draft)
    if existing is not None and not can_edit_dataset(actor, existing):
        errors.setdefault("title", []).append(
            f"“{existing.title}” is already in the register, kept by {existing.source_name}."
        )
    action = REFUSED if errors else (UPDATE if existing is not None else CREATE)
    dataset_id = existing.id if existing is not None else None
    return PreviewLine(row.where, row.draft.title or "(no title)", action, errors, dataset_id)


def _serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt=SALT)


def preview_import(
    session: Session, actor: User, rows: list[ParsedRow], secret_key: str
) -> Preview:
    """What saving these records would do, line by line; nothing is written.

    :raise Forbidden: the actor cannot act.
    """
    require_member(actor)
    lines = _plans(session, actor, rows)
    document = {
        "by": actor.id,
        "rows": [{"where": r.where, **asdict(r.draft)} for r in rows],
    }
    return Preview(lines, _serializer(secret_key).dumps(document))


def _rows_from(payload: str, actor: User, secret_key: str) -> list[ParsedRow]:
    try:
        document: dict[str, Any] = _serializer(secret_key).loads(payload, max_age=MAX_AGE_SECONDS)
    except SignatureExpired:
        raise Refused.on(
            "file", "This preview is over an hour old: upload the file again."
        ) from None
    except BadSignature:
        raise Refused.on("file", "This preview cannot be read: upload the file again.") from None
    if document.get("by") != actor.id:
        raise Refused.on("file", "This preview was made for another member: upload the file.")
    return [_parsed(item) for item in document["rows"]]


def _parsed(item: dict[str, Any]) -> ParsedRow:
    """A record as the preview carried it (and the job keeps it)."""
    where = item.pop("where")
    for name in ("themes", "keywords", "variables"):
        item[name] = tuple(item[name])
    return ParsedRow(where, DatasetDraft(**item))


EMBED_BATCH = 32
LEFT_AS_IT_WAS = "No dataset of this file was saved."


def start_import(session: Session, app: Flask, actor: User, payload: str, secret_key: str) -> Job:
    """Save a previewed upload in the background: every record, or none if any is refused.

    The records are checked now, so a refusal is told at once, and again when the job runs
    against the register as it is then.

    :raise Forbidden: the actor cannot act.
    :raise Refused: the preview is stale, tampered with or not theirs, or a record now breaks
        a rule (named by line); nothing is written.
    """
    require_member(actor)
    rows = _rows_from(payload, actor, secret_key)
    _refuse_any(_plans(session, actor, rows))
    params = {"rows": [{"where": r.where, **asdict(r.draft)} for r in rows]}
    return start(app, JobKind.DATASET_IMPORT, actor.id, params)


def _plans(session: Session, actor: User, rows: list[ParsedRow]) -> list[PreviewLine]:
    seen: set[str] = set()
    return [_plan(session, actor, row, seen) for row in rows]


def _refuse_any(plans: list[PreviewLine]) -> None:
    """:raise Refused: naming the first line that cannot be saved, if any."""
    refused = [plan for plan in plans if plan.action == REFUSED]
    if refused:
        first = refused[0]
        field_name, messages = next(iter(first.errors.items()))
        raise Refused.on("file", f"{first.where}, {field_name}: {messages[0]}")


def import_datasets(session: Session, job: Job, record: Progress) -> JobOutcome:
    """The import job: validate every record again, describe and embed them, then write them
    and their matches at the end, without committing (the job runner commits all or nothing).

    :raise Forbidden: the member who started it can no longer act.
    :raise Refused: a record now breaks a rule.
    """
    actor = require_member(session.get(User, job.owner_id) if job.owner_id else None)
    rows = [_parsed(dict(item)) for item in job.params["rows"]]
    record(0.05, f"Checking {len(rows)} records against the register")
    # Nothing is written until every record is embedded: on SQLite the first write would
    # hold the lock, and this job's own progress notes would wait behind it.
    with session.no_autoflush:
        plans = _plans(session, actor, rows)
        _refuse_any(plans)
        changed: list[Dataset] = []
        for row, plan in zip(rows, plans, strict=True):
            if plan.dataset_id is None:
                dataset = new_dataset(actor, validate_dataset(session, row.draft))
                session.add(dataset)
            else:
                dataset = session.get_one(Dataset, plan.dataset_id)
                held = dataset.holder_organisation_id is not None
                apply_description(
                    dataset, validate_dataset(session, replace(row.draft, held_by_us=held))
                )
            changed.append(dataset)
        for start_at in range(0, len(changed), EMBED_BATCH):
            record(0.1 + 0.8 * start_at / len(changed), f"Describing {start_at} of {len(changed)}")
            embed_datasets(changed[start_at : start_at + EMBED_BATCH])
    record(0.9, "Saving the datasets and their matches")
    refresh_matches(session, changed)
    created = sum(1 for p in plans if p.action == CREATE)
    updated = sum(1 for p in plans if p.action == UPDATE)
    saved = [[dataset.id, dataset.title] for dataset in changed]
    return JobOutcome(
        f"Imported: {created} new, {updated} updated.",
        {"created": created, "updated": updated, "datasets": saved},
    )


register(JobKind.DATASET_IMPORT, import_datasets, LEFT_AS_IT_WAS)

"""Importing questions from a spreadsheet, as use cases on a Session.

The steps: ``keep_upload`` reads the file and keeps it on the server under a random token (a
JSON file in the uploads folder, the member's id inside it, deleted once the import starts or
after an hour); ``check_rows`` maps the columns and checks every row with the rules of asking
(``app.questions.drafts``), writing nothing; ``start_import`` checks again and hands the rows
to a background job, which writes the batch and every question in one transaction, embeds
them and puts each in its nearest group; ``undo_import`` removes the batch's questions with
everything attached only to them (supports, status history, answer links, flags, pledges to
them, their workshop items) and logs it. Partnerships formed around an imported question stay,
without it, as when a member removes their questions with their account.

Only facilitators and admins import; a batch is seen and undone by whoever imported it, and by
admins (for anyone else it does not exist).
"""

from __future__ import annotations

import difflib
import json
import logging
import re
import secrets
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from flask import Flask
from sqlalchemy import ColumnElement, delete, func, select, true
from sqlalchemy.orm import Session

from app.bank.embeddings import embedder, encode_questions, store_vector
from app.bank.grouping import assign_questions, refresh_demand_figures
from app.bank.heartbeat import Progress
from app.bank.index import question_index
from app.bank.jobs import JobOutcome, register, start
from app.bank.matchstore import refresh_groups
from app.core.errors import Conflict, NotFound, Refused
from app.core.paging import Page, PageRequest, paginate
from app.core.policy import require_curator
from app.questions.drafts import QuestionDraft, open_question, validate_draft
from app.questions.imports.sheets import Sheet
from models import (
    ActionType,
    ImportBatch,
    Job,
    JobKind,
    Organisation,
    Pledge,
    Question,
    Support,
    Theme,
    User,
    Visibility,
    import_batch_questions,
    utcnow,
)

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
UPLOAD_MAX_AGE_SECONDS = 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
FILENAME_MAX = 200
EMBED_BATCH = 256
SHOWN_ROWS = 20
LEFT_AS_IT_WAS = "No question of this file was imported."


@dataclass(frozen=True)
class Target:
    """A field of an imported question a column can be mapped to."""

    name: str
    label: str
    required: bool


TARGETS = (
    Target("text", "Question", True),
    Target("action", "What an answer would let them do", True),
    Target("action_type", "Action type", True),
    Target("themes", "Themes", True),
    Target("geography", "Place", False),
    Target("organisation", "Organisation", False),
)
TARGET_LABELS = {target.name: target.label for target in TARGETS}
# Fields whose values must be one of a list; an unknown value is offered its nearest match.
VOCABULARY_FIELDS = ("action_type", "themes", "organisation")
IMPORT_VISIBILITIES = (Visibility.PUBLIC, Visibility.MEMBERS)


def _folded(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _synonyms() -> dict[str, list[str]]:
    with (DATA / "import_columns.json").open(encoding="utf-8") as handle:
        data: dict[str, list[str]] = json.load(handle)
    return {name: names for name, names in data.items() if not name.startswith("_")}


def guess_mapping(header: Sequence[str]) -> dict[str, int | None]:
    """Which column each field is first mapped from: a header named like it, else none."""
    folded = [_folded(name) for name in header]
    mapping: dict[str, int | None] = {}
    for name, names in _synonyms().items():
        mapping[name] = next((i for i, h in enumerate(folded) if h in names), None)
    return mapping


# --- Keeping the upload between the steps -------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """A file read and kept on the server until it is imported or expires."""

    token: str
    filename: str
    owner_id: int
    sheet: Sheet


def _path(folder: Path, token: str) -> Path:
    if not _TOKEN.match(token):
        raise NotFound("There is no upload with this name: upload the file again.")
    return folder / f"{token}.json"


def _sweep(folder: Path) -> None:
    """Delete the uploads older than an hour (abandoned previews)."""
    cutoff = time.time() - UPLOAD_MAX_AGE_SECONDS
    for path in folder.glob("*.json"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            continue  # another request swept it


def keep_upload(folder: Path, actor: User | None, filename: str, sheet: Sheet) -> Upload:
    """Keep a read spreadsheet on the server under a new random token.

    :raise Forbidden: the actor is not a facilitator.
    """
    owner = require_curator(actor)
    folder.mkdir(parents=True, exist_ok=True)
    _sweep(folder)
    token = secrets.token_urlsafe(24)
    name = Path(filename).name[:FILENAME_MAX] or "upload"
    document = {"owner": owner.id, "filename": name, "header": sheet.header, "rows": sheet.rows}
    _path(folder, token).write_text(json.dumps(document), encoding="utf-8")
    return Upload(token, name, owner.id, sheet)


def load_upload(folder: Path, actor: User | None, token: str) -> Upload:
    """A kept upload, if it is the actor's and not expired.

    :raise Forbidden: the actor is not a facilitator.
    :raise NotFound: no such upload, expired, or another member's (the same answer).
    """
    owner = require_curator(actor)
    path = _path(folder, token)
    try:
        fresh = path.stat().st_mtime >= time.time() - UPLOAD_MAX_AGE_SECONDS
        document = json.loads(path.read_text(encoding="utf-8")) if fresh else None
    except FileNotFoundError:
        document = None
    if document is None or document.get("owner") != owner.id:
        raise NotFound("This upload is over an hour old or was imported: upload the file again.")
    rows = [(int(line), [str(cell) for cell in row]) for line, row in document["rows"]]
    return Upload(token, str(document["filename"]), owner.id, Sheet(document["header"], rows))


def discard_upload(folder: Path, token: str) -> None:
    """Delete a kept upload (once its rows are handed to the import job)."""
    _path(folder, token).unlink(missing_ok=True)


# --- Checking every row -------------------------------------------------------------------------


class Vocabulary:
    """The values a field may take, found by key or label without case or punctuation."""

    def __init__(self, choices: Iterable[tuple[str, str]]) -> None:
        self.labels = dict(choices)
        self._by_name: dict[str, str] = {}
        for key, label in self.labels.items():
            self._by_name[_folded(key)] = key
            self._by_name[_folded(label)] = key

    def find(self, value: str) -> str | None:
        """The key this value names, if any."""
        return self._by_name.get(_folded(value))

    def nearest(self, value: str) -> str | None:
        """The key whose key or label is most like this value, if any is close."""
        close = difflib.get_close_matches(_folded(value), list(self._by_name), n=1, cutoff=0.6)
        return self._by_name[close[0]] if close else None


def vocabularies(session: Session) -> dict[str, Vocabulary]:
    """The action types, themes and organisations, by field."""
    return {
        "action_type": Vocabulary(
            (slug, label)
            for slug, label in session.execute(
                select(ActionType.slug, ActionType.label).order_by(ActionType.position)
            )
        ),
        "themes": Vocabulary(
            (slug, label)
            for slug, label in session.execute(
                select(Theme.slug, Theme.label).order_by(Theme.position)
            )
        ),
        "organisation": Vocabulary(
            (str(oid), name)
            for oid, name in session.execute(
                select(Organisation.id, Organisation.name).order_by(Organisation.name)
            )
        ),
    }


@dataclass(frozen=True)
class Choices:
    """What the facilitator chose on the preview: columns, replacements and visibility."""

    mapping: Mapping[str, int | None]
    # (field, value as written) → the key to use instead, or "" to leave the value out
    fixes: Mapping[tuple[str, str], str] = field(default_factory=dict)
    visibility: str = Visibility.PUBLIC.value


@dataclass(frozen=True)
class RowCheck:
    """One row as it would be imported, or what is wrong with it, by field."""

    line: int
    text: str
    errors: dict[str, list[str]]
    draft: QuestionDraft | None = None
    organisation_id: int | None = None


@dataclass(frozen=True)
class Unknown:
    """A value of a vocabulary field that is not on its list, and its nearest match."""

    field: str
    value: str
    nearest: str | None
    chosen: str | None  # what the facilitator picked instead ("" to leave out), if anything
    lines: list[int]


@dataclass(frozen=True)
class Check:
    """Every row of an upload checked against the rules; nothing is written."""

    rows: list[RowCheck]
    unknown: list[Unknown]
    mapping_errors: dict[str, list[str]]

    @property
    def ok(self) -> bool:
        """Whether every row can be imported."""
        return not self.mapping_errors and not self.bad

    @property
    def bad(self) -> list[RowCheck]:
        """The rows with problems."""
        return [row for row in self.rows if row.errors]


def _mapping_errors(header: Sequence[str], mapping: Mapping[str, int | None]) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    used: dict[int, str] = {}
    for target in TARGETS:
        column = mapping.get(target.name)
        if column is None:
            if target.required:
                errors[target.name] = [f"Choose the column that holds “{target.label}”."]
            continue
        if not 0 <= column < len(header):
            errors[target.name] = ["Choose one of the file's columns."]
        elif column in used:
            errors[target.name] = [
                f"“{header[column]}” is already mapped to {TARGET_LABELS[used[column]]}."
            ]
        else:
            used[column] = target.name
    return errors


def _resolve(
    field_name: str,
    value: str,
    vocabulary: Vocabulary,
    fixes: Mapping[tuple[str, str], str],
    unknown: dict[tuple[str, str], list[int]],
    line: int,
) -> tuple[str | None, str | None]:
    """A value's key, or the problem with it; a chosen replacement wins (``""``: left out)."""
    key = vocabulary.find(value)
    if key is not None:
        return key, None
    # Listed even once replaced, so the replacement stays on the form until the import.
    unknown.setdefault((field_name, value), []).append(line)
    fix = fixes.get((field_name, value))
    if fix is not None and (fix == "" or fix in vocabulary.labels):
        return (fix or None), None
    nearest = vocabulary.nearest(value)
    hint = f" Did you mean “{vocabulary.labels[nearest]}”?" if nearest else ""
    return None, f"“{value}” is not on the list.{hint}"


def _themes_in(cell: str, themes: Vocabulary) -> list[str]:
    """The themes written in a cell: separated by ``;`` or lines, or by commas where a part
    is not itself a theme (a label may hold a comma)."""
    found: list[str] = []
    for part in re.split(r"[;\n]", cell):
        if themes.find(part) is None and "," in part:
            found.extend(piece.strip() for piece in part.split(","))
        else:
            found.append(part.strip())
    return found


def _row(
    line: int,
    cells: Sequence[str],
    choices: Choices,
    vocab: dict[str, Vocabulary],
    unknown: dict[tuple[str, str], list[int]],
    default_organisation: int,
) -> tuple[RowCheck, dict[str, list[str]]]:
    """A row's draft, or the problems found before the rules (unknown values)."""

    def cell(name: str) -> str:
        column = choices.mapping.get(name)
        return cells[column].strip() if column is not None and column < len(cells) else ""

    errors: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    for name in VOCABULARY_FIELDS:
        raw = cell(name)
        values = _themes_in(raw, vocab[name]) if name == "themes" else [raw]
        keys[name] = []
        for value in (v for v in values if v):
            key, problem = _resolve(name, value, vocab[name], choices.fixes, unknown, line)
            if problem:
                errors.setdefault(name, []).append(problem)
            elif key:
                keys[name].append(key)
    organisation = keys["organisation"]
    draft = QuestionDraft(
        text=cell("text"),
        action=cell("action"),
        action_type=(keys["action_type"] or [""])[0],
        themes=tuple(keys["themes"]),
        geography=cell("geography"),
        visibility=choices.visibility,
    )
    organisation_id = int(organisation[0]) if organisation else default_organisation
    return RowCheck(line, draft.text, {}, draft, organisation_id), errors


def check_rows(session: Session, actor: User | None, sheet: Sheet, choices: Choices) -> Check:
    """Check every row of a spreadsheet as it would be imported; nothing is written.

    :raise Forbidden: the actor is not a facilitator.
    """
    owner = require_curator(actor)
    mapping_errors = _mapping_errors(sheet.header, choices.mapping)
    if choices.visibility not in {v.value for v in IMPORT_VISIBILITIES}:
        mapping_errors["visibility"] = ["Choose who can read the imported questions."]
    if mapping_errors:
        return Check([], [], mapping_errors)
    vocab = vocabularies(session)
    unknown: dict[tuple[str, str], list[int]] = {}
    checked: list[RowCheck] = []
    for line, cells in sheet.rows:
        row, errors = _row(line, cells, choices, vocab, unknown, owner.organisation_id)
        assert row.draft is not None
        try:
            validate_draft(session, row.draft)
        except Refused as refusal:
            for name, messages in refusal.errors.items():
                if name not in errors:  # an unknown value already says what is wrong
                    errors[name] = messages
        if errors:
            row = RowCheck(line, row.text, errors)
        checked.append(row)
    return Check(checked, _unknowns(unknown, vocab, choices.fixes), {})


def _unknowns(
    found: dict[tuple[str, str], list[int]],
    vocab: dict[str, Vocabulary],
    fixes: Mapping[tuple[str, str], str],
) -> list[Unknown]:
    return [
        Unknown(name, value, vocab[name].nearest(value), fixes.get((name, value)), lines)
        for (name, value), lines in found.items()
    ]


def _checked(session: Session, actor: User, upload: Upload, choices: Choices) -> list[RowCheck]:
    """The rows of an upload that passes every check.

    :raise Refused: naming the first problem, by line and column.
    """
    result = check_rows(session, actor, upload.sheet, choices)
    if result.mapping_errors:
        raise Refused(result.mapping_errors)
    if result.bad:
        first = result.bad[0]
        name, messages = next(iter(first.errors.items()))
        raise Refused.on(
            "file",
            f"Line {first.line}, {TARGET_LABELS.get(name, name)}: {messages[0]} "
            f"({len(result.bad)} rows have problems; nothing was imported.)",
        )
    return result.rows


# --- Importing ----------------------------------------------------------------------------------


def start_import(
    session: Session, app: Flask, actor: User | None, folder: Path, token: str, choices: Choices
) -> Job:
    """Check an upload once more and import it in the background: every row, or none.

    The kept file is deleted once the job holds its rows.

    :raise Forbidden: the actor is not a facilitator.
    :raise NotFound: the upload expired or is not theirs.
    :raise Refused: a row breaks a rule (the first is named); nothing is written.
    """
    owner = require_curator(actor)
    upload = load_upload(folder, owner, token)
    rows = _checked(session, owner, upload, choices)
    params = {
        "filename": upload.filename,
        "rows": [
            {
                "line": row.line,
                "organisation_id": row.organisation_id,
                **{
                    name: value
                    for name, value in vars(row.draft).items()
                    if name in ("text", "action", "action_type", "themes", "geography")
                },
                "visibility": choices.visibility,
            }
            for row in rows
        ],
    }
    job = start(app, JobKind.QUESTION_IMPORT, owner.id, params)
    discard_upload(folder, token)
    return job


def _draft(item: Mapping[str, Any]) -> QuestionDraft:
    return QuestionDraft(
        text=item["text"],
        action=item["action"],
        action_type=item["action_type"],
        themes=tuple(item["themes"]),
        geography=item["geography"],
        visibility=item["visibility"],
    )


def import_questions(session: Session, job: Job, record: Progress) -> JobOutcome:
    """The import job: check every row again, embed them, then write the batch, its questions
    and their groups without committing (the job runner commits all or nothing).

    :raise Forbidden: the facilitator who started it can no longer import.
    :raise Refused: a row now breaks a rule (the vocabulary changed, say).
    """
    owner = require_curator(session.get(User, job.owner_id) if job.owner_id else None)
    items = job.params["rows"]
    total = len(items)
    record(0.02, f"Checking {total} rows")
    organisations = set(session.scalars(select(Organisation.id)))
    model = embedder()
    questions: list[Question] = []
    vectors: list[np.ndarray] = []
    # What places each question in a group: its place-neutral vector where its text names one.
    grouping_vectors: list[np.ndarray] = []
    # Nothing is written until every row is embedded: on SQLite the first write would hold
    # the lock, and this job's own progress notes would wait behind it.
    with session.no_autoflush:
        for item in items:
            try:
                valid = validate_draft(session, _draft(item))
            except Refused as refusal:
                name = refusal.field
                raise Refused.on(
                    "file", f"Line {item['line']}, {TARGET_LABELS.get(name, name)}: {refusal}"
                ) from None
            if item["organisation_id"] not in organisations:
                raise Refused.on("file", f"Line {item['line']}: the organisation has gone.")
            questions.append(open_question(valid, owner, item["organisation_id"]))
        for begin in range(0, total, EMBED_BATCH):
            record(0.05 + 0.8 * begin / total, f"Embedding {begin} of {total} questions")
            batch = questions[begin : begin + EMBED_BATCH]
            encoded = encode_questions(model, [q.text for q in batch])
            for question, (vector, grouping) in zip(batch, encoded, strict=True):
                store_vector(question, vector, model.name, grouping)
                vectors.append(vector)
                grouping_vectors.append(vector if grouping is None else grouping)
    record(0.87, "Saving the questions and putting them in groups")
    batch_row = ImportBatch(
        filename=job.params["filename"], imported_by=owner, question_count=total
    )
    session.add(batch_row)
    session.add_all(questions)
    session.flush()
    session.execute(
        import_batch_questions.insert(),
        [{"batch_id": batch_row.id, "question_id": q.id} for q in questions],
    )
    joined = assign_questions(session, questions, vectors_matrix(grouping_vectors))
    noted = list(zip(questions, vectors, strict=True))

    def note(_: Session) -> None:
        index = question_index()
        for question, vector in noted:
            index.note(question, vector)

    return JobOutcome(
        f"Imported {total} questions; {len(joined)} groups gained some.",
        {"batch_id": batch_row.id, "imported": total, "groups": len(joined)},
        after_commit=note,
    )


def vectors_matrix(vectors: Sequence[np.ndarray]) -> np.ndarray:
    """The embeddings as one matrix, a row each."""
    return np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)


register(JobKind.QUESTION_IMPORT, import_questions, LEFT_AS_IT_WAS)


# --- Batches and undoing them -------------------------------------------------------------------


def _visible_batches(actor: User) -> ColumnElement[bool]:
    return true() if actor.is_admin else ImportBatch.imported_by_id == actor.id


def list_batches(session: Session, actor: User | None, at: PageRequest) -> Page[ImportBatch]:
    """The imports the actor may see (their own; an admin: all), newest first.

    :raise Forbidden: the actor is not a facilitator.
    """
    owner = require_curator(actor)
    query = select(ImportBatch).where(_visible_batches(owner)).order_by(ImportBatch.id.desc())
    return paginate(session, query, at)


def _batch(session: Session, actor: User | None, batch_id: int) -> tuple[User, ImportBatch]:
    owner = require_curator(actor)
    batch = session.get(ImportBatch, batch_id)
    if batch is None or not (owner.is_admin or batch.imported_by_id == owner.id):
        raise NotFound("There is no import with this id that you can see.")
    return owner, batch


@dataclass(frozen=True)
class BatchDetail:
    """An import and what undoing it would remove."""

    batch: ImportBatch
    questions: list[Question]
    live: int
    supports: int
    pledges: int


def _batch_question_ids(batch_id: int) -> Any:
    return select(import_batch_questions.c.question_id).where(
        import_batch_questions.c.batch_id == batch_id
    )


def batch_detail(session: Session, actor: User | None, batch_id: int) -> BatchDetail:
    """An import with its first questions and what hangs on them.

    :raise Forbidden: the actor is not a facilitator.
    :raise NotFound: no such import, or not theirs to see.
    """
    _, batch = _batch(session, actor, batch_id)
    ids = _batch_question_ids(batch.id)

    def count(model: Any, column: Any) -> int:
        return session.scalar(select(func.count()).select_from(model).where(column.in_(ids))) or 0

    shown = session.scalars(
        select(Question).where(Question.id.in_(ids)).order_by(Question.id).limit(SHOWN_ROWS)
    )
    return BatchDetail(
        batch=batch,
        questions=list(shown),
        live=count(Question, Question.id),
        supports=count(Support, Support.question_id),
        pledges=count(Pledge, Pledge.question_id),
    )


def undo_import(session: Session, actor: User | None, batch_id: int) -> list[int]:
    """Remove every question an import brought in, with what is attached only to them, and
    commit; the batch stays, marked undone (and the undo is logged). The ids removed.

    :raise Forbidden: the actor is not a facilitator.
    :raise NotFound: no such import, or not theirs to see.
    :raise Conflict: it was undone already.
    """
    owner, batch = _batch(session, actor, batch_id)
    if batch.undone_at is not None:
        raise Conflict.on("batch", "This import was undone already.")
    ids = list(session.scalars(_batch_question_ids(batch.id)))
    groups = {
        cid
        for cid in session.scalars(select(Question.cluster_id).where(Question.id.in_(ids)))
        if cid is not None
    }
    # The database's cascades take supports, history, links, flags, pledges and workshop items.
    session.execute(
        delete(Question).where(Question.id.in_(ids)).execution_options(synchronize_session=False)
    )
    batch.undone_at = utcnow()
    batch.undone_by_id = owner.id
    batch.undone_count = len(ids)
    session.flush()
    refresh_demand_figures(session, groups)
    refresh_groups(session, groups)
    session.commit()
    log.info(
        "import %s (%s) undone by user %s: %d questions removed",
        batch.id,
        batch.filename,
        owner.id,
        len(ids),
    )
    return ids

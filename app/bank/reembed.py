"""Re-embedding as a job: every question and dataset whose embedding is missing or from
another model, a batch at a time.

Unlike the other jobs it commits each batch as it goes: a batch is whole on its own (a row's
embedding and the model that made it change together), so a job stopped half-way leaves the
rest for the next one rather than losing what it did.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from app.bank.embeddings import count_pending, embed_pending
from app.bank.heartbeat import Progress
from app.bank.jobs import JobOutcome, register, run_now, start
from app.bank.matchstore import refresh_all
from models import Job, JobKind

LEFT_AS_IT_WAS = "What was embedded before it stopped is kept: start it again for the rest."


def reembed(session: Session, job: Job, record: Progress) -> JobOutcome:
    """The re-embedding job (``flask insight reembed``, or the admin's button)."""
    total = count_pending(session)
    done = 0
    record(0.0, f"{total} questions and datasets to embed")

    def step(rows: int) -> None:
        nonlocal done
        done += rows
        record(done / total, f"Embedded {done} of {total}")

    embedded = embed_pending(session, progress=step)
    if embedded:
        record(0.95, "Scoring every group and dataset again")
        refresh_all(session)  # new vectors, new matches: written with the job's outcome
    return JobOutcome(f"Embedded {embedded} questions and datasets.", {"embedded": embedded})


register(JobKind.REEMBED, reembed, LEFT_AS_IT_WAS)


def run_reembed(session: Session, progress: Progress | None = None) -> Job:
    """Re-embed now, in the caller (the command line); the finished job.

    :raise Conflict: a re-embedding is already under way.
    """
    return run_now(session, JobKind.REEMBED, None, progress)


def start_reembed(app: Flask, owner_id: int) -> Job:
    """Re-embed in the background, or return the re-embedding already under way."""
    return start(app, JobKind.REEMBED, owner_id)

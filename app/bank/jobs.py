"""Background jobs: one row per job, run by RQ on Redis when ``REDIS_URL`` is set, by a thread
of the serving process otherwise (or at once, in the caller, for the tests and the command line).

A kind of job registers its handler here (features do so when imported). A handler does the
work on the session it is given and returns what to record, without committing: the runner
records the success in the same transaction as the work, on the condition that the job is still
running, so a job killed at any point leaves everything as it was before it or as it finished.

The pattern is microblog's task chapter: the request records the job and enqueues its id; the
worker (``make worker``) loads the app once and runs each job in its own process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from flask import Flask, has_app_context
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.bank.heartbeat import (
    Heartbeat,
    JobLost,
    JobRecorder,
    Progress,
    claim,
    expire_dead_jobs,
    fail,
    short,
)
from app.core.errors import Conflict, Forbidden, NotFound, ServiceError
from app.core.policy import can_restart_job, can_watch_job
from app.core.web import this_app
from app.db import get_engine, new_session
from models import EXCLUSIVE_KINDS, LIVE_STATUSES, Job, JobKind, JobStatus, User, utcnow

if TYPE_CHECKING:
    from rq import Queue

log = logging.getLogger(__name__)

# Inserting can meet a live job or a retry that finished between the look and the insert.
CREATE_ATTEMPTS = 3


@dataclass(frozen=True)
class JobOutcome:
    """What a finished job records: its closing message, its result, and what to do once the
    result is committed (work that must not hold the transaction, such as SQLite's ANALYZE)."""

    message: str
    result: dict[str, Any] = field(default_factory=dict)
    after_commit: Callable[[Session], None] | None = None


Handler = Callable[[Session, Job, Progress], JobOutcome]


@dataclass(frozen=True)
class JobType:
    """A kind of job: its handler, and what a failure leaves behind, told to the reader."""

    handler: Handler
    left_as_it_was: str


_TYPES: dict[JobKind, JobType] = {}


def register(kind: JobKind, handler: Handler, left_as_it_was: str) -> None:
    """Say which handler runs a kind of job (once per process, when its module is imported)."""
    _TYPES[kind] = JobType(handler, left_as_it_was)


# --- Recording jobs ------------------------------------------------------------------------------


def create_job(
    session: Session,
    kind: JobKind,
    owner_id: int | None,
    params: dict[str, Any] | None = None,
    retry_of_id: int | None = None,
) -> tuple[Job, bool]:
    """Record a queued job and commit; or, where the database refuses a second one, the job
    already there: the live one of an exclusive kind, or the retry already made of a failed
    job. Returns the job and whether it is new.
    """
    for _ in range(CREATE_ATTEMPTS):
        job = Job(kind=kind, owner_id=owner_id, params=params or {}, retry_of_id=retry_of_id)
        session.add(job)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            existing = _blocking_job(session, kind, retry_of_id)
            if existing is not None:
                return existing, False
            continue
        return job, True
    raise Conflict.on("job", f"A {kind.label.lower()} job could not be recorded: try again.")


def _blocking_job(session: Session, kind: JobKind, retry_of_id: int | None) -> Job | None:
    """The job that stopped a new one being recorded, if it is still there."""
    if retry_of_id is not None:
        retry = session.scalar(select(Job).where(Job.retry_of_id == retry_of_id))
        if retry is not None:
            return retry
    if kind in EXCLUSIVE_KINDS:
        return session.scalar(select(Job).where(Job.kind == kind, Job.status.in_(LIVE_STATUSES)))
    return None


def live_job(session: Session, kind: JobKind) -> Job | None:
    """The queued or running job of this kind, if any (after the dead ones are marked)."""
    expire_dead(this_app())
    return session.scalar(
        select(Job)
        .where(Job.kind == kind, Job.status.in_(LIVE_STATUSES))
        .order_by(Job.id.desc())
        .limit(1)
    )


def expire_dead(app: Flask) -> int:
    """Mark failed the jobs whose heartbeat stopped (or that no worker started) in time."""
    config = app.config
    return expire_dead_jobs(
        get_engine(app),
        timedelta(seconds=config["JOB_DEAD_AFTER_SECONDS"]),
        timedelta(seconds=config["JOB_START_TIMEOUT_SECONDS"]),
    )


def watched_job(
    app: Flask, session: Session, viewer: User | None, kind: JobKind, job_id: int
) -> Job:
    """A job of this kind that the viewer may watch, its state read after the dead jobs are
    marked (so a dead job's page stops polling and says what happened).

    :raise NotFound: no such job of this kind, or not the viewer's to watch (the same answer).
    """
    expire_dead(app)
    job = session.get(Job, job_id)
    if job is None or job.kind is not kind or not can_watch_job(viewer, job):
        raise NotFound(f"There is no {kind.label.lower()} job {job_id} you can see.")
    return job


def restart_watched(
    app: Flask, session: Session, actor: User | None, kind: JobKind, job_id: int
) -> Job:
    """Run a failed job of this kind again for the actor, when they may; the new job.

    :raise NotFound: no such job the actor may watch.
    :raise Forbidden: the actor may watch the job but not start it again.
    :raise Conflict: the job has not failed.
    """
    job = watched_job(app, session, actor, kind, job_id)
    if job.status is JobStatus.FAILED and not can_restart_job(actor, job):
        raise Forbidden("Only an admin can start this job again.")
    return restart(app, job)


# --- Starting them -------------------------------------------------------------------------------


def start(
    app: Flask,
    kind: JobKind,
    owner_id: int | None,
    params: dict[str, Any] | None = None,
    retry_of_id: int | None = None,
) -> Job:
    """Record a job and hand it to the configured backend; an exclusive kind's live job (or a
    failed job's retry) is returned instead when there is one already."""
    expire_dead(app)
    with new_session(app) as session:
        job, created = create_job(session, kind, owner_id, params, retry_of_id)
    if created:
        _dispatch(app, job.id)
    return job


def restart(app: Flask, job: Job) -> Job:
    """Run a failed job again as a new job with the same kind, owner and input (once: a second
    restart of the same job returns the first retry).

    :raise Conflict: the job has not failed.
    """
    if job.status is not JobStatus.FAILED:
        raise Conflict.on("job", "Only a job that failed can be started again.")
    return start(app, job.kind, job.owner_id, job.params, retry_of_id=job.id)


def _dispatch(app: Flask, job_id: int) -> None:
    backend = app.config["JOB_BACKEND"]
    if backend == "inline":
        run_job(app, job_id)
    elif backend == "thread":
        thread = threading.Thread(target=run_job, args=(app, job_id), name=f"job-{job_id}")
        thread.daemon = True
        thread.start()
    else:
        _enqueue(app, job_id)


def _enqueue(app: Flask, job_id: int) -> None:
    """Put the job's id on the RQ queue; a queue out of reach fails the job at once."""
    from redis.exceptions import RedisError

    try:
        job_queue(app).enqueue(
            perform,
            job_id,
            job_timeout=app.config["JOB_TIMEOUT_SECONDS"],
            result_ttl=0,
            failure_ttl=24 * 3600,
            description=f"question bank job {job_id}",
        )
    except RedisError:
        log.exception("job %s could not be queued", job_id)
        fail(get_engine(app), job_id, "The job queue (Redis) cannot be reached: try again later.")


def job_queue(app: Flask) -> Queue:
    """The RQ queue named in the configuration, on ``REDIS_URL``."""
    from redis import Redis
    from rq import Queue

    return Queue(app.config["JOB_QUEUE"], connection=Redis.from_url(app.config["REDIS_URL"]))


def perform(job_id: int) -> str:
    """What the RQ worker runs: the job, in the app the worker loaded (or one built here)."""
    if has_app_context():
        app = this_app()
    else:
        from app import create_app

        app = create_app()
    # RQ forks a process per job: connections opened by the parent are not this one's to use.
    get_engine(app).dispose(close=False)
    return run_job(app, job_id).value


# --- Running them --------------------------------------------------------------------------------


def run_job(app: Flask, job_id: int, forward: Progress | None = None) -> JobStatus:
    """Claim a queued job and run it to the end in this thread; returns how it ended.

    A job another process claimed, or one already stopped, is left alone.
    """
    engine = get_engine(app)
    if not claim(engine, job_id):
        log.info("job %s is no longer queued: left alone", job_id)
        with new_session(app) as session:
            return session.get_one(Job, job_id).status
    recorder = JobRecorder(engine, job_id, forward)
    with app.app_context(), new_session(app) as session:
        job = session.get_one(Job, job_id)
        job_type = _TYPES[job.kind]
        try:
            with Heartbeat(recorder, app.config["JOB_HEARTBEAT_SECONDS"]):
                outcome = job_type.handler(session, job, recorder)
                _record_success(session, job_id, outcome)
        except JobLost:
            session.rollback()
            log.warning("job %s was marked failed while it ran: its work was rolled back", job_id)
            return JobStatus.FAILED
        except Exception as error:  # a failed job is recorded for its page, not raised
            session.rollback()
            log.exception("job %s (%s) failed", job_id, job.kind.value)
            fail(engine, job_id, _failure_message(error, job_id, job_type))
            return JobStatus.FAILED
        if outcome.after_commit is not None:
            try:
                outcome.after_commit(session)
            except Exception:  # the job's work is committed; what follows is housekeeping
                log.exception("after job %s: housekeeping failed", job_id)
        if forward is not None:
            forward(1.0, outcome.message)
    return JobStatus.SUCCEEDED


def _record_success(session: Session, job_id: int, outcome: JobOutcome) -> None:
    """Mark the job succeeded in the transaction holding its work, and commit both.

    :raise JobLost: the job was marked failed meanwhile (nothing is committed).
    """
    now = utcnow()
    done = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.status == JobStatus.RUNNING)
        .values(
            status=JobStatus.SUCCEEDED,
            progress=1.0,
            message=short(outcome.message),
            result=outcome.result,
            params={},
            finished_at=now,
            heartbeat_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:  # type: ignore[attr-defined]
        raise JobLost(f"job {job_id} is no longer running")
    session.commit()


def _failure_message(error: Exception, job_id: int, job_type: JobType) -> str:
    """What the job's page says of a failure: a refusal's own words, else only the error's
    kind (its text can hold SQL, parameters and question text: those go to the log)."""
    if isinstance(error, ServiceError):
        return f"{error.message} {job_type.left_as_it_was}"
    return (
        f"The job failed ({type(error).__name__}). {job_type.left_as_it_was} "
        f"The server log has the details under job {job_id}."
    )


def run_now(session: Session, kind: JobKind, owner_id: int | None, forward: Progress | None) -> Job:
    """Record a job and run it in the caller (the command line); the finished job.

    :raise Conflict: a job of this exclusive kind is already under way.
    """
    app = this_app()
    expire_dead(app)
    job, created = create_job(session, kind, owner_id)
    if not created:
        raise Conflict.on("job", f"{kind.label} job {job.id} is already under way.")
    run_job(app, job.id, forward)
    session.expire_all()
    return session.get_one(Job, job.id)

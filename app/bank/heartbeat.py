"""A job's bookkeeping as it runs: claiming it, progress written as it happens, a heartbeat
while it works, and jobs whose process died marked failed so they never block the next one.

Every write here goes through its own short transaction and names the state it expects
(``WHERE status = 'running'``), so a job marked failed meanwhile can neither be brought back
to life by a late heartbeat nor finish: the work notices at its next progress note, or when
it tries to record its success in its own transaction, and is rolled back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import timedelta

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.exc import OperationalError

from models import Job, JobStatus, utcnow

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
MESSAGE_MAX = 300
# How long a SQLite reaper waits for a writer before leaving the judgement to the next look:
# a job that holds the write lock is alive (a dead process holds no lock).
REAPER_BUSY_MS = 250
SQLITE_BUSY_MS = 30_000
DIED = "This job stopped without finishing: its process ended or stopped answering."
NEVER_STARTED = "No worker started this job in time: is a worker running (`make worker`)?"


class JobLost(Exception):
    """The job is no longer this process's to finish: it was marked failed meanwhile."""


def short(message: str) -> str:
    """A message bounded for the job row (the full story belongs in the log)."""
    message = " ".join(message.split())
    return message if len(message) <= MESSAGE_MAX else message[: MESSAGE_MAX - 1] + "…"


def claim(engine: Engine, job_id: int) -> bool:
    """Mark a queued job running, if it is still queued; whether this caller now owns it."""
    now = utcnow()
    with engine.begin() as connection:
        claimed = connection.execute(
            update(Job)
            .where(Job.id == job_id, Job.status == JobStatus.QUEUED)
            .values(status=JobStatus.RUNNING, started_at=now, heartbeat_at=now)
        )
    return claimed.rowcount == 1


def fail(engine: Engine, job_id: int, message: str) -> None:
    """Mark a job failed with a short message, unless it already stopped."""
    with engine.begin() as connection:
        connection.execute(
            update(Job)
            .where(Job.id == job_id, Job.status.in_([JobStatus.QUEUED, JobStatus.RUNNING]))
            .values(status=JobStatus.FAILED, message=short(message), finished_at=utcnow())
        )


class JobRecorder:
    """Writes a running job's progress through its own transactions, so watchers see it."""

    def __init__(self, engine: Engine, job_id: int, forward: Progress | None = None) -> None:
        self._engine = engine
        self.job_id = job_id
        self._forward = forward

    def __call__(self, fraction: float, message: str) -> None:
        """Note how far the job is.

        :raise JobLost: the job was marked failed meanwhile; the caller must stop.
        """
        if not self._touch(progress=round(fraction, 3), message=short(message)):
            raise JobLost(f"job {self.job_id} is no longer running")
        if self._forward is not None:
            self._forward(fraction, message)

    def beat(self) -> bool:
        """Say the job is still alive; False once it is no longer running."""
        return self._touch()

    def _touch(self, **values: object) -> bool:
        with self._engine.begin() as connection:
            touched = connection.execute(
                update(Job)
                .where(Job.id == self.job_id, Job.status == JobStatus.RUNNING)
                .values(heartbeat_at=utcnow(), **values)
            )
        return touched.rowcount == 1


class Heartbeat:
    """Beats for a job every ``interval`` seconds in a thread, until stopped."""

    def __init__(self, recorder: JobRecorder, interval: float) -> None:
        self._recorder = recorder
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"job-{recorder.job_id}-heartbeat", daemon=True
        )

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=self._interval)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                if not self._recorder.beat():
                    return  # marked failed: the work finds out at its next step
            except Exception:  # a missed beat is not worth stopping the job for
                log.warning("heartbeat of job %s failed", self._recorder.job_id, exc_info=True)


def expire_dead_jobs(engine: Engine, dead_after: timedelta, start_timeout: timedelta) -> int:
    """Mark failed the running jobs whose heartbeat stopped ``dead_after`` ago, and the queued
    ones no worker took up within ``start_timeout``; returns how many.

    A job busy writing its results holds their lock: PostgreSQL skips its locked row, and on
    SQLite the reaper gives up quickly, so a live job is never judged while it writes.
    """
    now = utcnow()
    silent = and_(
        Job.status == JobStatus.RUNNING,
        func.coalesce(Job.heartbeat_at, Job.started_at, Job.created_at) < now - dead_after,
    )
    unstarted = and_(Job.status == JobStatus.QUEUED, Job.created_at < now - start_timeout)
    with engine.connect() as connection:
        if not connection.scalar(select(func.count()).where(or_(silent, unstarted))):
            return 0
        connection.rollback()
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {REAPER_BUSY_MS}")
        try:
            expired = sum(
                connection.execute(
                    update(Job)
                    .where(
                        Job.id.in_(select(Job.id).where(which).with_for_update(skip_locked=True))
                    )
                    .where(which)
                    .values(status=JobStatus.FAILED, message=message, finished_at=now)
                ).rowcount
                for which, message in ((silent, DIED), (unstarted, NEVER_STARTED))
            )
            connection.commit()
        except OperationalError:
            connection.rollback()
            log.info("a writer holds the database: dead jobs are judged at the next look")
            expired = 0
        finally:
            if sqlite:
                connection.exec_driver_sql(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
                connection.commit()
    return expired

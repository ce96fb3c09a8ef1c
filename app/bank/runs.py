"""The bookkeeping of clustering runs: progress written as it happens, a heartbeat while a
run works, and runs whose process died marked failed so they never block the next one."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, func, select, update
from sqlalchemy.orm import Session

from models import ClusteringRun, RunStatus, utcnow

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
HEARTBEAT_SECONDS = 10.0
# No sign of life for this long, and a run is taken to have died with its process.
DEAD_AFTER = timedelta(minutes=3)


class RunRecorder:
    """Writes a run's progress through its own short sessions, so watchers see it at once."""

    def __init__(self, engine: Engine | Connection, run_id: int, forward: Progress | None) -> None:
        self._engine = engine
        self._run_id = run_id
        self._forward = forward

    def __call__(self, fraction: float, message: str) -> None:
        with Session(self._engine) as session:
            run = session.get_one(ClusteringRun, self._run_id)
            run.progress = round(fraction, 3)
            run.message = message
            run.heartbeat_at = utcnow()
            if run.status is RunStatus.QUEUED:
                run.status = RunStatus.RUNNING
                run.started_at = utcnow()
            session.commit()
        if self._forward is not None:
            self._forward(fraction, message)

    def beat(self) -> None:
        """Say the run is still alive (between progress notes, during long steps)."""
        with Session(self._engine) as session:
            session.execute(
                update(ClusteringRun)
                .where(ClusteringRun.id == self._run_id)
                .values(heartbeat_at=utcnow())
            )
            session.commit()


class Heartbeat:
    """Beats for a run every HEARTBEAT_SECONDS in a thread, until stopped."""

    def __init__(self, recorder: RunRecorder) -> None:
        self._recorder = recorder
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="recluster-heartbeat", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=HEARTBEAT_SECONDS)

    def _run(self) -> None:
        while not self._stop.wait(HEARTBEAT_SECONDS):
            try:
                self._recorder.beat()
            except Exception:  # a missed beat is not worth stopping the run for
                log.warning("heartbeat of a re-clustering run failed", exc_info=True)


def expire_dead_runs(session: Session) -> int:
    """Mark failed the runs still queued or running whose heartbeat stopped, and those older
    than a run that has since finished; returns how many. The caller commits."""
    now = utcnow()
    latest_finished = session.scalar(
        select(func.max(ClusteringRun.id)).where(
            ClusteringRun.status.in_([RunStatus.SUCCEEDED, RunStatus.FAILED])
        )
    )
    dead = 0
    for run in session.scalars(
        select(ClusteringRun).where(ClusteringRun.status.in_([RunStatus.QUEUED, RunStatus.RUNNING]))
    ):
        last_sign = _aware(run.heartbeat_at or run.created_at)
        overtaken = latest_finished is not None and run.id < latest_finished
        if overtaken or now - last_sign > DEAD_AFTER:
            run.status = RunStatus.FAILED
            run.message = (
                "This run stopped without finishing (its process ended). The groups are as they "
                "were before it; start a new run."
            )
            run.finished_at = now
            dead += 1
    return dead


def _aware(moment: datetime) -> datetime:
    """SQLite hands timestamps back without their zone: they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def create_run(session: Session, triggered_by_id: int | None = None) -> ClusteringRun:
    """Record a queued run."""
    run = ClusteringRun(status=RunStatus.QUEUED, triggered_by_id=triggered_by_id)
    session.add(run)
    session.commit()
    return run

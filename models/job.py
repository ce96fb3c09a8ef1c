"""Background jobs: a re-clustering, a dataset import, a re-embedding — one row each, with its
status, progress, heartbeat and owner, whichever backend (RQ or a thread) runs it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, enum_column

if TYPE_CHECKING:
    from models.user import User


class JobKind(LabelledEnum):
    """What a job does."""

    RECLUSTER = "recluster"
    DATASET_IMPORT = "dataset-import"
    REEMBED = "reembed"
    # Questions from a spreadsheet (kept within the column's 14 characters).
    QUESTION_IMPORT = "import-batch"


# Kinds of which at most one may be queued or running at a time (the database holds to it).
EXCLUSIVE_KINDS = (JobKind.RECLUSTER, JobKind.REEMBED)


class JobStatus(LabelledEnum):
    """Where a job is: waiting for a worker, working, or stopped well or badly."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


LIVE_STATUSES = (JobStatus.QUEUED, JobStatus.RUNNING)
_ONE_LIVE = text(
    "kind IN ({}) AND status IN ({})".format(
        ", ".join(f"'{kind.value}'" for kind in EXCLUSIVE_KINDS),
        ", ".join(f"'{status.value}'" for status in LIVE_STATUSES),
    )
)


class Job(Base):
    """One piece of background work: when, by whom, how far, with what result."""

    __tablename__ = "jobs"
    __table_args__ = (
        # A second re-clustering can never be queued beside the first, whoever asks.
        Index(
            "uq_jobs_one_live_kind",
            "kind",
            unique=True,
            sqlite_where=_ONE_LIVE,
            postgresql_where=_ONE_LIVE,
        ),
    )

    id: Mapped[IntPK]
    kind: Mapped[JobKind] = mapped_column(enum_column(JobKind, "job_kind"))
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus, "job_status"), default=JobStatus.QUEUED
    )
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    # The latest progress note, then the outcome; short, and never an error's own text.
    message: Mapped[str] = mapped_column(Text, default="")
    # What the job needs to run (and to run again): an import's records. Cleared on success.
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # What it produced: a re-clustering's figures and events, an import's counts.
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    # The failed job this one runs again; unique, so a failed job is restarted once.
    retry_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("jobs.id", ondelete="SET NULL"), unique=True
    )
    created_at: Mapped[CreatedAt]
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Touched every few seconds while the job works: a job whose heartbeat stopped has died.
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    owner: Mapped[User | None] = relationship()

    @property
    def finished(self) -> bool:
        """Whether the job has stopped, well or badly."""
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)

    def __repr__(self) -> str:
        return f"<Job {self.id} {self.kind.value} {self.status.value}>"

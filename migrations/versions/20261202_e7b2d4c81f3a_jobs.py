"""Background jobs: the clustering runs become one kind of job beside dataset imports and
re-embedding, with an owner, a short message, what a restart needs, a result, and at most one
live re-clustering (or re-embedding) at a time, held by a partial unique index.

Each run is copied into ``jobs`` with its figures and events moved into ``result``; a run
still queued or running is marked failed (its process predates this upgrade). Downgrading
copies the re-clustering jobs back and drops the other kinds.

Revision ID: e7b2d4c81f3a
Revises: d5a7c3e9b1f0
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "e7b2d4c81f3a"
down_revision: str | None = "d5a7c3e9b1f0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIGURES = ("algorithm", "parameters", "n_questions", "n_clusters", "n_unassigned", "quality")
LIVE = ("queued", "running")
ONE_LIVE = "kind IN ('recluster', 'reembed') AND status IN ('queued', 'running')"
STAMPS = ("created_at", "started_at", "finished_at", "heartbeat_at")
STAMP = sa.DateTime(timezone=True)
DIED = "This run stopped without finishing (its process ended). The groups are as they were."


def _jobs_table(name: str) -> sa.Table:
    """The jobs table as the models describe it, created under ``name`` (constraints are named
    for ``jobs`` either way: the table is renamed to that)."""
    return op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "recluster",
                "dataset-import",
                "reembed",
                name="job_kind",
                native_enum=False,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "running",
                "succeeded",
                "failed",
                name="job_status",
                native_enum=False,
                create_constraint=False,
            ),
            nullable=False,
        ),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("retry_of_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_jobs_owner_id_users", ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["retry_of_id"], [f"{name}.id"], name="fk_jobs_retry_of_id_jobs", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_jobs"),
        sa.UniqueConstraint("retry_of_id", name="uq_jobs_retry_of_id"),
        # Named here, not by the convention, which would name them after the interim table.
        sa.CheckConstraint(
            "kind IN ('recluster', 'dataset-import', 'reembed')", name=op.f("ck_jobs_job_kind")
        ),
        sa.CheckConstraint(
            "status IN ('queued', 'running', 'succeeded', 'failed')",
            name=op.f("ck_jobs_job_status"),
        ),
    )


def _runs_table(name: str) -> sa.Table:
    """The clustering runs table as it was before this revision."""
    return op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "queued",
                "running",
                "succeeded",
                "failed",
                name="run_status",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("algorithm", sa.String(length=120), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("n_questions", sa.Integer(), nullable=False),
        sa.Column("n_clusters", sa.Integer(), nullable=False),
        sa.Column("n_unassigned", sa.Integer(), nullable=False),
        sa.Column("quality", sa.JSON(), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("triggered_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["triggered_by_id"],
            ["users.id"],
            name="fk_clustering_runs_triggered_by_id_users",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_clustering_runs"),
    )


def _swap(old: str, new: str, final: str, fk_before: str, fk_after: str) -> None:
    """Replace table ``old`` by ``new`` (renamed ``final``), keeping clusters.created_run_id
    pointing at it.

    SQLite rewrites other tables' references when a table is renamed, and dropping a table
    there needs no constraint to go first: the old table is renamed to the final name (so the
    reference names it), dropped, and the new one takes the name (the reference keeps its old
    constraint name there, which SQLite cannot rename). PostgreSQL moves the constraint.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.rename_table(old, final)
        op.drop_table(final)
        op.rename_table(new, final)
        return
    op.drop_constraint(fk_before, "clusters", type_="foreignkey")
    op.drop_table(old)
    op.rename_table(new, final)
    op.execute(f"ALTER SEQUENCE {new}_id_seq RENAME TO {final}_id_seq")
    op.create_foreign_key(
        fk_after, "clusters", final, ["created_run_id"], ["id"], ondelete="SET NULL"
    )
    op.execute(
        f"SELECT setval('{final}_id_seq', (SELECT coalesce(max(id), 0) + 1 FROM {final}), false)"
    )


def upgrade() -> None:
    """Move the clustering runs into a table of jobs of every kind."""
    jobs = _jobs_table("jobs_next")
    runs = sa.table(
        "clustering_runs",
        *(sa.column(name) for name in ("id", "status", "progress", "message", "triggered_by_id")),
        *(sa.column(name) for name in ("algorithm", "n_questions", "n_clusters", "n_unassigned")),
        *(sa.column(name, sa.JSON()) for name in ("parameters", "quality", "events")),
        *(sa.column(name, STAMP) for name in STAMPS),
    )
    rows: list[dict[str, Any]] = []
    for run in op.get_bind().execute(sa.select(runs)).mappings():
        live = run["status"] in LIVE
        rows.append(
            {
                "id": run["id"],
                "kind": "recluster",
                "status": "failed" if live else run["status"],
                "progress": run["progress"],
                "message": DIED if live else run["message"][:300],
                "params": {},
                "result": {name: run[name] for name in (*FIGURES, "events")},
                "owner_id": run["triggered_by_id"],
                "created_at": run["created_at"],
                "started_at": run["started_at"],
                "finished_at": run["finished_at"] or (datetime.now(UTC) if live else None),
                "heartbeat_at": run["heartbeat_at"],
            }
        )
    if rows:
        op.bulk_insert(jobs, rows)
    _swap(
        "clustering_runs",
        "jobs_next",
        "jobs",
        "fk_clusters_created_run_id_clustering_runs",
        "fk_clusters_created_run_id_jobs",
    )
    op.create_index("ix_jobs_owner_id", "jobs", ["owner_id"])
    op.create_index(
        "uq_jobs_one_live_kind",
        "jobs",
        ["kind"],
        unique=True,
        sqlite_where=sa.text(ONE_LIVE),
        postgresql_where=sa.text(ONE_LIVE),
    )


def downgrade() -> None:
    """Copy the re-clustering jobs back into clustering runs; other kinds are dropped."""
    runs = _runs_table("clustering_runs_prev")
    jobs = sa.table(
        "jobs",
        *(sa.column(name) for name in ("id", "kind", "status", "progress", "message", "owner_id")),
        sa.column("result", sa.JSON()),
        *(sa.column(name, STAMP) for name in STAMPS),
    )
    rows: list[dict[str, Any]] = []
    for job in op.get_bind().execute(sa.select(jobs).where(jobs.c.kind == "recluster")).mappings():
        result = job["result"] or {}
        rows.append(
            {
                "id": job["id"],
                "status": job["status"],
                "algorithm": result.get("algorithm", ""),
                "parameters": result.get("parameters", {}),
                "progress": job["progress"],
                "message": job["message"],
                "n_questions": result.get("n_questions", 0),
                "n_clusters": result.get("n_clusters", 0),
                "n_unassigned": result.get("n_unassigned", 0),
                "quality": result.get("quality", {}),
                "events": result.get("events", []),
                "triggered_by_id": job["owner_id"],
                "created_at": job["created_at"],
                "started_at": job["started_at"],
                "finished_at": job["finished_at"],
                "heartbeat_at": job["heartbeat_at"],
            }
        )
    op.drop_index("uq_jobs_one_live_kind", table_name="jobs")
    op.drop_index("ix_jobs_owner_id", table_name="jobs")
    if rows:
        op.bulk_insert(runs, rows)
    _swap(
        "jobs",
        "clustering_runs_prev",
        "clustering_runs",
        "fk_clusters_created_run_id_jobs",
        "fk_clusters_created_run_id_clustering_runs",
    )

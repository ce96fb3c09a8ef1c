"""A re-cluster and a dataset import killed with SIGKILL at chosen and random points, each in a
process of its own on the real test database (SQLite, or PostgreSQL on that pass): the groups
and the register are as they were before the job or as it finished, never half; the job is
marked failed once its heartbeat is stale (not before); and the next run succeeds."""

from __future__ import annotations

import random
from dataclasses import asdict
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.bank.jobs import create_job
from app.datasets.importers import read_upload
from app.db import new_session
from app.demo import content
from models import Cluster, ClusterState, Dataset, JobKind, JobStatus, Role
from tests.jobs.bank import (
    FIRST_RUN_QUESTIONS,
    KillPoint,
    add_questions,
    cluster_ids,
    csv_of_datasets,
    grouped_then_grown,
    groups,
    job,
    run_and_kill,
    wait_until_failed,
)

# How long each step of the final write waits after announcing itself, so a kill sent on
# seeing it lands inside the open transaction; and the staleness that marks a job dead here.
PAUSE = 0.4
DEAD_AFTER = 3.0
# One kill point per seed: a line the job prints (None: a random time after the start).
RECLUSTER_POINTS = (
    None,
    "progress 0.100",
    "progress 0.600",
    "progress 0.700",
    "checkpoint recluster._write_groups",
    "checkpoint recluster.refresh_demand_figures",
    "checkpoint recluster.refresh_match_figures",
    "checkpoint jobs._record_success",
)
IMPORT_POINTS = (
    None,
    "progress 0.050",
    "progress 0.100",
    "checkpoint imports.refresh_matches",
    "checkpoint service.refresh_match_figures",
    "checkpoint jobs._record_success",
)
UPDATED = 5
IMPORTED = 40


def _kill_point(points: tuple[str | None, ...], seed: int) -> KillPoint:
    rng = random.Random(seed)
    line = points[seed]
    return KillPoint(line, rng.uniform(0, PAUSE) if line else rng.uniform(2, 12))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _dead_only_once_stale(app, job_id: int):
    """Wait for the killed job to be marked failed; it must not be before its last sign of
    life is DEAD_AFTER old."""
    dead = wait_until_failed(app, job_id)
    last_sign = _aware(dead.heartbeat_at or dead.created_at)
    assert _aware(dead.finished_at) - last_sign >= timedelta(seconds=DEAD_AFTER)
    return dead


def _short_timeouts(app) -> None:
    app.config["JOB_DEAD_AFTER_SECONDS"] = DEAD_AFTER
    app.config["JOB_START_TIMEOUT_SECONDS"] = DEAD_AFTER


@pytest.mark.parametrize("seed", range(len(RECLUSTER_POINTS)))
def test_a_killed_recluster_leaves_the_groups_old_or_new_and_the_next_run_succeeds(
    app, client, auth, make_user, database_url, seed
) -> None:
    admin = make_user("admin@example.org", role=Role.ADMIN)
    grouped_then_grown(app, admin)
    _short_timeouts(app)
    with app.app_context(), new_session(app) as session:
        known = cluster_ids(session)
        before = groups(session, known)
        queued, _ = create_job(session, JobKind.RECLUSTER, admin.id)
    point = _kill_point(RECLUSTER_POINTS, seed)

    printed = run_and_kill(database_url, queued.id, point, PAUSE)

    with app.app_context(), new_session(app) as session:
        after_kill = groups(session, known)
    killed = job(app, queued.id)
    finished = killed.status is JobStatus.SUCCEEDED
    auth.login("admin@example.org")
    if finished:
        assert after_kill != before, "the run says it succeeded but changed nothing"
        next_run = client.post("/groups/recluster")
    else:
        assert after_kill == before, f"half-written groups after a kill at {point}: {printed}"
        assert killed.status in (JobStatus.QUEUED, JobStatus.RUNNING)
        _dead_only_once_stale(app, queued.id)
        page = client.get(
            f"/groups/runs/{queued.id}", headers={"HX-Request": "true", "HX-Target": "run-progress"}
        )
        assert page.status_code == 286 and "Start it again" in page.text
        next_run = client.post(f"/groups/runs/{queued.id}/restart")
    next_id = int(next_run.location.rsplit("/", 1)[1])
    assert next_id != queued.id
    assert job(app, next_id).status is JobStatus.SUCCEEDED, job(app, next_id).message
    with app.app_context(), new_session(app) as session:
        final = groups(session, known)
        grouped = session.scalar(
            select(Cluster.id).where(Cluster.state == ClusterState.ACTIVE).limit(1)
        )
    assert final != before and grouped is not None
    if finished:
        assert after_kill == final, "the killed run's result differs from a whole run's"


def _dataset_rows(start: int, stop: int, note: str = "") -> list[dict[str, str]]:
    rows = []
    for item in content.datasets()[start:stop]:
        rows.append(
            {
                "title": item["title"],
                "description": f"{item['description']}{note}",
                "access_level": item["access_level"],
                "publisher": item.get("publisher") or "Tyneside Food Network",
                "themes": ";".join(item["themes"]),
                "keywords": ";".join(item["keywords"]),
                "geography": item["geography"],
            }
        )
    return rows


def _queue_import(app, owner_id: int, rows: list[dict[str, str]]):
    parsed = read_upload(csv_of_datasets(rows), "register.csv", held_by_us=False)
    assert not any(row.errors for row in parsed), [row.errors for row in parsed if row.errors]
    params = {"rows": [{"where": r.where, **asdict(r.draft)} for r in parsed]}
    with app.app_context(), new_session(app) as session:
        queued, _ = create_job(session, JobKind.DATASET_IMPORT, owner_id, params)
    return queued


def _register(app) -> tuple[frozenset[tuple[str, str]], frozenset[tuple[int, int]]]:
    """The register's records, and each group's matched-dataset figure."""
    with app.app_context(), new_session(app) as session:
        records = frozenset(
            (title, text)
            for title, text in session.execute(select(Dataset.title, Dataset.description))
        )
        figures = frozenset(
            (cid, n)
            for cid, n in session.execute(select(Cluster.id, Cluster.matched_dataset_count))
        )
    return records, figures


@pytest.mark.parametrize("seed", range(len(IMPORT_POINTS)))
def test_a_killed_import_saves_every_record_or_none_and_can_be_restarted(
    app, client, auth, make_user, database_url, seed
) -> None:
    owner = make_user()
    add_questions(app, owner, range(FIRST_RUN_QUESTIONS // 2))
    from app.bank.recluster import run_recluster

    with app.app_context(), new_session(app) as session:
        assert run_recluster(session).status is JobStatus.SUCCEEDED
    # Five records already in the register: the file describes them again, with more words.
    first = _queue_import(app, owner.id, _dataset_rows(0, UPDATED))
    from app.bank.jobs import run_job

    assert run_job(app, first.id) is JobStatus.SUCCEEDED
    _short_timeouts(app)
    before = _register(app)
    rows = _dataset_rows(0, UPDATED, " Updated.") + _dataset_rows(UPDATED, IMPORTED)
    queued = _queue_import(app, owner.id, rows)
    point = _kill_point(IMPORT_POINTS, seed)

    printed = run_and_kill(database_url, queued.id, point, PAUSE)

    after_kill = _register(app)
    killed = job(app, queued.id)
    finished = killed.status is JobStatus.SUCCEEDED
    auth.login()
    if finished:
        records, _ = after_kill
        assert len(records) == IMPORTED
        assert sum(description.endswith(" Updated.") for _, description in records) == UPDATED
        assert killed.params == {}  # the records are not kept once saved
    else:
        assert after_kill == before, f"half an import after a kill at {point}: {printed}"
        dead = _dead_only_once_stale(app, queued.id)
        assert dead.params["rows"], "a failed import keeps what it needs to run again"
        page = client.get(
            f"/datasets/import/jobs/{queued.id}",
            headers={"HX-Request": "true", "HX-Target": "import-progress"},
        )
        assert page.status_code == 286 and "Start it again" in page.text
        restarted = client.post(f"/datasets/import/jobs/{queued.id}/restart")
        retry = job(app, int(restarted.location.rsplit("/", 1)[1]))
        assert retry.status is JobStatus.SUCCEEDED, retry.message
        assert retry.retry_of_id == queued.id and retry.owner_id == owner.id
        records, figures = _register(app)
        assert len(records) == IMPORTED
        assert sum(description.endswith(" Updated.") for _, description in records) == UPDATED
        assert figures != before[1], "the new records' matches were not counted"

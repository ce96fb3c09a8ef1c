"""A re-cluster on RQ: the admin's button queues it on Redis, a real worker (`flask jobs
worker`, what `make worker` runs) in its own process runs it, and the run page follows it to
the end. Skipped only when no Redis answers on 127.0.0.1:6379."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from app.bank.jobs import job_queue
from config import ROOT
from models import JobStatus, Role
from tests.jobs.bank import add_questions, groups, job

REDIS_URL = "redis://127.0.0.1:6379/7"  # a database of the suite's own


@pytest.fixture
def redis_app(app):
    """The app with jobs on RQ, on a queue of this test's own (emptied afterwards)."""
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis answers on 127.0.0.1:6379")
    finally:
        connection.close()
    app.config.update(
        JOB_BACKEND="rq", REDIS_URL=REDIS_URL, JOB_QUEUE=f"qb-test-{uuid.uuid4().hex[:8]}"
    )
    yield app
    job_queue(app).delete(delete_jobs=True)


def test_a_recluster_queued_on_redis_is_run_by_the_worker(
    redis_app, client, auth, make_user, database_url
) -> None:
    admin = make_user("admin@example.org", role=Role.ADMIN)
    add_questions(redis_app, admin, range(80))
    auth.login("admin@example.org")
    started = client.post("/groups/recluster")
    run_id = int(started.location.rsplit("/", 1)[1])
    assert job(redis_app, run_id).status is JobStatus.QUEUED
    assert len(job_queue(redis_app)) == 1
    waiting = client.get(f"/groups/runs/{run_id}")
    assert 'hx-trigger="every 2s"' in waiting.text and "Queued" in waiting.text
    assert client.post("/groups/recluster").location == started.location  # one at a time

    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QB_ENV": "testing",
        "TEST_DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "JOB_QUEUE": redis_app.config["JOB_QUEUE"],
        "HF_HUB_OFFLINE": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }
    worker = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker", "--burst"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stderr[-2000:]

    run = job(redis_app, run_id)
    assert run.status is JobStatus.SUCCEEDED, run.message
    assert run.result["n_questions"] == 80 and run.result["n_clusters"] > 1
    with redis_app.app_context():
        from app.db import new_session

        with new_session(redis_app) as session:
            assert not groups(session).ungrouped
    done = client.get(
        f"/groups/runs/{run_id}", headers={"HX-Request": "true", "HX-Target": "run-progress"}
    )
    assert done.status_code == 286 and "What happened to the groups" in done.text
    assert len(job_queue(redis_app)) == 0

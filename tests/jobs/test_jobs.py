"""The job layer in one process: one live re-cluster held by the database, dead jobs found
within a minute (and live ones left alone), a job marked failed while it works commits
nothing, restarts, the progress pages with and without JavaScript, and the thread backend."""

from __future__ import annotations

import re
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from app.bank import jobs, recluster
from app.bank.heartbeat import JobRecorder, fail
from app.bank.jobs import create_job, expire_dead, run_job
from app.bank.recluster import run_recluster
from app.db import get_engine, new_session
from models import Dataset, Job, JobKind, JobStatus, Question, Role, utcnow
from tests.jobs.bank import add_questions, groups, job
from tests.web.datasets_common import FIXTURES

RUN_POLL = {"HX-Request": "true", "HX-Target": "run-progress"}


def _job(app, **values) -> int:
    with app.app_context(), new_session(app) as session:
        row = Job(**values)
        session.add(row)
        session.commit()
        return row.id


# --- One at a time, held by the database --------------------------------------------------------


def test_the_database_refuses_a_second_live_recluster_whoever_inserts_it(app) -> None:
    _job(app, kind=JobKind.RECLUSTER, status=JobStatus.RUNNING, heartbeat_at=utcnow())
    with pytest.raises(IntegrityError), get_engine(app).begin() as connection:
        connection.execute(insert(Job).values(kind="recluster", status="queued", params={}))
    # Finished runs, and imports (which may run side by side), are not held back.
    _job(app, kind=JobKind.RECLUSTER, status=JobStatus.SUCCEEDED)
    _job(app, kind=JobKind.DATASET_IMPORT, status=JobStatus.RUNNING, heartbeat_at=utcnow())
    _job(app, kind=JobKind.DATASET_IMPORT, status=JobStatus.RUNNING, heartbeat_at=utcnow())


def test_starting_a_recluster_beside_a_live_one_returns_the_live_one(app, make_user) -> None:
    admin = make_user(role=Role.ADMIN)
    live = _job(app, kind=JobKind.RECLUSTER, status=JobStatus.QUEUED, owner_id=admin.id)
    with app.app_context():
        assert jobs.start(app, JobKind.RECLUSTER, admin.id).id == live
        with new_session(app) as session, pytest.raises(Exception, match="already under way"):
            run_recluster(session)


# --- Dead jobs -----------------------------------------------------------------------------------


def test_a_job_silent_past_the_dead_after_is_marked_failed_and_a_beating_one_is_not(app) -> None:
    assert app.config["JOB_DEAD_AFTER_SECONDS"] <= 60 and app.config["JOB_HEARTBEAT_SECONDS"] <= 5
    dead_after = timedelta(seconds=app.config["JOB_DEAD_AFTER_SECONDS"])
    silent = _job(
        app,
        kind=JobKind.RECLUSTER,
        status=JobStatus.RUNNING,
        heartbeat_at=utcnow() - dead_after - timedelta(seconds=2),
    )
    beating = _job(
        app,
        kind=JobKind.DATASET_IMPORT,
        status=JobStatus.RUNNING,
        heartbeat_at=utcnow() - dead_after + timedelta(seconds=10),
    )
    waiting = _job(app, kind=JobKind.DATASET_IMPORT, status=JobStatus.QUEUED)
    assert expire_dead(app) == 1
    assert job(app, silent).status is JobStatus.FAILED
    assert "stopped without finishing" in job(app, silent).message
    assert job(app, beating).status is JobStatus.RUNNING
    assert job(app, waiting).status is JobStatus.QUEUED
    app.config["JOB_START_TIMEOUT_SECONDS"] = 0
    assert expire_dead(app) == 1
    assert "No worker started this job" in job(app, waiting).message


def test_the_heartbeat_keeps_a_long_job_alive_and_a_dead_one_cannot_beat_again(
    app, make_user, monkeypatch
) -> None:
    admin = make_user(role=Role.ADMIN)
    add_questions(app, admin, range(20))
    app.config.update(JOB_HEARTBEAT_SECONDS=0.2, JOB_DEAD_AFTER_SECONDS=1.5)
    original = recluster._fit_labels
    looked: list[int] = []

    def slow_fit(*args):
        for _ in range(6):  # 3 s of work between two progress notes, twice the dead-after
            time.sleep(0.5)
            looked.append(expire_dead(app))
        return original(*args)

    monkeypatch.setattr(recluster, "_fit_labels", slow_fit)
    with app.app_context(), new_session(app) as session:
        run = run_recluster(session)
    assert run.status is JobStatus.SUCCEEDED, run.message
    assert looked == [0] * 6
    fail(get_engine(app), run.id, "should not apply")  # a stopped job stays as it ended
    assert job(app, run.id).status is JobStatus.SUCCEEDED
    dead = _job(app, kind=JobKind.DATASET_IMPORT, status=JobStatus.FAILED)
    assert not JobRecorder(get_engine(app), dead).beat()
    assert job(app, dead).status is JobStatus.FAILED


def test_a_run_marked_failed_while_it_works_writes_no_group(app, make_user, monkeypatch) -> None:
    """Another process found its heartbeat stale: the run must not finish beside the next."""
    admin = make_user(role=Role.ADMIN)
    add_questions(app, admin, range(30))
    with app.app_context(), new_session(app) as session:
        before = groups(session)
        queued, _ = create_job(session, JobKind.RECLUSTER, admin.id)
    original = recluster._write_groups

    def judged_dead_then_write(*args):
        fail(get_engine(app), queued.id, "This job stopped without finishing.")
        return original(*args)

    monkeypatch.setattr(recluster, "_write_groups", judged_dead_then_write)
    assert run_job(app, queued.id) is JobStatus.FAILED
    with app.app_context(), new_session(app) as session:
        assert groups(session) == before
    assert job(app, queued.id).message == "This job stopped without finishing."


def test_a_run_that_learns_it_was_marked_failed_stops_at_its_next_step(
    app, make_user, monkeypatch
) -> None:
    admin = make_user(role=Role.ADMIN)
    add_questions(app, admin, range(30))
    with app.app_context(), new_session(app) as session:
        queued, _ = create_job(session, JobKind.RECLUSTER, admin.id)
    reached: list[str] = []
    original = recluster._fit_labels

    def judged_dead_while_grouping(*args):
        fail(get_engine(app), queued.id, "This job stopped without finishing.")
        return original(*args)

    monkeypatch.setattr(recluster, "_fit_labels", judged_dead_while_grouping)
    monkeypatch.setattr(recluster, "_write_groups", lambda *_: reached.append("write"))
    assert run_job(app, queued.id) is JobStatus.FAILED
    assert reached == []


# --- Restarting ----------------------------------------------------------------------------------


def test_an_admin_restarts_a_failed_run_from_its_page_once(
    app, client, auth, make_user, monkeypatch
) -> None:
    admin = make_user("admin@example.org", role=Role.ADMIN)
    make_user("facilitator@example.org", role=Role.FACILITATOR)
    add_questions(app, admin, range(30))
    monkeypatch.setattr(recluster, "_fit_labels", lambda *_: 1 / 0)
    auth.login("admin@example.org")
    failed = client.post("/groups/recluster").location
    page = client.get(failed).text
    assert "ZeroDivisionError" in page and "The groups are as they were" in page
    restart = re.search(r'action="([^"]+/restart)"', page).group(1)
    monkeypatch.undo()
    again = client.post(restart)
    assert again.location != failed
    assert "Succeeded" in client.get(again.location).text
    assert client.post(restart).location == again.location  # restarted once, not twice
    assert client.post(again.location + "/restart").status_code == 409  # it did not fail
    auth.logout()
    auth.login("facilitator@example.org")
    assert client.post(restart).status_code == 403


def test_an_owner_restarts_their_failed_import_and_no_other_member_sees_it(
    app, client, auth, make_user, monkeypatch
) -> None:
    make_user()
    make_user("other@example.org", organisation="Leeds Community Pantry")
    auth.login()
    preview = client.post(
        "/datasets/import",
        data={"file": (FIXTURES / "datasets_good.csv").open("rb"), "held_by_us": "yes"},
        content_type="multipart/form-data",
    )
    payload = re.search(r'name="payload" type="hidden" value="([^"]+)"', preview.text).group(1)
    from app.datasets import imports

    def no_model(_datasets):
        raise RuntimeError("the model is away: 'Food bank referrals by ward'")

    monkeypatch.setattr(imports, "embed_datasets", no_model)
    saved = client.post("/datasets/import/confirm", data={"payload": payload})
    job_url = saved.location
    assert job_url.startswith("/datasets/import/jobs/")
    page = client.get(job_url).text
    assert "RuntimeError" in page and "No dataset of this file was saved" in page
    assert "Food bank referrals by ward" not in page  # the error's own text stays in the log
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(Dataset.id)) is None
    monkeypatch.undo()
    auth.logout()
    auth.login("other@example.org")
    assert client.get(job_url).status_code == 404
    assert client.post(job_url + "/restart").status_code == 404
    auth.logout()
    auth.login()
    again = client.post(job_url + "/restart")
    retried = client.get(again.location).text
    assert "Imported: 2 new, 0 updated." in retried and "See the register" in retried
    with app.app_context(), new_session(app) as session:
        assert len(session.scalars(select(Dataset.id)).all()) == 2


# --- The progress pages --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "url", "target"),
    [
        (JobKind.RECLUSTER, "/groups/runs/{}", "run-progress"),
        (JobKind.DATASET_IMPORT, "/datasets/import/jobs/{}", "import-progress"),
        (JobKind.REEMBED, "/admin/jobs/{}", "job-progress"),
    ],
)
def test_a_progress_page_polls_until_the_job_stops_and_refreshes_itself_without_javascript(
    app, client, auth, make_user, kind, url, target
) -> None:
    admin = make_user(role=Role.ADMIN)
    auth.login()
    running = _job(
        app,
        kind=kind,
        status=JobStatus.RUNNING,
        progress=0.4,
        owner_id=admin.id,
        message="Working",
        heartbeat_at=utcnow(),
    )
    page = client.get(url.format(running)).text
    assert f'hx-get="{url.format(running)}" hx-trigger="every 2s"' in page
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert f'<a href="{url.format(running)}">Refresh</a>' in page and 'value="40"' in page
    fragment = client.get(url.format(running), headers={"HX-Request": "true", "HX-Target": target})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    done = _job(app, kind=kind, status=JobStatus.SUCCEEDED, progress=1.0, owner_id=admin.id)
    finished = client.get(url.format(done), headers={"HX-Request": "true", "HX-Target": target})
    assert finished.status_code == 286 and "hx-trigger" not in finished.text
    whole = client.get(url.format(done)).text
    assert "http-equiv" not in whole and "Refresh</a>" not in whole


def test_the_admin_button_follows_a_live_run_and_never_a_dead_one(
    app, client, auth, make_user
) -> None:
    make_user(role=Role.ADMIN)
    auth.login()
    live = _job(app, kind=JobKind.RECLUSTER, status=JobStatus.RUNNING, heartbeat_at=utcnow())
    groups_page = client.get("/groups").text
    assert f'href="/groups/runs/{live}">follow run {live}' in groups_page
    assert "Re-cluster all questions" not in groups_page
    with app.app_context(), new_session(app) as session:
        session.get(Job, live).heartbeat_at = utcnow() - timedelta(minutes=2)
        session.commit()
    groups_page = client.get("/groups").text
    assert "follow run" not in groups_page and "Re-cluster all questions" in groups_page
    started = client.post("/groups/recluster").location
    assert started != f"/groups/runs/{live}"
    assert job(app, live).status is JobStatus.FAILED


# --- Backends ------------------------------------------------------------------------------------


def test_the_thread_backend_runs_a_recluster_while_the_page_polls(
    app, client, auth, make_user
) -> None:
    admin = make_user(role=Role.ADMIN)
    add_questions(app, admin, range(40))
    app.config["JOB_BACKEND"] = "thread"
    auth.login()
    run_url = client.post("/groups/recluster").location
    polls = 0
    deadline = time.monotonic() + 120
    while (fragment := client.get(run_url, headers=RUN_POLL)).status_code == 200:
        assert time.monotonic() < deadline, fragment.text
        polls += 1
        time.sleep(0.1)
    assert fragment.status_code == 286 and "What happened to the groups" in fragment.text
    for thread in threading.enumerate():
        if thread.name.startswith("job-"):
            thread.join(timeout=30)  # its housekeeping after the commit (ANALYZE)
            assert not thread.is_alive()
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(Question.id).where(Question.cluster_id.is_(None))) is None


def test_a_queue_out_of_reach_fails_the_job_at_once(app, client, auth, make_user) -> None:
    make_user(role=Role.ADMIN)
    auth.login()
    app.config.update(JOB_BACKEND="rq", REDIS_URL="redis://127.0.0.1:1/0")
    page = client.get(client.post("/groups/recluster").location).text
    assert "Failed" in page and "The job queue (Redis) cannot be reached" in page


def test_an_admin_re_embeds_from_the_jobs_page(app, client, auth, make_user) -> None:
    admin = make_user(role=Role.ADMIN)
    add_questions(app, admin, range(3))
    with app.app_context(), new_session(app) as session:
        stale = session.scalars(select(Question)).first()
        stale.embedding_model = "some-older-model"
        session.commit()
    auth.login()
    listing = client.get("/admin/jobs").text
    assert "Re-embed with the configured model" in listing
    page = client.get(client.post("/admin/jobs/reembed").location).text
    assert "Embedded 1 questions and datasets." in page
    listing = client.get("/admin/jobs").text
    assert re.search(r'href="/admin/jobs/\d+">Reembed \d+</a>', listing)

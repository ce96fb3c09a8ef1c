"""A job's progress page in a real browser: with JavaScript it updates itself and stops asking
once the job has stopped (the server's 286); without, it reloads itself until then."""

from __future__ import annotations

import time
from pathlib import Path

from playwright.sync_api import Page, expect

from app.db import new_session
from models import Job, JobKind, JobStatus, Role, utcnow
from tests.conftest import PASSWORD


def _log_in(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def _running_run(app) -> int:
    with app.app_context(), new_session(app) as session:
        run = Job(
            kind=JobKind.RECLUSTER,
            status=JobStatus.RUNNING,
            progress=0.4,
            message="Grouping 80 questions",
            heartbeat_at=utcnow(),
        )
        session.add(run)
        session.commit()
        return run.id


def _finish(app, run_id: int) -> None:
    with app.app_context(), new_session(app) as session:
        run = session.get_one(Job, run_id)
        run.status = JobStatus.SUCCEEDED
        run.progress = 1.0
        run.message = "3 groups from 80 questions: 3 new."
        run.result = {"n_questions": 80, "n_clusters": 3, "n_unassigned": 0, "events": []}
        run.finished_at = utcnow()
        session.commit()


def _asks(page: Page, path: str) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if path in request.url else None)
    return asked


def test_the_run_page_follows_the_run_and_stops_asking_once_it_is_done(
    page: Page, live_server: str, artifacts_dir: Path, app, make_user
) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    run_id = _running_run(app)
    _log_in(page, live_server)
    asked = _asks(page, f"/groups/runs/{run_id}")
    page.goto(f"{live_server}/groups/runs/{run_id}")
    expect(page.get_by_role("status")).to_contain_text("Grouping 80 questions")
    page.wait_for_timeout(4500)
    assert len(asked) >= 2, "the page did not poll"
    _finish(app, run_id)
    expect(page.get_by_role("status")).to_contain_text("Succeeded", timeout=10_000)
    expect(page.get_by_text("What happened to the groups")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "run-finished.png"), full_page=True)
    settled = len(asked)
    page.wait_for_timeout(4500)
    assert len(asked) == settled, "the page kept polling after the run stopped"


def test_without_javascript_the_run_page_reloads_itself_until_the_run_stops(
    js_disabled_page: Page, live_server: str, app, make_user
) -> None:
    page = js_disabled_page
    make_user("admin@example.org", role=Role.ADMIN)
    run_id = _running_run(app)
    _log_in(page, live_server)
    asked = _asks(page, f"/groups/runs/{run_id}")
    page.goto(f"{live_server}/groups/runs/{run_id}")
    expect(page.get_by_role("link", name="Refresh")).to_be_visible()
    _finish(app, run_id)
    deadline = time.monotonic() + 20
    while "Succeeded" not in page.content():
        assert time.monotonic() < deadline, "the page never reloaded itself"
        page.wait_for_timeout(500)
    settled = len(asked)
    page.wait_for_timeout(6500)
    assert len(asked) == settled, "the finished page kept reloading"

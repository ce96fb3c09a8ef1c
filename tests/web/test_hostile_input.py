"""Input no database can store, ids past the database's integers, malformed API arguments, and
runs that break or die: each answers a clear 4xx (or fails cleanly) and saves nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.bank import recluster
from app.bank.labels import KEYWORD_MAX
from app.bank.recluster import run_recluster
from app.db import new_session
from models import Cluster, Job, JobKind, JobStatus, Question, Role, utcnow
from tests.web.test_api_questions import bearer, csrf_header, draft
from tests.web.test_questions_ask import FOOD_BANKS, ask_form, count

BEYOND = 2**31  # one past PostgreSQL's INTEGER


@pytest.mark.parametrize(
    "path",
    [
        f"/questions/{BEYOND}",
        f"/groups/{BEYOND}",
        f"/api/v1/questions/{BEYOND}",
        f"/api/v1/clusters/{BEYOND}",
        "/questions/99999999999999999999999",
    ],
)
def test_ids_past_the_database_integers_are_not_found(client, path) -> None:
    response = client.get(path)
    assert response.status_code == 404


def test_a_group_filter_past_the_integers_is_a_field_error(client) -> None:
    response = client.get("/api/v1/questions", query_string={"group": "99999999999"})
    assert response.status_code == 422 and "group" in response.json["error"]["fields"]
    assert client.get("/questions/?group=99999999999").status_code == 422


def test_support_of_an_id_past_the_integers_is_not_found(client, auth, make_user) -> None:
    make_user()
    auth.login()
    assert client.post(f"/questions/{BEYOND}/support").status_code == 404


@pytest.mark.parametrize("query", [{"q": "food\x00bank"}, {"geography": "Leeds\x00"}])
def test_a_nul_byte_in_a_filter_is_refused(client, query) -> None:
    response = client.get("/api/v1/questions", query_string=query)
    assert response.status_code == 400 and response.json["error"]["fields"]
    assert client.get("/questions/", query_string=query).status_code == 400


def test_a_nul_byte_in_posted_text_is_refused_and_nothing_saved(
    app, client, auth, make_user
) -> None:
    make_user()
    auth.login()
    response = client.post("/questions/ask", data=ask_form(text="How many \x00 families?"))
    assert response.status_code == 400 and "cannot be stored" in response.text
    assert count(app, Question) == 0


@pytest.mark.parametrize(
    "body",
    [
        '{"text": "\\ud800 how many families use food banks", "action": "x", "themes": []}',
        '{"text": "how many\\u0000 families use food banks"}',
        "[" * 100_000,
        "{" * 10 + "}" * 10,
    ],
)
def test_unstorable_or_absurd_json_is_a_400(app, client, runner, make_user, body) -> None:
    make_user()
    response = client.post(
        "/api/v1/questions",
        data=body,
        content_type="application/json",
        headers=bearer(runner),
    )
    assert response.status_code == 400 and response.json["error"]["status"] == 400
    assert count(app, Question) == 0


def test_a_wrong_method_says_which_methods_are_allowed(client) -> None:
    response = client.delete("/api/v1/questions")
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


@pytest.mark.parametrize(
    "query", ["page=-1", "page=0", "per_page=null", "per_page=0", "per_page=101", "page=x"]
)
def test_api_paging_arguments_outside_the_description_are_refused(client, query) -> None:
    for path in ("/api/v1/questions", "/api/v1/clusters"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert set(response.json["error"]["fields"]) <= {"page", "per_page"}


def test_fifty_copies_of_one_theme_are_more_than_three(app, client, runner, make_user) -> None:
    make_user()
    response = client.post(
        "/api/v1/questions",
        json={**draft(), "themes": ["energy"] * 50, "confirm": True},
        headers=bearer(runner),
    )
    assert response.status_code == 422 and "themes" in response.json["error"]["fields"]


def test_a_question_of_invisible_characters_is_empty(app, client, runner, make_user) -> None:
    make_user()
    response = client.post(
        "/api/v1/questions",
        json={**draft(text="\u202e" * 12), "confirm": True},
        headers=bearer(runner),
    )
    assert response.status_code == 422 and response.json["error"]["fields"]["text"]
    assert count(app, Question) == 0


def test_a_cookie_session_with_a_junk_bearer_header_still_needs_csrf(
    app, client, auth, make_user
) -> None:
    make_user()
    auth.login()
    app.config["WTF_CSRF_ENABLED"] = True
    junk = {"Authorization": "Bearer junk"}
    refused = client.post("/api/v1/questions", json={**draft(), "confirm": True}, headers=junk)
    assert refused.status_code == 400 and count(app, Question) == 0
    allowed = client.post(
        "/api/v1/questions",
        json={**draft(), "confirm": True},
        headers={**junk, **csrf_header(client)},
    )
    assert allowed.status_code == 201


def test_a_question_of_one_long_word_does_not_break_the_next_run(
    app, db, make_question, make_user
) -> None:
    author = make_user("asker@example.org")
    long_word = "x" * 300
    for n in range(3):
        make_question(f"{long_word} {long_word[: 10 + n]}"[:500], author=author)
    make_question(FOOD_BANKS, author=author)
    with app.app_context():
        run = run_recluster(db)
    assert run.status is JobStatus.SUCCEEDED, run.message
    labels = db.scalars(select(Cluster.auto_label)).all()
    assert labels and all(len(label) <= 300 for label in labels)
    assert all(len(word) <= KEYWORD_MAX for k in db.scalars(select(Cluster.keywords)) for word in k)


def test_a_failed_run_says_what_kind_of_failure_but_never_the_sql(
    app, db, make_question, monkeypatch, caplog
) -> None:
    make_question(FOOD_BANKS)

    def broken(*_args, **_kwargs):
        raise RuntimeError("INSERT INTO clusters VALUES ('private question text')")

    monkeypatch.setattr(recluster, "_recluster", broken)
    with app.app_context():
        run = run_recluster(db)
    assert run.status is JobStatus.FAILED
    assert "RuntimeError" in run.message and "private question text" not in run.message
    assert any("private question text" in str(r.exc_info[1]) for r in caplog.records if r.exc_info)


def test_a_run_whose_process_died_does_not_block_the_next(app, client, auth, make_user) -> None:
    make_user(role=Role.ADMIN)
    auth.login()
    with app.app_context(), new_session(app) as session:
        dead = Job(kind=JobKind.RECLUSTER, status=JobStatus.RUNNING, progress=0.7)
        dead.heartbeat_at = utcnow() - timedelta(minutes=10)
        session.add(dead)
        session.commit()
        dead_id = dead.id
    response = client.post("/groups/recluster")
    assert response.location == f"/groups/runs/{dead_id + 1}"
    page = client.get(
        f"/groups/runs/{dead_id}", headers={"HX-Request": "true", "HX-Target": "run-progress"}
    )
    assert page.status_code == 286 and "stopped without finishing" in page.text
    with app.app_context(), new_session(app) as session:
        assert session.get(Job, dead_id).status is JobStatus.FAILED
        assert session.get(Job, dead_id + 1).status is JobStatus.SUCCEEDED
        assert session.scalar(select(func.count()).select_from(Job)) == 2


def test_a_live_run_is_joined_not_doubled(app, client, auth, make_user) -> None:
    make_user(role=Role.ADMIN)
    auth.login()
    with app.app_context(), new_session(app) as session:
        live = Job(
            kind=JobKind.RECLUSTER, status=JobStatus.RUNNING, progress=0.3, heartbeat_at=utcnow()
        )
        session.add(live)
        session.commit()
        live_id = live.id
    assert client.post("/groups/recluster").location == f"/groups/runs/{live_id}"
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(func.count()).select_from(Job)) == 1


def test_health_answers_503_with_the_reason_when_the_database_has_no_schema(tmp_path) -> None:
    from app import create_app
    from app.db import get_engine
    from config import TestingConfig

    empty = create_app(TestingConfig(database_url=f"sqlite:///{tmp_path / 'empty.sqlite3'}"))
    response = empty.test_client().get("/api/v1/health")
    assert response.status_code == 503 and response.json["status"] == "unavailable"
    assert "no schema" in response.json["reasons"][0]
    get_engine(empty).dispose()


def test_health_is_ok_on_a_migrated_database(client) -> None:
    body = client.get("/api/v1/health").json
    assert body["status"] == "ok" and "model_loaded" in body


def test_a_served_process_will_not_start_on_a_database_it_cannot_use(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from config import ROOT

    env = {
        **os.environ,
        "QB_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'never-migrated.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Question Bank cannot start:")


def test_the_api_description_says_which_calls_are_rate_limited(client) -> None:
    document = client.get("/api/v1/openapi.json").json
    assert "429" in document["paths"]["/similar"]["get"]["responses"]
    assert "429" in document["paths"]["/questions"]["post"]["responses"]
    assert "414" in document["info"]["description"]


def test_a_rate_limited_call_says_when_to_try_again(limited_client) -> None:
    statuses = [
        limited_client.get("/api/v1/similar", query_string={"text": "food banks in Leeds"})
        for _ in range(121)
    ]
    refused = statuses[-1]
    assert refused.status_code == 429 and refused.json["error"]["status"] == 429
    assert int(refused.headers["Retry-After"]) > 0

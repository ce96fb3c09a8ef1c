"""``Idempotency-Key`` on POST /api/v1/questions and /api/v1/pledges: a retry gets the first
answer and creates nothing; another body is refused; keys are per account and expire; two
requests racing with one key create one record."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.api.idempotency import ABANDONED_AFTER, KEY_HEADER, KEY_LIFETIME, REPLAYED_HEADER
from app.db import new_session
from models import IdempotencyKey, Pledge, Question, User, utcnow
from tests.web.pledge_helpers import build_scene, count
from tests.web.test_api_questions import bearer, draft

QUESTIONS = "/api/v1/questions"


@pytest.fixture
def member_headers(runner, make_user) -> dict[str, str]:
    """A member's bearer token headers."""
    make_user()
    return bearer(runner)


def _post(client, headers, key: str | None, body=None, path: str = QUESTIONS):
    extra = {KEY_HEADER: key} if key is not None else {}
    return client.post(path, json=body or draft(confirm=True), headers={**headers, **extra})


def _age_keys(app, by: timedelta) -> None:
    with app.app_context(), new_session(app) as session:
        session.execute(update(IdempotencyKey).values(created_at=utcnow() - by))
        session.commit()


def test_a_retry_with_the_same_key_gets_the_first_answer_and_creates_nothing(
    app, client, member_headers
) -> None:
    first = _post(client, member_headers, "retry-1")
    assert first.status_code == 201 and REPLAYED_HEADER not in first.headers
    again = _post(client, member_headers, "retry-1")
    assert again.status_code == 201 and again.headers[REPLAYED_HEADER] == "true"
    assert again.json == first.json and again.headers["Location"] == first.headers["Location"]
    # The same body written with other spacing and key order is the same request.
    reordered = json.dumps(dict(reversed(list(draft(confirm=True).items()))), indent=2)
    respaced = client.post(
        QUESTIONS,
        data=reordered,
        content_type="application/json",
        headers={**member_headers, KEY_HEADER: "retry-1"},
    )
    assert respaced.status_code == 201 and respaced.headers[REPLAYED_HEADER] == "true"
    assert count(app, Question) == 1
    # Without a key nothing is replayed: a plain retry posts again.
    assert _post(client, member_headers, None).status_code == 201
    assert count(app, Question) == 2


def test_the_same_key_with_another_body_is_refused(app, client, member_headers) -> None:
    assert _post(client, member_headers, "k-2").status_code == 201
    other = _post(client, member_headers, "k-2", draft(confirm=True, geography="York"))
    assert other.status_code == 422 and KEY_HEADER in other.json["error"]["fields"]
    assert count(app, Question) == 1


def test_keys_are_per_account(app, client, runner, make_user, member_headers) -> None:
    make_user("other@example.org", organisation="Leeds Pantry")
    mine = _post(client, member_headers, "shared-key")
    theirs = _post(client, bearer(runner, "other@example.org"), "shared-key")
    assert mine.status_code == theirs.status_code == 201
    assert REPLAYED_HEADER not in theirs.headers and theirs.json["id"] != mine.json["id"]
    assert count(app, Question) == 2


def test_a_key_expires_after_a_day(app, client, member_headers) -> None:
    first = _post(client, member_headers, "old-key")
    _age_keys(app, KEY_LIFETIME + timedelta(minutes=1))
    later = _post(client, member_headers, "old-key")
    assert later.status_code == 201 and REPLAYED_HEADER not in later.headers
    assert later.json["id"] != first.json["id"] and count(app, Question) == 2
    with app.app_context(), new_session(app) as session:  # the expired row was purged
        assert len(session.scalars(select(IdempotencyKey)).all()) == 1


def test_a_refused_request_releases_its_key(app, client, member_headers) -> None:
    refused = _post(client, member_headers, "fix-me", draft(confirm=True, themes=[]))
    assert refused.status_code == 422
    assert _post(client, member_headers, "fix-me").status_code == 201
    assert count(app, Question) == 1


def test_a_bad_key_is_a_400(app, client, member_headers) -> None:
    for key in ("", "has space", "x" * 256):
        answer = _post(client, member_headers, key)
        assert answer.status_code == 400 and KEY_HEADER in answer.json["error"]["fields"]
    assert count(app, Question) == 0


def test_a_claim_in_flight_answers_409_until_it_is_abandoned(app, client, member_headers) -> None:
    with app.app_context(), new_session(app) as session:
        user_id = session.scalar(select(User.id))
    _post(client, member_headers, "in-flight")
    with app.app_context(), new_session(app) as session:  # as if the first were still running
        session.execute(update(IdempotencyKey).values(response_status=None))
        session.commit()
    busy = _post(client, member_headers, "in-flight")
    assert busy.status_code == 409 and KEY_HEADER in busy.json["error"]["fields"]
    _age_keys(app, ABANDONED_AFTER + timedelta(minutes=1))  # its worker died long ago
    taken_over = _post(client, member_headers, "in-flight")
    assert taken_over.status_code == 201 and REPLAYED_HEADER not in taken_over.headers
    assert user_id is not None and count(app, Question) == 2


def test_two_requests_racing_with_one_key_create_one_question(
    app, member_headers, monkeypatch
) -> None:
    from app.questions import api

    original = api.ask_question

    def slow(*args, **kwargs):
        time.sleep(0.5)  # keep the first request in flight while the second arrives
        return original(*args, **kwargs)

    monkeypatch.setattr(api, "ask_question", slow)
    start = threading.Barrier(2)
    answers: list[tuple[int, dict]] = []

    def post() -> None:
        client = app.test_client()
        start.wait()
        answer = _post(client, member_headers, "race")
        answers.append((answer.status_code, answer.json))

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(status for status, _ in answers) == [201, 409]
    assert count(app, Question) == 1
    created = next(body for status, body in answers if status == 201)
    replay = _post(app.test_client(), member_headers, "race")
    assert replay.headers[REPLAYED_HEADER] == "true" and replay.json == created


def test_a_pledge_retried_with_its_key_is_made_once(
    app, client, runner, make_question, make_user
) -> None:
    scene = build_scene(app, make_question, make_user)
    headers = bearer(runner, "holder@example.org")
    body = {"dataset_id": scene.dataset_id, "cluster_id": scene.food_id, "accept_terms": True}
    path = "/api/v1/pledges"
    first = _post(client, headers, "pledge-1", body, path)
    assert first.status_code == 201, first.json
    again = _post(client, headers, "pledge-1", body, path)
    assert again.status_code == 201 and again.headers[REPLAYED_HEADER] == "true"
    assert again.json == first.json and again.headers["Location"] == first.headers["Location"]
    other = _post(client, headers, "pledge-1", {**body, "note": "Another pledge"}, path)
    assert other.status_code == 422
    assert count(app, Pledge) == 1


def test_the_api_description_names_the_key_and_the_replay_header(client) -> None:
    document = client.get("/api/v1/openapi.json").json
    for path in ("/questions", "/pledges"):
        operation = document["paths"][path]["post"]
        assert KEY_HEADER in [p["name"] for p in operation["parameters"]]
        assert REPLAYED_HEADER in operation["responses"]["201"]["headers"]
    assert KEY_HEADER in document["info"]["description"]

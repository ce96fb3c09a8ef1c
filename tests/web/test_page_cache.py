"""Pages kept for visitors who are not logged in (app/core/pagecache.py): served again while the
bank is unchanged, never stale after this process writes, fresh within the check interval after
another process does (unless a staleness is allowed: then until the page is that old), each
visitor's CSRF token their own, and never for members."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from app.core.pagecache import REBUILD_GRACE, KeptPage, PageCache
from app.db import current_generation, get_engine, new_session
from models import CHANGES_ROW_ID, BankChanges, Question, User
from tests.conftest import AuthActions

TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


def _change_behind_the_apps_back(app: Flask, question_id: int, text: str) -> None:
    """Rewrite a question as another process would, without this process's session events."""
    with get_engine(app).begin() as connection:
        connection.execute(update(Question).where(Question.id == question_id).values(text=text))


def _advance_generation_elsewhere(app: Flask) -> None:
    with get_engine(app).begin() as connection:
        connection.execute(
            update(BankChanges)
            .where(BankChanges.id == CHANGES_ROW_ID)
            .values(generation=BankChanges.generation + 1)
        )


def test_a_kept_page_is_served_until_another_process_changes_the_bank(
    app: Flask, client: FlaskClient, make_question: Callable[..., int]
) -> None:
    question_id = make_question("How many families use food banks in Leeds?")
    assert b"food banks in Leeds" in client.get("/questions/").data

    _change_behind_the_apps_back(app, question_id, "How many pensioners skip meals in Hull?")
    assert b"food banks in Leeds" in client.get("/questions/").data  # kept: nothing said so

    _advance_generation_elsewhere(app)  # what that process's commit does
    app.extensions["qb.page_cache"]._check_interval = 0.0  # the interval has passed
    page = client.get("/questions/").data
    assert b"pensioners skip meals in Hull" in page
    assert b"food banks in Leeds" not in page


def test_a_visitor_sees_what_this_process_wrote_at_once(
    app: Flask,
    client: FlaskClient,
    make_question: Callable[..., int],
    make_user: Callable[..., User],
) -> None:
    make_question("How many families use food banks in Leeds?")
    assert b"pensioners skip meals" not in client.get("/questions/").data
    with app.app_context(), new_session(app) as session:
        generation = current_generation(session)
    make_question("How many pensioners skip meals in Hull?")
    with app.app_context(), new_session(app) as session:
        assert current_generation(session) > generation
    assert b"pensioners skip meals in Hull" in client.get("/questions/").data


def test_with_staleness_a_kept_page_is_served_until_it_is_that_old_whoever_wrote(
    app: Flask, client: FlaskClient, make_question: Callable[..., int]
) -> None:
    make_question("How many families use food banks in Leeds?")
    cache = PageCache(10, check_interval=0.0, staleness=60.0)
    app.extensions["qb.page_cache"] = cache
    assert b"pensioners skip meals" not in client.get("/questions/").data
    make_question("How many pensioners skip meals in Hull?")  # this process writes
    assert b"pensioners skip meals" not in client.get("/questions/").data  # kept: young enough
    _advance_generation_elsewhere(app)  # and another one
    assert b"pensioners skip meals" not in client.get("/questions/").data

    cache._staleness = 0.0  # the page is now older than allowed
    assert b"pensioners skip meals in Hull" in client.get("/questions/").data
    assert len(cache) == 1  # rebuilt and kept again, at the new generation


def test_without_staleness_an_old_page_is_served_while_nothing_changes() -> None:
    cache = PageCache(10, check_interval=60.0, staleness=0.0)
    assert cache.generation(lambda: 7) == 7
    page = KeptPage(b"page", 200, (), has_token=False)
    cache.put(("/", "", "day"), 7, page)
    assert cache.get(("/", "", "day"), 7) is page
    assert cache.generation(lambda: 8) == 7  # not read again within the check interval
    cache._check_interval = 0.0
    assert cache.generation(lambda: 8) == 8
    assert cache.get(("/", "", "day"), 8) is None  # built before the change: not served
    assert len(cache) == 0


def test_with_staleness_a_page_built_while_the_bank_changes_is_kept() -> None:
    cache = PageCache(10, check_interval=0.0, staleness=60.0)
    assert cache.generation(lambda: 7) == 7
    page = KeptPage(b"page", 200, (), has_token=False)
    started = time.monotonic()
    assert cache.generation(lambda: 8) == 8  # a post committed while the page was built
    cache.put(("/", "", "day"), 7, page, started)
    assert cache.get(("/", "", "day"), 8) is page
    plain = PageCache(10, check_interval=0.0, staleness=0.0)
    plain.generation(lambda: 8)
    plain.put(("/", "", "day"), 7, page, started)
    assert plain.get(("/", "", "day"), 8) is None  # without staleness: never kept


def test_a_page_past_its_staleness_is_rebuilt_by_one_request_the_others_served_the_old() -> None:
    key = ("/", "", "day")
    cache = PageCache(10, check_interval=0.0, staleness=5.0)
    cache.generation(lambda: 7)
    old, new = (KeptPage(body, 200, (), has_token=False) for body in (b"old", b"new"))
    cache.put(key, 7, old, time.monotonic() - 5.5)  # built 5.5 s ago, before a change
    assert cache.get(key, 8) is None  # the first request past it rebuilds
    assert cache.get(key, 8) is old  # the others meanwhile get the old page
    assert cache.get(key, 8) is old
    cache.generation(lambda: 8)
    cache.put(key, 8, new, time.monotonic())
    cache.release(key)
    assert cache.get(key, 9) is new

    cache.put(key, 8, old, time.monotonic() - 5.5)
    assert cache.get(key, 9) is None
    cache.release(key)  # the rebuild failed: the next request tries again
    assert cache.get(key, 9) is None
    cache.put(key, 8, old, time.monotonic() - 5.0 - REBUILD_GRACE)
    assert cache.get(key, 9) is None  # too old even to serve while another rebuilds
    assert cache.get(key, 9) is None and len(cache) == 0


def test_a_view_that_fails_while_rebuilding_leaves_the_page_to_the_next_request(
    app: Flask, client: FlaskClient, make_question: Callable[..., int], monkeypatch
) -> None:
    make_question("How many families use food banks in Leeds?")
    cache = PageCache(10, check_interval=0.0, staleness=5.0)
    app.extensions["qb.page_cache"] = cache
    assert client.get("/questions/").status_code == 200
    _advance_generation_elsewhere(app)
    (key,) = cache._pages
    entry = cache._pages[key]
    cache._pages[key] = type(entry)(entry.page, entry.generation, time.monotonic() - 5.5)
    monkeypatch.setattr("app.questions.routes.render_template", _broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)
    assert client.get("/questions/").status_code == 500
    assert cache._rebuilding == {}  # released: the next visitor rebuilds it
    monkeypatch.undo()
    page = client.get("/questions/")
    assert page.status_code == 200 and cache._pages[key].generation != entry.generation


def _broken(*args, **kwargs):
    raise RuntimeError("the template broke")


def test_each_visitor_gets_their_own_csrf_token_in_a_kept_page(
    app: Flask, make_question: Callable[..., int], make_user: Callable[..., User]
) -> None:
    make_question("How many families use food banks in Leeds?")
    make_user("member@example.org")
    app.config["WTF_CSRF_ENABLED"] = True
    first, second = app.test_client(), app.test_client()
    first_token = TOKEN.search(first.get("/questions/").get_data(as_text=True))
    second_token = TOKEN.search(second.get("/questions/").get_data(as_text=True))
    assert first_token and second_token
    assert first_token.group(1) != second_token.group(1)
    # The token in the kept page is the one the second visitor's session accepts.
    answer = second.post(
        "/auth/logout", headers={"X-CSRFToken": second_token.group(1)}, follow_redirects=False
    )
    assert answer.status_code != 400
    refused = second.post("/auth/logout", headers={"X-CSRFToken": first_token.group(1)})
    assert refused.status_code == 400


def test_members_are_never_served_a_kept_page(
    client: FlaskClient, auth: AuthActions, make_user: Callable[..., User]
) -> None:
    make_user("member@example.org", name="Morag Member")
    client.get("/groups")  # kept for visitors
    auth.login()
    assert b"Morag Member" in client.get("/groups").data
    auth.logout()
    assert b"Morag Member" not in client.get("/groups").data


def test_a_token_used_to_read_the_api_leaves_kept_pages_alone(
    app: Flask, client: FlaskClient, make_user: Callable[..., User]
) -> None:
    from app.auth.tokens import create_api_token

    user = make_user("reader@example.org")
    with app.app_context(), new_session(app) as session:
        secret = create_api_token(session, session.get(User, user.id)).secret
        generation = current_generation(session)
    answer = client.get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status_code == 200
    with app.app_context(), new_session(app) as session:
        assert current_generation(session) == generation
        assert session.scalar(select(func.count()).select_from(Question)) == 0

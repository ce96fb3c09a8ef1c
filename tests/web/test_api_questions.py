"""The questions API: list, ask, read, support and similar, with its error answers."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import update

from app.db import new_session
from models import Question, Support, Visibility
from tests.web.test_questions_ask import (
    FOOD_BANKS,
    FOOD_BANKS_PARAPHRASE,
    UNRELATED,
    count,
    make_group,
    resync,
)


def draft(**overrides: Any) -> dict[str, Any]:
    """A valid JSON question."""
    body: dict[str, Any] = {
        "text": FOOD_BANKS_PARAPHRASE,
        "action": "Decide where to open a second food bank in the city.",
        "action_type": "design-service",
        "themes": ["food"],
        "geography": "leeds",
        "population_groups": ["families with children"],
        "visibility": "public",
        "show_organisation": False,
    }
    body.update(overrides)
    return body


def bearer(runner, email: str = "member@example.org") -> dict[str, str]:
    """Authorization headers with a fresh token for a member."""
    token = runner.invoke(args=["users", "token", email]).output.strip()
    return {"Authorization": f"Bearer {token}"}


def csrf_header(client) -> dict[str, str]:
    """The CSRF header a browser page sends (cookie-session calls need it, like htmx's)."""
    page = client.get("/").text
    return {"X-CSRFToken": re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)}


def test_ask_through_the_api_with_a_token(app, client, runner, make_user) -> None:
    make_user(organisation="Leeds Pantry")
    group_id = make_group(app, FOOD_BANKS)
    response = client.post("/api/v1/questions", json=draft(), headers=bearer(runner))
    assert response.status_code == 201, response.json
    body = response.json
    assert body["text"] == FOOD_BANKS_PARAPHRASE and body["geography"] == "Leeds"
    assert body["group"]["id"] == group_id
    assert body["organisation"] is None and body["sector"] == "charity"
    assert "member@example.org" not in response.text
    assert response.headers["Location"] == f"/api/v1/questions/{body['id']}"
    assert client.get(response.headers["Location"]).json["id"] == body["id"]


def test_ask_needs_login_as_json_401(app, client) -> None:
    response = client.post("/api/v1/questions", json=draft(), headers=csrf_header(client))
    assert response.status_code == 401 and response.json["error"]["status"] == 401
    assert count(app, Question) == 0


def test_ask_refuses_a_body_that_is_not_an_object(app, client, runner, make_user) -> None:
    make_user()
    headers = bearer(runner)
    response = client.post("/api/v1/questions", data="[1, 2]", headers=headers)
    assert response.status_code == 400 and response.json["error"]["status"] == 400
    response = client.post("/api/v1/questions", data="not json", headers=headers)
    assert response.status_code == 400


def test_ask_validation_errors_name_the_fields(app, client, runner, make_user) -> None:
    make_user()
    headers = bearer(runner)
    response = client.post(
        "/api/v1/questions",
        json=draft(text="short", themes=["food", "pirates"], show_organisation="yes"),
        headers=headers,
    )
    assert response.status_code == 422
    assert set(response.json["error"]["fields"]) == {"show_organisation"}
    response = client.post(
        "/api/v1/questions", json=draft(text="short", themes=["food", "pirates"]), headers=headers
    )
    assert response.status_code == 422
    fields = response.json["error"]["fields"]
    assert set(fields) == {"text", "themes"} and "pirates" in fields["themes"][0]
    assert count(app, Question) == 0


def test_list_filters_search_and_pages(app, client, make_user, make_question) -> None:
    app.config["PAGE_SIZE"] = 1
    food = make_question(FOOD_BANKS)
    buses = make_question(UNRELATED, themes=["transport"])
    resync(app)
    body = client.get("/api/v1/questions").json
    assert body["total"] == 2 and [item["id"] for item in body["items"]] == [buses]
    assert client.get("/api/v1/questions?page=2").json["items"][0]["id"] == food
    assert [i["id"] for i in client.get("/api/v1/questions?theme=transport").json["items"]] == [
        buses
    ]
    found = client.get("/api/v1/questions", query_string={"q": "food banks"}).json
    assert found["items"][0]["id"] == food and found["sort"] == "relevance"
    bad = client.get("/api/v1/questions?group=nope")
    assert bad.status_code == 422 and "group" in bad.json["error"]["fields"]


def test_get_unreadable_question_is_404(app, client, make_user, make_question) -> None:
    other = make_user("other@example.org", organisation="Theirs")
    private = make_question(FOOD_BANKS, author=other, visibility=Visibility.PRIVATE)
    hidden = make_question(UNRELATED)
    with app.app_context(), new_session(app) as session:
        session.execute(update(Question).where(Question.id == hidden).values(hidden=True))
        session.commit()
    for question_id in (private, hidden, 424242):
        response = client.get(f"/api/v1/questions/{question_id}")
        assert response.status_code == 404 and response.json["error"]["status"] == 404


def test_support_201_then_409_then_withdraw(app, client, runner, make_user, make_question) -> None:
    question_id = make_question(FOOD_BANKS)
    make_user()
    anonymous = client.post(f"/api/v1/questions/{question_id}/support", headers=csrf_header(client))
    assert anonymous.status_code == 401 and anonymous.json["error"]["status"] == 401
    headers = bearer(runner)
    first = client.post(f"/api/v1/questions/{question_id}/support", headers=headers)
    assert first.status_code == 201 and first.json["support_count"] == 1
    assert first.json["supporters_by_sector"] == {"charity": 1}
    second = client.post(f"/api/v1/questions/{question_id}/support", headers=headers)
    assert second.status_code == 409 and second.json["error"]["status"] == 409
    assert count(app, Support) == 1
    assert client.get(f"/api/v1/questions/{question_id}", headers=headers).json["supported_by_me"]
    withdrawn = client.delete(f"/api/v1/questions/{question_id}/support", headers=headers)
    assert withdrawn.status_code == 200 and withdrawn.json["support_count"] == 0
    assert client.delete(
        f"/api/v1/questions/{question_id}/support", headers=headers
    ).status_code == (409)
    assert client.post("/api/v1/questions/999/support", headers=headers).status_code == 404


def test_cookie_session_posts_need_the_csrf_header(
    app, client, auth, make_user, make_question
) -> None:
    question_id = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    url = f"/api/v1/questions/{question_id}/support"
    assert client.post(url).status_code == 400
    assert client.post(url, headers=csrf_header(client)).status_code == 201


def test_similar_scores_and_errors(app, client, make_question) -> None:
    food = make_question(FOOD_BANKS)
    buses = make_question(UNRELATED)
    resync(app)
    assert client.get("/api/v1/similar").status_code == 400
    short = client.get("/api/v1/similar?text=food")
    assert short.status_code == 400 and "text" in short.json["error"]["fields"]
    body = client.get("/api/v1/similar", query_string={"text": FOOD_BANKS_PARAPHRASE}).json
    ids = [item["question"]["id"] for item in body["items"]]
    assert ids == [food] and buses not in ids
    assert 0.55 <= body["items"][0]["score"] <= 1


def test_openapi_describes_the_question_paths(client) -> None:
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path, methods in {
        "/questions": {"get", "post"},
        "/questions/{question_id}": {"get"},
        "/questions/{question_id}/support": {"post", "delete"},
        "/similar": {"get"},
    }.items():
        assert methods <= set(paths[path]), path
    post = paths["/questions"]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert {"text", "action", "action_type", "themes"} <= set(schema["required"])
    assert {"201", "400", "401", "422"} <= set(post["responses"])
    assert "409" in paths["/questions/{question_id}/support"]["post"]["responses"]
    names = {p["name"] for p in paths["/questions"]["get"]["parameters"]}
    assert {"q", "theme", "action_type", "sector", "geography", "status", "group", "sort"} <= names

"""API v1 for the register: create, read, patch, retire and matches, with the same rules and
the same authorisation as the pages."""

from __future__ import annotations

from app.api.openapi import openapi_document
from app.datasets import rules
from tests.web.datasets_common import API_BODY, count_datasets, stored
from tests.web.test_clusters_common import seed_topics


def _token(runner, email: str) -> dict[str, str]:
    token = runner.invoke(args=["users", "token", email]).output.strip()
    return {"Authorization": f"Bearer {token}"}


def test_post_creates_public_data_and_answers_201_with_its_id(app, client, runner, make_user):
    make_user()
    headers = _token(runner, "member@example.org")
    response = client.post("/api/v1/datasets", json=API_BODY, headers=headers)
    assert response.status_code == 201
    body = response.json
    assert body["id"] and body["holder"] is None and body["held_by_us"] is False
    assert body["publisher"] == "Department for Work and Pensions"
    assert body["variables"] == API_BODY["variables"] and body["unit_of_analysis"] == "person"
    assert client.get(f"/api/v1/datasets/{body['id']}").json["title"] == API_BODY["title"]
    held = client.post(
        "/api/v1/datasets", json={**API_BODY, "held_by_us": True, "url": ""}, headers=headers
    ).json
    assert held["holder"] == "Tyneside Food Network" and held["held_by_us"] is True


def test_unknown_theme_or_access_level_is_422_naming_the_field(app, client, runner, make_user):
    make_user()
    headers = _token(runner, "member@example.org")
    bad_theme = client.post(
        "/api/v1/datasets", json={**API_BODY, "themes": ["pirates"]}, headers=headers
    )
    assert bad_theme.status_code == 422 and "themes" in bad_theme.json["error"]["fields"]
    bad_level = client.post(
        "/api/v1/datasets", json={**API_BODY, "access_level": "secret"}, headers=headers
    )
    assert bad_level.status_code == 422 and "access_level" in bad_level.json["error"]["fields"]
    too_long = client.post(
        "/api/v1/datasets", json={**API_BODY, "title": "x" * 201}, headers=headers
    )
    assert too_long.status_code == 422 and "title" in too_long.json["error"]["fields"]
    wrong_kind = client.post(
        "/api/v1/datasets", json={**API_BODY, "themes": "food"}, headers=headers
    )
    assert wrong_kind.status_code == 400
    assert client.post("/api/v1/datasets", json=API_BODY).status_code == 401
    assert count_datasets(app) == 0


def test_patch_and_delete_follow_the_holder_rule(app, client, runner, make_user):
    make_user()
    make_user("other@example.org", organisation="Leeds Community Pantry")
    mine = _token(runner, "member@example.org")
    theirs = _token(runner, "other@example.org")
    created = client.post(
        "/api/v1/datasets", json={**API_BODY, "held_by_us": True}, headers=mine
    ).json
    path = f"/api/v1/datasets/{created['id']}"
    assert client.patch(path, json={"title": "Taken over"}, headers=theirs).status_code == 403
    assert client.delete(path, headers=theirs).status_code == 403
    patched = client.patch(path, json={"title": "UC claimants"}, headers=mine)
    assert patched.status_code == 200 and patched.json["title"] == "UC claimants"
    assert patched.json["variables"] == API_BODY["variables"]  # the rest kept
    assert client.patch(path, json={"access_level": "secret"}, headers=mine).status_code == 422
    assert stored(app, created["id"]).access_level.value == "open"
    assert client.delete(path, headers=mine).json["retired"] is True
    assert client.get(path).status_code == 404
    assert client.get("/api/v1/datasets/98765", headers=mine).status_code == 404
    assert client.patch("/api/v1/datasets/98765", json={}, headers=mine).status_code == 404


def test_members_only_records_are_listed_to_members_only(app, client, runner, make_user):
    make_user()
    headers = _token(runner, "member@example.org")
    client.post("/api/v1/datasets", json={**API_BODY, "visibility": "members"}, headers=headers)
    assert client.get("/api/v1/datasets", headers=headers).json["total"] == 1
    assert client.get("/api/v1/datasets").json["total"] == 0
    assert client.get("/api/v1/datasets?q=universal credit").json["total"] == 0


def test_matches_lists_groups_best_first_with_scores_and_reasons(
    app, client, runner, make_user, make_question
):
    topics = seed_topics(app, make_question, make_user)
    make_user()
    headers = _token(runner, "member@example.org")
    body = {
        **API_BODY,
        "title": "Food bank referrals and the Universal Credit wait",
        "description": "Referrals to food banks, with the reason given: benefit delays, "
        "the five-week wait for a first Universal Credit payment, debt.",
        "keywords": ["food bank", "credit"],
        "themes": ["food"],
    }
    created = client.post("/api/v1/datasets", json=body, headers=headers).json
    items = client.get(f"/api/v1/datasets/{created['id']}/matches").json["items"]
    assert items and items[0]["group"]["id"] == topics["food"][0]
    assert all(0 <= item["score"] <= 1 for item in items) and items[0]["reasons"]
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)


def test_openapi_describes_the_register_from_the_rules():
    paths = openapi_document()["paths"]
    assert {"get", "post"} <= set(paths["/datasets"])
    assert {"get", "patch", "delete"} <= set(paths["/datasets/{dataset_id}"])
    assert "/datasets/{dataset_id}/matches" in paths and "/datasets/export.csv" in paths
    schema = paths["/datasets"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    properties = schema["properties"]
    assert properties["title"]["maxLength"] == rules.TEXT_LIMITS["title"][1]
    assert properties["themes"]["maxItems"] == rules.MAX_THEMES
    assert properties["access_level"]["enum"] == list(rules.ACCESS_LEVELS)
    assert properties["variables"]["items"]["maxLength"] == rules.LIST_LIMITS["variables"][1]

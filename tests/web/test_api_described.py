"""The API answers as its description says: one regression test for each thing schemathesis
(tests/web/test_api_fuzz.py) found answered otherwise."""

from __future__ import annotations

import pytest

from app.core.guards import MAX_ID
from app.core.serializers import timestamp
from models import Pledge
from tests.web.pledge_helpers import build_scene, count
from tests.web.test_api_questions import bearer, draft
from tests.web.test_notifications import add_notes

METHODS = {"get", "put", "post", "patch", "delete"}


@pytest.fixture
def document(client) -> dict:
    """The OpenAPI description as served."""
    return client.get("/api/v1/openapi.json").json


@pytest.fixture
def scene(app, make_question, make_user):
    """Groups, a holder with a dataset, and other members."""
    return build_scene(app, make_question, make_user)


def test_timestamps_carry_their_utc_offset(app, client, runner, make_user) -> None:
    """SQLite hands back naive datetimes: the JSON said "2027-03-01T15:14:01" (no zone)."""
    make_user()
    posted = client.post("/api/v1/questions", json=draft(confirm=True), headers=bearer(runner))
    assert posted.json["created_at"].endswith("+00:00")
    tokens = client.get("/api/v1/tokens", headers=bearer(runner)).json["items"]
    assert all(t["created_at"].endswith("+00:00") for t in tokens)
    from datetime import datetime, timedelta, timezone

    assert timestamp(datetime(2027, 3, 1, 15, 14, 1)) == "2027-03-01T15:14:01+00:00"
    later = datetime(2027, 3, 1, 16, 14, 1, tzinfo=timezone(timedelta(hours=1)))
    assert timestamp(later) == "2027-03-01T15:14:01+00:00"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("DELETE", "/api/v1/datasets/18891848668660"),
        ("PATCH", "/api/v1/datasets/99999999999"),
        ("DELETE", "/api/v1/questions/18891848668660/support"),
        ("DELETE", f"/api/v1/tokens/{MAX_ID + 1}"),
    ],
)
def test_an_id_no_row_can_have_is_404_whatever_the_method(client, method, path) -> None:
    """It was 405, with an Allow header naming the methods that fail for that id too."""
    answer = client.open(path, method=method)
    assert answer.status_code == 404 and answer.json["error"]["status"] == 404


def test_ids_in_bodies_are_checked_before_the_database_sees_them(
    app, client, runner, scene
) -> None:
    """``dataset_id: 2**63`` reached SQLite ("Python int too large") as a 500."""
    headers = bearer(runner, "holder@example.org")
    for value in (2**63, MAX_ID + 1, 0, -3, True, "7"):
        answer = client.post(
            "/api/v1/pledges",
            json={"dataset_id": value, "cluster_id": scene.food_id, "accept_terms": True},
            headers=headers,
        )
        assert answer.status_code == 422, value
        assert "dataset_id" in answer.json["error"]["fields"]
    read = client.post("/api/v1/notifications/read", json={"ids": [2**63]}, headers=headers)
    assert read.status_code == 422 and "ids" in read.json["error"]["fields"]
    assert count(app, Pledge) == 0


@pytest.mark.parametrize("value", [str(2**70), "²", "-1", "1.5"])
def test_ids_in_queries_are_checked(client, value) -> None:
    """``int("²")`` raised, and a huge id overflowed SQLite: both were 500s."""
    answer = client.get(f"/api/v1/partnerships?cluster_id={value}")
    assert answer.status_code == 400 and "cluster_id" in answer.json["error"]["fields"]


def test_optional_ids_may_be_null_as_described(client, runner, scene, document) -> None:
    started = client.post(
        "/api/v1/partnerships",
        json={"cluster_id": scene.food_id, "question_id": None, "title": "Food data"},
        headers=bearer(runner, "holder@example.org"),
    )
    assert started.status_code == 201
    schema = document["paths"]["/partnerships"]["post"]["requestBody"]["content"]
    properties = schema["application/json"]["schema"]["properties"]
    assert properties["question_id"]["type"] == ["integer", "null"]
    assert properties["question_id"]["maximum"] == MAX_ID


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/partnerships?per_page=null",
        "/api/v1/notifications?per_page=null",
        "/api/v1/datasets?page=-1",
        "/api/v1/notifications?unread=null",
        "/api/v1/partnerships?mine=perhaps",
    ],
)
def test_listing_arguments_out_of_their_schema_are_400(client, runner, make_user, path) -> None:
    """Each was accepted (and ignored) although its schema says otherwise."""
    make_user()
    answer = client.get(path, headers=bearer(runner))
    assert answer.status_code == 400


def test_yes_no_flags_take_true_or_1(app, client, runner, make_user) -> None:
    user = make_user()
    add_notes(app, user, ["One", "Two"])
    headers = bearer(runner)
    client.post("/api/v1/notifications/read", json={"all": True}, headers=headers)
    add_notes(app, user, ["Three"])
    for flag in ("true", "1"):
        page = client.get(f"/api/v1/notifications?unread={flag}", headers=headers).json
        assert page["total"] == 1
    assert client.get("/api/v1/notifications?unread=false", headers=headers).json["total"] == 3


def test_notifications_all_must_be_true_or_false(client, runner, make_user) -> None:
    make_user()
    answer = client.post(
        "/api/v1/notifications/read", json={"all": {}, "ids": []}, headers=bearer(runner)
    )
    assert answer.status_code == 422 and "all" in answer.json["error"]["fields"]


def test_a_partnership_action_that_is_not_text_is_422(client, runner, scene) -> None:
    """``{"action": {}}`` raised "unhashable type: 'dict'": a 500."""
    lead = bearer(runner, "holder@example.org")
    started = client.post("/api/v1/partnerships", json={"cluster_id": scene.food_id}, headers=lead)
    answer = client.post(
        f"/api/v1/partnerships/{started.json['id']}/members",
        json={"action": {}, "member_id": 1},
        headers=lead,
    )
    assert answer.status_code == 422 and "action" in answer.json["error"]["fields"]


def test_a_dataset_text_cannot_be_null_and_lists_are_counted_as_sent(
    client, runner, make_user
) -> None:
    from tests.web.datasets_common import API_BODY

    make_user()
    headers = bearer(runner)
    null_url = client.post("/api/v1/datasets", json={**API_BODY, "url": None}, headers=headers)
    assert null_url.status_code == 400 and "url" in null_url.json["error"]["fields"]
    blanks = client.post("/api/v1/datasets", json={**API_BODY, "themes": [""] * 7}, headers=headers)
    assert blanks.status_code == 422 and "themes" in blanks.json["error"]["fields"]


def test_the_jsonld_export_is_described_as_the_object_it_is(client, document) -> None:
    content = document["paths"]["/datasets/export.jsonld"]["get"]["responses"]["200"]["content"]
    schema = content["application/ld+json"]["schema"]
    body = client.get("/api/v1/datasets/export.jsonld").json
    assert schema["type"] == "object" and set(schema["required"]) <= set(body)


def test_every_operation_describes_the_spines_answers(document) -> None:
    """400 wherever there is input to refuse, 401 where a login is needed, 404 for path ids."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation["responses"]
            where = f"{method.upper()} {path}"
            if "requestBody" in operation or any(
                p["in"] == "query" for p in operation.get("parameters", [])
            ):
                assert "400" in responses, where
            security = operation.get("security", document["security"])
            if {} not in security and security:
                assert "401" in responses, where
            if "{" in path:
                assert "404" in responses, where


def test_an_empty_paging_argument_is_refused_like_any_other(client) -> None:
    for query in ("page=", "per_page=", "page=&per_page="):
        response = client.get(f"/api/v1/clusters?{query}")
        assert response.status_code == 400, query
        assert response.get_json()["error"]["fields"]
    assert client.get("/groups?page=").status_code == 200  # pages fall back to the first


def test_empty_question_filters_mean_any_as_described(client) -> None:
    for query in ("sort=", "status=", "sector=", "sort=&status=&sector="):
        assert client.get(f"/api/v1/questions?{query}").status_code == 200, query
    spec = client.get("/api/v1/openapi.json").get_json()
    params = {p["name"]: p for p in spec["paths"]["/questions"]["get"]["parameters"]}
    assert all("" in params[name]["schema"]["enum"] for name in ("sort", "status", "sector"))

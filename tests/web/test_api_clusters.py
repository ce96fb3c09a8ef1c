"""API v1 question groups: the list, one group, errors and the OpenAPI description."""

from __future__ import annotations

import pytest

from app.db import new_session
from models import Pledge, Visibility
from tests.web.test_clusters_common import (
    FOOD,
    add_dataset,
    build_group,
    mark_merged,
    seed_topics,
)


@pytest.fixture
def topics(app, make_question, make_user) -> dict[str, tuple[int, list[int]]]:
    """The food, energy and transport groups."""
    return seed_topics(app, make_question, make_user)


def test_list_clusters_with_figures_sorted_and_paged(app, client, topics) -> None:
    body = client.get("/api/v1/clusters?sort=size&per_page=2").json
    assert (body["sort"], body["page"], body["per_page"], body["total"], body["pages"]) == (
        "size",
        1,
        2,
        3,
        2,
    )
    first = body["items"][0]
    assert first["id"] == topics["food"][0]
    assert first["auto_label"] == "food, banks, credit"
    assert first["keywords"] == ["food", "banks", "credit"]
    assert (first["size"], first["support_count"], first["organisation_count"]) == (3, 0, 1)
    assert first["sector_counts"] == {"charity": 1}
    assert first["matched_dataset_count"] == 0 and first["pledge_count"] == 0
    assert first["url"] == f"/groups/{first['id']}"
    second_page = client.get("/api/v1/clusters?sort=size&per_page=2&page=2").json
    assert [item["id"] for item in second_page["items"]] == [topics["transport"][0]]


def test_list_clusters_rejects_an_unknown_sort(client) -> None:
    response = client.get("/api/v1/clusters?sort=colour")
    assert response.status_code == 400
    assert "sort" in response.json["error"]["fields"]


def test_get_cluster_with_questions_matches_and_pledges(app, client, topics) -> None:
    dataset_id = add_dataset(
        app,
        "Food bank referrals and Universal Credit waits",
        "Monthly counts of food bank referrals by reason, including waiting for a first "
        "Universal Credit payment.",
        keywords=["food banks", "universal credit"],
    )
    food_id, question_ids = topics["food"]
    with app.app_context(), new_session(app) as session:
        session.add(Pledge(dataset_id=dataset_id, cluster_id=food_id))
        session.commit()
    body = client.get(f"/api/v1/clusters/{food_id}").json
    assert body["id"] == food_id and body["state"] == "active"
    assert body["representative_question"]["id"] in question_ids
    assert {q["text"] for q in body["questions"]["items"]} == set(FOOD)
    assert body["questions"]["total"] == 3
    match = body["matches"][0]
    assert match["dataset"]["id"] == dataset_id and 0 < match["score"] <= 1
    assert any(reason.startswith("Similar in meaning") for reason in match["reasons"])
    assert body["pledges"] == [
        {
            "id": body["pledges"][0]["id"],
            "dataset": {
                "id": dataset_id,
                "title": "Food bank referrals and Universal Credit waits",
                "holder": "Tyneside Food Network",
                "access_level": "on-request",
            },
            "status": "offered",
            "conditions": "",
            "condition_kinds": [],
            "available_from": None,
            "terms": [],
            "terms_accepted_at": None,
            "question_id": None,
            "cluster_id": food_id,
            "on_group": True,
            "url": f"/pledges/{body['pledges'][0]['id']}",
        }
    ]


def test_get_cluster_lists_only_readable_questions(app, client, make_question) -> None:
    public = make_question("How many families in Hull use food banks?")
    members = make_question(
        "How many of our members' clients use food banks?", visibility=Visibility.MEMBERS
    )
    cluster_id = build_group(app, [public, members], ["food"])
    body = client.get(f"/api/v1/clusters/{cluster_id}").json
    assert [q["id"] for q in body["questions"]["items"]] == [public]


def test_unknown_and_merged_clusters_are_404_json(app, client, topics) -> None:
    missing = client.get("/api/v1/clusters/999")
    assert missing.status_code == 404 and missing.json["error"]["status"] == 404
    food_id, _ = topics["food"]
    energy_id, _ = topics["energy"]
    mark_merged(app, energy_id, into_id=food_id)
    merged = client.get(f"/api/v1/clusters/{energy_id}")
    assert merged.status_code == 404
    assert merged.json["error"]["merged_into"] == food_id
    assert [item["id"] for item in client.get("/api/v1/clusters").json["items"]] == [
        food_id,
        topics["transport"][0],
    ]


def test_openapi_describes_the_cluster_paths(client) -> None:
    paths = client.get("/api/v1/openapi.json").json["paths"]
    listing = paths["/clusters"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {"sort", "topic", "page", "per_page"}
    sort = next(p for p in listing["parameters"] if p["name"] == "sort")
    assert sort["schema"]["enum"] == ["size", "support", "breadth", "unmet"]
    one = paths["/clusters/{cluster_id}"]["get"]
    assert set(one["responses"]) == {"200", "400", "404"}  # 400: its paging arguments
    assert "merged_into" in one["description"]

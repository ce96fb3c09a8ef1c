"""Pledging a dataset: the form from a group or question, conditions and terms of use, status
changes by the holder only (logged), who is told, and what is refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import Refused
from app.db import new_session
from app.pledges.service import NO_HOLDER, pledgeable_dataset
from models import (
    Cluster,
    Dataset,
    Notification,
    Pledge,
    PledgeStatus,
    PledgeStatusChange,
    User,
    Visibility,
)
from tests.web.pledge_helpers import Scene, build_scene, count, dataset_of
from tests.web.test_api_questions import bearer


@pytest.fixture
def scene(app, make_question, make_user) -> Scene:
    """The food group with its asker and a supporter, and a holder with a dataset."""
    return build_scene(app, make_question, make_user)


def pledge_form(scene: Scene, **fields) -> dict[str, object]:
    """A valid pledge form toward the food group."""
    data: dict[str, object] = {
        "dataset_id": scene.dataset_id,
        "cluster_id": scene.food_id,
        "conditions": ["aggregate-only", "agreement-needed"],
        "note": "Counts under ten suppressed.",
        "available_from": "2027-02-01",
        "accept_terms": "y",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def notified(app, user_id: int) -> list[Notification]:
    """The user's notifications, oldest first."""
    with app.app_context(), new_session(app) as session:
        return list(
            session.scalars(
                select(Notification).where(Notification.user_id == user_id).order_by("id")
            )
        )


def test_group_page_offers_the_members_datasets_and_the_form_shows_the_terms(
    client, auth, scene
) -> None:
    auth.login("holder@example.org")
    page = client.get(f"/groups/{scene.food_id}").text
    assert 'action="/pledges/new"' in page and "Rent arrears by month" in page
    form = client.get(f"/pledges/new?cluster_id={scene.food_id}&dataset_id={scene.dataset_id}")
    assert form.status_code == 200
    assert "No onward sale" in form.text and "I accept these terms of use" in form.text
    assert f'<option selected value="{scene.dataset_id}">' in form.text


def test_member_pledges_to_a_group_with_conditions_and_terms(app, client, auth, scene) -> None:
    auth.login("holder@example.org")
    response = client.post("/pledges/new", data=pledge_form(scene))
    assert response.status_code == 302
    with app.app_context(), new_session(app) as session:
        pledge = session.scalar(select(Pledge))
        assert pledge.cluster_id == scene.food_id and pledge.status is PledgeStatus.OFFERED
        assert pledge.condition_kinds == ["aggregate-only", "agreement-needed"]
        assert pledge.available_from.isoformat() == "2027-02-01"
        assert "credited" in pledge.terms and pledge.terms_accepted_at is not None
        assert [c.to_status for c in pledge.status_changes] == [PledgeStatus.OFFERED]
        assert session.get(Cluster, scene.food_id).pledge_count == 1
    page = client.get(response.headers["Location"]).text
    assert "Aggregate figures only" in page and "Counts under ten suppressed." in page
    assert "No onward sale" in page and "Accepted by the pledger" in page
    group = client.get(f"/groups/{scene.food_id}").text
    assert "No data pledged yet." not in group and "Aggregate figures only" in group


def test_askers_and_supporters_are_told_of_a_new_pledge_and_no_one_else(
    app, client, auth, scene
) -> None:
    auth.login("holder@example.org")
    client.post("/pledges/new", data=pledge_form(scene))
    for user_id in (scene.asker_id, scene.supporter_id):
        (note,) = notified(app, user_id)
        assert note.kind == "pledge" and "Rent arrears by month" in note.text
        assert note.link.startswith("/pledges/")
    assert notified(app, scene.bystander_id) == [] and notified(app, scene.holder_id) == []


def test_pledge_to_one_question_tells_only_its_asker_and_supporters(
    app, client, auth, scene
) -> None:
    auth.login("holder@example.org")
    other = scene.food_questions[1]  # supported by nobody
    response = client.post(
        "/pledges/new", data=pledge_form(scene, cluster_id=None, question_id=other)
    )
    assert response.status_code == 302
    assert len(notified(app, scene.asker_id)) == 1 and notified(app, scene.supporter_id) == []
    assert "Rent arrears by month" in client.get(f"/questions/{other}").text


def test_holder_moves_the_status_along_each_step_logged_and_announced(
    app, client, auth, scene
) -> None:
    auth.login("holder@example.org")
    client.post("/pledges/new", data=pledge_form(scene))
    with app.app_context(), new_session(app) as session:
        pledge_id = session.scalar(select(Pledge.id))
    for status in ("in-discussion", "shared"):
        response = client.post(f"/pledges/{pledge_id}/status", data={"status": status})
        assert response.status_code == 302
    with app.app_context(), new_session(app) as session:
        steps = session.scalars(
            select(PledgeStatusChange.to_status).where(PledgeStatusChange.pledge_id == pledge_id)
        ).all()
    assert [s.value for s in steps] == ["offered", "in-discussion", "shared"]
    kinds = [n.kind for n in notified(app, scene.supporter_id)]
    assert kinds == ["pledge", "pledge-status", "pledge-status"]
    page = client.get(f"/pledges/{pledge_id}").text
    assert "in discussion → <strong>shared</strong>" in page
    assert "Move it along" not in page  # shared is final
    again = client.post(f"/pledges/{pledge_id}/status", data={"status": "withdrawn"})
    assert again.status_code == 422 and "nothing: it is final" in again.text


def test_only_the_holder_organisation_changes_a_pledges_status(
    app, client, auth, runner, scene
) -> None:
    auth.login("holder@example.org")
    client.post("/pledges/new", data=pledge_form(scene))
    with app.app_context(), new_session(app) as session:
        pledge_id = session.scalar(select(Pledge.id))
    auth.logout()
    auth.login("asker@example.org")
    page = client.get(f"/pledges/{pledge_id}").text
    assert "Move it along" not in page
    refused = client.post(f"/pledges/{pledge_id}/status", data={"status": "withdrawn"})
    assert refused.status_code == 403
    api = client.patch(
        f"/api/v1/pledges/{pledge_id}",
        json={"status": "withdrawn"},
        headers=bearer(runner, "asker@example.org"),
    )
    assert api.status_code == 403
    with app.app_context(), new_session(app) as session:
        assert session.get(Pledge, pledge_id).status is PledgeStatus.OFFERED


def test_member_cannot_pledge_another_organisations_dataset(
    app, client, auth, runner, scene
) -> None:
    api = client.post(
        "/api/v1/pledges",
        json={"dataset_id": scene.dataset_id, "cluster_id": scene.food_id, "accept_terms": True},
        headers=bearer(runner, "bystander@example.org"),
    )
    assert api.status_code == 403
    auth.login("bystander@example.org")
    response = client.post("/pledges/new", data=pledge_form(scene))
    assert response.status_code == 403
    assert count(app, Pledge) == 0


class _OneDataset:
    """A stand-in session that finds one dataset (public data, before holders may be null)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def get(self, _model: type, _id: int) -> Dataset:
        return self.dataset


def test_a_dataset_with_no_holder_is_refused_as_open_already() -> None:
    public = Dataset(id=7, title="Households Below Average Income", holder_organisation_id=None)
    member = User(id=1, organisation_id=1, active=True)
    with pytest.raises(Refused) as refused:
        pledgeable_dataset(_OneDataset(public), member, 7)
    assert refused.value.errors == {"dataset_id": [NO_HOLDER]}


def test_public_data_with_no_holder_cannot_be_pledged(app, client, auth, scene) -> None:
    public = dataset_of(app, "Households Below Average Income", None)
    auth.login("holder@example.org")
    form = client.get(f"/pledges/new?cluster_id={scene.food_id}&dataset_id={public}")
    assert form.status_code == 422 and "open to everyone already" in form.text
    response = client.post("/pledges/new", data=pledge_form(scene, dataset_id=public))
    assert response.status_code == 422 and "open to everyone already" in response.text
    assert count(app, Pledge) == 0


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"accept_terms": None}, "accept_terms", "accept the terms of use"),
        ({"conditions": ["sell-it"]}, "conditions", "Unknown condition: sell-it"),
        ({"note": "x" * 2001}, "note", "2000 characters"),
        ({"dataset_id": ""}, "dataset_id", "Choose one of your organisation"),
    ],
)
def test_bad_pledges_save_nothing_and_keep_the_input(
    app, client, auth, scene, change, field, message
) -> None:
    auth.login("holder@example.org")
    response = client.post("/pledges/new", data=pledge_form(scene, **change))
    assert response.status_code == 422 and message in response.text
    assert "Counts under ten suppressed." in response.text or field == "note"
    assert count(app, Pledge) == 0 and count(app, Notification) == 0


def test_the_same_dataset_cannot_be_pledged_twice_to_the_same_group(
    app, client, auth, scene
) -> None:
    auth.login("holder@example.org")
    client.post("/pledges/new", data=pledge_form(scene))
    again = client.post("/pledges/new", data=pledge_form(scene))
    assert again.status_code == 422 and "already pledged here" in again.text
    assert count(app, Pledge) == 1


def test_pledges_on_private_questions_are_404_to_outsiders(
    app, client, auth, scene, make_question
) -> None:
    with app.app_context(), new_session(app) as session:
        holder = session.get(User, scene.holder_id)
    private = make_question(
        "What share of our tenants skip meals?", author=holder, visibility=Visibility.PRIVATE
    )
    auth.login("holder@example.org")
    client.post("/pledges/new", data=pledge_form(scene, cluster_id=None, question_id=private))
    with app.app_context(), new_session(app) as session:
        pledge_id = session.scalar(select(Pledge.id))
    assert client.get(f"/pledges/{pledge_id}").status_code == 200
    auth.logout()
    auth.login("bystander@example.org")
    assert client.get(f"/pledges/{pledge_id}").status_code == 404
    assert client.get(f"/pledges/{pledge_id + 99}").status_code == 404
    assert client.get(f"/pledges/new?question_id={private}").status_code == 404


def test_pledging_needs_a_login(client, scene) -> None:
    response = client.get(f"/pledges/new?cluster_id={scene.food_id}")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_api_pledge_and_patch(app, client, runner, scene) -> None:
    headers = bearer(runner, "holder@example.org")
    created = client.post(
        "/api/v1/pledges",
        json={
            "dataset_id": scene.dataset_id,
            "question_id": scene.food_questions[0],
            "conditions": ["we-analyse"],
            "accept_terms": True,
        },
        headers=headers,
    )
    assert created.status_code == 201, created.json
    body = created.json
    assert body["condition_kinds"] == ["we-analyse"] and body["status"] == "offered"
    assert body["question_id"] == scene.food_questions[0] and len(body["terms"]) == 3
    patched = client.patch(
        f"/api/v1/pledges/{body['id']}", json={"status": "in-discussion"}, headers=headers
    )
    assert patched.status_code == 200 and patched.json["status"] == "in-discussion"
    bad = client.patch(f"/api/v1/pledges/{body['id']}", json={"status": "offered"}, headers=headers)
    assert bad.status_code == 422 and "status" in bad.json["error"]["fields"]
    no_terms = client.post(
        "/api/v1/pledges",
        json={"dataset_id": scene.dataset_id, "cluster_id": scene.food_id},
        headers=headers,
    )
    assert no_terms.status_code == 422 and "accept_terms" in no_terms.json["error"]["fields"]
    assert count(app, Pledge) == 1

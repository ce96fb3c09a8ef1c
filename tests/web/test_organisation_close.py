"""An admin downloads an organisation's record and closes it: members' accounts go, its
questions go, its datasets are retired and their pledges withdrawn; nothing personal is left.
And the open-data licence an admin chooses."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db import new_session
from models import (
    ApiToken,
    Dataset,
    Organisation,
    Pledge,
    PledgeStatus,
    Question,
    Role,
    Support,
    User,
)
from tests.web.pledge_helpers import HOLDER_ORG, Scene, build_scene, count
from tests.web.test_pledges import pledge_form


@pytest.fixture
def scene(app, make_question, make_user) -> Scene:
    """The pledge scene with a bank admin of another organisation, who is not one of its own
    admins (steward@ started it)."""
    built = build_scene(app, make_question, make_user)
    make_user("steward@example.org", organisation="Bank Stewards")
    make_user("admin@example.org", role=Role.ADMIN, organisation="Bank Stewards")
    return built


def _organisation_id(app, name: str) -> int:
    with app.app_context(), new_session(app) as session:
        found = session.scalar(select(Organisation.id).where(Organisation.name == name))
        assert found is not None
        return found


def test_the_record_holds_the_organisations_members_datasets_and_pledges(
    app, client, auth, scene
) -> None:
    auth.login("holder@example.org")
    assert client.post("/pledges/new", data=pledge_form(scene)).status_code == 302
    auth.logout()
    auth.login("admin@example.org")
    holder_org = _organisation_id(app, HOLDER_ORG)
    response = client.get(f"/admin/organisations/{holder_org}/export")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    record = json.loads(response.data)
    assert record["organisation"]["name"] == HOLDER_ORG
    assert [m["email"] for m in record["members"]] == ["holder@example.org"]
    assert [d["id"] for d in record["datasets"]] == [scene.dataset_id]
    assert [p["dataset_id"] for p in record["pledges"]] == [scene.dataset_id]
    assert "password_hash" not in response.text
    asker_org = _organisation_id(app, "Tyneside Food Network")
    asked = json.loads(client.get(f"/admin/organisations/{asker_org}/export").data)
    assert set(scene.food_questions) <= {q["id"] for q in asked["questions"]}


def test_closing_removes_members_and_questions_and_retires_datasets(
    app, client, auth, scene
) -> None:
    auth.login("holder@example.org")
    client.post("/auth/account/token", data={"name": "script", "lifetime": "30"})
    assert client.post("/pledges/new", data=pledge_form(scene)).status_code == 302
    auth.logout()
    auth.login("admin@example.org")
    holder_org = _organisation_id(app, HOLDER_ORG)
    page = client.get(f"/admin/organisations/{holder_org}/close")
    assert page.status_code == 200 and "1 live pledges withdrawn" in page.text
    wrong = client.post(f"/admin/organisations/{holder_org}/close", data={"name": "Northstar"})
    assert wrong.status_code == 422 and "exactly to confirm" in wrong.text
    assert count(app, Organisation) == 5
    closed = client.post(f"/admin/organisations/{holder_org}/close", data={"name": HOLDER_ORG})
    assert closed.status_code == 302
    with app.app_context(), new_session(app) as session:
        assert session.get(Organisation, holder_org) is None
        assert session.scalar(select(User).where(User.email == "holder@example.org")) is None
        assert session.scalars(select(ApiToken)).all() == []
        dataset = session.get(Dataset, scene.dataset_id)
        assert dataset.retired_at is not None and dataset.holder_organisation_id is None
        pledge = session.scalar(select(Pledge))
        assert pledge.status is PledgeStatus.WITHDRAWN
        assert pledge.status_changes[-1].note.startswith("Withdrawn: the organisation")
    # The questions and supports of the asking organisation go with it when it closes.
    asker_org = _organisation_id(app, "Tyneside Food Network")
    closed = client.post(
        f"/admin/organisations/{asker_org}/close", data={"name": "tyneside food network"}
    )
    assert closed.status_code == 302
    assert count(app, Question) == 0 and count(app, Support) == 0
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(User).where(User.email == "asker@example.org")) is None
        assert session.scalar(select(User).where(User.email == "supporter@example.org"))


def test_only_admins_close_and_never_their_own(app, client, auth, scene) -> None:
    holder_org = _organisation_id(app, HOLDER_ORG)
    auth.login("bystander@example.org")
    assert client.get(f"/admin/organisations/{holder_org}/export").status_code == 403
    assert (
        client.post(
            f"/admin/organisations/{holder_org}/close", data={"name": HOLDER_ORG}
        ).status_code
        == 403
    )
    auth.logout()
    auth.login("admin@example.org")
    own = _organisation_id(app, "Bank Stewards")
    refused = client.post(f"/admin/organisations/{own}/close", data={"name": "Bank Stewards"})
    assert refused.status_code == 422 and "You belong to this organisation" in refused.text
    assert client.get("/admin/organisations/99999/export").status_code == 404


def test_an_admin_chooses_the_open_data_licence(app, client, auth, scene) -> None:
    before = client.get("/open-data/datapackage.json").get_json()
    assert before["licenses"][0]["name"] == app.config["OPEN_DATA_LICENCE"]
    auth.login("admin@example.org")
    page = client.get("/admin/settings")
    assert page.status_code == 200 and "Open Government Licence v3.0" in page.text
    assert client.post("/admin/settings", data={"licence": "nonsense"}).status_code == 422
    assert client.post("/admin/settings", data={"licence": "OGL-UK-3.0"}).status_code == 302
    after = client.get("/open-data/datapackage.json").get_json()
    assert after["licenses"][0]["name"] == "OGL-UK-3.0"
    assert "Open Government Licence" in client.get("/open-data/").text
    auth.logout()
    auth.login("bystander@example.org")
    assert client.post("/admin/settings", data={"licence": "CC0-1.0"}).status_code == 403

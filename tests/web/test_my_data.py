"""Members' control of their data: download everything the bank holds about them (page and API),
and delete the account, choosing what becomes of their questions; nothing personal is left."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.db import new_session
from models import (
    ApiToken,
    Cluster,
    Notification,
    Partnership,
    PartnershipMember,
    PartnershipStatus,
    Pledge,
    Question,
    Support,
    User,
)
from tests.conftest import PASSWORD
from tests.web.pledge_helpers import Scene, build_scene, count
from tests.web.test_api_questions import bearer
from tests.web.test_partnerships import start
from tests.web.test_pledges import pledge_form


@pytest.fixture
def scene(app, make_question, make_user) -> Scene:
    """The food group with its asker and a supporter, a holder and a bystander."""
    return build_scene(app, make_question, make_user)


def delete(client, questions: str = "keep", password: str = PASSWORD):
    """Post the delete form as the logged-in member."""
    return client.post("/auth/account/delete", data={"questions": questions, "password": password})


def test_the_download_holds_the_members_contributions_and_no_secrets(
    app, client, auth, scene
) -> None:
    start(client, auth, scene, email="supporter@example.org")
    client.post("/auth/account/token", data={"name": "laptop", "lifetime": "30"})
    response = client.get("/auth/account/export")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.data)
    assert data["account"]["email"] == "supporter@example.org"
    assert [s["question_id"] for s in data["supports"]] == [scene.food_questions[0]]
    assert [m["partnership_id"] for m in data["partnership_memberships"]]
    assert [t["name"] for t in data["api_tokens"]] == ["laptop"]
    text = response.text
    assert "password_hash" not in text and "scrypt" not in text and "token_hash" not in text
    assert data["questions"] == []  # the supporter asked nothing
    auth.logout()
    auth.login("asker@example.org")
    asked = json.loads(client.get("/auth/account/export").data)["questions"]
    with app.app_context(), new_session(app) as session:
        theirs = session.scalars(select(Question.id).where(Question.author_id == scene.asker_id))
        assert sorted(q["id"] for q in asked) == sorted(theirs)
    assert set(scene.food_questions) <= {q["id"] for q in asked}


def test_the_api_export_is_the_callers_own(app, client, runner, scene) -> None:
    headers = bearer(runner, "supporter@example.org")
    body = client.get("/api/v1/me/export", headers=headers).get_json()
    assert body["account"]["email"] == "supporter@example.org"
    assert client.get("/api/v1/me/export").status_code == 401


def test_keeping_questions_leaves_them_anonymous_and_removes_everything_personal(
    app, client, auth, scene
) -> None:
    auth.login("asker@example.org")
    client.post("/auth/account/token", data={"name": "script", "lifetime": "30"})
    other_device = app.test_client()
    other_device.post("/auth/login", data={"email": "asker@example.org", "password": PASSWORD})
    questions_before = count(app, Question)
    response = delete(client, "keep")
    assert response.status_code == 302
    assert count(app, Question) == questions_before
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(User).where(User.email == "asker@example.org")) is None
        assert session.scalar(select(func.count()).select_from(ApiToken)) == 0
        kept = session.scalars(
            select(Question.author_id).where(Question.id.in_(scene.food_questions))
        ).all()
        assert set(kept) == {None}
    assert other_device.get("/auth/account").status_code == 302  # that session ended too
    page = client.get(f"/questions/{scene.food_questions[0]}")
    assert page.status_code == 200  # the question is still there for everyone


def test_removing_questions_takes_their_supports_and_recounts_the_group(
    app, client, auth, scene
) -> None:
    with app.app_context(), new_session(app) as session:
        size_before = session.get(Cluster, scene.food_id).size
    assert size_before == len(scene.food_questions)
    auth.login("asker@example.org")
    assert delete(client, "remove").status_code == 302
    assert count(app, Support) == 0  # the one support was for a removed question
    with app.app_context(), new_session(app) as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(Question)
                .where(Question.id.in_(scene.food_questions))
            )
            == 0
        )
        assert session.get(Cluster, scene.food_id).size == 0
    assert client.get(f"/questions/{scene.food_questions[0]}").status_code == 404


def test_a_supporter_leaving_lowers_the_support_count(app, client, auth, scene) -> None:
    supported = scene.food_questions[0]
    with app.app_context(), new_session(app) as session:
        session.get(Question, supported).support_count = 1
        session.commit()
    auth.login("supporter@example.org")
    assert delete(client).status_code == 302
    with app.app_context(), new_session(app) as session:
        assert session.get(Question, supported).support_count == 0
        assert (
            session.scalar(
                select(func.count())
                .select_from(Notification)
                .where(Notification.user_id == scene.supporter_id)
            )
            == 0
        )


def test_a_wrong_password_or_no_choice_deletes_nothing(app, client, auth, scene) -> None:
    auth.login("asker@example.org")
    users_before = count(app, User)
    wrong = delete(client, password="not my password at all")
    assert wrong.status_code == 422 and "not your password" in wrong.text
    assert 'value="keep" checked' in wrong.text or "checked" in wrong.text
    unchosen = client.post("/auth/account/delete", data={"password": PASSWORD})
    assert unchosen.status_code == 422 and "Choose what happens" in unchosen.text
    assert count(app, User) == users_before
    assert client.get("/auth/account").status_code == 200


def test_the_form_needs_its_csrf_token(app, client, auth, scene) -> None:
    auth.login("asker@example.org")
    users_before = count(app, User)
    app.config["WTF_CSRF_ENABLED"] = True
    refused = delete(client)
    assert refused.status_code == 400
    assert count(app, User) == users_before


def test_a_led_partnership_passes_to_the_next_member_or_closes(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)  # the asker leads it
    client.post(
        f"/partnerships/{partnership_id}/invite",
        data={"invite-email": "holder@example.org", "invite-role": "data-holder"},
    )
    auth.logout()
    auth.login("holder@example.org")
    with app.app_context(), new_session(app) as session:
        member_id = session.scalar(
            select(PartnershipMember.id).where(PartnershipMember.user_id == scene.holder_id)
        )
    client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept")
    auth.logout()
    alone_id = start(client, auth, scene, cluster_id=scene.energy_id, title="Just us")
    page = client.get("/auth/account/delete").text
    assert "Hana Holder becomes its lead" in page and "it will be closed" in page
    assert delete(client).status_code == 302
    with app.app_context(), new_session(app) as session:
        lead = session.scalar(
            select(PartnershipMember.user_id).where(
                PartnershipMember.partnership_id == partnership_id,
                PartnershipMember.is_lead.is_(True),
            )
        )
        assert lead == scene.holder_id
        assert session.get(Partnership, alone_id).status is PartnershipStatus.CLOSED


def test_pledges_stay_with_the_organisation(app, client, auth, scene) -> None:
    auth.login("holder@example.org")
    response = client.post(
        "/pledges/new",
        data=pledge_form(scene),
    )
    assert response.status_code == 302, response.text
    assert delete(client).status_code == 302
    with app.app_context(), new_session(app) as session:
        pledge = session.scalars(select(Pledge)).one()
        assert pledge.pledged_by_id is None and pledge.dataset_id == scene.dataset_id


def test_the_last_admin_cannot_leave_the_bank_without_one(app, client, auth, make_user) -> None:
    from models import Role

    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    refused = delete(client)
    assert refused.status_code == 409 and "only admin" in refused.text
    assert count(app, User) == 1


@pytest.mark.parametrize(("choice", "kept"), [("anonymise", True), ("remove", False)])
def test_the_api_deletes_the_caller_and_their_tokens_stop_working(
    app, client, runner, scene, choice: str, kept: bool
) -> None:
    headers = bearer(runner, "asker@example.org")
    questions_before = count(app, Question)
    with app.app_context(), new_session(app) as session:
        theirs = session.scalar(
            select(func.count()).select_from(Question).where(Question.author_id == scene.asker_id)
        )
    response = client.delete("/api/v1/me", json={"questions": choice}, headers=headers)
    assert response.status_code == 204
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(User).where(User.email == "asker@example.org")) is None
        assert session.scalar(select(func.count()).select_from(ApiToken)) == 0
    left = count(app, Question)
    if kept:
        assert left == questions_before
    else:
        assert left == questions_before - theirs


def test_the_api_deletion_needs_a_choice(app, client, runner, scene) -> None:
    headers = bearer(runner, "asker@example.org")
    refused = client.delete("/api/v1/me", json={"questions": "keep"}, headers=headers)
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"]["questions"]
    assert client.get("/api/v1/me", headers=headers).status_code == 200

"""Organisation admins: whoever starts an organisation administers it, its admins choose its
other admins (never leaving none), download its record and close it — on its page and through
the API — and nobody else can."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.bank.organisations import organisation_record
from app.core.errors import NotFound
from app.db import new_session
from models import (
    ApiToken,
    Dataset,
    Notification,
    Organisation,
    OrganisationRole,
    Pledge,
    PledgeStatus,
    Question,
    Role,
    Sector,
    Support,
    User,
)
from tests.conftest import PASSWORD
from tests.web.pledge_helpers import HOLDER_ORG, Scene, build_scene, count
from tests.web.test_api_questions import bearer
from tests.web.test_pledges import pledge_form

FOOD = "Tyneside Food Network"


def _role(app, email: str) -> OrganisationRole | None:
    with app.app_context(), new_session(app) as session:
        return session.scalar(select(User.organisation_role).where(User.email == email))


def _user_id(app, email: str) -> int:
    with app.app_context(), new_session(app) as session:
        found = session.scalar(select(User.id).where(User.email == email))
        assert found is not None
        return found


def _set_role(client, app, email: str, role: str):
    user_id = _user_id(app, email)
    return client.post(
        f"/organisation/members/{user_id}/role",
        data={f"member-{user_id}-organisation_role": role},
    )


def test_whoever_registers_an_organisation_with_no_members_becomes_its_admin(
    app, client, auth
) -> None:
    registration = {
        "display_name": "Amira Khan",
        "email": "amira@pantry.example.org",
        "password": "a long enough password",
        "confirm": "a long enough password",
        "organisation_id": "new",
        "new_organisation_name": "Leeds Community Pantry",
        "new_organisation_sector": "charity",
    }
    assert client.post("/auth/register", data=registration).status_code == 302
    assert _role(app, "amira@pantry.example.org") is OrganisationRole.ADMIN
    auth.logout()
    with app.app_context(), new_session(app) as session:
        pantry = session.scalar(select(Organisation.id).where(Organisation.name.like("Leeds%")))
        empty = Organisation(name="Empty Trust", sector=Sector.FUNDER)
        session.add(empty)
        session.commit()
        empty_id = empty.id
    joining = {**registration, "new_organisation_name": "", "new_organisation_sector": ""}
    client.post(
        "/auth/register",
        data={**joining, "email": "ben@pantry.example.org", "organisation_id": str(pantry)},
    )
    assert _role(app, "ben@pantry.example.org") is OrganisationRole.MEMBER
    auth.logout()
    client.post(
        "/auth/register",
        data={**joining, "email": "cai@empty.example.org", "organisation_id": str(empty_id)},
    )
    assert _role(app, "cai@empty.example.org") is OrganisationRole.ADMIN


def test_members_see_their_organisation_from_the_account_page_but_only_admins_manage_it(
    client, auth, make_user
) -> None:
    make_user("first@example.org", name="Fay First")
    make_user("second@example.org", name="Sid Second")
    auth.login("second@example.org")
    account = client.get("/auth/account").text
    assert 'href="/organisation/"' in account and "one of its admins" not in account
    page = client.get("/organisation/")
    assert page.status_code == 200
    assert "Fay First" in page.text and "Sid Second (you)" in page.text
    assert "/organisation/export" not in page.text and "<select" not in page.text
    auth.logout()
    auth.login("first@example.org")
    assert "one of its admins" in client.get("/auth/account").text
    page = client.get("/organisation/").text
    assert "/organisation/export" in page and "/organisation/close" in page
    assert page.count("<select") == 2


def test_admins_promote_and_demote_but_never_the_last_admin(app, client, auth, make_user) -> None:
    make_user("first@example.org")
    make_user("second@example.org", name="Sid Second")
    make_user("elsewhere@example.org", organisation="Elsewhere Trust")
    auth.login("first@example.org")
    alone = _set_role(client, app, "first@example.org", "member")
    assert alone.status_code == 422
    assert re.search(r'class="error-message"[^>]*>[^<]*only admin', alone.text)
    assert 'aria-invalid="true"' in alone.text
    assert _role(app, "first@example.org") is OrganisationRole.ADMIN
    assert _set_role(client, app, "elsewhere@example.org", "member").status_code == 404
    assert _set_role(client, app, "second@example.org", "nonsense").status_code == 422
    promoted = _set_role(client, app, "second@example.org", "admin")
    assert promoted.status_code == 302
    assert "Sid Second is now an admin" in client.get("/organisation/").text
    assert _role(app, "second@example.org") is OrganisationRole.ADMIN
    assert _set_role(client, app, "first@example.org", "member").status_code == 302
    assert _role(app, "first@example.org") is OrganisationRole.MEMBER
    # No longer an admin: the first member can change nobody's role, whatever they send.
    assert _set_role(client, app, "second@example.org", "member").status_code == 403
    assert _set_role(client, app, "second@example.org", "nonsense").status_code == 403
    assert _role(app, "second@example.org") is OrganisationRole.ADMIN


def test_the_last_admin_leaving_hands_the_organisation_to_the_longest_standing_member(
    app, client, auth, make_user
) -> None:
    make_user("first@example.org")
    make_user("second@example.org", name="Sid Second")
    make_user("third@example.org")
    auth.login("first@example.org")
    page = client.get("/auth/account/delete").text
    assert "only admin of Tyneside Food Network: Sid Second becomes its admin" in page
    deleted = client.post("/auth/account/delete", data={"questions": "keep", "password": PASSWORD})
    assert deleted.status_code == 302
    assert _role(app, "second@example.org") is OrganisationRole.ADMIN
    assert _role(app, "third@example.org") is OrganisationRole.MEMBER


@pytest.fixture
def scene(app, make_question, make_user) -> Scene:
    """The pledge scene; holder@ (first of Northstar Homes) is its admin, helper@ a member."""
    built = build_scene(app, make_question, make_user)
    make_user("helper@example.org", organisation=HOLDER_ORG, name="Hal Helper")
    return built


def test_a_plain_member_cannot_export_or_close_and_another_organisations_admin_finds_nothing(
    app, client, runner, auth, scene
) -> None:
    auth.login("helper@example.org")
    assert client.get("/organisation/export").status_code == 403
    assert client.get("/organisation/close").status_code == 403
    assert client.post("/organisation/close", data={"confirm": HOLDER_ORG}).status_code == 403
    auth.logout()
    headers = bearer(runner, "helper@example.org")
    assert client.get("/api/v1/me/organisation/export", headers=headers).status_code == 403
    closing = client.delete(
        "/api/v1/me/organisation", json={"confirm": HOLDER_ORG}, headers=headers
    )
    assert closing.status_code == 403
    assert closing.get_json()["error"]["status"] == 403
    assert count(app, Organisation) == 4
    # bystander@ administers Elsewhere Trust: the admin area is not theirs, nor is Northstar.
    auth.login("bystander@example.org")
    with app.app_context(), new_session(app) as session:
        holder_org = session.scalar(select(Organisation.id).where(Organisation.name == HOLDER_ORG))
        bystander = session.get(User, scene.bystander_id)
        assert bystander.is_organisation_admin
        with pytest.raises(NotFound):
            organisation_record(session, bystander, holder_org)
    assert client.get(f"/admin/organisations/{holder_org}/export").status_code == 403


def test_the_admin_downloads_their_organisations_record(app, client, auth, scene) -> None:
    auth.login("holder@example.org")
    response = client.get("/organisation/export")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    record = response.get_json()
    assert record["organisation"]["name"] == HOLDER_ORG
    members = {m["email"]: m["organisation_role"] for m in record["members"]}
    assert members == {"holder@example.org": "admin", "helper@example.org": "member"}
    assert [d["id"] for d in record["datasets"]] == [scene.dataset_id]
    assert "password_hash" not in response.text


def test_closing_by_its_admin_leaves_nothing_personal_and_logs_them_out(
    app, client, auth, scene
) -> None:
    helper_id = _user_id(app, "helper@example.org")
    auth.login("holder@example.org")
    client.post("/auth/account/token", data={"name": "script", "lifetime": "30"})
    assert client.post("/pledges/new", data=pledge_form(scene)).status_code == 302
    page = client.get("/organisation/close")
    assert page.status_code == 200
    assert "Its 2 members' accounts are deleted" in page.text
    assert "1 live pledges withdrawn" in page.text and "you are logged out" in page.text
    wrong = client.post("/organisation/close", data={"confirm": "Northstar"})
    assert wrong.status_code == 422
    assert re.search(r'id="confirm-error">[^<]*exactly to confirm', wrong.text)
    empty = client.post("/organisation/close", data={"confirm": ""})
    assert empty.status_code == 422 and 'id="confirm-error"' in empty.text
    closed = client.post("/organisation/close", data={"confirm": HOLDER_ORG.lower()})
    assert closed.status_code == 302 and closed.headers["Location"] == "/"
    assert "Your organisation is closed" in client.get("/").text
    assert client.get("/auth/account").status_code == 302  # logged out
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(Organisation).where(Organisation.name == HOLDER_ORG)) is None
        gone = {"holder@example.org", "helper@example.org"}
        assert session.scalars(select(User).where(User.email.in_(gone))).all() == []
        assert session.scalars(select(ApiToken)).all() == []
        theirs = Notification.user_id.in_([scene.holder_id, helper_id])
        assert session.scalars(select(Notification).where(theirs)).all() == []
        dataset = session.get(Dataset, scene.dataset_id)
        assert dataset.retired_at is not None and dataset.holder_organisation_id is None
        assert dataset.contact_user_id is None
        pledge = session.scalar(select(Pledge))
        assert pledge.status is PledgeStatus.WITHDRAWN and pledge.pledged_by_id is None
        assert pledge.status_changes[-1].changed_by_id is None
    # Other organisations are untouched.
    assert count(app, Question) > 0 and count(app, Support) == 1


def test_an_organisation_holding_every_bank_admin_is_not_closed(app, client, auth, make_user):
    make_user("steward@example.org", role=Role.ADMIN, organisation="Bank Stewards")
    auth.login("steward@example.org")
    refused = client.post("/organisation/close", data={"confirm": "Bank Stewards"})
    assert refused.status_code == 422 and "Every admin of the bank" in refused.text
    assert _role(app, "steward@example.org") is OrganisationRole.ADMIN


def test_the_api_exports_and_closes_the_callers_organisation(app, client, runner, scene) -> None:
    headers = bearer(runner, "holder@example.org")
    record = client.get("/api/v1/me/organisation/export", headers=headers)
    assert record.status_code == 200 and record.headers["Cache-Control"] == "no-store"
    assert record.get_json()["organisation"]["name"] == HOLDER_ORG
    wrong = client.delete("/api/v1/me/organisation", json={"confirm": "Nope"}, headers=headers)
    assert wrong.status_code == 422 and "confirm" in wrong.get_json()["error"]["fields"]
    missing = client.delete("/api/v1/me/organisation", json={}, headers=headers)
    assert missing.status_code == 422
    closed = client.delete("/api/v1/me/organisation", json={"confirm": HOLDER_ORG}, headers=headers)
    assert closed.status_code == 204
    assert client.get("/api/v1/me", headers=headers).status_code == 401
    assert client.get("/api/v1/me/organisation/export", headers=headers).status_code == 401
    assert count(app, Organisation) == 3


def test_the_close_form_needs_its_csrf_token(app, make_user) -> None:
    make_user("first@example.org")
    app.config["WTF_CSRF_ENABLED"] = True
    browser = app.test_client()
    login_page = browser.get("/auth/login").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
    login = {"email": "first@example.org", "password": PASSWORD, "csrf_token": token}
    assert browser.post("/auth/login", data=login).status_code == 302
    refused = browser.post("/organisation/close", data={"confirm": FOOD})
    assert refused.status_code == 400
    assert count(app, Organisation) == 1

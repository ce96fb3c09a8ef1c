"""Registration, login, logout and the account page, through real HTTP."""

from __future__ import annotations

from sqlalchemy import func, select

from models import Organisation, User
from tests.conftest import PASSWORD


def _registration(**overrides: str) -> dict[str, str]:
    data = {
        "display_name": "Amira Khan",
        "email": "amira@foodnetwork.example.org",
        "password": "a long enough password",
        "confirm": "a long enough password",
        "organisation_id": "new",
        "new_organisation_name": "Leeds Community Pantry",
        "new_organisation_sector": "charity",
        "new_organisation_region": "Yorkshire and the Humber",
        "new_organisation_website": "",
    }
    data.update(overrides)
    return data


def test_register_with_a_new_organisation_logs_in(client, db) -> None:
    response = client.post("/auth/register", data=_registration())
    assert response.status_code == 302
    user = db.scalar(select(User).where(User.email == "amira@foodnetwork.example.org"))
    assert user is not None and user.organisation.name == "Leeds Community Pantry"
    assert user.password_hash.startswith("scrypt:")
    assert "Amira Khan" in client.get("/").text


def test_register_into_an_existing_organisation(client, db, make_user) -> None:
    make_user("first@example.org", organisation="Cardiff Advice")
    org_id = db.scalar(select(Organisation.id).where(Organisation.name == "Cardiff Advice"))
    response = client.post(
        "/auth/register",
        data=_registration(email="second@example.org", organisation_id=str(org_id)),
    )
    assert response.status_code == 302
    assert db.scalar(select(func.count()).select_from(Organisation)) == 1


def test_taken_email_rerenders_with_input_and_message(client, db, make_user) -> None:
    make_user("amira@foodnetwork.example.org")
    response = client.post("/auth/register", data=_registration())
    assert response.status_code == 422
    assert "already exists" in response.text
    assert 'value="Amira Khan"' in response.text
    assert 'value="Leeds Community Pantry"' in response.text
    # nothing half-written: the new organisation was not kept
    assert (
        db.scalar(select(Organisation).where(Organisation.name == "Leeds Community Pantry")) is None
    )


def test_empty_fields_give_messages_beside_each_field(client, db) -> None:
    response = client.post("/auth/register", data=_registration(display_name="", email=""))
    assert response.status_code == 422
    assert 'id="display_name-error"' in response.text
    assert 'id="email-error"' in response.text
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_new_organisation_needs_a_name_and_sector(client) -> None:
    response = client.post(
        "/auth/register",
        data=_registration(new_organisation_name="", new_organisation_sector=""),
    )
    assert response.status_code == 422
    assert "Give your organisation" in response.text
    assert "Choose your organisation&#39;s sector" in response.text


def test_too_long_name_is_refused_and_kept(client, db) -> None:
    long_name = "x" * 121
    response = client.post("/auth/register", data=_registration(display_name=long_name))
    assert response.status_code == 422
    assert long_name in response.text
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_short_password_and_mismatch_are_refused(client) -> None:
    response = client.post("/auth/register", data=_registration(password="short", confirm="other"))
    assert response.status_code == 422
    assert "at least 10" in response.text.lower()
    assert "do not match" in response.text


def test_login_and_logout(client, auth, make_user) -> None:
    make_user()
    response = auth.login()
    assert response.status_code == 302
    assert "Log out" in client.get("/").text
    response = auth.logout()
    assert response.status_code == 302
    assert "Log out" not in client.get("/").text


def test_wrong_password_rerenders_with_email_kept(client, auth, make_user) -> None:
    make_user()
    response = auth.login(password="not the password")
    assert response.status_code == 422
    assert "email or password is not right" in response.text
    assert 'value="member@example.org"' in response.text
    assert "Log out" not in client.get("/").text


def test_login_follows_only_local_next(client, make_user) -> None:
    make_user()
    data = {"email": "member@example.org", "password": PASSWORD}
    assert client.post("/auth/login?next=/auth/account", data=data).location == "/auth/account"
    client.post("/auth/logout")
    assert client.post("/auth/login?next=https://evil.example/", data=data).location == "/"


def test_account_requires_login(client) -> None:
    response = client.get("/auth/account")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_account_shows_member_details(client, auth, make_user) -> None:
    make_user(organisation="Glasgow Poverty Research Centre")
    auth.login()
    page = client.get("/auth/account").text
    assert "member@example.org" in page and "Glasgow Poverty Research Centre" in page


def test_login_is_rate_limited(limited_client, make_user) -> None:
    make_user()
    statuses = [
        limited_client.post(
            "/auth/login", data={"email": "member@example.org", "password": "bad"}
        ).status_code
        for _ in range(12)
    ]
    assert statuses[:10] == [422] * 10
    assert statuses[10] == 429


def test_failed_logins_are_limited_per_account_not_for_everyone_behind_one_address(
    limited_client, make_user
) -> None:
    make_user("target@example.org")
    make_user("colleague@example.org")
    for _ in range(10):
        bad = {"email": "target@example.org", "password": "wrong password"}
        assert limited_client.post("/auth/login", data=bad).status_code == 422
    right = {"email": "target@example.org", "password": PASSWORD}
    assert limited_client.post("/auth/login", data=right).status_code == 429
    colleague = {"email": "colleague@example.org", "password": PASSWORD}
    assert limited_client.post("/auth/login", data=colleague).status_code == 302


def test_successful_logins_do_not_count_against_the_limit(limited_client, make_user) -> None:
    make_user()
    good = {"email": "member@example.org", "password": PASSWORD}
    for _ in range(12):
        assert limited_client.post("/auth/login", data=good).status_code == 302
        limited_client.post("/auth/logout")

"""Sessions end server-side (log out, a new password) and API tokens are named, expire, and
are listed and revoked one by one from the account page, the API and the command line."""

from __future__ import annotations

import re
from datetime import UTC, timedelta

from sqlalchemy import select

from app.db import new_session
from models import ApiToken, utcnow
from tests.conftest import PASSWORD


def _token(page: str) -> str:
    return re.search(r'<code class="token">([^<]+)</code>', page).group(1)


def test_a_cookie_saved_before_logout_no_longer_signs_in(app, client, auth, make_user) -> None:
    make_user()
    auth.login()
    saved = client.get_cookie("session").value
    assert client.get("/auth/account").status_code == 200
    client.post("/auth/logout")
    thief = app.test_client()
    thief.set_cookie("session", saved)
    assert thief.get("/auth/account").status_code == 302  # sent to log in


def test_changing_the_password_ends_other_sessions_but_not_this_one(
    app, client, auth, make_user
) -> None:
    make_user()
    auth.login()
    other_device = app.test_client()
    other_device.post("/auth/login", data={"email": "member@example.org", "password": PASSWORD})
    assert other_device.get("/auth/account").status_code == 200
    wrong = client.post(
        "/auth/account/password",
        data={"current": "not it at all", "new": "a brand new password", "repeated": "x"},
    )
    assert wrong.status_code == 422 and "not your current password" in wrong.text
    changed = client.post(
        "/auth/account/password",
        data={
            "current": PASSWORD,
            "new": "a brand new password",
            "repeated": "a brand new password",
        },
    )
    assert changed.status_code == 302
    assert client.get("/auth/account").status_code == 200
    assert other_device.get("/auth/account").status_code == 302
    assert auth.login(password="a brand new password").status_code == 302


def test_tokens_are_named_expire_and_are_revoked_one_by_one(app, client, auth, make_user) -> None:
    make_user()
    auth.login()
    keep = _token(
        client.post("/auth/account/token", data={"name": "export", "lifetime": "30"}).text
    )
    drop = _token(client.post("/auth/account/token", data={"name": "old script"}).text)
    page = client.get("/auth/account").text
    assert "export" in page and "old script" in page and "Your tokens: 2 live of 2" in page
    with app.app_context(), new_session(app) as session:
        old = session.scalar(select(ApiToken).where(ApiToken.name == "old script"))
        old_id = old.id
        export = session.scalar(select(ApiToken).where(ApiToken.name == "export"))
        expires = export.expires_at.replace(tzinfo=export.expires_at.tzinfo or UTC)
        assert timedelta(days=29) < expires - utcnow() <= timedelta(days=30)
    assert client.post(f"/auth/account/tokens/{old_id}/revoke").status_code == 302
    api = app.test_client()
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {drop}"}).status_code == 401
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {keep}"}).status_code == 200


def test_an_expired_token_is_refused(app, client, auth, make_user) -> None:
    make_user()
    auth.login()
    token = _token(client.post("/auth/account/token", data={"name": "short"}).text)
    with app.app_context(), new_session(app) as session:
        session.scalar(select(ApiToken)).expires_at = utcnow() - timedelta(minutes=1)
        session.commit()
    api = app.test_client()
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert "expired" in client.get("/auth/account").text


def test_another_members_token_cannot_be_revoked(app, client, auth, make_user) -> None:
    make_user("owner@example.org")
    make_user("other@example.org")
    auth.login("owner@example.org")
    client.post("/auth/account/token", data={"name": "mine"})
    with app.app_context(), new_session(app) as session:
        token_id = session.scalar(select(ApiToken.id))
    client.post("/auth/logout")
    auth.login("other@example.org")
    assert client.post(f"/auth/account/tokens/{token_id}/revoke").status_code == 404


def test_a_bad_token_request_keeps_the_input(client, auth, make_user) -> None:
    make_user()
    auth.login()
    response = client.post("/auth/account/token", data={"name": "n" * 81, "lifetime": "forever"})
    assert response.status_code == 422 and 'value="' + "n" * 81 + '"' in response.text


def test_tokens_from_the_command_line(app, runner, make_user) -> None:
    make_user()
    made = runner.invoke(
        args=["users", "token", "member@example.org", "--name", "cron", "--lifetime", "never"]
    )
    assert made.exit_code == 0 and made.output.startswith("qb_")
    listed = runner.invoke(args=["users", "tokens", "member@example.org"])
    assert "cron" in listed.output and "live" in listed.output
    token_id = listed.output.split("\t")[0]
    revoked = runner.invoke(args=["users", "revoke-token", "member@example.org", token_id])
    assert revoked.exit_code == 0
    assert "revoked" in runner.invoke(args=["users", "tokens", "member@example.org"]).output


def test_tokens_through_the_api(app, client, runner, make_user) -> None:
    make_user()
    first = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    headers = {"Authorization": f"Bearer {first}"}
    made = client.post(
        "/api/v1/tokens", json={"name": "nightly", "lifetime": "30"}, headers=headers
    )
    assert made.status_code == 201 and made.json["secret"].startswith("qb_")
    listed = client.get("/api/v1/tokens", headers=headers).json["items"]
    assert {t["name"] for t in listed} == {"API token", "nightly"}
    assert all("secret" not in t and "token_hash" not in t for t in listed)
    nightly = made.json["token"]["id"]
    gone = client.delete(f"/api/v1/tokens/{nightly}", headers=headers)
    assert gone.status_code == 200 and gone.json["revoked"] is True
    second = {"Authorization": f"Bearer {made.json['secret']}"}
    assert client.get("/api/v1/me", headers=second).status_code == 401
    bad = client.post("/api/v1/tokens", json={"lifetime": "forever"}, headers=headers)
    assert bad.status_code == 422 and "lifetime" in bad.json["error"]["fields"]

"""Health and API token authentication."""

from __future__ import annotations

from sqlalchemy import select

from models import ApiToken


def test_health_reports_counts_and_model(client, make_user) -> None:
    make_user()
    body = client.get("/api/v1/health").json
    assert body["status"] == "ok"
    assert body["counts"] == {"questions": 0, "clusters": 0, "datasets": 0, "organisations": 1}
    assert body["model"] == "all-MiniLM-L6-v2"


def test_cli_token_authenticates_as_its_owner(app, client, runner, make_user, db) -> None:
    make_user("analyst@example.org")
    result = runner.invoke(args=["users", "token", "analyst@example.org"])
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert token.startswith("qb_")
    stored = db.scalar(select(ApiToken))
    assert stored.token_hash != token and len(stored.token_hash) == 64
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json["email"] == "analyst@example.org"


def test_bad_or_missing_token_is_401_json(client) -> None:
    assert client.get("/api/v1/me").status_code == 401
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer qb_wrong"})
    assert response.status_code == 401
    assert response.json["error"]["status"] == 401


def test_token_created_on_account_page_is_shown_once(client, auth, make_user) -> None:
    make_user()
    auth.login()
    page = client.post("/auth/account/token").text
    assert "copy it now" in page
    token = page.split('<code class="token">')[1].split("</code>")[0]
    client.post("/auth/logout")
    api = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert api.json["email"] == "member@example.org"


def test_users_create_reads_password_from_stdin(runner, client) -> None:
    result = runner.invoke(
        args=["users", "create", "facil@example.org", "--role", "facilitator"],
        input="a fine long password\n",
    )
    assert result.exit_code == 0, result.output
    login = client.post(
        "/auth/login", data={"email": "facil@example.org", "password": "a fine long password"}
    )
    assert login.status_code == 302
    again = runner.invoke(
        args=["users", "create", "facil@example.org"], input="another password1\n"
    )
    assert again.exit_code != 0 and "already exists" in again.output

"""CSRF on forms and htmx requests; error pages in HTML and JSON."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from models import User


def _csrf_from(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def test_form_post_without_token_is_rejected(app, make_user, db) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    response = client.post(
        "/auth/register",
        data={
            "display_name": "No Token",
            "email": "no-token@example.org",
            "password": "long enough password",
            "confirm": "long enough password",
            "organisation_id": "new",
            "new_organisation_name": "Somewhere",
            "new_organisation_sector": "charity",
        },
    )
    assert response.status_code == 400
    assert "This form has expired" in response.text
    assert db.scalar(select(func.count()).select_from(User)) == 0


def test_form_post_with_token_is_accepted(app, make_user) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    make_user()
    client = app.test_client()
    token = _csrf_from(client.get("/auth/login").text)
    response = client.post(
        "/auth/login",
        data={
            "email": "member@example.org",
            "password": "correct horse battery",
            "csrf_token": token,
        },
    )
    assert response.status_code == 302


def test_htmx_header_token_is_set_once_in_base_and_accepted(app, make_user) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    make_user()
    client = app.test_client()
    login_token = _csrf_from(client.get("/auth/login").text)
    client.post(
        "/auth/login",
        data={
            "email": "member@example.org",
            "password": "correct horse battery",
            "csrf_token": login_token,
        },
    )
    page = client.get("/").text
    header_token = re.search(r"hx-headers='\{\"X-CSRFToken\": \"([^\"]+)\"\}'", page).group(1)
    # logout is a POST: without any token it fails, with the header token it passes
    assert client.post("/auth/logout").status_code == 400
    response = client.post(
        "/auth/logout", headers={"X-CSRFToken": header_token, "HX-Request": "true"}
    )
    assert response.status_code == 302


def test_404_is_html_for_pages_and_json_for_api(client) -> None:
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "Not found" in page.text and page.mimetype == "text/html"
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert api.json["error"]["status"] == 404


def test_json_clients_get_json_errors(client) -> None:
    response = client.get("/nowhere", headers={"Accept": "application/json"})
    assert response.status_code == 404 and response.is_json


def test_templates_escape_user_text(client, make_user, auth) -> None:
    make_user(name="<script>alert(1)</script>")
    auth.login()
    page = client.get("/auth/account").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_api_posts_need_csrf_only_when_riding_a_cookie_session(app, make_user, runner) -> None:
    app.config["WTF_CSRF_ENABLED"] = True
    make_user()
    client = app.test_client()
    url = "/api/v1/questions/999/support"
    assert client.post(url).status_code == 401  # anonymous: told to authenticate
    token = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    with_token = client.post(url, headers={"Authorization": f"Bearer {token}"})
    assert with_token.status_code == 404  # token calls pass CSRF; the question is missing
    login_token = _csrf_from(client.get("/auth/login").text)
    client.post(
        "/auth/login",
        data={
            "email": "member@example.org",
            "password": "correct horse battery",
            "csrf_token": login_token,
        },
    )
    forged = client.post(url)
    assert forged.status_code == 400 and forged.is_json

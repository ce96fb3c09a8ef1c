"""The shared spine, seen from outside: one error mapping for pages and the API, the ask path
that validates and embeds once (with the same review rule on the API), the OpenAPI schema built
from the rules, and the defects a new user met on the way."""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from app import create_app
from app.core.errors import Conflict, Forbidden, NotFound, Refused
from app.db import get_engine, new_session
from app.insight.embed import Embedder
from app.questions import rules
from app.questions.api import DRAFT_SCHEMA
from config import ROOT, TestingConfig
from models import ApiToken, Cluster, Organisation, Question, User
from tests.conftest import PASSWORD
from tests.web.test_clusters_common import FOOD, add_dataset, build_group
from tests.web.test_questions_ask import (
    FOOD_BANKS,
    FOOD_BANKS_PARAPHRASE,
    ask_form,
    count,
    resync,
)

# --- One error mapping ---------------------------------------------------------------------------


@pytest.fixture
def failing_app(database_url: str) -> Flask:
    """An app with the production error handlers on, and routes raising each kind of error."""
    config = TestingConfig(database_url=database_url)
    config.TESTING = False
    application = create_app(config)
    raises = {
        "refused": Refused.on("title", "Give a title."),
        "conflict": Conflict.on("support", "Already done."),
        "forbidden": Forbidden("Only admins."),
        "missing": NotFound("No such thing."),
        "broken": RuntimeError("secret detail"),
    }
    for name, error in raises.items():

        def view(error: Exception = error) -> str:
            raise error

        application.add_url_rule(f"/boom/{name}", f"boom_{name}", view)
        application.add_url_rule(f"/api/v1/boom/{name}", f"api_boom_{name}", view)
    yield application
    get_engine(application).dispose()


@pytest.mark.parametrize(
    ("name", "status"),
    [("refused", 422), ("conflict", 409), ("forbidden", 403), ("missing", 404), ("broken", 500)],
)
def test_each_service_error_maps_once_to_html_and_to_json(failing_app, name, status) -> None:
    client = failing_app.test_client()
    api = client.get(f"/api/v1/boom/{name}")
    assert api.status_code == status and api.json["error"]["status"] == status
    assert api.json["error"]["request_id"] == api.headers["X-Request-ID"]
    page = client.get(f"/boom/{name}")
    assert page.status_code == status and page.mimetype == "text/html"
    assert f"Error {status}" in page.text
    if name == "refused":
        assert api.json["error"]["fields"] == {"title": ["Give a title."]}
    assert "secret detail" not in api.text + page.text


def test_an_unhandled_error_is_logged_with_the_request_id_shown_to_the_user(
    failing_app, caplog
) -> None:
    client = failing_app.test_client()
    with caplog.at_level(logging.ERROR, logger="app"):
        response = client.get("/boom/broken", headers={"X-Request-ID": "probe-1234abcd"})
    assert response.status_code == 500 and "probe-1234abcd" in response.text
    logged = [r for r in caplog.records if "probe-1234abcd" in r.getMessage()]
    assert logged and logged[0].exc_info is not None
    assert "secret detail" in str(logged[0].exc_info[1])


# --- Ask: one validation, one encoding, the same review rule on the API --------------------------


@pytest.fixture
def encodings(monkeypatch) -> list[int]:
    """Counts the texts each call to the embedder encodes."""
    calls: list[int] = []
    original = Embedder.encode

    def counting(self, texts, *args, **kwargs):
        calls.append(len(texts))
        return original(self, texts, *args, **kwargs)

    monkeypatch.setattr(Embedder, "encode", counting)
    return calls


def test_asking_embeds_the_text_once_and_validates_once(
    app, client, auth, make_user, encodings, monkeypatch
) -> None:
    from app.questions import drafts, service

    validations: list[str] = []
    original = drafts.validate_draft

    def counting_validate(session, draft):
        validations.append(draft.text)
        return original(session, draft)

    monkeypatch.setattr(service, "validate_draft", counting_validate)
    make_user()
    auth.login()
    encodings.clear()
    response = client.post("/questions/ask", data=ask_form())
    assert response.status_code == 302
    # One call to the model: the text, and (it names Leeds) the text without its place.
    assert encodings == [2] and len(validations) == 1


def test_api_ask_shows_similar_questions_first_unless_confirmed(
    app, client, runner, make_user, make_question
) -> None:
    existing = make_question(FOOD_BANKS)
    make_user()
    resync(app)
    token = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    headers = {"Authorization": f"Bearer {token}"}
    body = {
        "text": FOOD_BANKS_PARAPHRASE,
        "action": "Decide where to open a second food bank in the city.",
        "action_type": "design-service",
        "themes": ["food"],
    }
    before = count(app, Question)
    review = client.post("/api/v1/questions", json=body, headers=headers)
    assert review.status_code == 409
    assert [item["question"]["id"] for item in review.json["error"]["similar"]] == [existing]
    assert count(app, Question) == before
    refused = client.post("/api/v1/questions", json={**body, "confirm": "yes"}, headers=headers)
    assert refused.status_code == 422 and "confirm" in refused.json["error"]["fields"]
    posted = client.post("/api/v1/questions", json={**body, "confirm": True}, headers=headers)
    assert posted.status_code == 201 and count(app, Question) == before + 1


def test_openapi_draft_schema_is_built_from_the_rules() -> None:
    properties = DRAFT_SCHEMA["properties"]
    assert (properties["text"]["minLength"], properties["text"]["maxLength"]) == (
        rules.TEXT_MIN,
        rules.TEXT_MAX,
    )
    assert properties["action"]["maxLength"] == rules.ACTION_MAX
    assert properties["themes"]["maxItems"] == rules.MAX_THEMES
    assert properties["geography"]["maxLength"] == rules.GEOGRAPHY_MAX
    assert properties["population_groups"]["maxItems"] == rules.MAX_POPULATION_GROUPS
    assert properties["population_groups"]["items"]["maxLength"] == rules.POPULATION_GROUP_MAX
    source = (ROOT / "app/questions/api.py").read_text()
    schema_part = source[source.index("DRAFT_SCHEMA") :]
    for literal in ("10", "500", "120", "60"):  # no limit is written out by hand
        assert not re.search(rf"Length\": {literal}\b|Items\": {literal}\b", schema_part)


# --- No feature reaches into another ------------------------------------------------------------

FEATURES = {
    "auth",
    "admin",
    "questions",
    "clusters",
    "main",
    "datasets",
    "pledges",
    "partnerships",
    "notifications",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_feature_imports_another_feature_and_the_bank_imports_none() -> None:
    offending = []
    for package in (*FEATURES, "bank", "core", "insight"):
        for path in (ROOT / "app" / package).rglob("*.py"):
            for module in _imports(path):
                parts = module.split(".")
                if parts[0] == "app" and len(parts) > 1 and parts[1] in FEATURES - {package}:
                    offending.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offending == []


def test_the_engine_imports_neither_flask_nor_sqlalchemy() -> None:
    for path in (ROOT / "app" / "insight").rglob("*.py"):
        roots = {module.split(".")[0] for module in _imports(path)}
        assert not roots & {"flask", "sqlalchemy"}, path


# --- Defects a new user met ---------------------------------------------------------------------


def test_typing_a_new_organisation_is_enough_and_the_passwords_are_kept(client, db) -> None:
    data = {
        "display_name": "Amira Khan",
        "email": "amira@pantry.example.org",
        "password": "a long enough password",
        "confirm": "a long enough password",
        "organisation_id": "",
        "new_organisation_name": "Leeds Community Pantry",
        "new_organisation_sector": "",
    }
    refused = client.post("/auth/register", data=data)
    assert refused.status_code == 422 and "Choose your organisation&#39;s sector" in refused.text
    assert refused.text.count('value="a long enough password"') == 2
    assert (
        client.post(
            "/auth/register", data={**data, "new_organisation_sector": "charity"}
        ).status_code
        == 302
    )
    user = db.scalar(select(User).where(User.email == "amira@pantry.example.org"))
    assert user.organisation.name == "Leeds Community Pantry"
    nothing = client.post(
        "/auth/register", data={**data, "email": "b@x.org", "new_organisation_name": ""}
    )
    assert nothing.status_code == 422 and "type its name below" in nothing.text
    assert db.scalar(select(Organisation.id).where(Organisation.name == "")) is None


def test_after_a_refused_ask_the_panel_shows_questions_like_the_text_typed(
    app, client, auth, make_user, make_question
) -> None:
    make_question(FOOD_BANKS)
    make_user()
    auth.login()
    resync(app)
    page = client.post("/questions/ask", data=ask_form(action="")).text
    panel = page.split('id="similar-questions"')[1]
    assert "Start typing" not in panel and FOOD_BANKS in panel


def test_without_javascript_supporting_on_the_review_step_keeps_the_draft(
    app, client, auth, make_user, make_question
) -> None:
    existing = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    resync(app)
    review = client.post("/questions/ask", data=ask_form()).text
    form = review.split(f'action="/questions/{existing}/support"')[1].split("</form>")[0]
    carried = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', form))
    assert carried["back_to_draft"] == "1" and carried["text"] == FOOD_BANKS_PARAPHRASE
    draft = {**ask_form(), "back_to_draft": "1", "next": f"/questions/{existing}"}
    after = client.post(f"/questions/{existing}/support", data=draft)
    assert after.status_code == 200 and "Noted: you ask this too." in after.text
    assert FOOD_BANKS_PARAPHRASE in after.text and "You ask this too ✓" in after.text
    assert "Post my question anyway" in after.text


def test_pagination_offers_first_previous_next_and_last(
    app, client, make_user, make_question
) -> None:
    app.config["PAGE_SIZE"] = 1
    author = make_user("asker@example.org")
    for n in range(5):
        make_question(f"Question number {n} about food bank use", author=author)
    middle = client.get("/questions/?page=3").text
    assert "Page 3 of 5" in middle
    for label, page in (("First", 1), ("Previous", 2), ("Next", 4), ("Last", 5)):
        assert re.search(rf'href="/questions/\?page={page}"[^>]*>{label}<', middle), label


def test_the_group_filter_offers_the_groups(app, client, make_question, make_user) -> None:
    author = make_user("asker@example.org")
    ids = [make_question(text, author=author) for text in FOOD]
    group = build_group(app, ids, ["food", "banks", "credit"])
    page = client.get("/questions/").text
    options = page.split('id="group"')[1].split("</select>")[0]
    assert f'value="{group}"' in options and "food, banks, credit (3)" in options


def test_a_group_card_and_its_page_count_matches_the_same_way(
    app, client, make_question, make_user
) -> None:
    author = make_user("asker@example.org")
    ids = [make_question(text, author=author) for text in FOOD]
    group = build_group(app, ids, ["food", "banks", "credit"])
    for n in range(7):
        add_dataset(
            app,
            f"Food bank referrals, survey {n}",
            "Monthly referrals to food banks and the reasons given, by local authority.",
            keywords=["food bank", "referrals"],
        )
    with app.app_context(), new_session(app) as session:
        matched = session.get(Cluster, group).matched_dataset_count
    assert matched == 7
    card = client.get("/groups").text
    assert f"<dt>Datasets matched</dt><dd>{matched}</dd>" in card
    page = client.get(f"/groups/{group}").text
    assert f"The 5 best of the {matched} datasets that match" in page
    assert page.count('<li class="match">') == 5


def test_members_can_revoke_their_api_tokens(app, client, auth, make_user) -> None:
    make_user()
    auth.login()
    first = client.post("/auth/account/token", data={"name": "export script"}).text
    second = client.post("/auth/account/token", data={"name": "dashboard"}).text
    tokens = [
        re.search(r'<code class="token">([^<]+)</code>', page).group(1) for page in (first, second)
    ]
    for token in tokens:
        assert (
            client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code
            == 200
        )
    assert "Revoke all my tokens" in second and "export script" in second
    client.post("/auth/account/tokens/revoke")
    with app.app_context(), new_session(app) as session:
        assert all(session.scalars(select(ApiToken.revoked_at)))
    anonymous = app.test_client()
    for token in tokens:
        assert (
            anonymous.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code
            == 401
        )
    assert auth.login(password=PASSWORD).status_code == 302  # the account itself is untouched

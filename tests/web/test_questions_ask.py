"""Asking a question: the form, similar questions as you type, the no-JS review step, grouping.

Also holds the small helpers the other question test modules import.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload, undefer

from app.bank.embeddings import blob_to_vector, embed_datasets, embed_texts, vector_to_blob
from app.bank.index import question_index
from app.db import new_session
from app.insight.places import without_places
from models import (
    AccessLevel,
    Cluster,
    ClusterState,
    Dataset,
    Organisation,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    Theme,
)
from tests.conftest import PASSWORD

FOOD_BANKS = "How many families in Leeds rely on food banks each month?"
FOOD_BANKS_PARAPHRASE = "How many households in Leeds depend on food banks every month?"
# The same worry as FOOD_BANKS with no word of it in common (checked in the list tests).
FOOD_BANKS_NO_SHARED_WORDS = "Which local parents cannot afford to put meals on the table?"
UNRELATED = "Are rural bus routes being cut in Cumbria this year?"


def ask_form(**overrides: Any) -> dict[str, Any]:
    """A valid ask form, with some fields replaced."""
    data: dict[str, Any] = {
        "text": FOOD_BANKS_PARAPHRASE,
        "action": "Decide where to open a second food bank in the city.",
        "action_type": "design-service",
        "themes": ["food", "income-benefits"],
        "geography": "Leeds",
        "population_groups": "families with children, lone parents",
        "visibility": "public",
        "show_organisation": "y",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def scalar(app: Flask, statement: Any) -> Any:
    """Run a statement on a fresh session (never the request's) and return one value."""
    with app.app_context(), new_session(app) as session:
        return session.scalar(statement)


def count(app: Flask, model: type) -> int:
    """How many rows a table holds."""
    return scalar(app, select(func.count()).select_from(model))


def load_question(app: Flask, question_id: int) -> Question:
    """A question with its history and answers, detached from any session."""
    with app.app_context(), new_session(app) as session:
        return session.scalar(
            select(Question)
            .where(Question.id == question_id)
            .options(
                selectinload(Question.status_changes),
                selectinload(Question.answer_links),
                selectinload(Question.themes),
                undefer(Question.grouping_embedding),
            )
        )


def make_group(app: Flask, text: str, title: str = "Food bank use") -> int:
    """A live question group whose centroid is the embedding of a text; returns its id."""
    with app.app_context(), new_session(app) as session:
        cluster = Cluster(
            title=title,
            centroid=vector_to_blob(embed_texts([text], app)[0]),
            state=ClusterState.ACTIVE,
        )
        session.add(cluster)
        session.commit()
        return cluster.id


def resync(app: Flask) -> None:
    """Make the in-memory index see questions stored directly (not through the service)."""
    with app.app_context():
        question_index(app).sync(force=True)


def test_ask_page_needs_login(client) -> None:
    response = client.get("/questions/ask")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_ask_form_is_accessible_and_wired_to_similar_search(client, auth, make_user) -> None:
    make_user()
    auth.login()
    page = client.get("/questions/ask").text
    assert 'hx-get="/questions/similar"' in page
    assert 'hx-trigger="input changed delay:400ms, blur"' in page
    assert 'aria-live="polite"' in page
    assert "<legend" in page and 'name="themes" type="checkbox" value="food"' in page
    assert '<datalist id="places">' in page and '<option value="Northern Ireland">' in page
    assert '<option value="influence-policy">Influence policy</option>' in page
    assert re.search(r'<input [^>]*\bchecked id="show_organisation" [^>]*type="checkbox"', page)
    assert "style=" not in page and "<script>" not in page


def make_dataset(app: Flask, title: str, description: str, themes: list[str]) -> None:
    """A described, embedded dataset held by the first organisation."""
    with app.app_context(), new_session(app) as session:
        dataset = Dataset(
            title=title,
            description=description,
            holder_organisation_id=session.scalar(select(Organisation.id)),
            access_level=AccessLevel.OPEN,
            geography="Leeds",
            keywords=["food bank"],
            themes=list(session.scalars(select(Theme).where(Theme.slug.in_(themes)))),
        )
        embed_datasets([dataset], app)
        session.add(dataset)
        session.commit()


def test_ask_joins_the_close_group_and_shows_its_matches(app, client, auth, make_user) -> None:
    make_user()
    make_dataset(
        app,
        "Food bank parcels by ward",
        "Monthly counts of food bank parcels given to families in each ward of Leeds.",
        ["food"],
    )
    group_id = make_group(app, FOOD_BANKS, title="Food bank use in Leeds")
    auth.login()
    response = client.post("/questions/ask", data=ask_form(seen_similar=""))
    assert response.status_code == 302
    question_id = int(response.location.split("/questions/")[1].split("?")[0])
    assert response.location.endswith("?posted=1")

    question = load_question(app, question_id)
    assert question.text == FOOD_BANKS_PARAPHRASE
    assert question.embedding is not None and question.embedding_model
    assert question.cluster_id == group_id and question.cluster_similarity > 0.7
    assert question.geography == "Leeds" and question.population_groups == [
        "families with children",
        "lone parents",
    ]
    assert [t.slug for t in question.themes] == ["food", "income-benefits"]
    assert [(c.from_status, c.to_status) for c in question.status_changes] == [
        (None, QuestionStatus.OPEN)
    ]
    assert scalar(app, select(Cluster.size).where(Cluster.id == group_id)) == 1

    page = client.get(response.location).text
    assert "Your question is posted." in page
    assert "Your question is in the bank" in page
    assert "It joined the group" in page and "Food bank use in Leeds" in page
    assert f'href="/groups/{group_id}"' in page
    assert "Data that could help answer it" in page and "Food bank parcels by ward" in page


def test_ask_with_no_close_group_stays_not_yet_grouped(app, client, auth, make_user) -> None:
    make_user()
    make_group(app, UNRELATED, title="Rural buses")
    auth.login()
    response = client.post("/questions/ask", data=ask_form())
    assert response.status_code == 302
    question_id = int(response.location.split("/questions/")[1].split("?")[0])
    assert load_question(app, question_id).cluster_id is None
    page = client.get(response.location).text
    assert "not yet grouped" in page


def test_a_question_naming_a_place_joins_its_group_by_what_it_asks(
    app, client, auth, make_user
) -> None:
    make_user()
    text = "How many households in Bradford cannot afford to heat their homes this winter?"
    group_id = make_group(app, without_places(text), title="Cold homes")
    auth.login()
    response = client.post("/questions/ask", data=ask_form(text=text, seen_similar=""))
    question = load_question(app, int(response.location.split("/questions/")[1].split("?")[0]))
    assert question.embedding is not None and question.grouping_embedding is not None
    # Similar-as-you-type keeps the full text; grouping reads the text without its place.
    full, neutral = embed_texts([text, without_places(text)], app)
    np.testing.assert_allclose(blob_to_vector(question.embedding), full, atol=1e-5)
    np.testing.assert_allclose(blob_to_vector(question.grouping_embedding), neutral, atol=1e-5)
    assert question.cluster_id == group_id and question.cluster_similarity > 0.99


def test_a_question_naming_no_place_keeps_one_vector(app, client, auth, make_user) -> None:
    make_user()
    auth.login()
    text = FOOD_BANKS_NO_SHARED_WORDS
    response = client.post("/questions/ask", data=ask_form(text=text, seen_similar=""))
    question = load_question(app, int(response.location.split("/questions/")[1].split("?")[0]))
    assert question.embedding is not None and question.grouping_embedding is None


def test_similar_fragment_finds_a_paraphrase_not_an_unrelated_question(
    app, client, auth, make_user, make_question
) -> None:
    paraphrase_id = make_question(FOOD_BANKS)
    unrelated_id = make_question(UNRELATED, themes=["transport"])
    make_user()
    auth.login()
    response = client.get(
        "/questions/similar",
        query_string={"text": FOOD_BANKS_PARAPHRASE},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    fragment = response.text
    assert "<html" not in fragment
    assert f'data-question-id="{paraphrase_id}"' in fragment
    assert f'data-question-id="{unrelated_id}"' not in fragment
    assert "We ask this too" in fragment
    assert f'hx-post="/questions/{paraphrase_id}/support"' in fragment
    assert f'name="seen_similar" form="ask-form" value="{paraphrase_id}"' in fragment


def test_similar_fragment_asks_for_more_text_when_too_short(client, auth, make_user) -> None:
    make_user()
    auth.login()
    fragment = client.get("/questions/similar", query_string={"text": "food"}).text
    assert "We ask this too" not in fragment and "seen_similar" not in fragment


def test_no_js_review_step_then_post_anyway(app, client, auth, make_user, make_question) -> None:
    existing = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    before = count(app, Question)

    review = client.post("/questions/ask", data=ask_form())
    assert review.status_code == 200
    assert "Others already ask questions like yours" in review.text
    assert f'data-question-id="{existing}"' in review.text
    assert f'action="/questions/{existing}/support"' in review.text
    assert 'value="Post my question anyway"' in review.text
    assert FOOD_BANKS_PARAPHRASE in review.text  # the member's input is kept
    assert "Decide where to open a second food bank in the city." in review.text
    assert 'value="families with children, lone parents"' in review.text
    assert count(app, Question) == before

    posted = client.post("/questions/ask", data=ask_form(seen_similar=str(existing)))
    assert posted.status_code == 302
    assert count(app, Question) == before + 1


def test_seen_similar_from_htmx_skips_the_review(
    app, client, auth, make_user, make_question
) -> None:
    existing = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    # the fragment's hidden field and any value the form itself carried are merged
    data = ask_form()
    data["seen_similar"] = ["", str(existing)]
    assert client.post("/questions/ask", data=data).status_code == 302


def test_review_support_button_records_support(app, client, auth, make_user, make_question) -> None:
    existing = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    client.post("/questions/ask", data=ask_form())
    response = client.post(
        f"/questions/{existing}/support", data={"next": f"/questions/{existing}"}
    )
    assert response.status_code == 302 and response.location == f"/questions/{existing}"
    assert "You ask this too" in client.get(response.location).text


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"text": ""}, "text", "Write your question."),
        ({"text": "Food?"}, "text", "at least 10 characters"),
        ({"text": "x" * 501}, "text", "500 characters or fewer"),
        ({"action": ""}, "action", "Write what an answer would let you do."),
        ({"themes": ["food", "pirates"]}, "themes", "from the list, not: pirates"),
        ({"themes": ["food", "debt", "work", "health"]}, "themes", "at most 3 themes"),
        ({"themes": None}, "themes", "at least one theme"),
        ({"action_type": "conquer"}, "action_type", "Choose what kind of action"),
        ({"population_groups": "a, b, c, d, e, f"}, "population_groups", "at most 5"),
        ({"population_groups": "y" * 61}, "population_groups", "60 characters"),
        ({"geography": "z" * 121}, "geography", "120 characters"),
        ({"visibility": "everyone-ever"}, "visibility", "who can see"),
    ],
)
def test_bad_input_rerenders_with_input_kept_and_nothing_saved(
    app, client, auth, make_user, overrides, field, message
) -> None:
    make_user()
    auth.login()
    data = ask_form(**overrides)
    response = client.post("/questions/ask", data=data)
    assert response.status_code == 422
    assert f'id="{field}-error"' in response.text
    assert message.lower() in response.text.lower().replace("&#39;", "'")
    for name in ("text", "action", "geography"):
        if data.get(name):
            assert data[name] in response.text  # what the member typed is kept
    assert count(app, Question) == 0
    assert count(app, QuestionStatusChange) == 0


def test_withheld_organisation_is_not_shown(app, client, auth, make_user) -> None:
    make_user(organisation="Quiet Helpers")
    auth.login()
    data = ask_form()
    del data["show_organisation"]
    response = client.post("/questions/ask", data=data)
    question_id = int(response.location.split("/questions/")[1].split("?")[0])
    auth.logout()
    page = client.get(f"/questions/{question_id}").text
    assert "an organisation (name withheld)" in page
    assert "Quiet Helpers" not in page
    assert "member@example.org" not in page


def test_asking_is_rate_limited(limited_client, make_user) -> None:
    make_user()
    limited_client.post("/auth/login", data={"email": "member@example.org", "password": PASSWORD})
    statuses = [
        limited_client.post("/questions/ask", data=ask_form(text="")).status_code for _ in range(21)
    ]
    assert statuses[:20] == [422] * 20 and statuses[20] == 429

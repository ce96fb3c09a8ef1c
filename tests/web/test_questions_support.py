"""Support ("we ask this too"), the question page, and who may read what."""

from __future__ import annotations

import re

from sqlalchemy import select, update

from app.db import new_session
from models import (
    AccessLevel,
    Cluster,
    Dataset,
    Organisation,
    Pledge,
    Question,
    Sector,
    Support,
    Visibility,
)
from tests.web.test_questions_ask import (
    FOOD_BANKS,
    FOOD_BANKS_PARAPHRASE,
    UNRELATED,
    count,
    make_group,
    resync,
    scalar,
)


def without_token(page: str) -> str:
    """A page without its CSRF token, which carries a timestamp and so differs by the second."""
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", page)


def test_support_once_twice_refused_then_unsupport(
    app, client, auth, make_user, make_question
) -> None:
    group_id = make_group(app, FOOD_BANKS)
    question_id = make_question(FOOD_BANKS, cluster_id=group_id)
    make_user(organisation="Academics", sector=Sector.ACADEMIC)
    auth.login()

    first = client.post(f"/questions/{question_id}/support")
    assert first.status_code == 302 and first.location == f"/questions/{question_id}"
    assert count(app, Support) == 1
    assert scalar(app, select(Question.support_count).where(Question.id == question_id)) == 1
    assert scalar(app, select(Cluster.support_count).where(Cluster.id == group_id)) == 1
    page = client.get(first.location).text
    assert "Noted: you ask this too." in page and "You ask this too ✓" in page
    assert "Academic 1" in page

    second = client.post(f"/questions/{question_id}/support")
    assert second.status_code == 302
    assert "You already said you ask this question." in client.get(second.location).text
    assert count(app, Support) == 1
    assert scalar(app, select(Question.support_count).where(Question.id == question_id)) == 1

    client.post(f"/questions/{question_id}/unsupport")
    assert count(app, Support) == 0
    assert scalar(app, select(Question.support_count).where(Question.id == question_id)) == 0
    assert scalar(app, select(Cluster.support_count).where(Cluster.id == group_id)) == 0
    again = client.post(f"/questions/{question_id}/unsupport")
    assert "You had not said you ask this question." in client.get(again.location).text


def test_htmx_support_returns_the_button_fragment(
    app, client, auth, make_user, make_question
) -> None:
    question_id = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    headers = {"HX-Request": "true"}
    response = client.post(f"/questions/{question_id}/support", headers=headers)
    assert response.status_code == 200
    assert "<html" not in response.text and "You ask this too ✓" in response.text
    assert f'hx-post="/questions/{question_id}/unsupport"' in response.text
    twice = client.post(f"/questions/{question_id}/support", headers=headers)
    assert twice.status_code == 200 and "You ask this too ✓" in twice.text
    undone = client.post(f"/questions/{question_id}/unsupport", headers=headers)
    assert "We ask this too" in undone.text
    assert count(app, Support) == 0


def test_support_follows_only_a_local_next(client, auth, make_user, make_question) -> None:
    question_id = make_question(FOOD_BANKS)
    make_user()
    auth.login()
    response = client.post(
        f"/questions/{question_id}/support", data={"next": "https://evil.example/"}
    )
    assert response.location == "/"


def test_askers_cannot_support_their_own_question(
    app, client, auth, make_user, make_question
) -> None:
    me = make_user()
    question_id = make_question(FOOD_BANKS, author=me)
    auth.login()
    response = client.post(f"/questions/{question_id}/support")
    assert "You asked this question" in client.get(response.location).text
    assert count(app, Support) == 0


def test_support_needs_login(client, make_question) -> None:
    question_id = make_question(FOOD_BANKS)
    response = client.post(f"/questions/{question_id}/support")
    assert response.status_code == 302 and "/auth/login" in response.location
    htmx = client.post(f"/questions/{question_id}/support", headers={"HX-Request": "true"})
    assert "/auth/login" in htmx.headers["HX-Redirect"]


def test_question_page_shows_who_asks_supporters_group_and_similar(
    app, client, auth, make_user, make_question
) -> None:
    group_id = make_group(app, FOOD_BANKS, title="Food banks")
    asker = make_user("asker@example.org", organisation="Leeds Pantry")
    question_id = make_question(FOOD_BANKS, author=asker, cluster_id=group_id)
    similar_id = make_question(FOOD_BANKS_PARAPHRASE)
    unrelated_id = make_question(UNRELATED)
    resync(app)
    page = client.get(f"/questions/{question_id}").text
    assert FOOD_BANKS in page and "Plan our services around the answer." in page
    assert "Asked by Leeds Pantry" in page
    assert "asker@example.org" not in page
    assert f'href="/groups/{group_id}">Food banks</a>' in page
    assert f'data-question-id="{similar_id}"' in page
    assert f'data-question-id="{unrelated_id}"' not in page
    assert f'data-question-id="{question_id}"' not in page  # not similar to itself
    assert "Log in</a> to say you ask this too" in page


def test_question_page_lists_pledged_datasets(app, client, make_user, make_question) -> None:
    holder = make_user("holder@example.org", organisation="Council Data", sector=Sector.GOVERNMENT)
    question_id = make_question(FOOD_BANKS)
    with app.app_context(), new_session(app) as session:
        dataset = Dataset(
            title="Food bank referrals by ward",
            description="Monthly counts of food bank referrals in each ward of Leeds.",
            holder_organisation_id=session.scalar(select(Organisation.id)),
            access_level=AccessLevel.ON_REQUEST,
        )
        session.add(Pledge(dataset=dataset, question_id=question_id, pledged_by_id=holder.id))
        session.commit()
    page = client.get(f"/questions/{question_id}").text
    assert "Food bank referrals by ward" in page and "Shared on request".lower() in page


def test_hidden_and_other_organisations_private_questions_look_missing(
    app, client, auth, make_user, make_question
) -> None:
    make_user(organisation="Mine")
    other = make_user("other@example.org", organisation="Theirs")
    private = make_question(FOOD_BANKS, author=other, visibility=Visibility.PRIVATE)
    members = make_question(UNRELATED, author=other, visibility=Visibility.MEMBERS)
    hidden = make_question(FOOD_BANKS_PARAPHRASE, author=other)
    with app.app_context(), new_session(app) as session:
        session.execute(update(Question).where(Question.id == hidden).values(hidden=True))
        session.commit()
    assert client.get(f"/questions/{members}").status_code == 404  # visitors: members only
    auth.login()
    missing = without_token(client.get("/questions/99999").text)
    for question_id in (private, hidden):
        response = client.get(f"/questions/{question_id}")
        assert response.status_code == 404 and without_token(response.text) == missing
        assert client.post(f"/questions/{question_id}/support").status_code == 404
    assert client.get(f"/questions/{members}").status_code == 200
    auth.logout()
    auth.login("other@example.org")
    assert client.get(f"/questions/{private}").status_code == 200

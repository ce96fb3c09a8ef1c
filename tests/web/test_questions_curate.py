"""Curation (status, answer links) and moderation (flags, hide, restore), with their roles."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.core.errors import Forbidden
from app.db import new_session
from app.questions.moderation import change_status
from models import Cluster, ClusterState, Flag, Question, QuestionStatus, Role, Support, User
from tests.web.test_questions_ask import (
    FOOD_BANKS,
    FOOD_BANKS_PARAPHRASE,
    count,
    load_question,
    make_group,
    resync,
    scalar,
)


def test_member_cannot_curate_or_moderate(app, client, auth, make_user, make_question) -> None:
    make_user()
    question_id = make_question(FOOD_BANKS)
    auth.login()
    base = f"/questions/{question_id}"
    assert client.post(f"{base}/status", data={"status": "prioritised"}).status_code == 403
    assert (
        client.post(f"{base}/answers", data={"url": "https://x.org", "summary": "s"}).status_code
        == 403
    )
    assert client.post(f"{base}/hide", data={"hide-reason": "spam spam"}).status_code == 403
    assert client.post(f"{base}/restore").status_code == 403
    assert client.get("/questions/moderation").status_code == 403
    assert "Curate this question" not in client.get(base).text
    question = load_question(app, question_id)
    assert question.status is QuestionStatus.OPEN and not question.hidden


def test_service_refuses_members_too(app, make_user, make_question) -> None:
    member = make_user()
    question_id = make_question(FOOD_BANKS)
    with app.app_context(), new_session(app) as session:
        actor = session.get(User, member.id)
        with pytest.raises(Forbidden):
            change_status(session, actor, question_id, "prioritised")


def test_facilitator_moves_status_and_supporters_see_it(
    app, client, auth, make_user, make_question
) -> None:
    make_user("facilitator@example.org", role=Role.FACILITATOR)
    supporter = make_user("supporter@example.org", organisation="Supporters")
    question_id = make_question(FOOD_BANKS)
    with app.app_context(), new_session(app) as session:
        session.add(Support(user_id=supporter.id, question_id=question_id))
        session.commit()

    auth.login("facilitator@example.org")
    page = client.get(f"/questions/{question_id}").text
    assert "Curate this question" in page and '<option value="prioritised">' in page
    response = client.post(
        f"/questions/{question_id}/status",
        data={"status": "prioritised", "note": "Chosen at the March workshop."},
    )
    assert response.status_code == 302
    response = client.post(
        f"/questions/{question_id}/answers",
        data={"url": "https://research.example.org/report", "summary": "The 2025 food report"},
    )
    assert response.status_code == 302
    question = load_question(app, question_id)
    assert question.status is QuestionStatus.PRIORITISED
    change = question.status_changes[-1]
    assert (change.from_status, change.to_status) == (
        QuestionStatus.OPEN,
        QuestionStatus.PRIORITISED,
    )
    assert change.note == "Chosen at the March workshop." and change.changed_by_id is not None
    assert [link.url for link in question.answer_links] == ["https://research.example.org/report"]

    auth.logout()
    auth.login("supporter@example.org")
    account = client.get("/auth/account").text
    assert "Questions you support" in account and FOOD_BANKS in account
    assert "Prioritised" in account and "Chosen at the March workshop." in account
    assert 'href="https://research.example.org/report"' in account


def test_account_lists_questions_asked(app, client, auth, make_user, make_question) -> None:
    me = make_user()
    make_question(FOOD_BANKS, author=me)
    auth.login()
    account = client.get("/auth/account").text
    assert "Questions you asked" in account and FOOD_BANKS in account
    token_page = client.post("/auth/account/token").text
    assert "copy it now" in token_page and FOOD_BANKS in token_page


def test_status_moves_only_forward_and_archive_is_final(
    app, client, auth, make_user, make_question
) -> None:
    make_user(role=Role.ADMIN)
    question_id = make_question(FOOD_BANKS)
    auth.login()
    base = f"/questions/{question_id}/status"
    client.post(
        f"/questions/{question_id}/answers",
        data={"url": "https://example.org/report", "summary": "The council's food report."},
    )
    assert client.post(base, data={"status": "answered"}).status_code == 302
    back = client.post(base, data={"status": "open"})
    assert back.status_code == 422 and "cannot become open" in back.text
    assert client.post(base, data={"status": "bogus"}).status_code == 422
    assert client.post(base, data={"status": "archived"}).status_code == 302
    assert client.post(base, data={"status": "answered"}).status_code == 422
    assert load_question(app, question_id).status is QuestionStatus.ARCHIVED


def test_a_question_cannot_be_answered_without_an_answer_link(
    app, client, auth, make_user, make_question
) -> None:
    make_user(role=Role.FACILITATOR)
    question_id = make_question(FOOD_BANKS)
    auth.login()
    refused = client.post(f"/questions/{question_id}/status", data={"status": "answered"})
    assert refused.status_code == 422 and "Add a link to the answer first" in refused.text
    assert load_question(app, question_id).status is QuestionStatus.OPEN
    client.post(
        f"/questions/{question_id}/answers",
        data={"url": "https://example.org/report", "summary": "Where the answer is."},
    )
    assert (
        client.post(f"/questions/{question_id}/status", data={"status": "answered"}).status_code
        == 302
    )
    assert load_question(app, question_id).status is QuestionStatus.ANSWERED


def test_answer_links_must_be_web_addresses_with_a_summary(
    app, client, auth, make_user, make_question
) -> None:
    make_user(role=Role.FACILITATOR)
    question_id = make_question(FOOD_BANKS)
    auth.login()
    url = f"/questions/{question_id}/answers"
    bad = client.post(url, data={"url": "javascript:alert(1)", "summary": ""})
    assert bad.status_code == 422
    assert 'id="url-error"' in bad.text and 'id="summary-error"' in bad.text
    too_long = client.post(url, data={"url": "https://ok.example.org", "summary": "s" * 301})
    assert too_long.status_code == 422 and "300 characters" in too_long.text
    assert load_question(app, question_id).answer_links == []


def test_flag_once_then_moderator_hides_and_restores(
    app, client, auth, make_user, make_question
) -> None:
    make_user("member@example.org")
    make_user("moderator@example.org", role=Role.FACILITATOR)
    group_id = make_group(app, FOOD_BANKS)
    question_id = make_question(FOOD_BANKS, cluster_id=group_id)
    other_id = make_question(FOOD_BANKS_PARAPHRASE)
    resync(app)

    auth.login("member@example.org")
    assert client.post(f"/questions/{question_id}/flag", data={"reason": ""}).status_code == 422
    response = client.post(f"/questions/{question_id}/flag", data={"reason": "Names a family"})
    assert response.status_code == 302
    again = client.post(f"/questions/{question_id}/flag", data={"reason": "Still there"})
    assert "already flagged" in client.get(again.location).text
    assert count(app, Flag) == 1
    auth.logout()

    auth.login("moderator@example.org")
    queue = client.get("/questions/moderation").text
    assert "Names a family" in queue and f'data-question-id="{question_id}"' in queue
    no_reason = client.post(f"/questions/{question_id}/hide", data={"hide-reason": ""})
    assert no_reason.status_code == 422 and 'id="hide-reason-error"' in no_reason.text
    hidden = client.post(
        f"/questions/{question_id}/hide", data={"hide-reason": "Identifies a family"}
    )
    assert hidden.status_code == 302
    question = load_question(app, question_id)
    assert question.hidden and question.hidden_reason == "Identifies a family"
    assert scalar(app, select(Flag.resolved_at)) is not None
    assert scalar(app, select(Cluster.size).where(Cluster.id == group_id)) == 0
    moderator_view = client.get(f"/questions/{question_id}")
    assert moderator_view.status_code == 200 and "Hidden by a moderator" in moderator_view.text
    assert "Identifies a family" in client.get("/questions/moderation").text
    auth.logout()

    auth.login("member@example.org")
    assert client.get(f"/questions/{question_id}").status_code == 404
    assert f'data-question-id="{question_id}"' not in client.get("/questions/").text
    similar = client.get("/questions/similar", query_string={"text": FOOD_BANKS}).text
    assert f'data-question-id="{question_id}"' not in similar
    assert f'data-question-id="{other_id}"' in similar
    auth.logout()

    auth.login("moderator@example.org")
    assert client.post(f"/questions/{question_id}/restore").status_code == 302
    assert not load_question(app, question_id).hidden
    assert scalar(app, select(Cluster.size).where(Cluster.id == group_id)) == 1
    assert f'data-question-id="{question_id}"' in client.get("/questions/").text
    similar = client.get("/questions/similar", query_string={"text": FOOD_BANKS}).text
    assert f'data-question-id="{question_id}"' in similar


def test_moderator_can_clear_flags_and_keep_the_question(
    app, client, auth, make_user, make_question
) -> None:
    make_user("member@example.org")
    make_user("moderator@example.org", role=Role.ADMIN)
    question_id = make_question(FOOD_BANKS)
    auth.login("member@example.org")
    client.post(f"/questions/{question_id}/flag", data={"reason": "Looks like spam"})
    auth.logout()
    auth.login("moderator@example.org")
    assert client.post(f"/questions/{question_id}/dismiss-flags").status_code == 302
    assert "No question is waiting for a look." in client.get("/questions/moderation").text
    assert scalar(app, select(Question.hidden).where(Question.id == question_id)) is False


def test_restored_question_whose_group_went_joins_a_live_one(
    app, client, auth, make_user, make_question
) -> None:
    make_user(role=Role.FACILITATOR)
    old_group = make_group(app, FOOD_BANKS, title="Old")
    question_id = make_question(FOOD_BANKS, cluster_id=old_group)
    auth.login()
    client.post(f"/questions/{question_id}/hide", data={"hide-reason": "Checking a report"})
    with app.app_context(), new_session(app) as session:
        session.get(Cluster, old_group).state = ClusterState.DISSOLVED
        session.commit()
    new_group = make_group(app, FOOD_BANKS_PARAPHRASE, title="New")
    assert client.post(f"/questions/{question_id}/restore").status_code == 302
    assert load_question(app, question_id).cluster_id == new_group
    assert scalar(app, select(Cluster.size).where(Cluster.id == new_group)) == 1

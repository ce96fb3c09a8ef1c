"""Members mark a suggested dataset not relevant for a group: once each, and it is demoted."""

from __future__ import annotations

import csv

import pytest
from sqlalchemy import func, select

from app.db import new_session
from models import Cluster, Dataset, DatasetVisibility, MatchFeedback, Role
from tests.web.match_common import food_datasets
from tests.web.test_clusters_common import seed_topics

FIELD = "not_relevant-reason"  # the form's field, under the group page's prefix for it


@pytest.fixture
def food(app, make_question, make_user) -> tuple[int, int, int]:
    """The food group and its two matching datasets, with a member signed up (not logged in)."""
    topics = seed_topics(app, make_question, make_user)
    make_user()
    first, second = food_datasets(app)
    return topics["food"][0], first, second


def _feedback_count(app) -> int:
    with app.app_context(), new_session(app) as session:
        return session.scalar(select(func.count()).select_from(MatchFeedback)) or 0


def _matched(app, group: int) -> int:
    with app.app_context(), new_session(app) as session:
        return session.get(Cluster, group).matched_dataset_count


def _bearer(runner) -> dict[str, str]:
    token = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    return {"Authorization": f"Bearer {token}"}


def _order(client, group: int) -> list[int]:
    return [
        m["dataset"]["id"] for m in client.get(f"/api/v1/clusters/{group}/matches").json["items"]
    ]


def test_a_member_marks_a_match_once_through_the_api(app, client, runner, food) -> None:
    group, first, _ = food
    headers = _bearer(runner)
    url = f"/api/v1/clusters/{group}/matches/{first}/feedback"
    answer = client.post(url, json={"reason": "Only covers our own network"}, headers=headers)
    assert answer.status_code == 201 and answer.json["reason"] == "Only covers our own network"
    assert client.post(url, json={"reason": "Again"}, headers=headers).status_code == 409
    assert _feedback_count(app) == 1


def test_a_reason_is_required_and_short(app, client, auth, runner, food) -> None:
    group, first, _ = food
    headers = _bearer(runner)
    url = f"/api/v1/clusters/{group}/matches/{first}/feedback"
    assert client.post(url, json={"reason": "  "}, headers=headers).status_code == 422
    assert client.post(url, json={"reason": "x" * 301}, headers=headers).status_code == 422
    auth.login()
    page = client.post(f"/groups/{group}/matches/{first}/not-relevant", data={FIELD: ""})
    assert page.status_code == 422 and "Say in a few words why" in page.text
    assert _feedback_count(app) == 0


def test_a_demoted_dataset_moves_last_and_leaves_the_count(app, client, auth, food) -> None:
    group, first, second = food
    assert _order(client, group)[0] == first and _matched(app, group) == 2
    auth.login()
    answer = client.post(
        f"/groups/{group}/matches/{first}/not-relevant", data={FIELD: "Wrong population"}
    )
    assert answer.status_code == 302
    assert _order(client, group) == [second, first]
    assert _matched(app, group) == 1
    items = client.get(f"/api/v1/clusters/{group}/matches").json["items"]
    assert [m["not_relevant_count"] for m in items] == [0, 1]
    page = client.get(f"/groups/{group}").text
    assert "Marked not relevant by 1 member" in page
    assert "You marked this dataset not relevant" in page
    assert "Wrong population" not in page  # members do not read the reasons; facilitators do
    card = client.get("/groups").text
    assert f'data-group-id="{group}"' in card and "<dt>Datasets matched</dt><dd>1</dd>" in card
    kept = page.count('<li class="match">')
    assert kept == _matched(app, group)


def test_a_second_form_post_is_refused_with_a_message(app, client, auth, food) -> None:
    group, first, _ = food
    auth.login()
    url = f"/groups/{group}/matches/{first}/not-relevant"
    client.post(url, data={FIELD: "Wrong population"})
    again = client.post(url, data={FIELD: "Still wrong"})
    assert again.status_code == 422 and "already marked this dataset" in again.text
    assert _feedback_count(app) == 1


def test_facilitators_read_the_reasons(app, client, auth, make_user, food) -> None:
    group, first, _ = food
    auth.login()
    client.post(f"/groups/{group}/matches/{first}/not-relevant", data={FIELD: "Wrong area"})
    auth.logout()
    make_user("facilitator@example.org", role=Role.FACILITATOR)
    auth.login("facilitator@example.org")
    page = client.get(f"/groups/{group}").text
    assert "Why members marked it not relevant" in page and "Wrong area" in page


def test_visitors_cannot_give_feedback(app, client, food) -> None:
    group, first, _ = food
    api = client.post(f"/api/v1/clusters/{group}/matches/{first}/feedback", json={"reason": "x"})
    assert api.status_code == 401
    page = client.post(f"/groups/{group}/matches/{first}/not-relevant", data={FIELD: "x"})
    assert page.status_code == 302 and "/login" in page.headers["Location"]
    assert "Not relevant?" not in client.get(f"/groups/{group}").text
    assert _feedback_count(app) == 0


def test_unknown_or_unreadable_targets_answer_404(app, client, runner, food) -> None:
    group, first, _ = food
    with app.app_context(), new_session(app) as session:
        session.get(Dataset, first).visibility = DatasetVisibility.MEMBERS
        session.commit()
    body = {"reason": "x"}
    hidden = f"/api/v1/clusters/{group}/matches/{first}/feedback"
    assert client.post(hidden, json=body).status_code == 404  # a visitor may not read it
    headers = _bearer(runner)
    for url in (
        f"/api/v1/clusters/999/matches/{first}/feedback",
        f"/api/v1/clusters/{group}/matches/999/feedback",
    ):
        assert client.post(url, json=body, headers=headers).status_code == 404
    assert client.get("/api/v1/clusters/999/matches").status_code == 404
    assert _feedback_count(app) == 0


def test_feedback_export_has_no_user_identities(app, client, runner, food, tmp_path) -> None:
    group, first, _ = food
    url = f"/api/v1/clusters/{group}/matches/{first}/feedback"
    client.post(url, json={"reason": "=SUM(A1)"}, headers=_bearer(runner))
    out = tmp_path / "feedback.csv"
    result = runner.invoke(args=["insight", "feedback-export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["cluster_id", "dataset_id", "reason", "created_at"]
    assert rows[1][:3] == [str(group), str(first), "'=SUM(A1)"]
    assert "member" not in out.read_text()

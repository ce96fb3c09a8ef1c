"""A group's page: what it shows, merged and dissolved groups (partnerships: test_partnerships)."""

from __future__ import annotations

import re

import pytest

from app.bank.grouping import refresh_demand_figures
from app.db import new_session
from models import (
    Cluster,
    ClusterState,
    CurationLog,
    Pledge,
    Question,
    Support,
    Visibility,
)
from tests.web.test_clusters_common import (
    FOOD,
    add_dataset,
    build_group,
    mark_merged,
    seed_topics,
)


@pytest.fixture
def topics(app, make_question, make_user) -> dict[str, tuple[int, list[int]]]:
    """The food, energy and transport groups."""
    return seed_topics(app, make_question, make_user)


def test_group_page_shows_keywords_representative_questions_and_figures(client, topics) -> None:
    food_id, question_ids = topics["food"]
    page = client.get(f"/groups/{food_id}").text
    assert '<h1 id="group-title">food, banks, credit</h1>' in page
    for word in ("food", "banks", "credit"):
        assert f"<li>{word}</li>" in page
    assert "The question that best sums it up" in page
    for text in FOOD:
        assert text in page
    for qid in question_ids:
        assert f'href="/questions/{qid}"' in page
    assert "<dt>Questions</dt><dd>3</dd>" in page
    assert '<th scope="row">Charity / VCSE</th><td>1</td>' in page
    assert "No described dataset matches this group yet." in page
    assert "Curate this group" not in page


def test_group_page_lists_matching_datasets_with_reasons(app, client, topics) -> None:
    add_dataset(
        app,
        "Food bank referrals and Universal Credit waits",
        "Monthly counts of food bank referrals by reason, including waiting for a first "
        "Universal Credit payment, for every food bank in our network.",
        keywords=["food banks", "universal credit"],
    )
    food_id, _ = topics["food"]
    page = client.get(f"/groups/{food_id}").text
    matches = page.split('<ol class="matches">')[1].split("</ol>")[0]
    assert "Food bank referrals and Universal Credit waits" in matches
    assert re.search(r"(Strong|Good|Possible) match \(\d{1,3}%\)", matches)
    assert "Similar in meaning" in matches
    assert "Shared theme: " in matches and "Shared keywords: food" in matches


def test_group_page_shows_pledges_on_the_group_and_its_questions(app, client, topics) -> None:
    dataset_id = add_dataset(app, "Referral counts", "Counts of food bank referrals.")
    food_id, question_ids = topics["food"]
    with app.app_context(), new_session(app) as session:
        session.add_all(
            [
                Pledge(dataset_id=dataset_id, cluster_id=food_id, conditions="Aggregates only"),
                Pledge(dataset_id=dataset_id, question_id=question_ids[1]),
            ]
        )
        session.commit()
    page = client.get(f"/groups/{food_id}").text
    pledges = page.split('<ul class="pledges">')[1].split("</ul>")[0]
    assert "offered to the whole group" in pledges and "Aggregates only" in pledges
    assert f'offered to the question “<a href="/questions/{question_ids[1]}">' in pledges


def test_group_page_only_lists_questions_the_viewer_may_read(
    app, client, auth, make_question, make_user
) -> None:
    member = make_user("member@example.org")
    outsider = make_user("outsider@example.org", organisation="Elsewhere")
    public = make_question("How many families in Hull use food banks?", author=outsider)
    private = make_question(
        "How many of our own clients used the food bank twice?",
        author=outsider,
        visibility=Visibility.PRIVATE,
    )
    cluster_id = build_group(app, [public, private], ["food"])
    assert member.organisation_id != outsider.organisation_id
    auth.login("member@example.org")
    page = client.get(f"/groups/{cluster_id}").text
    assert "families in Hull" in page and "our own clients" not in page
    assert "Questions 1–1 of 1 you can read" in page


def test_questions_on_a_large_group_are_paged(app, client, make_question) -> None:
    ids = [make_question(f"How many families in town {n} use food banks?") for n in range(5)]
    cluster_id = build_group(app, ids, ["food"])
    app.config["PAGE_SIZE"] = 2
    first = client.get(f"/groups/{cluster_id}").text
    assert "Questions 1–2 of 5" in first and "Page 1 of 3" in first
    last = client.get(f"/groups/{cluster_id}?page=3").text
    assert "Questions 5–5 of 5" in last


def test_merged_group_redirects_to_where_it_went_with_a_note(app, client, topics) -> None:
    food_id, _ = topics["food"]
    energy_id, _ = topics["energy"]
    mark_merged(app, energy_id, into_id=food_id)
    response = client.get(f"/groups/{energy_id}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/groups/{food_id}")
    page = client.get(response.headers["Location"]).text
    assert f"Group {energy_id}" in page and "was merged into this group" in page


def test_dissolved_group_shows_a_notice(app, client, topics) -> None:
    transport_id, _ = topics["transport"]
    with app.app_context(), new_session(app) as session:
        session.get(Cluster, transport_id).state = ClusterState.DISSOLVED
        session.commit()
    response = client.get(f"/groups/{transport_id}")
    assert response.status_code == 200
    assert "This group was dissolved." in response.text
    assert "Start a partnership" not in response.text


def test_unknown_group_is_404(client) -> None:
    assert client.get("/groups/999").status_code == 404


def test_history_lists_curation(app, client, topics, make_user) -> None:
    food_id, _ = topics["food"]
    facilitator = make_user("facilitator@example.org")
    with app.app_context(), new_session(app) as session:
        session.add(
            CurationLog(
                action="rename",
                cluster_id=food_id,
                user_id=facilitator.id,
                detail={"summary": "Renamed group to “Food and UC”."},
            )
        )
        session.commit()
    page = client.get(f"/groups/{food_id}").text
    history = page.split('<ol class="history"')[1].split("</ol>")[0]
    assert "Facilitator: Renamed group to “Food and UC”." in history


def test_support_counts_reach_the_group_through_refreshed_figures(
    app, client, topics, make_user
) -> None:
    food_id, question_ids = topics["food"]
    supporter = make_user("supporter@example.org", organisation="Leeds Uni")
    with app.app_context(), new_session(app) as session:
        session.add(Support(user_id=supporter.id, question_id=question_ids[0]))
        session.get(Question, question_ids[0]).support_count = 1
        session.flush()
        refresh_demand_figures(session, [food_id])
        session.commit()
    page = client.get(f"/groups/{food_id}").text
    assert "<dt>Supporters</dt><dd>1</dd>" in page
    assert "<dt>Organisations</dt><dd>2</dd>" in page

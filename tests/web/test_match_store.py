"""Stored dataset matches: refreshed where they change so that they always equal a full
re-rank, read (never computed) by the pages and the API, counted the way they are listed, and
judged question by question for the questions they serve and the places those ask about."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sqlalchemy import func, select

import app.bank.grouping as grouping
import app.bank.matchstore as matchstore
import app.insight.match as engine
import app.insight.serves as serves
import app.insight.stacked as stacked
from app.bank.profiles import dataset_profiles, group_profiles
from app.bank.recluster import run_recluster
from app.bank.refresher import Refresher
from app.core.policy import datasets_readable_by
from app.db import new_session
from app.insight.match import rank_datasets
from app.insight.serves import rank_datasets_serving
from models import Cluster, Dataset, Match, MatchFeedback, Question, Role
from tests.web.datasets_common import created_id, form_data
from tests.web.test_clusters_common import build_group, seed_topics

ENERGY_DATA = {
    "title": "Prepayment meter top-ups and self-disconnection",
    "description": "How often households on prepayment meters top up, run out of credit and go "
    "without gas or electricity, by month and region.",
    "themes": ["energy"],
    "keywords": "prepayment meters; self-disconnection; top-up",
    "variables": "top-ups; days without supply",
    "geography": "UK-wide",
}
BUS_DATA = {
    "title": "Rural bus routes and journeys to work",
    "description": "Bus routes withdrawn from villages since 2015 and how long journeys to the "
    "nearest jobs centre now take by public transport.",
    "themes": ["transport", "rural"],
    "keywords": "bus services; rural; access to work",
    "variables": "routes withdrawn; journey time",
    "geography": "England",
}


def _stored(app) -> dict[tuple[int, int], tuple[float, tuple[str, ...], tuple[int, ...]]]:
    """Every stored match: (group, dataset) -> (score, reasons, questions served)."""
    with app.app_context(), new_session(app) as session:
        return {
            (m.cluster_id, m.dataset_id): (
                round(m.score, 9),
                tuple(m.reasons),
                tuple(m.serves_question_ids),
            )
            for m in session.scalars(select(Match))
        }


def assert_fresh(app) -> dict[tuple[int, int], tuple[float, tuple[str, ...], tuple[int, ...]]]:
    """The stored matches are what ranking every dataset for every live group gives now, and
    each group's card figure is its stored matches less the demoted ones."""
    with app.app_context(), new_session(app) as session:
        datasets = dataset_profiles(session)
        expected = {}
        for cluster_id, profile in group_profiles(session):
            ranked = rank_datasets(profile, datasets, top_k=len(datasets))
            served = {r.dataset_id: r for r in rank_datasets_serving(profile, datasets)}
            assert set(served) == {r.dataset_id for r in ranked}
            for result in ranked:
                same = served[result.dataset_id]
                expected[(cluster_id, result.dataset_id)] = (
                    round(result.score, 9),
                    same.reasons,
                    same.serves_questions,
                )
        demoted = {
            (c, d)
            for c, d in session.execute(select(MatchFeedback.cluster_id, MatchFeedback.dataset_id))
        }
        figures = {
            c: n for c, n in session.execute(select(Cluster.id, Cluster.matched_dataset_count))
        }
        public = set(session.scalars(select(Dataset.id).where(datasets_readable_by(None))))
    stored = _stored(app)
    # One dataset scored alone and many scored at once differ in float32 rounding only.
    assert set(stored) == set(expected)
    for pair, (score, *rest) in stored.items():
        assert score == pytest.approx(expected[pair][0], abs=1e-6) and rest == list(
            expected[pair][1:]
        ), pair
    for cluster_id, figure in figures.items():
        listed = [
            pair
            for pair in stored
            if pair[0] == cluster_id and pair not in demoted and pair[1] in public
        ]
        assert figure == len(listed), f"group {cluster_id}"  # the card: public datasets only
    return stored


@pytest.fixture
def world(app, client, auth, make_user, make_question):
    """The food, energy and transport groups; a member of the food network logged in."""
    topics = seed_topics(app, make_question, make_user)
    make_user()
    make_user("facilitator@example.org", role=Role.FACILITATOR, organisation="Facilitators")
    auth.login()
    return {name: group for name, (group, _) in topics.items()}, topics


def test_describing_changing_and_retiring_datasets_keeps_the_store_fresh(app, client, world):
    groups, _ = world
    assert assert_fresh(app) == {}
    food = created_id(client.post("/datasets/new", data=form_data()))
    energy = created_id(client.post("/datasets/new", data=form_data(**ENERGY_DATA)))
    stored = assert_fresh(app)
    assert (groups["food"], food) in stored and (groups["energy"], energy) in stored
    assert (groups["transport"], food) not in stored

    # Edited into a bus dataset: it leaves the food group and joins the transport one.
    response = client.post(f"/datasets/{food}/edit", data=form_data(**BUS_DATA))
    assert response.status_code == 302
    stored = assert_fresh(app)
    assert (groups["transport"], food) in stored and (groups["food"], food) not in stored

    client.post(f"/datasets/{energy}/retire", data={"confirm": "y"})
    stored = assert_fresh(app)
    assert not [pair for pair in stored if pair[1] == energy]
    with app.app_context(), new_session(app) as session:
        assert session.get(Cluster, groups["energy"]).matched_dataset_count == 0


def test_questions_joining_moving_and_hidden_keep_the_store_fresh(app, client, auth, runner, world):
    groups, topics = world
    food = created_id(client.post("/datasets/new", data=form_data()))
    created_id(client.post("/datasets/new", data=form_data(**ENERGY_DATA)))
    before = assert_fresh(app)[(groups["food"], food)]

    question = _ask_about_food(client, runner)
    with app.app_context(), new_session(app) as session:
        assert session.get(Question, question).cluster_id == groups["food"]
    after = assert_fresh(app)[(groups["food"], food)]
    assert question in after[2] and question not in before[2]

    auth.logout()
    auth.login("facilitator@example.org")
    moved = topics["food"][1][0]
    response = client.post(
        f"/groups/{groups['food']}/move",
        data={"move-question_id": str(moved), "move-target": str(groups["energy"])},
    )
    assert response.status_code == 302
    stored = assert_fresh(app)
    assert moved not in stored[(groups["food"], food)][2]

    response = client.post(f"/questions/{question}/hide", data={"hide-reason": "Posted twice"})
    assert response.status_code == 302
    stored = assert_fresh(app)
    assert question not in stored[(groups["food"], food)][2]

    # A dataset described now meets the groups as they are after those changes (the
    # profiles kept in memory for re-scoring were not left behind).
    later = created_id(client.post("/datasets/new", data=form_data(title="Food bank referrals")))
    stored = assert_fresh(app)
    assert moved not in stored[(groups["food"], later)][2]


def test_a_recluster_re_scores_every_group(app, client, db, world):
    created_id(client.post("/datasets/new", data=form_data()))
    created_id(client.post("/datasets/new", data=form_data(**BUS_DATA)))
    with app.app_context():
        run = run_recluster(db)
    assert run.status.value == "succeeded", run.message
    stored = assert_fresh(app)
    with app.app_context(), new_session(app) as session:
        live = set(session.scalars(select(Cluster.id).where(Cluster.state == "active")))
    assert stored and {cluster for cluster, _ in stored} <= live
    # Re-clustering moved every question by bulk updates: a dataset described next sees that.
    created_id(client.post("/datasets/new", data=form_data(**ENERGY_DATA)))
    assert_fresh(app)


def test_pages_and_the_api_read_stored_matches_without_ranking(app, client, world, monkeypatch):
    groups, topics = world
    food = created_id(client.post("/datasets/new", data=form_data()))
    question = topics["food"][1][0]

    def refuse(*args, **kwargs):
        raise AssertionError("a page ranked datasets")

    for module, names in (
        (
            engine,
            ("rank_datasets", "score_match", "score_match_from", "component_matrix", "combine"),
        ),
        (serves, ("rank_datasets", "rank_groups", "rank_datasets_serving")),
        (stacked, ("GroupStack",)),
        (matchstore, ("rank_groups", "rank_datasets_serving", "refresh_all", "refresh_groups")),
    ):
        for name in names:
            monkeypatch.setattr(module, name, refuse)
    pages = [
        f"/groups/{groups['food']}",
        f"/datasets/{food}",
        f"/questions/{question}",
        "/groups",
        f"/api/v1/clusters/{groups['food']}",
        f"/api/v1/clusters/{groups['food']}/matches",
        f"/api/v1/datasets/{food}/matches",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    group_page = client.get(f"/groups/{groups['food']}").text
    assert f'href="/datasets/{food}"' in group_page


def test_the_api_lists_matches_best_first_with_the_questions_they_serve(app, client, world):
    groups, topics = world
    food = created_id(client.post("/datasets/new", data=form_data()))
    stored = assert_fresh(app)
    items = client.get(f"/api/v1/clusters/{groups['food']}/matches").json["items"]
    assert [item["dataset"]["id"] for item in items] == [food]
    serves_ids = items[0]["serves_questions"]
    assert serves_ids == list(stored[(groups["food"], food)][2])
    assert serves_ids and set(serves_ids) <= set(topics["food"][1])
    reverse = client.get(f"/api/v1/datasets/{food}/matches").json["items"]
    scores = [item["score"] for item in reverse]
    assert reverse[0]["group"]["id"] == groups["food"] and scores == sorted(scores, reverse=True)
    assert reverse[0]["serves_questions"] == serves_ids
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for path in ("/clusters/{cluster_id}/matches", "/datasets/{dataset_id}/matches"):
        assert "serves_questions" in json.dumps(paths[path]), path


def test_members_only_datasets_stay_out_of_visitors_lists_and_counts(app, client, auth, world):
    groups, topics = world
    public = created_id(client.post("/datasets/new", data=form_data()))
    hidden = created_id(
        client.post(
            "/datasets/new",
            data=form_data(
                title="Food bank referrals held for members",
                description="Referrals to our food banks by reason, including waits for "
                "Universal Credit, shared with members only.",
                visibility="members",
            ),
        )
    )
    stored = assert_fresh(app)
    assert {(groups["food"], public), (groups["food"], hidden)} <= set(stored)
    signed_in_page = client.get(f"/groups/{groups['food']}").text
    assert f'href="/datasets/{hidden}"' in signed_in_page
    assert "<dt>Datasets matched</dt><dd>2</dd>" in signed_in_page

    auth.logout()
    group_page = client.get(f"/groups/{groups['food']}").text
    assert f'href="/datasets/{public}"' in group_page
    assert f'href="/datasets/{hidden}"' not in group_page
    assert "1 dataset matches" in group_page
    assert "<dt>Datasets matched</dt><dd>1</dd>" in group_page
    question_page = client.get(f"/questions/{topics['food'][1][0]}").text
    assert f'href="/datasets/{hidden}"' not in question_page
    api = client.get(f"/api/v1/clusters/{groups['food']}").json
    assert [m["dataset"]["id"] for m in api["matches"]] == [public] and api["matches_total"] == 1
    listed = client.get(f"/api/v1/clusters/{groups['food']}/matches").json["items"]
    assert [m["dataset"]["id"] for m in listed] == [public]
    assert client.get(f"/api/v1/datasets/{hidden}/matches").status_code == 404
    assert client.get(f"/datasets/{hidden}").status_code == 404


def test_the_dataset_page_demotes_groups_members_marked_not_relevant(
    app, client, make_question, make_user, world
):
    groups, _ = world
    author = make_user("second.asker@example.org")
    more = [
        make_question(text, author=author)
        for text in (
            "How many food bank users in the North East are waiting for Universal Credit?",
            "Why do families with a first Universal Credit claim end up at food banks?",
        )
    ]
    second = build_group(app, more, ["food", "credit", "families"])
    food = created_id(client.post("/datasets/new", data=form_data()))
    order = [i["group"]["id"] for i in client.get(f"/api/v1/datasets/{food}/matches").json["items"]]
    assert set(order) >= {groups["food"], second}
    top = order[0]
    response = client.post(
        f"/groups/{top}/matches/{food}/not-relevant",
        data={"not_relevant-reason": "Our referrals do not cover these families"},
    )
    assert response.status_code == 302
    assert_fresh(app)
    items = client.get(f"/api/v1/datasets/{food}/matches").json["items"]
    assert items[-1]["group"]["id"] == top and items[-1]["not_relevant_count"] == 1
    assert [i["group"]["id"] for i in items[:-1]] == [g for g in order if g != top]
    page = client.get(f"/datasets/{food}").text
    serves = page.split('id="serves-title"')[1].split("</section>")[0]
    assert serves.index(f'href="/groups/{order[1]}"') < serves.index(f'href="/groups/{top}"')
    assert "Marked not relevant for this group by 1 member" in serves
    kept = len(order) - 1
    assert f"{kept} group{'' if kept == 1 else 's'} it matches" in serves


NORTH_EAST = [
    "How many private renters in the North East live in damp, mouldy homes?",
    "Are damp and mould in rented homes making children ill in the North East?",
    "How many homes in the North East fail the decent homes standard because of damp?",
]
SCOTTISH = "How many homes in Scotland have condensation, rising damp or mould?"
SHCS = {
    "title": "Scottish House Condition Survey",
    "description": "Annual survey of the physical condition of Scotland's homes: surveyors "
    "record damp, condensation, mould and disrepair, with energy efficiency and fuel poverty.",
    "themes": ["housing"],
    "keywords": "damp; mould; housing conditions",
    "variables": "damp; condensation; disrepair",
    "geography": "Scotland",
    "held_by_us": "no",
    "publisher": "Scottish Government",
    "access_level": "open",
}
EHS = {
    **SHCS,
    "title": "English Housing Survey",
    "description": "Annual survey of housing in England: surveyors record damp, mould and "
    "disrepair and whether homes meet the decent homes standard, by tenure and region.",
    "geography": "England",
    "publisher": "Ministry of Housing, Communities and Local Government",
}


def test_place_fit_is_judged_per_question(app, client, make_question, make_user, world):
    author = make_user("housing.asker@example.org")
    north_east = [
        make_question(text, author=author, themes=["housing"], geography="North East")
        for text in NORTH_EAST
    ]
    scottish = make_question(SCOTTISH, author=author, themes=["housing"], geography="Scotland")
    group = build_group(app, [*north_east, scottish], ["damp", "mould", "homes"])
    shcs = created_id(client.post("/datasets/new", data=form_data(**SHCS)))
    ehs = created_id(client.post("/datasets/new", data=form_data(**EHS)))
    stored = assert_fresh(app)

    _, reasons, served = stored[(group, shcs)]
    assert served == (scottish,)
    places = [r for r in reasons if r.startswith("Covers")]
    assert places and "Scotland" in places[0] and "every place" not in places[0]
    assert not [r for r in reasons if r.startswith("Covers the same place")]
    _, reasons, served = stored[(group, ehs)]
    assert set(served) <= set(north_east) and served
    if 1 < len(served) < 4:
        assert f"Could answer {len(served)} of the group's 4 questions" in reasons

    north_east_page = client.get(f"/questions/{north_east[0]}").text
    listed = north_east_page.split(f'id="match-{shcs}"')[1].split("</ul>")[0]
    assert "serves this question" not in listed and "Covers the same place" not in listed
    scottish_page = client.get(f"/questions/{scottish}").text
    assert "serves this question" in scottish_page.split(f'id="match-{shcs}"')[1].split("</ul>")[0]
    dataset_page = client.get(f"/datasets/{shcs}").text
    serves_section = dataset_page.split('id="serves-title"')[1].split("</section>")[0]
    assert f'href="/questions/{scottish}"' in serves_section
    assert f'href="/questions/{north_east[0]}"' not in serves_section


def test_a_demoted_match_leaves_the_card_figure_and_the_list_count(app, client, world):
    groups, _ = world
    food = created_id(client.post("/datasets/new", data=form_data()))
    second = created_id(
        client.post(
            "/datasets/new",
            data=form_data(
                title="Food parcels after benefit delays",
                description="Weekly food parcels given by food banks to families waiting for "
                "Universal Credit, with the reason for referral.",
            ),
        )
    )
    client.post(
        f"/groups/{groups['food']}/matches/{food}/not-relevant",
        data={"not_relevant-reason": "Too local"},
    )
    assert_fresh(app)
    with app.app_context(), new_session(app) as session:
        assert session.get(Cluster, groups["food"]).matched_dataset_count == 1
    card = client.get("/groups").text
    assert "<dt>Datasets matched</dt><dd>1</dd>" in card
    page = client.get(f"/groups/{groups['food']}").text
    assert "1 dataset matches" in page
    assert page.index(f'id="match-{second}"') < page.index(f'id="match-{food}"')


def test_a_group_profile_holds_its_public_visible_questions_only(app, world):
    groups, topics = world
    with app.app_context(), new_session(app) as session:
        hidden = session.get(Question, topics["food"][1][0])
        hidden.hidden = True
        session.commit()
        profiles = dict(group_profiles(session, [groups["food"]]))
    profile = profiles[groups["food"]]
    assert set(profile.question_ids) == set(topics["food"][1][1:])
    assert profile.question_vectors.shape == (len(profile.question_ids), 384)
    assert len(profile.question_places) == len(profile.question_ids)


def test_a_group_is_matched_on_its_full_texts_and_its_match_terms(app, world) -> None:
    groups, _ = world
    with app.app_context(), new_session(app) as session:
        cluster = session.get(Cluster, groups["food"])
        assert dict(group_profiles(session, [cluster.id]))[cluster.id].keywords == tuple(
            cluster.keywords
        ), "a group not yet re-clustered is matched on its keyphrases"
        cluster.match_terms = ["food parcel", "voucher"]
        # The stored public centroid is of place-neutral vectors: the profile must not use it.
        cluster.public_centroid = np.ones(384, dtype="<f4").tobytes()
        session.commit()
        profile = dict(group_profiles(session, [cluster.id]))[cluster.id]
    assert profile.keywords == ("food parcel", "voucher")
    middle = profile.question_vectors.mean(axis=0)
    assert np.allclose(profile.centroid, middle / np.linalg.norm(middle), atol=1e-5)


def test_a_visitors_card_counts_what_the_visitor_may_read(app, client, auth, world) -> None:
    groups, _ = world
    public = created_id(client.post("/datasets/new", data=form_data()))
    hidden = created_id(
        client.post(
            "/datasets/new",
            data=form_data(title="Our own referral notes", visibility="members"),
        )
    )
    stored = assert_fresh(app)
    food = groups["food"]
    assert (food, public) in stored and (food, hidden) in stored
    with app.app_context(), new_session(app) as session:
        figure = session.get(Cluster, food).matched_dataset_count
    assert figure == sum(1 for c, d in stored if c == food and d != hidden)
    auth.logout()
    page = client.get(f"/groups/{food}").text
    assert "Our own referral notes" not in page
    assert f"<dt>Datasets matched</dt><dd>{figure}</dd>" in page
    assert f"<dt>Datasets matched</dt><dd>{figure}</dd>" in client.get("/groups").text


def _ask_about_food(client, runner) -> int:
    token = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    asked = client.post(
        "/api/v1/questions",
        json={
            "text": "How many families in Newcastle use food banks while they wait for their "
            "first Universal Credit payment?",
            "action": "Show the Jobcentre what the wait costs families.",
            "action_type": "influence-policy",
            "themes": ["food", "income-benefits"],
            "geography": "Newcastle upon Tyne",
            "confirm": True,
        },
        headers={"Authorization": f"Bearer {token}"},
    )
    assert asked.status_code == 201, asked.json
    return int(asked.json["id"])


def test_served_processes_re_score_a_group_after_the_post_commits(
    app, client, runner, world, monkeypatch
):
    groups, _ = world
    food = created_id(client.post("/datasets/new", data=form_data()))
    refresher = Refresher(app.extensions["qb.sessionmaker"], delay=0.05)
    refreshed: list[tuple[str, set[int], bool]] = []

    def counting(name, original):
        def refresh(session, cluster_ids):
            # Whether the post had committed: its question is visible to this new session.
            with new_session(app) as other:
                committed = other.scalar(select(func.count(Question.id))) == before + 1
            refreshed.append((name, set(cluster_ids), committed))
            original(session, cluster_ids)

        return refresh

    with app.app_context(), new_session(app) as session:
        before = session.scalar(select(func.count(Question.id)))
        size = session.get_one(Cluster, groups["food"]).size
    monkeypatch.setattr(
        matchstore, "refresh_groups", counting("matches", matchstore.refresh_groups)
    )
    monkeypatch.setattr(
        grouping, "refresh_demand_figures", counting("figures", grouping.refresh_demand_figures)
    )
    question = _ask_about_food(client, runner)
    assert refresher.wait_idle(30)
    # Once each, by the refresher, after the commit: figures first, as they were asked for.
    assert refreshed == [("figures", {groups["food"]}, True), ("matches", {groups["food"]}, True)]
    assert question in assert_fresh(app)[(groups["food"], food)][2]
    with app.app_context(), new_session(app) as session:
        assert session.get_one(Cluster, groups["food"]).size == size + 1


def test_a_burst_of_posts_is_recounted_in_one_pass(app, client, runner, world, monkeypatch):
    groups, _ = world
    refresher = Refresher(app.extensions["qb.sessionmaker"], delay=3)  # the posts take less
    passes: list[set[int]] = []
    original = grouping.refresh_demand_figures

    def counting(session, cluster_ids):
        passes.append(set(cluster_ids))
        original(session, cluster_ids)

    monkeypatch.setattr(grouping, "refresh_demand_figures", counting)
    with app.app_context(), new_session(app) as session:
        size = session.get_one(Cluster, groups["food"]).size
    for _ in range(3):
        _ask_about_food(client, runner)
    assert refresher.wait_idle(30)
    assert passes == [{groups["food"]}]
    with app.app_context(), new_session(app) as session:
        assert session.get_one(Cluster, groups["food"]).size == size + 3


def test_a_failed_refresh_is_logged_and_asked_for_again(app, world, caplog):
    refresher = Refresher(app.extensions["qb.sessionmaker"], delay=0.01)
    calls: list[set[int]] = []

    def flaky(session, ids):
        calls.append(set(ids))
        if len(calls) == 1:
            raise RuntimeError("the database went away")

    refresher.add(flaky, [1, 2])
    assert refresher.wait_idle(30)
    assert calls == [{1, 2}, {1, 2}]
    assert "a background refresh of" in caplog.text and "the database went away" in caplog.text


def test_a_rolled_back_post_leaves_nothing_to_re_score(app, world):
    refresher = Refresher(app.extensions["qb.sessionmaker"], delay=0.05)
    groups, _ = world
    with app.app_context(), new_session(app) as session:
        session.get(Cluster, groups["food"])  # a transaction begun, as a post has one
        matchstore.refresh_groups_after_commit(session, [groups["food"]])
        session.rollback()
        session.commit()
    assert refresher._thread is None  # nothing was handed over, so no thread was started

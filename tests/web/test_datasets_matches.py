"""A dataset's page shows the groups it could serve, the engine's ranking run in reverse, and
the group pages link back; members-only datasets are matched only for members."""

from __future__ import annotations

from sqlalchemy import select

from app.bank.matching import cluster_matches, dataset_matches
from app.db import new_session
from models import Cluster, Dataset
from tests.web.datasets_common import created_id, form_data
from tests.web.test_clusters_common import seed_topics


def test_the_dataset_page_lists_the_groups_it_could_serve_with_reasons(
    app, client, auth, make_user, make_question
):
    topics = seed_topics(app, make_question, make_user)
    make_user()
    auth.login()
    dataset_id = created_id(client.post("/datasets/new", data=form_data()))
    food_id = topics["food"][0]
    page = client.get(f"/datasets/{dataset_id}").text
    serves = page.split('id="serves-title"')[1].split("</section>")[0]
    assert f'href="/groups/{food_id}"' in serves
    assert "Similar in meaning" in serves or "Shared theme" in serves
    assert f'href="/groups/{topics["transport"][0]}"' not in serves
    group_page = client.get(f"/groups/{food_id}").text
    assert f'href="/datasets/{dataset_id}"' in group_page
    with app.app_context(), new_session(app) as session:
        assert session.get(Cluster, food_id).matched_dataset_count == 1
        dataset = session.get(Dataset, dataset_id)
        reverse = [m.cluster.id for m in dataset_matches(session, dataset).shown]
        forward = cluster_matches(session, session.get(Cluster, food_id), viewer=None)
    assert reverse[0] == food_id and forward.shown[0].dataset.id == dataset_id


def test_members_only_datasets_are_matched_for_members_only(
    app, client, auth, make_user, make_question
):
    topics = seed_topics(app, make_question, make_user)
    make_user()
    auth.login()
    dataset_id = created_id(client.post("/datasets/new", data=form_data(visibility="members")))
    food_id = topics["food"][0]
    assert f'href="/datasets/{dataset_id}"' in client.get(f"/groups/{food_id}").text
    auth.logout()
    assert f'href="/datasets/{dataset_id}"' not in client.get(f"/groups/{food_id}").text
    api = client.get(f"/api/v1/clusters/{food_id}").json
    assert dataset_id not in [m["dataset"]["id"] for m in api["matches"]]


def test_retiring_recounts_the_groups_it_matched(app, client, auth, make_user, make_question):
    topics = seed_topics(app, make_question, make_user)
    make_user()
    auth.login()
    dataset_id = created_id(client.post("/datasets/new", data=form_data()))
    client.post(f"/datasets/{dataset_id}/retire", data={"confirm": "y"})
    with app.app_context(), new_session(app) as session:
        counts = session.scalars(select(Cluster.matched_dataset_count)).all()
    assert set(counts) == {0}
    assert f'href="/datasets/{dataset_id}"' not in client.get(f"/groups/{topics['food'][0]}").text


def test_the_engine_embeds_what_a_dataset_measures_and_whom_it_covers():
    from app.insight.match import dataset_text

    plain = dataset_text("Referrals", "Food bank referrals.", ["food bank"])
    assert plain == "Referrals. Food bank referrals. Keywords: food bank."  # unchanged without them
    full = dataset_text(
        "Referrals",
        "Food bank referrals.",
        ["food bank"],
        ["referral reason"],
        "Tyneside households",
    )
    assert full.endswith("Measures: referral reason. Covers: Tyneside households.")

"""Topics over the groups: placed after every re-cluster with stable ids, browsed on the
groups page and named in the API."""

from __future__ import annotations

from sqlalchemy import select

from app.bank.recluster import run_recluster
from models import Cluster, ClusterState, Question, Topic, Visibility
from tests.web.test_recluster import ENERGY, FOOD, TRANSPORT

HOUSING = [
    "How many private renters in arrears have been served an eviction notice this year?",
    "Are landlords evicting tenants who fall behind on rent after a rent increase?",
    "What share of private tenants facing eviction owe less than two months' rent?",
    "How often do no-fault evictions follow a tenant asking for repairs?",
]
SCHOOL = [
    "How much do families spend on school uniform each September?",
    "Are school uniform costs stopping children from low-income families starting secondary school?",
    "How many schools still insist on branded uniform from a single supplier?",
    "Do uniform grants cover what parents actually pay for school clothing?",
]
FAMILIES = {
    "food": FOOD,
    "energy": ENERGY,
    "transport": TRANSPORT,
    "housing": HOUSING,
    "school": SCHOOL,
}


def _seed(make_question, make_user) -> dict[str, list[int]]:
    author = make_user("asker@example.org")
    return {
        name: [make_question(text, author=author) for text in texts]
        for name, texts in FAMILIES.items()
    }


def _topic_of_groups(db) -> dict[int, int | None]:
    return dict(
        db.execute(
            select(Cluster.id, Cluster.topic_id).where(Cluster.state == ClusterState.ACTIVE)
        ).all()
    )


def test_every_live_group_is_in_exactly_one_labelled_topic(
    app, db, make_question, make_user
) -> None:
    _seed(make_question, make_user)
    with app.app_context():
        run_recluster(db)
    placed = _topic_of_groups(db)
    assert len(placed) >= 5 and None not in placed.values()
    topics = db.scalars(select(Topic).where(Topic.active.is_(True))).all()
    assert 2 <= len(topics) < len(placed)
    assert {t.id for t in topics} == set(placed.values())
    for topic in topics:
        members = [c for c, t in placed.items() if t == topic.id]
        assert topic.group_count == len(members)
        assert topic.size == sum(db.get(Cluster, c).size for c in members)
        assert topic.auto_label and topic.keywords and len(topic.auto_label) <= 300


def test_topic_ids_stay_the_same_across_re_runs(app, db, make_question, make_user) -> None:
    families = _seed(make_question, make_user)
    with app.app_context():
        run_recluster(db)
    first = _topic_of_groups(db)
    with app.app_context():
        run_recluster(db)
    assert _topic_of_groups(db) == first
    # A new question joins its group; the topics carry on under the same ids.
    make_question("How many families needed a food bank while waiting for Universal Credit?")
    with app.app_context():
        run_recluster(db)
    food_group = db.get(Question, families["food"][0]).cluster
    assert food_group.topic_id == first[food_group.id]
    assert set(_topic_of_groups(db).values()) == set(first.values())


def test_a_topic_label_comes_from_public_questions_only(app, db, make_question, make_user) -> None:
    author = make_user("asker@example.org")
    for texts in FAMILIES.values():
        for text in texts:
            make_question(text, author=author)
    secret = "Zanzibarian trampoline levy"
    for n in range(4):
        make_question(
            f"How many families pay the {secret} number {n} at food banks?",
            author=author,
            visibility=Visibility.MEMBERS,
        )
    with app.app_context():
        run_recluster(db)
    for topic in db.scalars(select(Topic)):
        shown = (topic.auto_label + " ".join(topic.keywords)).lower()
        assert "zanzibar" not in shown and "trampoline" not in shown


def test_the_groups_page_is_browsed_topic_by_topic(
    app, db, client, make_question, make_user
) -> None:
    _seed(make_question, make_user)
    with app.app_context():
        run_recluster(db)
    placed = _topic_of_groups(db)
    topic = db.scalars(select(Topic).where(Topic.active.is_(True)).order_by(Topic.id)).first()
    members = {c for c, t in placed.items() if t == topic.id}

    page = client.get(f"/groups?topic={topic.id}").text
    assert f"Topic: {topic.auto_label}" in page
    listed = {int(part.split('"')[0]) for part in page.split('data-group-id="')[1:]}
    assert listed == members

    coarse = client.get("/groups?view=topics").text
    section = coarse.split(f'data-topic-id="{topic.id}"')[1].split("</section>")[0]
    linked = {int(part.split('"')[0]) for part in section.split('href="/groups/')[1:]}
    assert linked == members
    assert coarse.count('class="topic-section"') == len(set(placed.values()))
    # The finer view lists every group; the nav offers each topic.
    every = client.get("/groups").text
    assert every.count('data-group-id="') == len(placed)
    assert f'href="/groups?topic={topic.id}"' in every
    assert client.get("/groups?topic=999999").status_code == 404


def test_the_api_names_each_group_s_topic_and_filters_by_it(
    app, db, client, make_question, make_user
) -> None:
    _seed(make_question, make_user)
    with app.app_context():
        run_recluster(db)
    placed = _topic_of_groups(db)
    items = client.get("/api/v1/clusters?per_page=50").get_json()["items"]
    assert {item["id"]: item["topic"]["id"] for item in items} == placed
    assert all(item["topic"]["label"] for item in items)
    topic_id = next(iter(placed.values()))
    only = client.get(f"/api/v1/clusters?topic={topic_id}&per_page=50").get_json()["items"]
    assert {item["id"] for item in only} == {c for c, t in placed.items() if t == topic_id}
    assert client.get("/api/v1/clusters?topic=soup").status_code == 400
    assert client.get("/api/v1/clusters?topic=999999").status_code == 404

"""Full re-clustering against the database: stable ids, locks, pins, what is attached, the run."""

from __future__ import annotations

from sqlalchemy import select

from app.bank.index import question_index
from app.bank.recluster import run_recluster
from models import (
    AccessLevel,
    Cluster,
    ClusterState,
    Dataset,
    Job,
    JobStatus,
    Pledge,
    Question,
)

FOOD = [
    "How many families referred to food banks are waiting for their first Universal Credit payment?",
    "What share of food bank referrals are caused by the five-week wait for Universal Credit?",
    "Are people using food banks because their first Universal Credit payment has not arrived?",
    "How often is the Universal Credit waiting period the reason families need emergency food parcels?",
]
ENERGY = [
    "How many households on prepayment meters go without heating because they cannot top up?",
    "How often do prepayment meter customers self-disconnect from gas and electricity in winter?",
    "What proportion of people with prepayment energy meters run out of credit and go cold?",
    "How common is it for families on prepay meters to be left without power because they can't afford credit?",
]
TRANSPORT = [
    "How have cuts to rural bus services affected people's ability to get to work?",
    "Are reductions in bus routes stopping people in villages from reaching jobs?",
    "What happens to employment in rural areas when the local bus service is withdrawn?",
    "Do people in the countryside lose work because buses no longer run at the right times?",
]


def _questions_by_cluster(db) -> dict[int | None, set[int]]:
    groups: dict[int | None, set[int]] = {}
    for qid, cid in db.execute(select(Question.id, Question.cluster_id)):
        groups.setdefault(cid, set()).add(qid)
    return groups


def _seed_three_topics(make_question, make_user) -> dict[str, list[int]]:
    author = make_user("asker@example.org")
    return {
        name: [make_question(text, author=author) for text in texts]
        for name, texts in (("food", FOOD), ("energy", ENERGY), ("transport", TRANSPORT))
    }


def test_first_run_groups_paraphrases_and_records_the_run(
    app, db, make_question, make_user
) -> None:
    topics = _seed_three_topics(make_question, make_user)
    with app.app_context():
        run = run_recluster(db)
    assert run.status is JobStatus.SUCCEEDED, run.message
    assert run.result["n_questions"] == 12
    groups = _questions_by_cluster(db)
    for ids in topics.values():
        clusters = {cid for cid, members in groups.items() if members & set(ids)}
        assert len(clusters) == 1, f"paraphrases split across {clusters}"
    food_cluster = db.get(Question, topics["food"][0]).cluster
    assert "food" in " ".join(food_cluster.keywords)
    assert food_cluster.representative_question_id in topics["food"]
    assert food_cluster.size == 4
    assert run.result["events"] and all("kind" in event for event in run.result["events"])


def test_ids_titles_and_pledges_survive_a_rerun_with_questions_added(
    app, db, make_question, make_user
) -> None:
    topics = _seed_three_topics(make_question, make_user)
    with app.app_context():
        run_recluster(db)
    food_cluster = db.get(Question, topics["food"][0]).cluster_id
    energy_cluster = db.get(Question, topics["energy"][0]).cluster_id
    cluster = db.get(Cluster, food_cluster)
    cluster.title = "Food banks and the Universal Credit wait"
    holder = db.get(Question, topics["food"][0]).organisation_id
    dataset = Dataset(
        title="Food bank referrals",
        description="Referral reasons by month.",
        holder_organisation_id=holder,
        access_level=AccessLevel.ON_REQUEST,
    )
    db.add(dataset)
    db.flush()
    db.add(Pledge(dataset_id=dataset.id, cluster_id=food_cluster, conditions=""))
    db.commit()

    new_food = make_question(
        "Is the five week Universal Credit wait pushing people to food banks?",
        author=make_user("late@example.org", organisation="Late Org"),
    )
    with app.app_context():
        second = run_recluster(db)
    assert second.status is JobStatus.SUCCEEDED, second.message
    db.expire_all()
    assert db.get(Question, topics["food"][1]).cluster_id == food_cluster
    assert db.get(Question, new_food).cluster_id == food_cluster
    assert db.get(Question, topics["energy"][2]).cluster_id == energy_cluster
    assert db.get(Cluster, food_cluster).title == "Food banks and the Universal Credit wait"
    assert db.scalar(select(Pledge.cluster_id)) == food_cluster
    assert any(e["kind"] == "kept" for e in second.result["events"])


def test_locked_group_and_pinned_question_stay_as_they_are(
    app, db, make_question, make_user
) -> None:
    topics = _seed_three_topics(make_question, make_user)
    with app.app_context():
        run_recluster(db)
    transport_cluster = db.get(Question, topics["transport"][0]).cluster_id
    food_cluster = db.get(Question, topics["food"][0]).cluster_id
    # a facilitator put an energy question in the transport group, and locked the food group
    misfit = db.get(Question, topics["energy"][0])
    misfit.cluster_id = transport_cluster
    misfit.cluster_pinned = True
    db.get(Cluster, food_cluster).locked = True
    odd_member = db.get(Question, topics["transport"][3])
    odd_member.cluster_id = food_cluster
    db.commit()
    before_food = {q.id for q in db.get(Cluster, food_cluster).questions}

    with app.app_context():
        run = run_recluster(db)
    assert run.status is JobStatus.SUCCEEDED, run.message
    db.expire_all()
    assert {q.id for q in db.get(Cluster, food_cluster).questions} == before_food
    assert db.get(Question, topics["energy"][0]).cluster_id == transport_cluster


def test_hidden_questions_are_left_out(app, db, make_question, make_user) -> None:
    topics = _seed_three_topics(make_question, make_user)
    hidden = db.get(Question, topics["food"][0])
    hidden.hidden = True
    db.commit()
    with app.app_context():
        run = run_recluster(db)
    assert run.result["n_questions"] == 11
    assert db.get(Question, topics["food"][0]).cluster_id is None


def test_empty_bank_runs_cleanly(app, db) -> None:
    with app.app_context():
        run = run_recluster(db)
    assert run.status is JobStatus.SUCCEEDED
    assert run.result["n_clusters"] == 0 and run.result["n_questions"] == 0


def test_cli_recluster_and_reembed(app, runner, db, make_question, make_user) -> None:
    _seed_three_topics(make_question, make_user)
    stale = db.scalars(select(Question)).first()
    stale.embedding_model = "some-older-model"
    db.commit()
    result = runner.invoke(args=["insight", "reembed"])
    assert result.exit_code == 0, result.output
    assert "Embedded 1 questions" in result.output
    db.expire_all()
    assert db.get(Question, stale.id).embedding_model == "all-MiniLM-L6-v2"

    result = runner.invoke(args=["insight", "recluster"])
    assert result.exit_code == 0, result.output
    assert db.scalar(select(Job.status)) is JobStatus.SUCCEEDED
    assert db.scalar(select(Cluster.id).where(Cluster.state == ClusterState.ACTIVE)) is not None


def test_second_process_index_sees_new_question_after_sync(app, make_question, make_user) -> None:
    """Two index stores stand for two gunicorn workers reading the same database."""
    from app.bank.embeddings import embed_texts
    from app.bank.index import QuestionIndexStore
    from app.db import get_engine

    with app.app_context():
        worker_b = QuestionIndexStore(get_engine(app), app.config["EMBEDDING_MODEL"])
        worker_b.sync(force=True)
        assert len(worker_b) == 0
        qid = make_question(FOOD[0])
        worker_b.sync(force=True)
        hits = worker_b.search(embed_texts([FOOD[1]])[0], k=1)
        assert hits and hits[0].question_id == qid
        worker_a = question_index(app)
        worker_a.sync(force=True)
        assert len(worker_a) == 1

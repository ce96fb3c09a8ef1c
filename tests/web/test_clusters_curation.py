"""Facilitators curate groups (rename, merge, move, split, lock); admins re-cluster."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest
from sqlalchemy import func, select

from app.bank.embeddings import blob_to_vector
from app.core.errors import Forbidden
from app.db import new_session
from app.insight.match import centroid
from models import (
    AccessLevel,
    Cluster,
    ClusterState,
    CurationLog,
    Dataset,
    Job,
    JobKind,
    JobStatus,
    Partnership,
    Pledge,
    Question,
    Role,
    Workshop,
    WorkshopItem,
    utcnow,
)
from tests.web.test_clusters_common import seed_topics


@pytest.fixture
def topics(app, make_question, make_user) -> dict[str, tuple[int, list[int]]]:
    """The food, energy and transport groups."""
    return seed_topics(app, make_question, make_user)


@pytest.fixture
def facilitator(client, auth, make_user) -> None:
    """The client is logged in as a facilitator."""
    make_user("facilitator@example.org", role=Role.FACILITATOR, name="Fay")
    auth.login("facilitator@example.org")


def _state(db) -> tuple:
    """Everything curation could change, to check that a refused edit changed nothing."""
    db.expire_all()
    return (
        sorted(db.execute(select(Question.id, Question.cluster_id, Question.cluster_pinned))),
        sorted(
            db.execute(
                select(Cluster.id, Cluster.title, Cluster.state, Cluster.locked, Cluster.size)
            )
        ),
        db.scalar(select(func.count()).select_from(CurationLog)),
    )


def _members(db, cluster_id: int) -> set[int]:
    db.expire_all()
    return set(db.scalars(select(Question.id).where(Question.cluster_id == cluster_id)))


def test_rename_keeps_the_automatic_label_visible(client, db, topics, facilitator) -> None:
    food_id, _ = topics["food"]
    response = client.post(f"/groups/{food_id}/rename", data={"rename-title": "  UC waits  "})
    assert response.status_code == 302
    page = client.get(f"/groups/{food_id}").text
    assert '<h1 id="group-title">UC waits</h1>' in page
    assert "Automatic label:</span> food, banks, credit" in page
    assert "<li>banks</li>" in page
    log = db.scalar(select(CurationLog))
    assert (log.action, log.cluster_id, log.user.email) == (
        "rename",
        food_id,
        "facilitator@example.org",
    )
    assert log.detail["new"] == "UC waits" and log.detail["old"] is None
    assert "Fay: Renamed group" in page
    listing = client.get("/groups").text
    assert "UC waits" in listing and "automatic label: food, banks, credit" in listing


def test_merge_moves_questions_pledges_partnerships_and_workshop_items(
    app, client, db, topics, facilitator
) -> None:
    food_id, food_questions = topics["food"]
    energy_id, energy_questions = topics["energy"]
    with app.app_context(), new_session(app) as session:
        holder = session.get(Question, food_questions[0]).organisation_id
        dataset = Dataset(
            title="Meter top-ups",
            description="Prepayment top-up records.",
            holder_organisation_id=holder,
            access_level=AccessLevel.RESTRICTED,
        )
        workshop = Workshop(title="Winter priorities")
        session.add_all(
            [
                Pledge(dataset=dataset, cluster_id=energy_id),
                Pledge(dataset=dataset, question_id=energy_questions[0]),
                Partnership(title="Cold homes", cluster_id=energy_id),
                WorkshopItem(workshop=workshop, cluster_id=energy_id),
            ]
        )
        session.commit()

    response = client.post(f"/groups/{energy_id}/merge", data={"merge-target": str(food_id)})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/groups/{food_id}")

    assert _members(db, food_id) == set(food_questions) | set(energy_questions)
    assert all(db.get(Question, q).cluster_pinned for q in energy_questions)
    source, target = db.get(Cluster, energy_id), db.get(Cluster, food_id)
    assert source.state is ClusterState.MERGED and source.merged_into_id == food_id
    assert db.scalars(select(Pledge.cluster_id).where(Pledge.cluster_id.is_not(None))).all() == [
        food_id
    ]
    assert db.scalar(select(Partnership.cluster_id)) == food_id
    assert db.scalar(select(WorkshopItem.cluster_id)) == food_id
    assert (target.size, target.pledge_count, source.size) == (6, 2, 0)
    members = np.vstack(
        [blob_to_vector(db.get(Question, q).embedding) for q in sorted(_members(db, food_id))]
    )
    np.testing.assert_allclose(blob_to_vector(target.centroid), centroid(members), atol=1e-5)
    logs = db.scalars(select(CurationLog).order_by(CurationLog.cluster_id)).all()
    assert {(log.action, log.cluster_id) for log in logs} == {
        ("merge", energy_id),
        ("merge", food_id),
    }
    assert logs[0].detail["questions"] == 3 and logs[0].detail["pledges"] == 1

    page = client.get(f"/groups/{food_id}").text
    assert "Merged group" in page and "Cold homes" in page
    assert f'data-group-id="{energy_id}"' not in client.get("/groups").text
    assert client.get(f"/groups/{energy_id}").status_code == 302


def test_move_a_question_pins_it_in_the_other_group(app, client, db, topics, facilitator) -> None:
    food_id, food_questions = topics["food"]
    energy_id, _ = topics["energy"]
    moved = food_questions[0]
    response = client.post(
        f"/groups/{food_id}/move",
        data={"move-question_id": str(moved), "move-target": str(energy_id)},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/groups/{food_id}")
    question = db.get(Question, moved)
    assert question.cluster_id == energy_id and question.cluster_pinned
    assert (db.get(Cluster, food_id).size, db.get(Cluster, energy_id).size) == (2, 4)
    assert db.get(Cluster, food_id).representative_question_id != moved
    logs = db.scalars(select(CurationLog)).all()
    assert {(log.action, log.cluster_id, log.question_id) for log in logs} == {
        ("move", food_id, moved),
        ("move", energy_id, moved),
    }


def test_moving_the_last_question_out_dissolves_the_group(client, db, topics, facilitator) -> None:
    transport_id, transport_questions = topics["transport"]
    food_id, _ = topics["food"]
    for question_id in transport_questions:
        client.post(
            f"/groups/{transport_id}/move",
            data={"move-question_id": str(question_id), "move-target": str(food_id)},
        )
    db.expire_all()
    assert db.get(Cluster, transport_id).state is ClusterState.DISSOLVED
    assert db.get(Cluster, food_id).size == 5


def test_split_makes_a_new_group_from_the_ticked_questions(client, db, topics, facilitator) -> None:
    food_id, food_questions = topics["food"]
    chosen = food_questions[:2]
    response = client.post(
        f"/groups/{food_id}/split",
        data={"split-question_ids": [str(q) for q in chosen], "split-title": "First payments"},
    )
    assert response.status_code == 302
    created = db.scalar(select(Cluster).where(Cluster.id.not_in([c for c, _ in topics.values()])))
    assert response.headers["Location"].endswith(f"/groups/{created.id}")
    assert created.title == "First payments" and created.state is ClusterState.ACTIVE
    assert _members(db, created.id) == set(chosen)
    assert all(db.get(Question, q).cluster_pinned for q in chosen)
    vectors = np.vstack([blob_to_vector(db.get(Question, q).embedding) for q in chosen])
    np.testing.assert_allclose(blob_to_vector(created.centroid), centroid(vectors), atol=1e-5)
    assert created.keywords and created.auto_label
    assert created.representative_question_id in chosen
    assert (created.size, db.get(Cluster, food_id).size) == (2, 1)
    assert {log.cluster_id for log in db.scalars(select(CurationLog))} == {food_id, created.id}


def test_lock_and_unlock(client, db, topics, facilitator) -> None:
    food_id, _ = topics["food"]
    page = client.get(f"/groups/{food_id}").text
    assert f'action="/groups/{food_id}/lock"' in page
    assert client.post(f"/groups/{food_id}/lock").status_code == 302
    assert db.get(Cluster, food_id).locked
    page = client.get(f"/groups/{food_id}").text
    assert f'action="/groups/{food_id}/unlock"' in page and "locked</strong>" in page
    client.post(f"/groups/{food_id}/unlock")
    db.expire_all()
    assert not db.get(Cluster, food_id).locked
    actions = db.scalars(select(CurationLog.action).order_by(CurationLog.id)).all()
    assert actions == ["lock", "unlock"]


CURATION_POSTS = {
    "rename": {"rename-title": "A new name"},
    "merge": {"merge-target": "{other}"},
    "move": {"move-question_id": "{question}", "move-target": "{other}"},
    "split": {"split-question_ids": "{question}"},
    "lock": {},
    "unlock": {},
}


def _filled(data: dict[str, str], other: int, question: int) -> dict[str, str]:
    return {k: v.format(other=other, question=question) for k, v in data.items()}


@pytest.mark.parametrize("action", CURATION_POSTS)
def test_member_cannot_curate(client, auth, db, topics, make_user, action) -> None:
    food_id, food_questions = topics["food"]
    energy_id, _ = topics["energy"]
    make_user("member@example.org")
    auth.login("member@example.org")
    before = _state(db)
    data = _filled(CURATION_POSTS[action], energy_id, food_questions[0])
    assert client.post(f"/groups/{food_id}/{action}", data=data).status_code == 403
    assert _state(db) == before
    assert "Curate this group" not in client.get(f"/groups/{food_id}").text


@pytest.mark.parametrize("action", CURATION_POSTS)
def test_visitor_is_sent_to_log_in(client, topics, action) -> None:
    food_id, _ = topics["food"]
    response = client.post(f"/groups/{food_id}/{action}")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_curation_services_refuse_members(app, db, topics, make_user) -> None:
    from app.clusters.curation import merge_groups, rename_group, set_locked

    food_id, _ = topics["food"]
    energy_id, _ = topics["energy"]
    member = make_user("member@example.org")
    with pytest.raises(Forbidden):
        rename_group(db, member, food_id, "Nope")
    with pytest.raises(Forbidden):
        merge_groups(db, member, food_id, energy_id)
    with pytest.raises(Forbidden):
        set_locked(db, member, food_id, True)


BAD_INPUT = [
    ("rename", {"rename-title": ""}, "rename-title", "Give the group a title."),
    ("rename", {"rename-title": "   "}, "rename-title", "Give the group a title."),
    ("rename", {"rename-title": "x" * 201}, "rename-title", "200 characters or fewer"),
    ("merge", {"merge-target": "{self}"}, "merge-target", "cannot be merged into itself"),
    ("merge", {"merge-target": "999"}, "merge-target", "There is no group number 999."),
    ("merge", {"merge-target": "{merged}"}, "merge-target", "was merged into group"),
    ("merge", {"merge-target": "soon"}, "merge-target", "Not a valid integer"),
    ("merge", {}, "merge-target", "Give the number of a group."),
    ("split", {}, "split-question_ids", "Select at least one question to split off."),
    ("split", {"split-question_ids": "{all}"}, "split-question_ids", "Leave at least one"),
    ("split", {"split-question_ids": "{foreign}"}, "split-question_ids", "only questions"),
    (
        "move",
        {"move-question_id": "{question}", "move-target": "999"},
        "move-target",
        "There is no group number 999.",
    ),
    (
        "move",
        {"move-question_id": "{question}", "move-target": "{self}"},
        "move-target",
        "already in this group",
    ),
    (
        "move",
        {"move-question_id": "{foreign}", "move-target": "{other}"},
        "move-question_id",
        "Choose a question from this group.",
    ),
]


@pytest.mark.parametrize(("action", "data", "field_id", "message"), BAD_INPUT)
def test_bad_input_is_shown_beside_the_field_and_changes_nothing(
    app, client, db, topics, facilitator, action, data, field_id, message
) -> None:
    food_id, food_questions = topics["food"]
    energy_id, energy_questions = topics["energy"]
    transport_id, _ = topics["transport"]
    with app.app_context(), new_session(app) as session:
        merged = session.get(Cluster, transport_id)
        merged.state = ClusterState.MERGED
        merged.merged_into_id = energy_id
        session.commit()
    values = {
        "self": food_id,
        "other": energy_id,
        "merged": transport_id,
        "question": food_questions[0],
        "foreign": energy_questions[0],
    }
    form = {key: value.format(**values) for key, value in data.items() if value != "{all}"}
    if data.get("split-question_ids") == "{all}":
        form["split-question_ids"] = [str(q) for q in food_questions]
    before = _state(db)
    response = client.post(f"/groups/{food_id}/{action}", data=form)
    assert response.status_code == 422
    assert _state(db) == before
    beside = re.search(rf'id="{field_id}-error">([^<]*)<', response.text)
    assert beside is not None and message in beside.group(1), response.text
    assert 'class="error-summary"' in response.text


def test_admin_starts_a_recluster_and_watches_it_finish(
    app, client, auth, db, topics, make_user
) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    response = client.post("/groups/recluster")
    assert response.status_code == 302
    run_url = response.headers["Location"]
    run_id = int(run_url.rstrip("/").rsplit("/", 1)[1])
    assert run_url.endswith(f"/groups/runs/{run_id}")
    poll = {"HX-Request": "true", "HX-Target": "run-progress"}
    deadline = time.monotonic() + 120
    while True:
        fragment = client.get(run_url, headers=poll)
        if fragment.status_code == 286 or time.monotonic() > deadline:
            break
        assert fragment.status_code == 200 and 'hx-trigger="every 2s"' in fragment.text
        time.sleep(0.2)
    assert fragment.status_code == 286, fragment.text
    assert "hx-trigger" not in fragment.text and "<html" not in fragment.text
    run = db.get(Job, run_id)
    assert run.status is JobStatus.SUCCEEDED, run.message
    assert "What happened to the groups" in fragment.text
    assert f"<dt>Questions</dt><dd>{run.result['n_questions']}</dd>" in fragment.text
    page = client.get(run_url)
    assert page.status_code == 200 and "<html" in page.text and "Succeeded" in page.text


def test_run_page_polls_while_running_and_links_to_refresh(
    app, client, auth, db, make_user
) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    with app.app_context(), new_session(app) as session:
        run = Job(
            kind=JobKind.RECLUSTER,
            status=JobStatus.RUNNING,
            progress=0.4,
            message="Grouping",
            heartbeat_at=utcnow(),
        )
        session.add(run)
        session.commit()
        run_id = run.id
    page = client.get(f"/groups/runs/{run_id}").text
    assert f'hx-get="/groups/runs/{run_id}" hx-trigger="every 2s"' in page
    assert f'<a href="/groups/runs/{run_id}">Refresh</a>' in page
    assert 'value="40"' in page and "Grouping" in page
    fragment = client.get(
        f"/groups/runs/{run_id}", headers={"HX-Request": "true", "HX-Target": "run-progress"}
    )
    assert fragment.status_code == 200 and "HX-Request" in fragment.headers["Vary"]


def test_finished_run_says_what_happened_to_each_group(app, client, auth, make_user) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    events = [
        {"kind": "kept", "cluster_id": 1, "clusters": [1], "old_sizes": [3], "new_sizes": [4]},
        {
            "kind": "merged",
            "cluster_id": 2,
            "clusters": [2, 5],
            "old_sizes": [2, 2],
            "new_sizes": [4],
        },
        {"kind": "split", "cluster_id": 3, "clusters": [3], "old_sizes": [6], "new_sizes": [4, 2]},
        {"kind": "new", "cluster_id": None, "clusters": [], "old_sizes": [], "new_sizes": [1]},
        {
            "kind": "dissolved",
            "cluster_id": None,
            "clusters": [6],
            "old_sizes": [1],
            "new_sizes": [],
        },
        {"kind": "locked", "cluster_id": 7, "clusters": [7], "old_sizes": [2], "new_sizes": []},
    ]
    with app.app_context(), new_session(app) as session:
        run = Job(
            kind=JobKind.RECLUSTER,
            status=JobStatus.SUCCEEDED,
            progress=1.0,
            result={"events": events},
        )
        session.add(run)
        session.commit()
        run_id = run.id
    fragment = client.get(
        f"/groups/runs/{run_id}", headers={"HX-Request": "true", "HX-Target": "run-progress"}
    )
    assert fragment.status_code == 286
    text = re.sub(r"<[^>]+>", "", fragment.text)
    for line in (
        "Kept: 1",
        "group 1 kept: 3 → 4 questions",
        "group 5 merged into group 2, now 4 questions",
        "group 3 (6 questions) split into 2 groups of 4, 2",
        "a new group of 1 question",
        "group 6 (1 question) dissolved",
        "group 7 is locked: left as it was",
    ):
        assert line in text, line
    assert text.index("Kept") < text.index("Merged") < text.index("Locked")


def test_a_second_recluster_joins_the_run_under_way(app, client, auth, make_user) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    with app.app_context(), new_session(app) as session:
        run = Job(kind=JobKind.RECLUSTER, status=JobStatus.RUNNING, heartbeat_at=utcnow())
        session.add(run)
        session.commit()
        run_id = run.id
    response = client.post("/groups/recluster")
    assert response.headers["Location"].endswith(f"/groups/runs/{run_id}")


def test_only_admins_recluster(app, client, auth, db, make_user) -> None:
    make_user("facilitator@example.org", role=Role.FACILITATOR)
    auth.login("facilitator@example.org")
    with app.app_context(), new_session(app) as session:
        run = Job(kind=JobKind.RECLUSTER, status=JobStatus.SUCCEEDED)
        session.add(run)
        session.commit()
        run_id = run.id
    assert client.post("/groups/recluster").status_code == 403
    assert client.get(f"/groups/runs/{run_id}").status_code == 403
    assert db.scalar(select(func.count()).select_from(Job)) == 1

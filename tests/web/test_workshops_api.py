"""The workshops API: phases, joining, scores, results, outcome and data mapping."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.workshops.results import Rating, aggregate
from models import (
    Dataset,
    DatasetVisibility,
    Notification,
    Question,
    QuestionStatus,
    QuestionStatusChange,
    WorkshopScore,
)
from tests.web.workshop_helpers import API, build_table, join_guest, new_workshop, read


@pytest.fixture
def table(app, client, make_user, make_question):
    return build_table(app, client, make_user, make_question)


def _items(workshop):
    return [item["id"] for item in workshop["items"]]


def _phase(table, workshop_id, phase):
    return table.facilitator.post(f"{API}/{workshop_id}/phase", {"phase": phase})


def test_setting_up_answers_id_join_code_phase_and_item_ids(table) -> None:
    workshop = new_workshop(table, weights={"value": 2, "gap": 1, "feasibility": 0})
    assert workshop["phase"] == "setup" and len(workshop["join_code"]) == 6
    assert [i["cluster_id"] for i in workshop["items"]] == [table.group_id, None, None]
    assert all(isinstance(i["id"], int) for i in workshop["items"])
    assert workshop["weights"] == {"value": 2.0, "gap": 1.0, "feasibility": 0.0}
    # A participant never sees the join code.
    assert table.alice.get(f"{API}/{workshop['id']}").json["join_code"] is None


def test_only_facilitators_set_up_and_weights_need_one_above_zero(table) -> None:
    body = {"title": "Mine", "items": [{"question_id": table.public_question}]}
    assert table.alice.post(API, body).status_code == 403
    zero = table.facilitator.post(
        API, {**body, "weights": {"value": 0, "gap": 0, "feasibility": 0}}
    )
    assert zero.status_code == 422 and "weights" in zero.json["error"]["fields"]
    capped = table.facilitator.post(API, {**body, "dots": 2, "dot_cap": 5})
    assert capped.status_code == 422 and "dot_cap" in capped.json["error"]["fields"]
    empty = table.facilitator.post(API, {"title": "Empty", "items": []})
    assert empty.status_code == 422 and "items" in empty.json["error"]["fields"]


def test_phase_machine_moves_forward_only_and_only_for_the_facilitator(table) -> None:
    workshop = new_workshop(table)
    wid, items = workshop["id"], _items(workshop)
    assert table.alice.post(f"{API}/{wid}/participants").status_code == 201
    early = table.alice.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[0], "value": 3}]})
    assert early.status_code == 409
    assert table.alice.post(f"{API}/{wid}/phase", {"phase": "scoring"}).status_code == 403
    assert _phase(table, wid, "reveal").status_code == 409  # skipping scoring
    assert _phase(table, wid, "scoring").json["phase"] == "scoring"
    assert _phase(table, wid, "setup").status_code == 409  # backwards
    assert _phase(table, wid, "scoring").status_code == 409  # not forward
    assert _phase(table, wid, "mapping").status_code == 409
    assert _phase(table, wid, "nonsense").status_code == 422
    ok = table.alice.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[0], "value": 3}]})
    assert ok.status_code == 200
    assert _phase(table, wid, "reveal").json["phase"] == "reveal"
    late = table.alice.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[0], "value": 5}]})
    assert late.status_code == 409
    assert _phase(table, wid, "mapping").status_code == 409  # nothing prioritised yet
    assert _phase(table, wid, "decided").status_code == 200
    assert _phase(table, wid, "closed").json["phase"] == "closed"
    assert _phase(table, wid, "closed").status_code == 409


def test_a_participant_replaces_only_their_own_scores(app, table) -> None:
    workshop = new_workshop(table)
    wid, items = workshop["id"], _items(workshop)
    for caller in (table.alice, table.bob):
        caller.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    table.alice.put(f"{API}/{wid}/scores", {"scores": [{"item_id": i, "value": 1} for i in items]})
    table.bob.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[0], "value": 5}]})
    again = table.alice.put(
        f"{API}/{wid}/scores", {"scores": [{"item_id": items[1], "gap": 4, "comment": "Hm"}]}
    )
    assert again.status_code == 200
    rows = read(
        app,
        lambda s: s.execute(
            select(WorkshopScore.item_id, WorkshopScore.value, WorkshopScore.gap)
        ).all(),
    )
    assert sorted(tuple(r) for r in rows) == [
        (items[0], 5, None),
        (items[1], None, 4),
    ]
    # Not a participant: no scores at all.
    outsider = table.facilitator.put(f"{API}/{wid}/scores", {"scores": []})
    assert outsider.status_code == 403


@pytest.mark.parametrize(
    ("scores", "field"),
    [
        ([{"value": 6}], "value"),
        ([{"gap": 0}], "gap"),
        ([{"dots": 4}], "dots"),
        ([{"dots": 3}, {"dots": 3}], "dots"),
        ([{"value": True}], "value"),
    ],
)
def test_scores_outside_range_and_dots_over_cap_or_budget_are_refused(
    app, table, scores, field
) -> None:
    workshop = new_workshop(table, dots=5, dot_cap=3)
    wid, items = workshop["id"], _items(workshop)
    table.alice.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    body = {"scores": [{"item_id": items[n], **s} for n, s in enumerate(scores)]}
    response = table.alice.put(f"{API}/{wid}/scores", body)
    assert response.status_code == 422
    assert any(name.endswith(field) for name in response.json["error"]["fields"])
    assert read(app, lambda s: s.scalar(select(WorkshopScore.id))) is None


def test_results_are_hidden_before_reveal_but_the_facilitator_sees_progress(table) -> None:
    workshop = new_workshop(table)
    wid, items = workshop["id"], _items(workshop)
    table.alice.post(f"{API}/{wid}/participants")
    table.bob.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    table.alice.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[0], "value": 4}]})
    assert table.alice.get(f"{API}/{wid}/results").status_code == 403
    assert table.bob.get(f"{API}/{wid}/results").status_code == 403
    seen = table.facilitator.get(f"{API}/{wid}/results")
    assert seen.status_code == 200
    assert seen.json == {"phase": "scoring", "progress": {"scored": 1, "participants": 2}}
    _phase(table, wid, "reveal")
    revealed = table.alice.get(f"{API}/{wid}/results").json
    assert revealed["items"][0]["item_id"] == items[0]
    assert revealed["items"][0]["mean"]["value"] == 4.0


def test_guests_join_by_code_and_see_only_public_questions_of_their_workshop(table, client) -> None:
    workshop = new_workshop(table)
    other = new_workshop(table, title="Another")
    guest = join_guest(client, workshop["join_code"].lower())
    wid = workshop["id"]
    seen = guest.get(f"{API}/{wid}")
    assert seen.status_code == 200
    labels = [item["label"] for item in seen.json["items"]]
    assert "Which members see rising rent arrears?" not in labels
    assert labels[1] == "Do prepayment meters leave homes cold?"
    assert seen.json["items"][2]["question_id"] is None
    assert guest.get(f"{API}/{other['id']}").status_code == 404
    assert guest.get(f"{API}/{other['id']}/results").status_code == 404
    assert [w["id"] for w in guest.get(API).json["items"]] == [wid]
    assert guest.post(f"{API}/{other['id']}/participants").status_code == 404
    assert guest.get(f"/api/v1/questions/{table.members_question}").status_code == 404
    assert guest.get("/api/v1/me").status_code == 401
    # A guest scores in their own workshop like anyone else.
    _phase(table, wid, "scoring")
    items = _items(workshop)
    scored = guest.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[1], "value": 2}]})
    assert scored.status_code == 200
    assert guest.put(f"{API}/{other['id']}/scores", {"scores": []}).status_code == 404
    unknown = client.post(f"{API}/join", json={"code": "NOPE99", "display_name": "X"})
    assert unknown.status_code == 422 and "code" in unknown.json["error"]["fields"]
    nameless = client.post(f"{API}/join", json={"code": workshop["join_code"], "display_name": " "})
    assert nameless.status_code == 422


def test_invite_only_workshops_take_invited_members_only(table) -> None:
    workshop = new_workshop(table, invite_only=True, invite=["alice@example.org"])
    wid = workshop["id"]
    assert table.alice.post(f"{API}/{wid}/participants").status_code == 201
    assert table.bob.post(f"{API}/{wid}/participants").status_code == 403


def test_aggregation_on_a_hand_computed_example() -> None:
    """Weights value 2, gap 1, feasibility 0.

    A: value 5, 3 → 4; gap 3 (one missing) → 3; priority (2·4 + 1·3) / 3 = 11/3; feasibility
       1 and 5 (range 4) → disputed, though it weighs nothing; 1 dot.
    B: value 4, 4; gap 3, 3 → the same 11/3: a tie with A, shared rank 2; 3 dots, listed first.
    C: no value at all, gap 5 → priority 5 from gap alone; rank 1.
    D: nobody scored it → no priority, no rank, last.
    """
    weights = {"value": 2.0, "gap": 1.0, "feasibility": 0.0}
    criteria = ("value", "gap", "feasibility")
    a, b, c, d = 1, 2, 3, 4
    ratings = [
        Rating(a, 1, {"value": 5, "gap": 3, "feasibility": 1}, dots=1),
        Rating(a, 2, {"value": 3, "gap": None, "feasibility": 5}),
        Rating(b, 1, {"value": 4, "gap": 3, "feasibility": None}, dots=2),
        Rating(b, 2, {"value": 4, "gap": 3, "feasibility": None}, dots=1),
        Rating(c, 1, {"value": None, "gap": 5, "feasibility": 5}),
    ]
    results = aggregate([a, b, c, d], ratings, criteria, weights)
    assert [(r.item_id, r.rank) for r in results] == [(c, 1), (b, 2), (a, 2), (d, None)]
    by_id = {r.item_id: r for r in results}
    assert by_id[a].priority == pytest.approx(11 / 3)
    assert by_id[b].priority == pytest.approx(11 / 3)
    assert by_id[c].priority == pytest.approx(5.0)
    assert by_id[d].priority is None and by_id[d].raters == 0
    assert by_id[a].mean == {"value": 4.0, "gap": 3.0, "feasibility": 3.0}
    assert by_id[a].spread["value"].sd == pytest.approx(1.0)
    assert by_id[a].spread["feasibility"].range == 4
    assert by_id[a].spread["gap"] is None  # one score: no spread
    assert by_id[a].disputed and not by_id[b].disputed
    assert (by_id[b].dots, by_id[b].raters) == (3, 2)


def test_results_api_ranks_the_hand_computed_case(table, client) -> None:
    workshop = new_workshop(table, weights={"value": 2, "gap": 1, "feasibility": 0})
    wid, (group, public, members) = workshop["id"], _items(workshop)
    for caller in (table.alice, table.bob):
        caller.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    table.alice.put(
        f"{API}/{wid}/scores",
        {
            "scores": [
                {"item_id": group, "value": 5, "gap": 3, "feasibility": 1, "dots": 1},
                {"item_id": public, "value": 4, "gap": 3, "dots": 2},
            ]
        },
    )
    table.bob.put(
        f"{API}/{wid}/scores",
        {
            "scores": [
                {"item_id": group, "value": 3, "feasibility": 5},
                {"item_id": public, "value": 4, "gap": 3, "dots": 1},
            ]
        },
    )
    _phase(table, wid, "reveal")
    body = table.alice.get(f"{API}/{wid}/results").json
    ranked = [(i["item_id"], i["rank"], i["priority"], i["dots"]) for i in body["items"]]
    assert ranked == [(public, 1, 3.667, 3), (group, 1, 3.667, 1), (members, None, None, 0)]
    first = body["items"][1]
    assert first["disputed"] is True and first["spread"]["feasibility"] == {"sd": 2.0, "range": 4}
    assert set(first["by_sector"]) == {"charity", "funder"}


def _decided(table):
    workshop = new_workshop(table)
    wid, items = workshop["id"], _items(workshop)
    table.alice.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    _phase(table, wid, "reveal")
    return wid, items


def test_the_outcome_prioritises_questions_and_notifies_askers_and_supporters(app, table) -> None:
    workshop = new_workshop(table)
    wid, (group, public, _members) = workshop["id"], _items(workshop)
    body = {"prioritised": [{"item_id": public, "next_step": "Pool data", "owner": "Alice"}]}
    assert table.facilitator.post(f"{API}/{wid}/outcome", body).status_code == 409
    _phase(table, wid, "scoring")
    _phase(table, wid, "reveal")
    assert table.alice.post(f"{API}/{wid}/outcome", body).status_code == 403
    unknown = table.facilitator.post(f"{API}/{wid}/outcome", {"prioritised": [{"item_id": 999}]})
    assert unknown.status_code == 422
    both = {"prioritised": [*body["prioritised"], {"item_id": group, "owner": "Fiona"}]}
    decided = table.facilitator.post(f"{API}/{wid}/outcome", both)
    assert decided.status_code == 200 and decided.json["phase"] == "decided"
    assert [i["prioritised"] for i in decided.json["items"]] == [True, True, False]
    assert decided.json["items"][1]["next_step"] == "Pool data"
    moved = [public, *table.group_questions]
    statuses = read(
        app, lambda s: s.scalars(select(Question.status).where(Question.id.in_(moved))).all()
    )
    assert set(statuses) == {QuestionStatus.PRIORITISED}
    untouched = read(app, lambda s: s.get(Question, table.members_question).status)
    assert untouched is QuestionStatus.OPEN
    changes = read(app, lambda s: s.scalars(select(QuestionStatusChange.to_status)).all())
    assert set(changes) == {QuestionStatus.PRIORITISED} and len(changes) == len(moved)
    told = read(
        app,
        lambda s: s.scalars(
            select(Notification.user_id).where(Notification.kind == "question-status")
        ).all(),
    )
    assert set(told) == {table.asker_id, table.supporter_id}


def test_barriers_are_totalled_per_item_and_across_workshops(app, table, client) -> None:
    workshop = new_workshop(table)
    wid, (group, public, _members) = workshop["id"], _items(workshop)
    guest = join_guest(client, workshop["join_code"])
    table.alice.post(f"{API}/{wid}/participants")
    table.bob.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    _phase(table, wid, "reveal")
    table.facilitator.post(f"{API}/{wid}/outcome", {"prioritised": [{"item_id": group}]})
    early = table.alice.put(f"{API}/{wid}/mapping", {"item_id": group, "barriers": []})
    assert early.status_code == 409
    assert _phase(table, wid, "mapping").status_code == 200
    path = f"{API}/{wid}/mapping"
    alice = table.alice.put(
        path,
        {
            "item_id": group,
            "holds": "Food bank referrals by month",
            "needs": "Benefit claim dates",
            "new_dataset": {"title": "Referrals", "description": "Monthly referral counts."},
            "barriers": ["perceived-risk", "no-capacity"],
        },
    )
    assert alice.status_code == 200, alice.json
    holder, visibility = read(
        app,
        lambda s: s.execute(
            select(Dataset.holder_organisation_id, Dataset.visibility).where(
                Dataset.id == alice.json["dataset_id"]
            )
        ).one(),
    )
    assert holder == table.alice_user.organisation_id and visibility is DatasetVisibility.MEMBERS
    assert table.bob.put(path, {"item_id": group, "barriers": ["no-capacity"]}).status_code == 200
    # Replaced whole: Bob's second answer is the one that counts.
    table.bob.put(path, {"item_id": group, "barriers": ["no-capacity", "not-equal"]})
    assert guest.put(path, {"item_id": group, "barriers": ["no-capacity"]}).status_code == 200
    no_register = guest.put(
        path, {"item_id": group, "new_dataset": {"title": "T", "description": "D"}}
    )
    assert no_register.status_code == 422
    assert table.bob.put(path, {"item_id": group, "barriers": ["bad"]}).status_code == 422
    assert table.bob.put(path, {"item_id": public, "barriers": []}).status_code == 422
    totals = {b["slug"]: b for b in client.get(f"{API}/barriers").json["barriers"]}
    assert totals["no-capacity"]["count"] == 3 and totals["no-capacity"]["workshops"] == 1
    assert totals["perceived-risk"]["count"] == 1 and totals["not-equal"]["count"] == 1
    assert totals["too-hard"]["count"] == 0
    assert client.get(f"{API}/barriers").json["entries"] == 3


def test_invited_members_are_told_in_app(app, table) -> None:
    new_workshop(table, invite=["alice@example.org"])
    told = read(
        app,
        lambda s: s.scalars(
            select(Notification.user_id).where(Notification.kind == "workshop-invite")
        ).all(),
    )
    assert told == [table.alice_user.id]
    unknown = table.facilitator.post(
        API, {"title": "T", "items": [{"cluster_id": table.group_id}], "invite": ["x@y.org"]}
    )
    assert unknown.status_code == 422 and "invite" in unknown.json["error"]["fields"]


def test_a_follow_up_shows_how_ranks_changed(app, table) -> None:
    from app.db import new_session
    from app.workshops.service import repeat_workshop
    from models import User

    workshop = new_workshop(table)
    wid, (group, public, _members) = workshop["id"], _items(workshop)
    table.alice.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    table.alice.put(
        f"{API}/{wid}/scores",
        {"scores": [{"item_id": group, "value": 5}, {"item_id": public, "value": 2}]},
    )
    _phase(table, wid, "reveal")
    with app.app_context(), new_session(app) as session:
        fiona = session.scalar(select(User).where(User.email == "fiona@example.org"))
        follow_id = repeat_workshop(session, fiona, wid).id
    follow = table.facilitator.get(f"{API}/{follow_id}").json
    assert follow["repeat_of_id"] == wid and follow["phase"] == "setup"
    new_group, new_public, _new_members = _items(follow)
    table.alice.post(f"{API}/{follow_id}/participants")
    _phase(table, follow_id, "scoring")
    table.alice.put(
        f"{API}/{follow_id}/scores",
        {"scores": [{"item_id": new_group, "value": 1}, {"item_id": new_public, "value": 4}]},
    )
    _phase(table, follow_id, "reveal")
    ranked = table.alice.get(f"{API}/{follow_id}/results").json["items"]
    assert [(i["item_id"], i["rank"], i["previous_rank"]) for i in ranked] == [
        (new_public, 1, 2),
        (new_group, 2, 1),
        (ranked[2]["item_id"], None, None),
    ]


def test_guessing_join_codes_is_slowed_down_but_right_codes_are_not(table, limited_client) -> None:
    workshop = new_workshop(table)
    for _ in range(25):  # a room of guests behind one address, all with the right code
        right = {"code": workshop["join_code"], "display_name": "Guest"}
        assert limited_client.post(f"{API}/join", json=right).status_code == 201
    wrong = {"code": "WRONG1", "display_name": "Guesser"}
    answers = [limited_client.post(f"{API}/join", json=wrong).status_code for _ in range(21)]
    assert answers[:20] == [422] * 20 and answers[20] == 429


def test_a_members_workshop_scores_are_in_their_export_and_leave_with_them(app, table) -> None:
    from app.bank.personal import erase_member, personal_data
    from app.db import new_session
    from models import User, WorkshopParticipant

    workshop = new_workshop(table)
    wid, items = workshop["id"], _items(workshop)
    table.alice.post(f"{API}/{wid}/participants")
    _phase(table, wid, "scoring")
    table.alice.put(f"{API}/{wid}/scores", {"scores": [{"item_id": items[0], "value": 4}]})
    with app.app_context(), new_session(app) as session:
        alice = session.get_one(User, table.alice_user.id)
        data = personal_data(session, alice)
        assert [p["workshop_id"] for p in data["workshop_places"]] == [wid]
        assert [(s["item_id"], s["value"]) for s in data["workshop_scores"]] == [(items[0], 4)]
        erase_member(session, alice, keep_questions=True)
        session.commit()
    assert read(app, lambda s: s.scalar(select(WorkshopScore.id))) is None
    assert read(app, lambda s: s.scalar(select(WorkshopParticipant.id))) is None

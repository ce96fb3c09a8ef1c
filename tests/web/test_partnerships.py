"""Partnerships: starting one from a group or a question, inviting (the invitee answers),
asking to join (a lead answers), the private log and checklist, status, and who sees what."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import new_session
from models import (
    MemberStatus,
    Notification,
    PartnerRole,
    Partnership,
    PartnershipCheck,
    PartnershipLogEntry,
    PartnershipMember,
    PartnershipStatus,
    User,
    Visibility,
)
from tests.web.pledge_helpers import Scene, build_scene, count
from tests.web.test_api_questions import bearer


@pytest.fixture
def scene(app, make_question, make_user) -> Scene:
    """The food group with its asker and a supporter, a holder and a bystander."""
    return build_scene(app, make_question, make_user)


def start(client, auth, scene: Scene, email: str = "asker@example.org", **form) -> int:
    """Log in as ``email`` and start a partnership around the food group; its id."""
    auth.login(email)
    response = client.post(
        "/partnerships/new", data={"cluster_id": scene.food_id, "title": "Food and UC", **form}
    )
    assert response.status_code == 302, response.text
    return int(response.headers["Location"].rsplit("/", 1)[1])


def rows(app, partnership_id: int) -> dict[str, tuple[MemberStatus, PartnerRole, bool]]:
    """Each person's status, role and lead flag in the partnership, by email."""
    with app.app_context(), new_session(app) as session:
        found = session.execute(
            select(User.email, PartnershipMember)
            .join(PartnershipMember, PartnershipMember.user_id == User.id)
            .where(PartnershipMember.partnership_id == partnership_id)
        ).all()
        return {email: (m.status, m.role, m.is_lead) for email, m in found}


def kinds(app, user_id: int) -> list[str]:
    """The kinds of a user's notifications, oldest first."""
    with app.app_context(), new_session(app) as session:
        return list(
            session.scalars(
                select(Notification.kind).where(Notification.user_id == user_id).order_by("id")
            )
        )


def test_member_starts_a_partnership_from_a_group_page_and_leads_it(
    app, client, auth, scene
) -> None:
    page = client.get(f"/groups/{scene.food_id}").text
    assert "to start a partnership" in page and 'value="Start a partnership"' not in page
    auth.login("asker@example.org")
    assert 'action="/partnerships/new"' in client.get(f"/groups/{scene.food_id}").text
    auth.logout()
    partnership_id = start(client, auth, scene)
    assert rows(app, partnership_id) == {
        "asker@example.org": (MemberStatus.ACTIVE, PartnerRole.ASKER, True)
    }
    with app.app_context(), new_session(app) as session:
        partnership = session.get(Partnership, partnership_id)
        assert partnership.cluster_id == scene.food_id
        assert partnership.status is PartnershipStatus.FORMING
    group = client.get(f"/groups/{scene.food_id}").text
    assert f'href="/partnerships/{partnership_id}"' in group and "Tyneside Food Network" in group
    question = client.get(f"/questions/{scene.food_questions[0]}").text
    assert "Food and UC" in question


def test_starting_twice_is_refused_and_the_default_name_uses_the_group(
    app, client, auth, scene
) -> None:
    start(client, auth, scene, title="")
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(Partnership.title)) == "Partnership on food, banks, credit"
    again = client.post("/partnerships/new", data={"cluster_id": scene.food_id})
    assert again.status_code == 422 and "You are already in the partnership" in again.text
    assert count(app, Partnership) == 1


def test_member_starts_a_partnership_from_a_question(app, client, auth, scene) -> None:
    auth.login("bystander@example.org")
    question_id = scene.food_questions[1]
    assert 'name="question_id"' in client.get(f"/questions/{question_id}").text
    response = client.post("/partnerships/new", data={"question_id": question_id})
    assert response.status_code == 302
    with app.app_context(), new_session(app) as session:
        assert session.scalar(select(Partnership.question_id)) == question_id


def test_starting_needs_a_login_and_a_real_target(client, auth, scene) -> None:
    response = client.post("/partnerships/new", data={"cluster_id": scene.food_id})
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    auth.login("asker@example.org")
    assert client.post("/partnerships/new", data={"cluster_id": 999}).status_code == 404
    assert client.post("/partnerships/new", data={}).status_code == 422


def test_invited_member_is_told_and_accepts(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    page = client.get(f"/partnerships/{partnership_id}").text
    assert "Northstar Homes" not in page  # suggested only once something is pledged by them
    assert "Leeds Pantry" not in page  # supporters are not askers
    response = client.post(
        f"/partnerships/{partnership_id}/invite",
        data={"invite-email": "HOLDER@example.org", "invite-role": "data-holder"},
    )
    assert response.status_code == 302
    assert rows(app, partnership_id)["holder@example.org"][0] is MemberStatus.INVITED
    assert kinds(app, scene.holder_id) == ["partnership-invitation"]
    auth.logout()
    auth.login("holder@example.org")
    page = client.get(f"/partnerships/{partnership_id}").text
    assert "You are invited" in page and "Ready to share data?" not in page
    with app.app_context(), new_session(app) as session:
        member_id = session.scalar(
            select(PartnershipMember.id).where(PartnershipMember.user_id == scene.holder_id)
        )
    accepted = client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept")
    assert accepted.status_code == 302
    assert rows(app, partnership_id)["holder@example.org"] == (
        MemberStatus.ACTIVE,
        PartnerRole.DATA_HOLDER,
        False,
    )
    assert "Ready to share data?" in client.get(f"/partnerships/{partnership_id}").text
    assert kinds(app, scene.asker_id) == ["partnership-answer"]
    account = client.get("/auth/account").text
    assert "Your partnerships" in account and "Food and UC" in account


def test_only_the_invitee_answers_an_invitation(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    client.post(
        f"/partnerships/{partnership_id}/invite",
        data={"invite-user_id": scene.bystander_id, "invite-role": "analyst"},
    )
    with app.app_context(), new_session(app) as session:
        member_id = session.scalar(
            select(PartnershipMember.id).where(PartnershipMember.user_id == scene.bystander_id)
        )
    # The lead cannot accept on the invitee's behalf.
    assert (
        client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept").status_code == 403
    )
    auth.logout()
    auth.login("bystander@example.org")
    declined = client.post(f"/partnerships/{partnership_id}/members/{member_id}/decline")
    assert declined.status_code == 302
    assert rows(app, partnership_id)["bystander@example.org"][0] is MemberStatus.DECLINED
    assert (
        client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept").status_code == 404
    )


def test_member_asks_to_join_and_a_lead_accepts(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    auth.logout()
    auth.login("bystander@example.org")
    assert (
        client.post(
            f"/partnerships/{partnership_id}/join", data={"join-role": "analyst"}
        ).status_code
        == 302
    )
    assert kinds(app, scene.asker_id) == ["partnership-request"]
    assert "You asked to join" in client.get(f"/partnerships/{partnership_id}").text
    with app.app_context(), new_session(app) as session:
        member_id = session.scalar(
            select(PartnershipMember.id).where(PartnershipMember.user_id == scene.bystander_id)
        )
    # Asking does not let them answer their own request.
    assert (
        client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept").status_code == 403
    )
    auth.logout()
    auth.login("asker@example.org")
    assert "Accept Bea" in client.get(f"/partnerships/{partnership_id}").text
    client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept")
    assert rows(app, partnership_id)["bystander@example.org"][0] is MemberStatus.ACTIVE
    assert kinds(app, scene.bystander_id) == ["partnership-answer"]


def test_only_accepted_members_see_and_write_the_log_and_checklist(
    app, client, auth, scene
) -> None:
    partnership_id = start(client, auth, scene)
    client.post(
        f"/partnerships/{partnership_id}/log",
        data={"log-kind": "decision", "log-text": "Use referral counts by month."},
    )
    ticked = client.post(
        f"/partnerships/{partnership_id}/checklist/purpose-agreed", data={"ticked": "1"}
    )
    assert ticked.status_code == 302
    page = client.get(f"/partnerships/{partnership_id}").text
    assert "Use referral counts by month." in page and "ticked by Asker on" in page
    client.post(
        f"/partnerships/{partnership_id}/invite",
        data={"invite-email": "holder@example.org", "invite-role": "data-holder"},
    )
    for email in ("holder@example.org", "bystander@example.org", None):
        auth.logout()
        if email:
            auth.login(email)
        outside = client.get(f"/partnerships/{partnership_id}")
        assert outside.status_code == 200 and "Food and UC" in outside.text
        assert "Use referral counts" not in outside.text and "Purpose agreed" not in outside.text
    auth.login("bystander@example.org")
    assert (
        client.post(
            f"/partnerships/{partnership_id}/log", data={"log-kind": "decision", "log-text": "x"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/partnerships/{partnership_id}/checklist/lawful-basis", data={"ticked": "1"}
        ).status_code
        == 403
    )
    api = client.get(f"/api/v1/partnerships/{partnership_id}").json
    assert api["organisations"] == ["Tyneside Food Network"] and "log" not in api
    assert count(app, PartnershipLogEntry) == 1 and count(app, PartnershipCheck) == 1


def test_bad_log_entries_save_nothing(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    empty = client.post(
        f"/partnerships/{partnership_id}/log", data={"log-kind": "decision", "log-text": "  "}
    )
    assert empty.status_code == 422 and "Write what was decided" in empty.text
    odd = client.post(
        f"/partnerships/{partnership_id}/log", data={"log-kind": "gossip", "log-text": "Hello"}
    )
    assert odd.status_code == 422 and "Hello" in odd.text
    assert count(app, PartnershipLogEntry) == 0


def test_unticking_removes_the_tick(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    url = f"/partnerships/{partnership_id}/checklist/agreement-signed"
    client.post(url, data={"ticked": "1"})
    client.post(url, data={"ticked": "1"})
    assert count(app, PartnershipCheck) == 1
    client.post(url, data={"ticked": "0"})
    assert count(app, PartnershipCheck) == 0
    assert client.post(f"/partnerships/{partnership_id}/checklist/nonsense").status_code == 404


def test_the_lead_moves_the_status_and_members_cannot(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    client.post(
        f"/partnerships/{partnership_id}/invite",
        data={"invite-email": "holder@example.org", "invite-role": "data-holder"},
    )
    auth.logout()
    auth.login("holder@example.org")
    with app.app_context(), new_session(app) as session:
        member_id = session.scalar(
            select(PartnershipMember.id).where(PartnershipMember.user_id == scene.holder_id)
        )
    client.post(f"/partnerships/{partnership_id}/members/{member_id}/accept")
    refused = client.post(
        f"/partnerships/{partnership_id}/status", data={"status-status": "active"}
    )
    assert refused.status_code == 403
    auth.logout()
    auth.login("asker@example.org")
    for status in ("active", "completed"):
        assert (
            client.post(
                f"/partnerships/{partnership_id}/status", data={"status-status": status}
            ).status_code
            == 302
        )
    with app.app_context(), new_session(app) as session:
        assert session.get(Partnership, partnership_id).status is PartnershipStatus.COMPLETED
    assert "Concluded" in client.get(f"/partnerships/{partnership_id}").text
    assert kinds(app, scene.holder_id)[-2:] == ["partnership-status", "partnership-status"]


def test_suggestions_name_asking_organisations_and_holders_of_pledged_data(
    app, client, auth, scene, make_question, make_user
) -> None:
    other = make_user("other@example.org", organisation="Pantry North", name="Olu")
    make_question(
        "Do families wait for Universal Credit before going to a food bank?",
        author=other,
        cluster_id=scene.food_id,
    )
    auth.login("holder@example.org")
    client.post(
        "/pledges/new",
        data={"dataset_id": scene.dataset_id, "cluster_id": scene.food_id, "accept_terms": "y"},
    )
    auth.logout()
    partnership_id = start(client, auth, scene)
    page = client.get(f"/partnerships/{partnership_id}").text
    suggestions = page.split('<ul class="suggestions">')[1].split("</ul>")[0]
    assert "Pantry North</strong> asks these questions: Olu" in suggestions
    assert "Northstar Homes</strong> pledged data to them: Hana Holder" in suggestions
    assert "Elsewhere Trust" not in suggestions
    assert f'<option value="{other.id}">Olu, Pantry North</option>' in page


def test_inviting_refuses_strangers_and_repeats(app, client, auth, scene) -> None:
    partnership_id = start(client, auth, scene)
    url = f"/partnerships/{partnership_id}/invite"
    unknown = client.post(url, data={"invite-email": "nobody@example.org", "invite-role": "funder"})
    assert unknown.status_code == 422 and "No active member has this email." in unknown.text
    client.post(url, data={"invite-email": "holder@example.org", "invite-role": "funder"})
    twice = client.post(url, data={"invite-email": "holder@example.org", "invite-role": "funder"})
    assert twice.status_code == 422 and "is already invited" in twice.text
    auth.logout()
    auth.login("bystander@example.org")  # not a member: cannot invite
    assert client.post(url, data={"invite-email": "supporter@example.org"}).status_code == 403
    assert len(rows(app, partnership_id)) == 2


def test_partnerships_around_private_questions_are_404_to_outsiders(
    app, client, auth, scene, make_question
) -> None:
    with app.app_context(), new_session(app) as session:
        holder = session.get(User, scene.holder_id)
    private = make_question(
        "What share of our tenants skip meals?", author=holder, visibility=Visibility.PRIVATE
    )
    auth.login("holder@example.org")
    client.post("/partnerships/new", data={"question_id": private, "title": "Tenants"})
    with app.app_context(), new_session(app) as session:
        partnership_id = session.scalar(select(Partnership.id))
    auth.logout()
    auth.login("bystander@example.org")
    assert client.get(f"/partnerships/{partnership_id}").status_code == 404
    assert client.get(f"/partnerships/{partnership_id + 50}").status_code == 404
    join = client.post(f"/partnerships/{partnership_id}/join", data={"join-role": "analyst"})
    assert join.status_code == 404
    listed = client.get("/api/v1/partnerships").json
    assert listed["total"] == 0


def test_api_start_invite_and_accept(app, client, runner, scene) -> None:
    lead = bearer(runner, "asker@example.org")
    created = client.post(
        "/api/v1/partnerships", json={"cluster_id": scene.food_id, "title": "API"}, headers=lead
    )
    assert created.status_code == 201 and created.json["members"][0]["lead"] is True
    partnership_id = created.json["id"]
    invited = client.post(
        f"/api/v1/partnerships/{partnership_id}/members",
        json={"action": "invite", "user_id": scene.holder_id, "role": "data-holder"},
        headers=lead,
    )
    assert invited.status_code == 200
    member_id = next(m["id"] for m in invited.json["members"] if m["status"] == "invited")
    holder = bearer(runner, "holder@example.org")
    accepted = client.post(
        f"/api/v1/partnerships/{partnership_id}/members",
        json={"action": "accept", "member_id": member_id},
        headers=holder,
    )
    assert accepted.status_code == 200
    assert accepted.json["organisations"] == ["Tyneside Food Network", "Northstar Homes"]
    bad = client.post(
        f"/api/v1/partnerships/{partnership_id}/members", json={"action": "hug"}, headers=holder
    )
    assert bad.status_code == 422 and "action" in bad.json["error"]["fields"]
    mine = client.get("/api/v1/partnerships?mine=1", headers=holder).json
    assert [p["id"] for p in mine["items"]] == [partnership_id]

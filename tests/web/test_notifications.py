"""Notifications: the page (newest first, paged, mark one or all read), the header's unread
count, the API, and that nobody reads or marks another member's."""

from __future__ import annotations

from sqlalchemy import select

from app.bank.notify import group_audience, notify, question_audience
from app.db import new_session
from models import Notification, Support, User
from tests.web.test_api_questions import bearer


def add_notes(app, user: User, texts: list[str]) -> list[int]:
    """Notify the user of each text, in order; their ids."""
    with app.app_context(), new_session(app) as session:
        for text in texts:
            notify(session, [user.id], "test", text, "/groups")
        session.commit()
        return list(session.scalars(select(Notification.id).where(Notification.user_id == user.id)))


def unread_badge(page: str) -> str | None:
    """The number in the header's badge, if shown."""
    if '<span class="badge">' not in page:
        return None
    return page.split('<span class="badge">')[1].split("<")[0]


def test_header_counts_unread_and_the_page_lists_newest_first(app, client, auth, make_user) -> None:
    me = make_user()
    add_notes(app, me, ["First news", "Second news"])
    auth.login()
    page = client.get("/notifications").text
    assert unread_badge(page) == "2"
    assert page.index("Second news") < page.index("First news")
    assert unread_badge(client.get("/").text) == "2"


def test_marking_one_then_all_read_updates_the_count(app, client, auth, make_user) -> None:
    me = make_user()
    first, _second, _third = add_notes(app, me, ["One", "Two", "Three"])
    auth.login()
    response = client.post(f"/notifications/{first}/read", data={"next": "/notifications"})
    assert response.status_code == 302
    assert unread_badge(client.get("/notifications").text) == "2"
    client.post("/notifications/read-all")
    page = client.get("/notifications").text
    assert unread_badge(page) is None and "Mark all read" not in page


def test_open_marks_read_and_follows_the_link(app, client, auth, make_user) -> None:
    me = make_user()
    (only,) = add_notes(app, me, ["Look at groups"])
    auth.login()
    response = client.post(f"/notifications/{only}/read", data={"open": "1"})
    assert response.headers["Location"] == "/groups"


def test_another_members_notification_is_404(app, client, auth, make_user) -> None:
    other = make_user("other@example.org", organisation="Elsewhere")
    (theirs,) = add_notes(app, other, ["Private news"])
    make_user()
    auth.login()
    assert client.post(f"/notifications/{theirs}/read").status_code == 404
    assert "Private news" not in client.get("/notifications").text
    with app.app_context(), new_session(app) as session:
        assert session.get(Notification, theirs).read_at is None


def test_the_list_is_paged(app, client, auth, make_user) -> None:
    me = make_user()
    add_notes(app, me, [f"News {n}" for n in range(25)])
    auth.login()
    first = client.get("/notifications").text
    assert "News 24" in first and "News 0<" not in first and 'rel="next"' in first
    assert "News 0" in client.get("/notifications?page=2").text


def test_notifications_need_a_login(client) -> None:
    assert client.get("/notifications").status_code == 302
    assert client.get("/api/v1/notifications").status_code == 401


def test_api_lists_and_marks_read(app, client, runner, make_user) -> None:
    me = make_user()
    ids = add_notes(app, me, ["A", "B"])
    headers = bearer(runner)
    body = client.get("/api/v1/notifications", headers=headers).json
    assert body["unread"] == 2 and [n["text"] for n in body["items"]] == ["B", "A"]
    marked = client.post("/api/v1/notifications/read", json={"ids": [ids[0]]}, headers=headers)
    assert marked.json == {"marked": 1, "unread": 1}
    unread = client.get("/api/v1/notifications?unread=1", headers=headers).json
    assert [n["text"] for n in unread["items"]] == ["B"]
    bad = client.post("/api/v1/notifications/read", json={"ids": "all"}, headers=headers)
    assert bad.status_code == 422
    assert (
        client.post("/api/v1/notifications/read", json={"all": True}, headers=headers).json[
            "unread"
        ]
        == 0
    )


def test_notify_skips_the_actor_and_deactivated_members(app, make_user, make_question) -> None:
    asker = make_user("asker@example.org")
    gone = make_user("gone@example.org", organisation="Gone Ltd")
    supporter = make_user("supporter@example.org", organisation="Pantry")
    question = make_question("How many families use food banks each winter?", author=asker)
    with app.app_context(), new_session(app) as session:
        session.add(Support(user_id=supporter.id, question_id=question))
        session.add(Support(user_id=gone.id, question_id=question))
        session.get(User, gone.id).active = False
        session.flush()
        audience = question_audience(session, [question])
        assert audience == {asker.id, supporter.id, gone.id}
        assert notify(session, audience, "test", "Hi", actor_id=asker.id) == 1
        assert group_audience(session, 999) == set()
        session.commit()
        assert session.scalars(select(Notification.user_id)).all() == [supporter.id]

"""Roles: only admins manage members."""

from __future__ import annotations

from models import Role, User


def test_member_gets_403_on_admin_pages(client, auth, make_user) -> None:
    make_user()
    auth.login()
    assert client.get("/admin/members").status_code == 403
    other = make_user("other@example.org")
    assert client.post(f"/admin/members/{other.id}/role", data={"role": "admin"}).status_code == 403


def test_facilitator_gets_403_on_admin_pages(client, auth, make_user) -> None:
    make_user(role=Role.FACILITATOR)
    auth.login()
    assert client.get("/admin/members").status_code == 403


def test_anonymous_is_sent_to_login(client) -> None:
    response = client.get("/admin/members")
    assert response.status_code == 302 and "/auth/login" in response.location


def test_admin_lists_members_and_changes_a_role(client, auth, make_user, db) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    member = make_user("worker@example.org", organisation="Bradford Council Insight")
    auth.login("admin@example.org")
    page = client.get("/admin/members").text
    assert "worker@example.org" in page and "Bradford Council Insight" in page
    response = client.post(f"/admin/members/{member.id}/role", data={"role": "facilitator"})
    assert response.status_code == 302
    assert db.get(User, member.id).role is Role.FACILITATOR


def test_admin_cannot_demote_themself(client, auth, make_user, db) -> None:
    admin = make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    client.post(f"/admin/members/{admin.id}/role", data={"role": "member"})
    assert db.get(User, admin.id).role is Role.ADMIN
    assert "cannot remove your own admin role" in client.get("/admin/members").text


def test_unknown_member_is_404(client, auth, make_user) -> None:
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    assert client.post("/admin/members/9999/role", data={"role": "member"}).status_code == 404

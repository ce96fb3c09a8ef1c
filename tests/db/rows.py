"""Rows written at an older revision, where the models may hold columns the schema lacks yet."""

from __future__ import annotations

from sqlalchemy import Connection, column, insert, table

USERS = table(
    "users",
    column("id"),
    column("email"),
    column("password_hash"),
    column("display_name"),
    column("organisation_id"),
    column("role"),
    column("active"),
    column("session_version"),
    column("created_at"),
)


def insert_member(
    connection: Connection, organisation_id: int, email: str = "a@example.org"
) -> int:
    """A member of the organisation, with only the columns every revision's users table has."""
    return connection.execute(
        insert(USERS)
        .values(
            email=email,
            password_hash="x",
            display_name="A",
            organisation_id=organisation_id,
            role="member",
            active=True,
            session_version=0,
        )
        .returning(USERS.c.id)
    ).scalar_one()

"""People, their roles and their API tokens."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, enum_column

if TYPE_CHECKING:
    from models.organisation import Organisation


class Role(LabelledEnum):
    """What a person may do beyond a member's rights."""

    MEMBER = "member"
    FACILITATOR = "facilitator"
    ADMIN = "admin"


class OrganisationRole(LabelledEnum):
    """What a person may do in their own organisation: its admins manage its admins, download
    its record and close it."""

    MEMBER = "member"
    ADMIN = "admin"


class User(Base):
    """A person who signs in; belongs to one organisation."""

    __tablename__ = "users"

    id: Mapped[IntPK]
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(120))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"), default=Role.MEMBER)
    organisation_role: Mapped[OrganisationRole] = mapped_column(
        enum_column(OrganisationRole, "organisation_role"), default=OrganisationRole.MEMBER
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Part of the id every session cookie carries: raising it (log out, a new password) ends
    # every session signed in before, wherever it is.
    session_version: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[CreatedAt]
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation] = relationship(back_populates="users")
    api_tokens: Mapped[list[ApiToken]] = relationship(
        back_populates="user", cascade="all, delete-orphan", passive_deletes=True
    )

    # flask-login's protocol, written out so models/ needs nothing from Flask.
    @property
    def is_authenticated(self) -> bool:
        """Always true for a stored user."""
        return True

    @property
    def is_active(self) -> bool:
        """False once an admin deactivates the account."""
        return self.active

    @property
    def is_anonymous(self) -> bool:
        """Never true for a stored user."""
        return False

    def get_id(self) -> str:
        """The id flask-login keeps in the session: the user and their session version."""
        return f"{self.id}:{self.session_version}"

    @property
    def is_facilitator(self) -> bool:
        """Facilitators and admins may curate groups and run workshops."""
        return self.role in (Role.FACILITATOR, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        """Admins manage members and run re-clustering."""
        return self.role is Role.ADMIN

    @property
    def is_organisation_admin(self) -> bool:
        """Organisation admins manage their own organisation (not the bank)."""
        return self.organisation_role is OrganisationRole.ADMIN

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email!r}>"


class ApiToken(Base):
    """A personal API token; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[IntPK]
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[CreatedAt]
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(back_populates="api_tokens")

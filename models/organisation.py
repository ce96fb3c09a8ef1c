"""Member organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, enum_column

if TYPE_CHECKING:
    from models.user import User


class Sector(LabelledEnum):
    """The kind of organisation a member belongs to."""

    CHARITY = "charity"
    ACADEMIC = "academic"
    GOVERNMENT = "government"
    PUBLIC_SERVICE = "public-service"
    FUNDER = "funder"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The sector as members name it."""
        return SECTOR_LABELS[self]


SECTOR_LABELS = {
    Sector.CHARITY: "Charity / VCSE",
    Sector.ACADEMIC: "Academic",
    Sector.GOVERNMENT: "Government / policy",
    Sector.PUBLIC_SERVICE: "Public service",
    Sector.FUNDER: "Funder",
    Sector.OTHER: "Other",
}


class Organisation(Base):
    """A charity, university, public body or funder whose people use the bank."""

    __tablename__ = "organisations"

    id: Mapped[IntPK]
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sector: Mapped[Sector] = mapped_column(enum_column(Sector, "sector"))
    region: Mapped[str] = mapped_column(String(120), default="")
    website: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[CreatedAt]

    users: Mapped[list[User]] = relationship(back_populates="organisation")

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"

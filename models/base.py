"""The declarative base, shared column types and the enum helper for every model."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Annotated

from sqlalchemy import DateTime, Enum, MetaData, func
from sqlalchemy.orm import DeclarativeBase, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Base class of every model; its metadata is what Alembic compares against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


IntPK = Annotated[int, mapped_column(primary_key=True)]
CreatedAt = Annotated[
    datetime,
    mapped_column(DateTime(timezone=True), default=utcnow, server_default=func.now()),
]
UpdatedAt = Annotated[
    datetime,
    mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow, server_default=func.now()
    ),
]


def enum_column(enum_class: type[enum.Enum], name: str) -> Enum:
    """A portable enum column stored as its string values and guarded by a CHECK constraint."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry a human label derived from the value."""

    @property
    def label(self) -> str:
        """The value as a reader would write it."""
        return self.value.replace("-", " ").capitalize()

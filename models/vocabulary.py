"""Controlled vocabularies: themes and action types, seeded by migration."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Theme(Base):
    """A topic a question or dataset is about, such as food or housing."""

    __tablename__ = "themes"

    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<Theme {self.slug}>"


class ActionType(Base):
    """The kind of action an answer would enable, such as influencing policy."""

    __tablename__ = "action_types"

    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<ActionType {self.slug}>"


question_themes = Table(
    "question_themes",
    Base.metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_slug", ForeignKey("themes.slug", ondelete="RESTRICT"), primary_key=True),
)

dataset_themes = Table(
    "dataset_themes",
    Base.metadata,
    Column("dataset_id", ForeignKey("datasets.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_slug", ForeignKey("themes.slug", ondelete="RESTRICT"), primary_key=True),
)

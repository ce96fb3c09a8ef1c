"""Dataset descriptions (metadata only) and pledges of them toward questions."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, CreatedAt, IntPK, LabelledEnum, UpdatedAt, enum_column
from models.vocabulary import Theme, dataset_themes

if TYPE_CHECKING:
    from models.cluster import Cluster
    from models.organisation import Organisation
    from models.pledge import PledgeStatusChange
    from models.question import Question
    from models.user import User


class AccessLevel(LabelledEnum):
    """How a dataset can be reached, from open to containing personal data."""

    OPEN = "open"
    ON_REQUEST = "on-request"
    RESTRICTED = "restricted"
    PERSONAL = "personal"

    @property
    def label(self) -> str:
        """The access level as a data holder would say it."""
        return {
            AccessLevel.OPEN: "Open",
            AccessLevel.ON_REQUEST: "Shared on request",
            AccessLevel.RESTRICTED: "Restricted (aggregates only)",
            AccessLevel.PERSONAL: "Contains personal data (never shared raw)",
        }[self]


class UnitOfAnalysis(LabelledEnum):
    """What one record of a dataset describes."""

    PERSON = "person"
    HOUSEHOLD = "household"
    FAMILY = "family"
    CASE = "case"
    SERVICE = "service"
    ORGANISATION = "organisation"
    AREA = "area"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The unit as a data holder would say it."""
        return {
            UnitOfAnalysis.CASE: "Case or contact",
            UnitOfAnalysis.SERVICE: "Service or site",
            UnitOfAnalysis.AREA: "Area (aggregate figures)",
        }.get(self, self.value.capitalize())


class DatasetVisibility(LabelledEnum):
    """Who may read a dataset's description: everyone, or signed-in members only."""

    PUBLIC = "public"
    MEMBERS = "members"

    @property
    def label(self) -> str:
        """The visibility as a reader would say it."""
        return {
            DatasetVisibility.PUBLIC: "Everyone (public, and in open exports)",
            DatasetVisibility.MEMBERS: "Members only (hidden from visitors and exports)",
        }[self]


class Dataset(Base):
    """A dataset described in the spirit of DCAT / schema.org Dataset; never the data itself.

    A member organisation that holds it and can share it is its ``holder``; public data that a
    member describes (official statistics, say) has no holder, only a ``publisher``.
    """

    __tablename__ = "datasets"

    id: Mapped[IntPK]
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(String(200), default="")
    holder_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT"), index=True
    )
    described_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    contact_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    contact_details: Mapped[str] = mapped_column(String(200), default="")
    variables: Mapped[list[str]] = mapped_column(JSON, default=list)
    unit_of_analysis: Mapped[UnitOfAnalysis | None] = mapped_column(
        enum_column(UnitOfAnalysis, "unit_of_analysis")
    )
    population: Mapped[str] = mapped_column(String(300), default="")
    size: Mapped[str] = mapped_column(String(80), default="")
    could_answer: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[DatasetVisibility] = mapped_column(
        enum_column(DatasetVisibility, "dataset_visibility"), default=DatasetVisibility.PUBLIC
    )
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    geography: Mapped[str] = mapped_column(String(120), default="UK-wide")
    granularity: Mapped[str] = mapped_column(String(80), default="")
    time_span: Mapped[str] = mapped_column(String(80), default="")
    update_frequency: Mapped[str] = mapped_column(String(40), default="")
    format: Mapped[str] = mapped_column(String(80), default="")
    access_level: Mapped[AccessLevel] = mapped_column(enum_column(AccessLevel, "access_level"))
    licence: Mapped[str] = mapped_column(String(120), default="")
    url: Mapped[str | None] = mapped_column(String(500))
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)
    embedding_model: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    holder: Mapped[Organisation | None] = relationship()
    described_by: Mapped[User | None] = relationship(foreign_keys=[described_by_id])
    contact: Mapped[User | None] = relationship(foreign_keys=[contact_user_id])
    themes: Mapped[list[Theme]] = relationship(secondary=dataset_themes, order_by=Theme.position)
    pledges: Mapped[list[Pledge]] = relationship(
        back_populates="dataset", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def retired(self) -> bool:
        """Whether its describer withdrew it from the register."""
        return self.retired_at is not None

    @property
    def source_name(self) -> str:
        """Who a reader should think of as its source: the holder, else the publisher."""
        if self.holder is not None:
            return self.holder.name
        return self.publisher or "Public data"


class PledgeStatus(LabelledEnum):
    """Where an offer of data stands."""

    OFFERED = "offered"
    IN_DISCUSSION = "in-discussion"
    SHARED = "shared"
    WITHDRAWN = "withdrawn"


class PledgeCondition(LabelledEnum):
    """A condition a holder can set on sharing pledged data (a pledge may carry several)."""

    AGGREGATE_ONLY = "aggregate-only"
    ANONYMISED_EXTRACT = "anonymised-extract"
    AGREEMENT_NEEDED = "agreement-needed"
    WE_ANALYSE = "we-analyse"

    @property
    def label(self) -> str:
        """The condition as a data holder would say it."""
        return {
            PledgeCondition.AGGREGATE_ONLY: "Aggregate figures only",
            PledgeCondition.ANONYMISED_EXTRACT: "An anonymised extract",
            PledgeCondition.AGREEMENT_NEEDED: "A data-sharing agreement is needed",
            PledgeCondition.WE_ANALYSE: "We do the analysis and share the results",
        }[self]


class Pledge(Base):
    """A dataset offered toward one question or one question group, with conditions."""

    __tablename__ = "pledges"
    __table_args__ = (
        CheckConstraint("(question_id IS NULL) <> (cluster_id IS NULL)", name="one_target"),
    )

    id: Mapped[IntPK]
    dataset_id: Mapped[int] = mapped_column(
        ForeignKey("datasets.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    pledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The free-text note on the conditions; the structured ones are ``condition_kinds``.
    conditions: Mapped[str] = mapped_column(Text, default="")
    condition_kinds: Mapped[list[str]] = mapped_column(
        JSON, default=list, server_default=text("'[]'")
    )
    available_from: Mapped[date | None] = mapped_column(Date)
    # The terms of use (the asset lock) as the pledger accepted them, kept with the pledge.
    terms: Mapped[str] = mapped_column(Text, default="", server_default="")
    terms_accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[PledgeStatus] = mapped_column(
        enum_column(PledgeStatus, "pledge_status"), default=PledgeStatus.OFFERED
    )
    created_at: Mapped[CreatedAt]
    updated_at: Mapped[UpdatedAt]

    dataset: Mapped[Dataset] = relationship(back_populates="pledges")
    question: Mapped[Question | None] = relationship()
    cluster: Mapped[Cluster | None] = relationship()
    pledged_by: Mapped[User | None] = relationship()

    @property
    def condition_labels(self) -> list[str]:
        """The structured conditions in words, in the order they are offered."""
        chosen = set(self.condition_kinds or [])
        return [condition.label for condition in PledgeCondition if condition.value in chosen]

    status_changes: Mapped[list[PledgeStatusChange]] = relationship(
        back_populates="pledge",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="PledgeStatusChange.id",
    )

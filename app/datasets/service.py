"""Dataset use cases: describe, change and retire a dataset, read it with the groups it could
serve, and keep the groups' match figures right as the register changes.

Functions take a Session and plain values, authorise through ``app.core.policy`` and own their
transaction: ``Refused`` (field messages, 422), ``Forbidden`` (403) and ``NotFound`` (missing or
unreadable, 404); nothing is written when one is raised.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from app.bank import vocabulary
from app.bank.embeddings import embed_datasets
from app.bank.matching import GroupMatch, ServedGroups, dataset_matches
from app.bank.matchstore import refresh_datasets
from app.core.errors import BadRequest, Conflict, Refused
from app.core.policy import (
    can_edit_dataset,
    can_read,
    require_dataset_editor,
    require_member,
    require_readable_dataset,
)
from app.datasets.rules import (
    LIST_LIMITS,
    MAX_THEMES,
    DatasetDraft,
    ValidDataset,
    split_list,
    validate_dataset,
)
from models import Dataset, Pledge, PledgeStatus, Question, Theme, User, utcnow

MATCHES_SHOWN = 10


def themes(session: Session) -> list[Theme]:
    """Every theme, in display order."""
    return vocabulary.themes(session)


def apply_description(dataset: Dataset, valid: ValidDataset) -> None:
    """Copy a valid description onto a dataset (its holder and describer are set apart)."""
    texts = dict(valid.texts)
    dataset.contact_details = texts.pop("contact")
    dataset.url = texts.pop("url") or None
    for name, value in texts.items():
        setattr(dataset, name, value)
    dataset.themes = valid.themes
    dataset.keywords = valid.keywords
    dataset.variables = valid.variables
    dataset.unit_of_analysis = valid.unit_of_analysis
    dataset.access_level = valid.access_level
    dataset.visibility = valid.visibility


def new_dataset(actor: User, valid: ValidDataset) -> Dataset:
    """A dataset for a valid description, held by the actor's organisation when they hold it."""
    dataset = Dataset(described_by_id=actor.id)
    if valid.held_by_us:
        dataset.holder_organisation_id = actor.organisation_id
        if not valid.texts["publisher"]:
            valid = replace(valid, texts={**valid.texts, "publisher": actor.organisation.name})
    apply_description(dataset, valid)
    return dataset


def refresh_after_change(session: Session, datasets: Iterable[Dataset]) -> None:
    """Re-embed changed datasets and re-score them against every live group (a retired one
    leaves its groups' matches); the groups they matched before or match now are recounted."""
    changed = list(datasets)
    embed_datasets([d for d in changed if d.retired_at is None])
    refresh_matches(session, changed)


def refresh_matches(session: Session, datasets: Iterable[Dataset]) -> None:
    """Write embedded datasets and re-score them against every live group (a retired one
    leaves its groups' matches)."""
    session.flush()
    refresh_datasets(session, [d.id for d in datasets])


def commit_or_rollback(session: Session) -> None:
    try:
        session.commit()
    except Exception:
        session.rollback()  # nothing half-written: no dataset without its embedding and figures
        raise


def create_dataset(session: Session, actor: User, draft: DatasetDraft) -> Dataset:
    """Describe a dataset: held by the actor's organisation, or public data they describe.

    :raise Forbidden: the actor cannot act (a visitor, a deactivated account).
    :raise Refused: a field breaks a rule; nothing is written.
    """
    require_member(actor)
    dataset = new_dataset(actor, validate_dataset(session, draft))
    session.add(dataset)
    refresh_after_change(session, [dataset])
    commit_or_rollback(session)
    return dataset


def get_dataset(session: Session, viewer: User | None, dataset_id: int) -> Dataset:
    """The dataset, if the viewer may read it.

    :raise NotFound: missing or unreadable (the same answer).
    """
    return require_readable_dataset(viewer, session.get(Dataset, dataset_id))


def editable_dataset(session: Session, actor: User | None, dataset_id: int) -> Dataset:
    """The dataset, if the actor may change it.

    :raise NotFound: missing or unreadable.
    :raise Forbidden: kept by another organisation or member.
    """
    return require_dataset_editor(actor, session.get(Dataset, dataset_id))


def draft_of(dataset: Dataset) -> DatasetDraft:
    """The dataset's description as plain values (to edit it, or patch some fields)."""
    return DatasetDraft(
        title=dataset.title,
        description=dataset.description,
        publisher=dataset.publisher,
        contact=dataset.contact_details,
        themes=tuple(theme.slug for theme in dataset.themes),
        keywords=tuple(dataset.keywords or ()),
        variables=tuple(dataset.variables or ()),
        unit_of_analysis=dataset.unit_of_analysis.value if dataset.unit_of_analysis else "",
        population=dataset.population,
        geography=dataset.geography,
        granularity=dataset.granularity,
        time_span=dataset.time_span,
        update_frequency=dataset.update_frequency,
        format=dataset.format,
        size=dataset.size,
        access_level=dataset.access_level.value,
        licence=dataset.licence,
        url=dataset.url or "",
        visibility=dataset.visibility.value,
        could_answer=dataset.could_answer,
        held_by_us=dataset.holder_organisation_id is not None,
    )


def update_dataset(session: Session, actor: User, dataset_id: int, draft: DatasetDraft) -> Dataset:
    """Change a dataset's description (who holds it stays as it was described).

    :raise NotFound: missing or unreadable.
    :raise Forbidden: kept by another organisation or member.
    :raise Refused: a field breaks a rule; nothing is written.
    """
    dataset = editable_dataset(session, actor, dataset_id)
    held = dataset.holder_organisation_id is not None
    valid = validate_dataset(session, replace(draft, held_by_us=held))
    apply_description(dataset, valid)
    refresh_after_change(session, [dataset])
    commit_or_rollback(session)
    return dataset


PATCHABLE = frozenset(DatasetDraft.field_names()) - {"held_by_us"}
# The most items each list field takes, counted as sent (as the API's schema says).
MOST_ITEMS = {"themes": MAX_THEMES, **{name: most for name, (most, _) in LIST_LIMITS.items()}}


def draft_from_json(body: Mapping[str, Any], base: DatasetDraft | None = None) -> DatasetDraft:
    """A draft from a JSON object's fields (over ``base`` for a patch).

    :raise BadRequest: an unknown field, or a value of the wrong kind.
    :raise Refused: a list longer than its field takes.
    """
    allowed = PATCHABLE | ({"held_by_us"} if base is None else set())
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise BadRequest.on(unknown[0], f"Unknown field “{unknown[0]}”.")
    values: dict[str, Any] = {}
    for name, value in body.items():
        if name == "held_by_us":
            if not isinstance(value, bool):
                raise BadRequest.on(name, "Give true or false.")
            values[name] = value
        elif name in MOST_ITEMS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise BadRequest.on(name, "Give a list of strings.")
            if len(value) > MOST_ITEMS[name]:
                raise Refused.on(name, f"Give at most {MOST_ITEMS[name]} {name}.")
            values[name] = split_list(value)
        elif isinstance(value, str):
            values[name] = value
        else:
            raise BadRequest.on(name, "Give a string.")
    return replace(base or DatasetDraft(), **values)


def retire_dataset(session: Session, actor: User, dataset_id: int) -> Dataset:
    """Withdraw a dataset from the register, its matches and exports (kept for the record).

    :raise NotFound: missing or unreadable.
    :raise Conflict: already retired.
    :raise Forbidden: kept by another organisation or member.
    """
    dataset = editable_dataset(session, actor, dataset_id)
    if dataset.retired_at is not None:
        raise Conflict.on("dataset", "This dataset is already retired.")
    dataset.retired_at = utcnow()
    refresh_after_change(session, [dataset])
    commit_or_rollback(session)
    return dataset


@dataclass(frozen=True)
class PledgeLine:
    """A live pledge of the dataset, naming its question only when the viewer may read it."""

    pledge: Pledge
    question: Question | None


@dataclass(frozen=True)
class DatasetDetail:
    """Everything a dataset's page shows."""

    dataset: Dataset
    matches: ServedGroups
    pledges: list[PledgeLine]
    can_edit: bool
    can_pledge: bool


def dataset_detail(session: Session, viewer: User | None, dataset_id: int) -> DatasetDetail:
    """A dataset with the groups it could serve (best first) and its live pledges.

    :raise NotFound: missing or unreadable.
    """
    dataset = get_dataset(session, viewer, dataset_id)
    pledges = session.scalars(
        select(Pledge)
        .where(Pledge.dataset_id == dataset.id, Pledge.status != PledgeStatus.WITHDRAWN)
        .options(selectinload(Pledge.question), selectinload(Pledge.cluster))
        .order_by(Pledge.created_at)
    )
    lines = [
        PledgeLine(p, p.question if p.question and can_read(viewer, p.question) else None)
        for p in pledges
    ]
    holder_member = (
        viewer is not None
        and dataset.holder_organisation_id is not None
        and viewer.organisation_id == dataset.holder_organisation_id
    )
    return DatasetDetail(
        dataset=dataset,
        matches=dataset_matches(session, dataset, MATCHES_SHOWN),
        pledges=lines,
        can_edit=can_edit_dataset(viewer, dataset),
        can_pledge=holder_member and dataset.retired_at is None,
    )


def served_groups(session: Session, viewer: User | None, dataset_id: int) -> list[GroupMatch]:
    """Every live group the dataset could serve, best first, demoted last (for the API).

    :raise NotFound: missing or unreadable.
    """
    return dataset_matches(session, get_dataset(session, viewer, dataset_id)).shown


def member_datasets(session: Session, user: User) -> list[Dataset]:
    """The live datasets a member may look after: their organisation's, and public data they
    described (for their account page)."""
    return list(
        session.scalars(
            select(Dataset)
            .where(
                Dataset.retired_at.is_(None),
                or_(
                    Dataset.holder_organisation_id == user.organisation_id,
                    and_(
                        Dataset.holder_organisation_id.is_(None),
                        Dataset.described_by_id == user.id,
                    ),
                ),
            )
            .order_by(Dataset.title, Dataset.id)
        )
    )

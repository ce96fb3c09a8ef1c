"""Finding datasets: the register's listing, filtered and searched by words and by meaning.

Every query goes through ``datasets_readable_by``, so a visitor never sees a members-only or a
retired record in a listing, a search or an export.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

import numpy as np
from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session, selectinload

from app.bank.embeddings import blob_to_vector, embed_texts
from app.bank.fulltext import ranked_ids, text_query
from app.core.errors import Refused
from app.core.paging import Page, PageRequest, paginate
from app.core.policy import datasets_readable_by
from app.datasets.rules import ACCESS_LEVELS
from app.insight.places import areas_covering, canonical_place
from models import Dataset, Organisation, Sector, Theme, User, dataset_themes
from models.fulltext import DATASETS_TEXT

# A search query is a few words and a dataset description a paragraph, so their cosines run low:
# "households sent to foodbanks" scores 0.47 against a food bank referral series, "bus timetables"
# 0.58 against bus statistics, while off-topic words ("football results", "weather tomorrow")
# stay under 0.1 and loosely related ones ("cold homes" against Universal Credit) near 0.2.
SEARCH_THRESHOLD = 0.30
SEARCH_MAX = 200
GEOGRAPHY_MAX = 120
PUBLIC_DATA = "public"  # the holder-sector filter's value for records no member holds

Condition = ColumnElement[bool]


@dataclass(frozen=True)
class DatasetFilters:
    """What the register listing is narrowed to, as plain values from a query string."""

    q: str = ""
    theme: str = ""
    access_level: str = ""
    sector: str = ""
    geography: str = ""

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> DatasetFilters:
        """The filters in a query string, trimmed."""
        return cls(**{f.name: str(args.get(f.name, "")).strip() for f in fields(cls)})

    def as_args(self) -> dict[str, str]:
        """The filters that are set, as query-string arguments."""
        return {name: value for name, value in vars(self).items() if value}

    @property
    def searching(self) -> bool:
        """Whether there is a search query."""
        return bool(self.q)


def _filter_conditions(session: Session, filters: DatasetFilters) -> list[Condition]:
    """SQL for each filter that is set.

    :raise Refused: a filter names a theme, access level or sector that does not exist.
    """
    conditions: list[Condition] = []
    if filters.theme:
        if session.get(Theme, filters.theme[:40]) is None:
            raise Refused.on("theme", f"Unknown theme “{filters.theme[:40]}”.")
        conditions.append(
            exists().where(
                dataset_themes.c.dataset_id == Dataset.id,
                dataset_themes.c.theme_slug == filters.theme,
            )
        )
    if filters.access_level:
        if filters.access_level not in ACCESS_LEVELS:
            raise Refused.on("access_level", f"Unknown access level “{filters.access_level[:40]}”.")
        conditions.append(Dataset.access_level == filters.access_level)
    if filters.sector == PUBLIC_DATA:
        conditions.append(Dataset.holder_organisation_id.is_(None))
    elif filters.sector:
        if filters.sector not in {s.value for s in Sector}:
            raise Refused.on("sector", f"Unknown sector “{filters.sector[:40]}”.")
        conditions.append(
            Dataset.holder_organisation_id.in_(
                select(Organisation.id).where(Organisation.sector == filters.sector)
            )
        )
    if filters.geography:
        if len(filters.geography) > GEOGRAPHY_MAX:
            raise Refused.on("geography", f"Keep the place to {GEOGRAPHY_MAX} characters.")
        # A dataset for Yorkshire covers Leeds, and so does a UK-wide one.
        conditions.append(Dataset.geography.in_(areas_covering(canonical_place(filters.geography))))
    return conditions


def _meaning_scores(session: Session, query: str, conditions: list[Condition]) -> dict[int, float]:
    """The readable datasets close in meaning to the query, with their cosine."""
    rows = session.execute(
        select(Dataset.id, Dataset.embedding).where(*conditions, Dataset.embedding.is_not(None))
    ).all()
    if not rows:
        return {}
    vectors = np.stack([blob_to_vector(row.embedding) for row in rows])
    scores = vectors @ embed_texts([query])[0]
    return {
        row.id: float(score)
        for row, score in zip(rows, scores, strict=True)
        if score >= SEARCH_THRESHOLD
    }


def _loaded(session: Session, ids: list[int]) -> list[Dataset]:
    found = {
        d.id: d
        for d in session.scalars(
            select(Dataset)
            .where(Dataset.id.in_(ids))
            .options(selectinload(Dataset.holder), selectinload(Dataset.themes))
        )
    }
    return [found[i] for i in ids]


def list_datasets(
    session: Session, viewer: User | None, filters: DatasetFilters, request: PageRequest
) -> Page[Dataset]:
    """One page of the readable, live datasets matching the filters and search.

    A search matches every word (stemmed, the last as a prefix) in the title, description,
    publisher, keywords or variables *or* the meaning of the query; word matches come first in
    full-text rank, then meaning-only ones by similarity. Without a search (or a query with no
    word in it) the register is in title order.

    :raise Refused: a filter names something that does not exist, or the query is too long.
    """
    if len(filters.q) > SEARCH_MAX:
        raise Refused.on("q", f"Keep the search to {SEARCH_MAX} characters.")
    conditions = [datasets_readable_by(viewer), *_filter_conditions(session, filters)]
    query = " ".join(filters.q.split())
    words = text_query(query)
    if words is None:
        ordered = (
            select(Dataset)
            .where(*conditions)
            .options(selectinload(Dataset.holder), selectinload(Dataset.themes))
            .order_by(Dataset.title, Dataset.id)
        )
        return paginate(session, ordered, request)
    literal_ids = ranked_ids(session, DATASETS_TEXT, words, conditions)
    scores = _meaning_scores(session, query, conditions)
    found = set(literal_ids)
    meaning_only = sorted((i for i in scores if i not in found), key=lambda i: (-scores[i], i))
    ranked = [*literal_ids, *meaning_only]
    request = request.clamped(len(ranked))
    ids = ranked[request.offset : request.offset + request.per_page]
    return Page(_loaded(session, ids), request.page, request.per_page, len(ranked))


def sector_choices() -> list[tuple[str, str]]:
    """The holder-sector filter's options: public data, then each member sector."""
    return [
        (PUBLIC_DATA, "Public data (no member holds it)"),
        *((s.value, s.label) for s in Sector),
    ]

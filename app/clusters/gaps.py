"""Data gaps: live groups many organisations ask about that no dataset serves and nobody has
pledged data to — the gaps in current understanding that workshops and funders need.

Read from the groups' stored figures only (``matched_dataset_count`` already leaves out the
datasets members marked not relevant), so the page never runs the matcher. Those figures and
labels are built from public questions only, so the page and its CSV show nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, defer

from app.clusters.service import (
    SORT_ORDERS,
    GroupSummary,
    SortOrder,
    action_type_labels,
    summarise,
    summary_page,
)
from app.core.csvfile import Cell, csv_text
from app.core.paging import Page, PageRequest
from models import Cluster, ClusterState

GAP_SORTS: dict[str, SortOrder] = {key: SORT_ORDERS[key] for key in ("breadth", "support", "size")}
DEFAULT_GAP_SORT = "breadth"
CSV_COLUMNS = ("group_id", "title", "questions", "organisations", "sectors", "support", "url")


def gap_sort(key: str | None) -> SortOrder:
    """The named gap ordering, or the default (most organisations) for an unknown name."""
    return GAP_SORTS.get(key or DEFAULT_GAP_SORT, GAP_SORTS[DEFAULT_GAP_SORT])


def _gaps(sort: str | None) -> Select[Cluster]:
    """Live groups with public questions, no dataset matching and no live pledge."""
    return (
        select(Cluster)
        .options(defer(Cluster.centroid), defer(Cluster.public_centroid))
        .where(
            Cluster.state == ClusterState.ACTIVE,
            Cluster.size > 0,
            Cluster.matched_dataset_count == 0,
            Cluster.pledge_count == 0,
        )
        .order_by(*gap_sort(sort).order_by)
    )


def list_gaps(session: Session, sort: str | None, at: PageRequest) -> Page[GroupSummary]:
    """One page of data gaps in a sort order."""
    return summary_page(session, _gaps(sort), at)


def gaps_csv(session: Session, sort: str | None, url_of: Callable[[int], str]) -> str:
    """Every data gap as CSV in the page's order, each cell neutralised against formulas."""
    return csv_text(CSV_COLUMNS, _csv_rows(session, sort, url_of))


def _csv_rows(
    session: Session, sort: str | None, url_of: Callable[[int], str]
) -> Iterator[list[Cell]]:
    labels = action_type_labels(session)
    for cluster in session.scalars(_gaps(sort)):
        summary = summarise(cluster, labels)
        sectors = "; ".join(f"{s.label}: {s.count}" for s in summary.sectors)
        yield [
            cluster.id,
            cluster.display_title,
            cluster.size,
            cluster.organisation_count,
            sectors,
            cluster.support_count,
            url_of(cluster.id),
        ]

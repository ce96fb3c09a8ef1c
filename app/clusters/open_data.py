"""The live groups as open data: ``groups.csv``.

A group is published when it has public questions, with what was made from those alone: its
title (the facilitator's, or the label built from its public questions), keywords and figures.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.csvfile import csv_lines
from app.core.opendata import (
    Freshness,
    OpenExport,
    OpenField,
    register_open_export,
)
from models import Cluster, ClusterState

FIELDS = (
    OpenField(
        "id", "integer", "The group's number; it survives re-grouping.", required=True, unique=True
    ),
    OpenField("title", "string", "What the group asks, in a few words.", required=True),
    OpenField("keywords", "string", "Words that set the group apart, separated by '; '."),
    OpenField("questions", "integer", "Public questions in the group.", required=True),
    OpenField("supporters", "integer", "Times members said they ask these too.", required=True),
    OpenField("organisations", "integer", "Organisations asking them.", required=True),
    OpenField("url", "string", "The group's page in the bank.", required=True),
)


def _published() -> Any:
    return (Cluster.state == ClusterState.ACTIVE, Cluster.size > 0)


def groups_csv(session: Session) -> Iterator[str]:
    """The published groups as CSV, line by line (read as they are written out)."""
    rows = session.execute(
        select(
            Cluster.id,
            Cluster.title,
            Cluster.auto_label,
            Cluster.keywords,
            Cluster.size,
            Cluster.support_count,
            Cluster.organisation_count,
        )
        .where(*_published())
        .order_by(Cluster.id)
        .execution_options(yield_per=1000)
    )
    yield from csv_lines(
        [f.name for f in FIELDS],
        (
            [
                row.id,
                row.title or row.auto_label or f"Group {row.id}",
                "; ".join(row.keywords or []),
                row.size,
                row.support_count,
                row.organisation_count,
                url_for("clusters.show", cluster_id=row.id, _external=True),
            ]
            for row in rows
        ),
    )


def groups_freshness(session: Session) -> Freshness:
    """How many groups are published and when the latest changed."""
    count, changed = session.execute(
        select(func.count(), func.max(Cluster.updated_at)).where(*_published())
    ).one()
    return Freshness(count or 0, changed)


register_open_export(
    OpenExport(
        name="groups.csv",
        title="Groups of similar questions",
        description="The groups the bank found among its public questions, with their figures.",
        media_type="text/csv",
        stream=groups_csv,
        freshness=groups_freshness,
        fields=FIELDS,
    )
)

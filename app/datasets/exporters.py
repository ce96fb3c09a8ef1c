"""The open register: public, live dataset descriptions as CSV and as DCAT JSON-LD.

Exports never hold members-only or retired records, whoever asks: they are open data. CSV cells
that a spreadsheet would run as a formula are neutralised (OWASP's CSV injection advice).
The CSV's columns are the import's field names, so an export can be imported again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from flask import Response, url_for
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.core.csvfile import Cell, csv_text
from app.core.opendata import Freshness, OpenExport, OpenField, register_open_export
from app.core.policy import datasets_readable_by
from models import Dataset

CSV_COLUMNS = (
    "id",
    "title",
    "description",
    "publisher",
    "holder",
    "contact",
    "themes",
    "keywords",
    "variables",
    "unit_of_analysis",
    "population",
    "geography",
    "granularity",
    "time_span",
    "update_frequency",
    "format",
    "size",
    "access_level",
    "licence",
    "url",
    "could_answer",
    "held_by_us",
    "page",
)
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "qb": "https://questionbank.example.org/ns#",
}


def open_datasets(session: Session) -> list[Dataset]:
    """The public, unretired datasets, in title order (the same for every viewer)."""
    return list(
        session.scalars(
            select(Dataset)
            .where(datasets_readable_by(None))
            .options(selectinload(Dataset.holder), selectinload(Dataset.themes))
            .order_by(Dataset.title, Dataset.id)
        )
    )


def _cells(dataset: Dataset, page_url: str) -> dict[str, Cell]:
    lists = {
        "themes": [t.slug for t in dataset.themes],
        "keywords": dataset.keywords or [],
        "variables": dataset.variables or [],
    }
    return {
        "id": dataset.id,
        "title": dataset.title,
        "description": dataset.description,
        "publisher": dataset.publisher,
        "holder": dataset.holder.name if dataset.holder else "",
        "contact": dataset.contact_details,
        **{name: "; ".join(items) for name, items in lists.items()},
        "unit_of_analysis": dataset.unit_of_analysis.value if dataset.unit_of_analysis else "",
        "population": dataset.population,
        "geography": dataset.geography,
        "granularity": dataset.granularity,
        "time_span": dataset.time_span,
        "update_frequency": dataset.update_frequency,
        "format": dataset.format,
        "size": dataset.size,
        "access_level": dataset.access_level.value,
        "licence": dataset.licence,
        "url": dataset.url or "",
        "could_answer": dataset.could_answer,
        "held_by_us": "yes" if dataset.holder_organisation_id is not None else "no",
        "page": page_url,
    }


def register_csv(datasets: Sequence[Dataset], page_url: Callable[[Dataset], str]) -> str:
    """The datasets as CSV, one row each, every cell neutralised."""
    rows = (_cells(dataset, page_url(dataset)) for dataset in datasets)
    return csv_text(CSV_COLUMNS, ([cells[name] for name in CSV_COLUMNS] for cells in rows))


def dcat_dataset(dataset: Dataset, page_url: str) -> dict[str, Any]:
    """One dataset as a DCAT ``dcat:Dataset`` node."""
    node: dict[str, Any] = {
        "@id": page_url,
        "@type": "dcat:Dataset",
        "dct:identifier": str(dataset.id),
        "dct:title": dataset.title,
        "dct:description": dataset.description,
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": dataset.publisher or ""},
        "dcat:keyword": list(dataset.keywords or []),
        "dcat:theme": [t.label for t in dataset.themes],
        "dct:spatial": dataset.geography,
        "dct:temporal": dataset.time_span,
        "dct:accrualPeriodicity": dataset.update_frequency,
        "dct:format": dataset.format,
        "dct:license": dataset.licence,
        "dct:accessRights": dataset.access_level.label,
        "qb:variables": list(dataset.variables or []),
        "qb:unitOfAnalysis": dataset.unit_of_analysis.value if dataset.unit_of_analysis else None,
        "qb:population": dataset.population,
        "qb:holder": dataset.holder.name if dataset.holder else None,
    }
    if dataset.url:
        node["dcat:landingPage"] = {"@id": dataset.url}
    if dataset.contact_details:
        node["dcat:contactPoint"] = {"@type": "vcard:Kind", "vcard:fn": dataset.contact_details}
    return {key: value for key, value in node.items() if value not in (None, "", [])}


def register_dcat(
    datasets: Sequence[Dataset], page_url: Callable[[Dataset], str], catalogue_url: str
) -> dict[str, Any]:
    """The datasets as a DCAT catalogue in JSON-LD."""
    return {
        "@context": DCAT_CONTEXT,
        "@graph": [
            {
                "@id": catalogue_url,
                "@type": "dcat:Catalog",
                "dct:title": "Question Bank dataset register",
                "dct:description": "Descriptions of datasets about poverty in the UK, described "
                "by members of Question Bank (metadata only; the data stays with its holders).",
                "dcat:dataset": [{"@id": page_url(d)} for d in datasets],
            },
            *(dcat_dataset(d, page_url(d)) for d in datasets),
        ],
    }


def export_response(session: Session, kind: str) -> Response:
    """The open register as a download: ``csv`` or ``jsonld``."""
    datasets = open_datasets(session)

    def page_url(dataset: Dataset) -> str:
        return url_for("datasets.show", dataset_id=dataset.id, _external=True)

    if kind == "csv":
        body, mimetype = register_csv(datasets, page_url), "text/csv"
    else:
        catalogue = url_for("datasets.index", _external=True)
        body = json.dumps(register_dcat(datasets, page_url, catalogue), indent=2)
        mimetype = "application/ld+json"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="datasets.{kind}"'
    return response


# --- In the bank's open data --------------------------------------------------------------------

_CSV_DESCRIPTIONS = {
    "id": ("integer", "The dataset's number in the register."),
    "themes": ("string", "Theme slugs, separated by '; '."),
    "keywords": ("string", "Keywords, separated by '; '."),
    "variables": ("string", "What it measures, separated by '; '."),
    "access_level": ("string", "open, on-request, restricted (aggregates only) or personal."),
    "held_by_us": ("string", "yes when a member organisation holds it and can share it."),
    "page": ("string", "The dataset's page in the bank."),
}


def _open_fields() -> tuple[OpenField, ...]:
    return tuple(
        OpenField(
            name,
            *_CSV_DESCRIPTIONS.get(name, ("string", name.replace("_", " ").capitalize() + ".")),
            required=name in {"id", "title", "page"},
            unique=name == "id",
        )
        for name in CSV_COLUMNS
    )


def _page_url(dataset: Dataset) -> str:
    return url_for("datasets.show", dataset_id=dataset.id, _external=True)


def _open_csv(session: Session) -> Iterator[str]:
    yield register_csv(open_datasets(session), _page_url)


def _open_dcat(session: Session) -> Iterator[str]:
    catalogue = url_for("datasets.index", _external=True)
    yield json.dumps(register_dcat(open_datasets(session), _page_url, catalogue), indent=2)


def open_freshness(session: Session) -> Freshness:
    """How many datasets are in the open register and when the latest changed."""
    count, changed = session.execute(
        select(func.count(), func.max(Dataset.updated_at)).where(datasets_readable_by(None))
    ).one()
    return Freshness(count or 0, changed)


register_open_export(
    OpenExport(
        name="datasets.csv",
        title="Dataset register",
        description="Public descriptions of datasets that could answer the questions "
        "(metadata only: the data stays with its holders).",
        media_type="text/csv",
        stream=_open_csv,
        freshness=open_freshness,
        fields=_open_fields(),
    )
)
register_open_export(
    OpenExport(
        name="datasets.jsonld",
        title="Dataset register (DCAT)",
        description="The same register as a DCAT catalogue in JSON-LD.",
        media_type="application/ld+json",
        stream=_open_dcat,
        freshness=open_freshness,
    )
)

"""Read many dataset descriptions at once: a CSV file, a DCAT JSON-LD catalogue, or a CKAN
``package_show`` / ``package_search`` response.

Each reader turns a file into ``ParsedRow``s — where the row was (line or item), its draft, and
what was wrong in reading it — without touching the database; ``app.datasets.imports`` checks
them against the rules and the register. No third-party reader is needed: the standard ``csv``
and ``json`` modules read these formats, and a JSON-LD catalogue is read by its keys (prefixed
or full IRIs) rather than expanded, since a register import never follows remote contexts.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import Refused
from app.datasets.rules import DatasetDraft, split_list

MAX_BYTES = 1_000_000
MAX_ROWS = 500
REQUIRED_COLUMNS = ("title", "description", "access_level")
# Open catalogues publish open data unless a record says otherwise.
CATALOGUE_ACCESS = "open"
TRUE_WORDS = {"yes", "true", "1", "y"}
FALSE_WORDS = {"no", "false", "0", "n"}


@dataclass(frozen=True)
class ParsedRow:
    """One record read from a file: where it was, the draft, and reading errors by field."""

    where: str
    draft: DatasetDraft
    errors: dict[str, list[str]] = field(default_factory=dict)


def read_upload(content: bytes, filename: str, held_by_us: bool) -> list[ParsedRow]:
    """Every record in an uploaded file, whichever of the three formats it is in.

    :raise Refused: the file is too large, unreadable, in no known format, or has too many rows.
    """
    if len(content) > MAX_BYTES:
        raise Refused.on("file", f"The file is over {MAX_BYTES // 1_000_000} MB: split it up.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Refused.on("file", "Save the file as UTF-8 text and upload it again.") from None
    if not text.strip():
        raise Refused.on("file", "The file is empty.")
    looks_json = filename.lower().endswith((".json", ".jsonld")) or text.lstrip()[:1] in "{["
    rows = read_json(text, held_by_us) if looks_json else read_csv(text, held_by_us)
    if not rows:
        raise Refused.on("file", "The file holds no dataset descriptions.")
    if len(rows) > MAX_ROWS:
        raise Refused.on("file", f"Import at most {MAX_ROWS} datasets at once ({len(rows)} here).")
    return rows


# --- CSV -----------------------------------------------------------------------------------------


def _flag(value: str, default: bool) -> bool | None:
    word = value.strip().lower()
    if not word:
        return default
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def read_csv(text: str, held_by_us: bool) -> list[ParsedRow]:
    """Rows of a CSV whose header names the fields; lists are separated by ``;``.

    A missing required column is an error on every row (named by line and field); unknown
    columns are ignored.
    """
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    known = set(DatasetDraft.field_names())
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    rows: list[ParsedRow] = []
    for record in reader:
        line = reader.line_num
        values = {k: (v or "").strip() for k, v in record.items() if k in known}
        errors = {name: [f"The file has no “{name}” column."] for name in missing}
        flag = _flag(values.pop("held_by_us", ""), held_by_us)
        if flag is None:
            errors["held_by_us"] = ["Write yes or no."]
        fields: dict[str, Any] = dict(values)
        for name in ("themes", "keywords", "variables"):
            fields[name] = split_list(fields.pop(name, ""))
        draft = DatasetDraft(**fields, held_by_us=bool(flag))
        rows.append(ParsedRow(f"line {line}", draft, errors))
        if len(rows) > MAX_ROWS:
            break
    return rows


# --- JSON: DCAT JSON-LD and CKAN ----------------------------------------------------------------

PREFIXES = {
    "dct:": "http://purl.org/dc/terms/",
    "dcat:": "http://www.w3.org/ns/dcat#",
    "foaf:": "http://xmlns.com/foaf/0.1/",
    "rdfs:": "http://www.w3.org/2000/01/rdf-schema#",
    "skos:": "http://www.w3.org/2004/02/skos/core#",
    "schema:": "http://schema.org/",
    "vcard:": "http://www.w3.org/2006/vcard/ns#",
}
_IRI_TO_PREFIXED = {iri: prefix for prefix, iri in PREFIXES.items()}
_NAME_KEYS = (
    "foaf:name",
    "rdfs:label",
    "skos:prefLabel",
    "dct:title",
    "schema:name",
    "vcard:fn",
    "vcard:hasEmail",
    "@value",
)


def _prefixed(key: str) -> str:
    for iri, prefix in _IRI_TO_PREFIXED.items():
        if key.startswith(iri):
            return prefix + key[len(iri) :]
    return key


def _node(value: Any) -> Any:
    """A JSON-LD value with every key written in its prefixed form."""
    if isinstance(value, dict):
        node = {_prefixed(k): _node(v) for k, v in value.items()}
        if "@type" in node:  # types are IRIs too: dcat#Dataset is dcat:Dataset
            types = node["@type"]
            node["@type"] = (
                [_prefixed(str(t)) for t in types]
                if isinstance(types, list)
                else _prefixed(str(types))
            )
        return node
    if isinstance(value, list):
        return [_node(v) for v in value]
    return value


def _texts(value: Any) -> list[str]:
    """The plain strings a JSON-LD value holds (a string, a language value, a named node)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    if isinstance(value, dict):
        for key in _NAME_KEYS:
            if key in value:
                return _texts(value[key])
        return _texts(value.get("@id"))
    return [str(value)]


def _text(value: Any) -> str:
    found = _texts(value)
    return found[0] if found else ""


def _iri_word(value: str) -> str:
    """The last word of a vocabulary IRI: …/freq/monthly or …/frequency/MONTHLY → monthly."""
    if "/" in value or "#" in value:
        return value.rstrip("/").replace("#", "/").rsplit("/", 1)[-1].replace("_", " ").lower()
    return value


def _temporal(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        start = _text(value.get("dcat:startDate") or value.get("schema:startDate"))
        end = _text(value.get("dcat:endDate") or value.get("schema:endDate"))
        if start or end:
            return f"{start[:10]}-{end[:10]}".strip("-")
    return _text(value)


def _is_dataset(node: Mapping[str, Any]) -> bool:
    types = node.get("@type", [])
    return "dcat:Dataset" in (types if isinstance(types, list) else [types])


def _dcat_nodes(document: Any) -> Iterator[dict[str, Any]]:
    graph = document.get("@graph", [document]) if isinstance(document, dict) else document
    for node in graph if isinstance(graph, list) else [graph]:
        if not isinstance(node, dict):
            continue
        if _is_dataset(node):
            yield node
        nested = node.get("dcat:dataset", [])
        for item in nested if isinstance(nested, list) else [nested]:
            if isinstance(item, dict) and _is_dataset(item):
                yield item


def _dcat_row(position: int, node: Mapping[str, Any], held_by_us: bool) -> ParsedRow:
    landing = _text(node.get("dcat:landingPage")) or (
        node["@id"] if str(node.get("@id", "")).startswith("http") else ""
    )
    draft = DatasetDraft(
        title=_text(node.get("dct:title")),
        description=_text(node.get("dct:description")),
        publisher=_text(node.get("dct:publisher")),
        contact=_text(node.get("dcat:contactPoint")),
        keywords=tuple(_texts(node.get("dcat:keyword"))),
        licence=_text(node.get("dct:license")),
        url=landing,
        geography=_text(node.get("dct:spatial")),
        time_span=_temporal(node.get("dct:temporal")),
        update_frequency=_iri_word(_text(node.get("dct:accrualPeriodicity"))),
        access_level=CATALOGUE_ACCESS,
        held_by_us=held_by_us,
    )
    return ParsedRow(f"item {position}", draft)


def _ckan_extras(package: Mapping[str, Any]) -> dict[str, str]:
    extras = package.get("extras") or []
    return {
        str(extra.get("key", "")).strip().lower(): str(extra.get("value", "")).strip()
        for extra in extras
        if isinstance(extra, dict)
    }


def _ckan_row(position: int, package: Mapping[str, Any], held_by_us: bool) -> ParsedRow:
    extras = _ckan_extras(package)
    resources = [r for r in package.get("resources") or [] if isinstance(r, dict)]
    formats = list(dict.fromkeys(str(r.get("format", "")).strip() for r in resources))
    organisation = package.get("organization") or {}
    draft = DatasetDraft(
        title=str(package.get("title") or package.get("name") or ""),
        description=str(package.get("notes") or ""),
        publisher=str(organisation.get("title", "") if isinstance(organisation, dict) else ""),
        contact=str(package.get("maintainer_email") or package.get("author_email") or ""),
        keywords=tuple(
            str(t.get("name", "")) for t in package.get("tags") or [] if isinstance(t, dict)
        ),
        licence=str(package.get("license_title") or ""),
        url=str(package.get("url") or (resources[0].get("url", "") if resources else "")),
        format=", ".join(f for f in formats if f)[:80],
        geography=extras.get("spatial_text") or extras.get("geography", ""),
        granularity=extras.get("granularity", ""),
        time_span=extras.get("temporal") or extras.get("time_span", ""),
        update_frequency=extras.get("frequency") or extras.get("update_frequency", ""),
        population=extras.get("population", ""),
        unit_of_analysis=extras.get("unit_of_analysis", ""),
        access_level=extras.get("access_level") or CATALOGUE_ACCESS,
        held_by_us=held_by_us,
    )
    return ParsedRow(f"item {position}", draft)


def read_json(text: str, held_by_us: bool) -> list[ParsedRow]:
    """Records of a CKAN API response or a DCAT JSON-LD catalogue.

    :raise Refused: not JSON, or neither shape.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise Refused.on("file", f"The file is not valid JSON (line {error.lineno}).") from None
    if isinstance(document, dict) and "result" in document and "success" in document:
        result = document["result"]
        packages = (
            result.get("results") if isinstance(result, dict) and "results" in result else [result]
        )
        if not isinstance(packages, list):
            raise Refused.on("file", "The CKAN response has no packages.")
        return [
            _ckan_row(n, p, held_by_us) for n, p in enumerate(packages, 1) if isinstance(p, dict)
        ]
    nodes = list(_dcat_nodes(_node(document)))
    if not nodes:
        raise Refused.on(
            "file", "No dcat:Dataset found: upload a DCAT JSON-LD catalogue or a CKAN response."
        )
    return [_dcat_row(n, node, held_by_us) for n, node in enumerate(nodes, 1)]

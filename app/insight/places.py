"""UK places: every local authority, its county, region and nation, and which areas cover which.

The places come from data files beside this module (`data/`), read once:

- `uk_local_authorities.csv`: the 361 local authority districts of the ONS lookup (LAD
  December 2023), with region, nation and county;
- `england_counties.csv`: county councils, metropolitan counties and two former counties;
- `place_aliases.csv`: other names people write ("Hull", "Caerdydd", "Lancs").

`canonical_place` turns what someone typed into the name the app stores and shows; a place
it does not know is kept as typed, so matching falls back to the exact name. `areas_covering`
lists the areas whose data covers a place (Leeds: West Yorkshire, Yorkshire and the Humber,
England, England and Wales, Great Britain, UK-wide).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType

DATA_DIR = Path(__file__).parent / "data"
LOCAL_AUTHORITIES_FILE = DATA_DIR / "uk_local_authorities.csv"
COUNTIES_FILE = DATA_DIR / "england_counties.csv"
ALIASES_FILE = DATA_DIR / "place_aliases.csv"

# Credit for a dataset that covers only part of the group's area (a Bradford dataset for an
# England-wide group): it can answer the questions for that part only.
PARTIAL_PLACE = 0.5

UK_WIDE = "UK-wide"
NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
# Areas spanning several nations that datasets are often published for.
MULTI_NATION_AREAS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "Great Britain": frozenset({"England", "Scotland", "Wales"}),
        "England and Wales": frozenset({"England", "Wales"}),
    }
)


@dataclass(frozen=True)
class LocalAuthority:
    """One local authority district: a row of `uk_local_authorities.csv`."""

    code: str
    name: str
    official_name: str
    region: str
    nation: str
    county: str = ""


@dataclass(frozen=True)
class County:
    """An English county, metropolitan county or former county: a row of `england_counties.csv`."""

    code: str
    name: str
    kind: str
    region: str
    nation: str = "England"


COUNTY_KINDS = ("county", "metropolitan county", "former county")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a CSV file whose lines starting with "#" are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.lstrip().startswith("#"))
        for row in csv.DictReader(lines):
            yield {key: (value or "").strip() for key, value in row.items()}


def _check_region(where: str, region: str, nation: str) -> None:
    if nation not in NATIONS:
        raise ValueError(f"{where}: unknown nation {nation!r}")
    expected = ENGLISH_REGIONS if nation == "England" else (nation,)
    if region not in expected:
        raise ValueError(f"{where}: region {region!r} is not one of {nation}'s")


@cache
def counties() -> tuple[County, ...]:
    """The counties of `england_counties.csv`, in file order."""
    result: list[County] = []
    for row in _rows(COUNTIES_FILE):
        county = County(row["code"], row["name"], row["kind"], row["region"], row["nation"])
        _check_region(f"{COUNTIES_FILE.name}: {county.name}", county.region, county.nation)
        if county.kind not in COUNTY_KINDS:
            raise ValueError(f"{COUNTIES_FILE.name}: {county.name} has unknown kind {county.kind}")
        result.append(county)
    return tuple(result)


@cache
def local_authorities() -> tuple[LocalAuthority, ...]:
    """Every local authority district of `uk_local_authorities.csv`, in code order."""
    county_names = {county.name for county in counties()}
    result: list[LocalAuthority] = []
    for row in _rows(LOCAL_AUTHORITIES_FILE):
        authority = LocalAuthority(
            code=row["code"],
            name=row["name"],
            official_name=row["official_name"] or row["name"],
            region=row["region"],
            nation=row["nation"],
            county=row["county"],
        )
        where = f"{LOCAL_AUTHORITIES_FILE.name}: {authority.name}"
        _check_region(where, authority.region, authority.nation)
        if authority.county and authority.county not in county_names:
            raise ValueError(f"{where}: unknown county {authority.county!r}")
        result.append(authority)
    return tuple(result)


_APOSTROPHE = re.compile(r"['’]")
_NOT_WORD = re.compile(r"[\W_]+")


def _place_key(name: str) -> str:
    """How names are compared: case, accents, apostrophes and punctuation aside."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _APOSTROPHE.sub("", text).replace("&", " and ")
    return " ".join(_NOT_WORD.split(text)).strip()


# English local authority or county -> region.
REGION_OF: Mapping[str, str] = MappingProxyType(
    {a.name: a.region for a in local_authorities() if a.nation == "England"}
    | {c.name: c.region for c in counties()}
)
# Region or non-English local authority -> nation.
NATION_OF: Mapping[str, str] = MappingProxyType(
    dict.fromkeys(ENGLISH_REGIONS, "England")
    | {a.name: a.nation for a in local_authorities() if a.nation != "England"}
)
# English local authority -> the county, metropolitan county or former county it lies in.
COUNTY_OF: Mapping[str, str] = MappingProxyType(
    {a.name: a.county for a in local_authorities() if a.county}
)


def _canonical_names() -> Iterable[str]:
    yield UK_WIDE
    yield from NATIONS
    yield from MULTI_NATION_AREAS
    yield from ENGLISH_REGIONS
    yield from (county.name for county in counties())
    yield from (authority.name for authority in local_authorities())


@cache
def _canonical() -> Mapping[str, str]:
    """Place key -> canonical name, for every name, ONS official name and alias."""
    names = list(_canonical_names())
    table: dict[str, str] = {}
    for name in names:
        if table.setdefault(_place_key(name), name) != name:
            raise ValueError(f"places {table[_place_key(name)]!r} and {name!r} read the same")
    for authority in local_authorities():
        table.setdefault(_place_key(authority.official_name), authority.name)
    known = set(names)
    for row in _rows(ALIASES_FILE):
        alias, canonical, key = row["alias"], row["canonical"], _place_key(row["alias"])
        if canonical not in known:
            raise ValueError(f"{ALIASES_FILE.name}: {alias!r} points to unknown {canonical!r}")
        if table.setdefault(key, canonical) != canonical:
            raise ValueError(f"{ALIASES_FILE.name}: {alias!r} already means {table[key]!r}")
    return MappingProxyType(table)


# Matching compares every dataset's places with every group's on each ranking: the same few
# hundred names, so each is normalised once.
@lru_cache(maxsize=8192)
def canonical_place(name: str) -> str:
    """Return the canonical spelling of a place name, or the name itself if it is unknown."""
    return _canonical().get(_place_key(name), name.strip())


@lru_cache(maxsize=4096)
def areas_covering(place: str) -> frozenset[str]:
    """Return the canonical areas whose data covers `place`, including the place itself."""
    place = canonical_place(place)
    areas = {place, UK_WIDE}
    county = COUNTY_OF.get(place)
    if county:
        areas.add(county)
    region = REGION_OF.get(place)
    if region:
        areas.add(region)
    nation = NATION_OF.get(region or place) or (place if place in NATIONS else None)
    if nation:
        areas.add(nation)
        areas.update(area for area, nations in MULTI_NATION_AREAS.items() if nation in nations)
    return frozenset(areas)


@lru_cache(maxsize=16384)
def place_coverage(group_place: str, dataset_place: str) -> float:
    """Return 1 if the dataset's area covers the group's place, PARTIAL_PLACE for part, else 0."""
    group_place, dataset_place = canonical_place(group_place), canonical_place(dataset_place)
    if dataset_place in areas_covering(group_place):
        return 1.0
    if group_place in areas_covering(dataset_place):
        return PARTIAL_PLACE
    return 0.0


@cache
def place_suggestions() -> tuple[str, ...]:
    """Places to offer where people type one: UK-wide, the nations, the English regions, then
    every local authority and county in alphabetical order."""
    local = sorted(
        {*(a.name for a in local_authorities()), *(c.name for c in counties())},
        key=lambda name: (_place_key(name), name),
    )
    return tuple(dict.fromkeys((UK_WIDE, *NATIONS, *ENGLISH_REGIONS, *local)))

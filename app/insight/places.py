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
GRANULARITY_FILE = DATA_DIR / "granularity_levels.csv"

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


@lru_cache(maxsize=16384)
def is_known_place(name: str) -> bool:
    """Whether a name is a place the vocabulary knows (a nation, region, county, local
    authority, UK-wide, or an alias of one): "Hull" and "wales" are, "free school" is not."""
    return _place_key(name) in _canonical()


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


# How far down figures go, finest first: the levels of `granularity_levels.csv`, and the whole
# UK above them (the level of a UK-wide question).
SMALL_AREA, LOCAL_AUTHORITY, COUNTY, REGION, NATION, WHOLE_UK = range(6)


@cache
def _granularity_phrases() -> tuple[tuple[re.Pattern[str], int], ...]:
    phrases = []
    for row in _rows(GRANULARITY_FILE):
        level = int(row["level"])
        if not SMALL_AREA <= level <= NATION:
            raise ValueError(f"{GRANULARITY_FILE.name}: {row['phrase']!r} has level {level}")
        words = r"\s+".join(re.escape(word) for word in row["phrase"].lower().split())
        phrases.append((re.compile(rf"\b{words}\b"), level))
    return tuple(phrases)


@lru_cache(maxsize=4096)
def granularity_level(granularity: str) -> int | None:
    """The finest level a dataset's granularity names ("nation and region": `REGION`), or None
    if it names none."""
    text = granularity.lower()
    levels = [level for pattern, level in _granularity_phrases() if pattern.search(text)]
    return min(levels) if levels else None


@lru_cache(maxsize=4096)
def place_level(place: str) -> int:
    """The level of a place: `WHOLE_UK`, `NATION`, `REGION`, `COUNTY`, or `LOCAL_AUTHORITY` for
    a local authority or a place the vocabulary does not know."""
    place = canonical_place(place)
    if place == UK_WIDE or place in MULTI_NATION_AREAS:
        return WHOLE_UK
    if place in NATIONS:
        return NATION
    if place in ENGLISH_REGIONS:
        return REGION
    if place in {county.name for county in counties()}:
        return COUNTY
    return LOCAL_AUTHORITY


def place_fit(place: str, area: str, granularity: str = "") -> float:
    """How far data for `area`, broken down to `granularity`, answers for `place`.

    As `place_coverage`, except that an area covering the place whose figures stop above the
    place's level (UK-wide data by nation and region, for a question about Bradford) covers it
    only in part: its figures describe the place among others, not the place itself.
    """
    coverage = place_coverage(place, area)
    level = granularity_level(granularity) if granularity else None
    if (
        coverage == 1.0
        and level is not None
        and level > place_level(place)
        and canonical_place(place) != canonical_place(area)
    ):
        return PARTIAL_PLACE
    return coverage


@cache
def place_suggestions() -> tuple[str, ...]:
    """Places to offer where people type one: UK-wide, the nations, the English regions, then
    every local authority and county in alphabetical order."""
    local = sorted(
        {*(a.name for a in local_authorities()), *(c.name for c in counties())},
        key=lambda name: (_place_key(name), name),
    )
    return tuple(dict.fromkeys((UK_WIDE, *NATIONS, *ENGLISH_REGIONS, *local)))


# Words a place name may hold that are written in lower case ("Newcastle upon Tyne").
_JOINERS = frozenset({"upon", "on", "and", "the", "of", "in", "le", "with", "under", "by", "next"})
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_LONGEST_NAME = 6  # words in the longest place name or alias


HOMONYMS_FILE = DATA_DIR / "place_homonyms.txt"
_SENTENCE_END = re.compile(r"[.?!:;]\s*$")


@cache
def _name_keys() -> frozenset[str]:
    return frozenset(_canonical())


@cache
def _first_words() -> frozenset[str]:
    """The key of the first word of every place name: where a name can start."""
    return frozenset(key.split(" ", 1)[0] for key in _canonical())


@cache
def _homonyms() -> frozenset[str]:
    lines = HOMONYMS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position]
    return not before.strip() or bool(_SENTENCE_END.search(before))


def place_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) character spans of the places the vocabulary knows in a text.

    A span is a run of up to six words whose key is a known place name and whose words are
    written as a name: each capitalised, except joiners ("upon", "and"), so "hart" and
    "reading" in running text are not places, nor is a homonym ("Reading") alone at the start of
    a sentence (data/place_homonyms.txt). The longest name wins ("Newcastle upon Tyne", not
    "Newcastle").
    """
    words = list(_WORD.finditer(text))
    keys = _name_keys()
    spans: list[tuple[int, int]] = []
    i = 0
    starts = _first_words()
    while i < len(words):
        found = 0
        word = words[i].group()
        if not word[0].isupper() or _place_key(word) not in starts:
            i += 1
            continue
        for length in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
            run = words[i : i + length]
            first, last = run[0].group(), run[-1].group()
            if not (first[0].isupper() and last[0].isupper()):
                continue
            if not all(w.group()[0].isupper() or w.group() in _JOINERS for w in run):
                continue
            if length == 1 and first in _homonyms() and _starts_sentence(text, run[0].start()):
                continue
            if _place_key(text[run[0].start() : run[-1].end()]) in keys:
                found = length
                break
        if found:
            spans.append((words[i].start(), words[i + found - 1].end()))
            i += found
        else:
            i += 1
    return spans


def without_places(text: str, stand_in: str = "the area") -> str:
    """The text with each place it names replaced by `stand_in`, so that what is asked, not
    where, decides which questions read alike ("in Bradford" and "in Cornwall" both become
    "in the area")."""
    spans = place_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        before = text[last:start]
        # "the North East" reads "the the area" otherwise.
        if before[-4:].lower() == "the " and stand_in.lower().startswith("the "):
            before = before[:-4]
        parts.extend((before, stand_in))
        last = end
    parts.append(text[last:])
    return "".join(parts)

"""The UK places data files and what is built from them."""

import re
from collections import Counter

import pytest

from app.insight import places
from app.insight.places import (
    COUNTY_OF,
    ENGLISH_REGIONS,
    NATION_OF,
    NATIONS,
    REGION_OF,
    UK_WIDE,
    areas_covering,
    canonical_place,
    counties,
    local_authorities,
    place_coverage,
    place_spans,
    place_suggestions,
    without_places,
)

GSS_PREFIX = {
    "England": ("E06", "E07", "E08", "E09"),
    "Wales": ("W06",),
    "Scotland": ("S12",),
    "Northern Ireland": ("N09",),
}


def test_every_local_authority_loads_with_a_region_and_nation():
    authorities = local_authorities()
    assert len(authorities) == 361
    for authority in authorities:
        assert authority.nation in NATIONS
        assert re.fullmatch(r"[EWSN]\d{8}", authority.code)
        assert authority.code.startswith(GSS_PREFIX[authority.nation])
        if authority.nation == "England":
            assert authority.region in ENGLISH_REGIONS
        else:
            assert authority.region == authority.nation
    assert len({a.code for a in authorities}) == len(authorities)
    assert len({a.name for a in authorities}) == len(authorities)


def test_local_authorities_per_nation_and_region():
    authorities = local_authorities()
    assert Counter(a.nation for a in authorities) == {
        "England": 296,
        "Wales": 22,
        "Scotland": 32,
        "Northern Ireland": 11,
    }
    assert Counter(a.region for a in authorities if a.nation == "England") == {
        "North East": 12,
        "North West": 35,
        "Yorkshire and the Humber": 15,
        "East Midlands": 35,
        "West Midlands": 30,
        "East of England": 45,
        "London": 33,
        "South East": 64,
        "South West": 27,
    }
    # London's 32 boroughs and the City; the 164 shire districts of 2023.
    assert sum(a.code.startswith("E09") for a in authorities) == 33
    assert sum(a.code.startswith("E07") for a in authorities) == 164


def test_the_2023_reorganisations_are_in():
    by_name = {a.name: a for a in local_authorities()}
    assert by_name["Cumberland"].code == "E06000063"
    assert by_name["Westmorland and Furness"].code == "E06000064"
    assert by_name["North Yorkshire"].code == "E06000065"
    assert by_name["Somerset"].code == "E06000066"
    for gone in ("Allerdale", "Craven", "Mendip", "Kettering"):
        assert gone not in by_name


def test_counties_have_districts_in_their_own_region():
    districts = Counter(COUNTY_OF.values())
    for county in counties():
        assert districts[county.name] > 0, county.name
        assert county.region in ENGLISH_REGIONS
        for authority in local_authorities():
            if authority.county == county.name:
                assert authority.region == county.region, authority.name
    assert districts["Kent"] == 12
    assert districts["Greater Manchester"] == 10
    assert len([c for c in counties() if c.kind == "county"]) == 21


def test_official_names_and_readable_names():
    by_name = {a.name: a for a in local_authorities()}
    assert by_name["Kingston upon Hull"].official_name == "Kingston upon Hull, City of"
    assert by_name["Bristol"].official_name == "Bristol, City of"
    assert canonical_place("Kingston upon Hull, City of") == "Kingston upon Hull"
    assert canonical_place("Herefordshire, County of") == "Herefordshire"
    assert canonical_place("St. Helens") == "St Helens"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("uk", UK_WIDE),
        ("United Kingdom", UK_WIDE),
        ("GB", "Great Britain"),
        ("newcastle", "Newcastle upon Tyne"),
        (" Hull ", "Kingston upon Hull"),
        ("city of bristol", "Bristol"),
        ("Durham", "County Durham"),
        ("Glasgow", "Glasgow City"),
        ("Edinburgh", "City of Edinburgh"),
        ("Dundee", "Dundee City"),
        ("Aberdeen", "Aberdeen City"),
        ("Derry", "Derry City and Strabane"),
        ("Londonderry", "Derry City and Strabane"),
        ("eastern", "East of England"),
        ("Yorkshire", "Yorkshire and the Humber"),
        ("yorkshire and humber", "Yorkshire and the Humber"),
        ("Caerdydd", "Cardiff"),
        ("Ynys Mon", "Isle of Anglesey"),
        ("Ynys Môn", "Isle of Anglesey"),
        ("Brighton & Hove", "Brighton and Hove"),
        ("stoke on trent", "Stoke-on-Trent"),
        ("Kings Lynn and West Norfolk", "King's Lynn and West Norfolk"),
        ("Lancs", "Lancashire"),
        ("Western Isles", "Na h-Eileanan Siar"),
        ("england & wales", "England and Wales"),
        ("cumbria", "Cumbria"),
    ],
)
def test_aliases_resolve(typed, canonical):
    assert canonical_place(typed) == canonical


def test_every_alias_points_to_a_known_place():
    known = set(place_suggestions()) | {"Great Britain", "England and Wales"}
    aliases = list(places._rows(places.ALIASES_FILE))
    assert aliases
    for row in aliases:
        assert row["canonical"] in known, row
        assert canonical_place(row["alias"]) == row["canonical"]


def test_known_places_are_their_own_canonical_name():
    for name in (*place_suggestions(), "Great Britain", "England and Wales"):
        assert canonical_place(name) == name
        assert canonical_place(name.upper()) == name


def test_unknown_place_is_returned_as_typed():
    assert canonical_place("Atlantis") == "Atlantis"
    assert canonical_place("  Tyneside ") == "Tyneside"
    assert areas_covering("Atlantis") == {"Atlantis", UK_WIDE}


def test_areas_covering_a_local_authority():
    leeds = areas_covering("Leeds")
    assert {
        "Leeds",
        "West Yorkshire",
        "Yorkshire and the Humber",
        "England",
        "England and Wales",
        "Great Britain",
        UK_WIDE,
    } == leeds
    assert areas_covering("Maidstone") >= {"Kent", "South East", "England"}
    assert areas_covering("Cumberland") >= {"Cumbria", "North West"}
    assert areas_covering("Cardiff") == {
        "Cardiff",
        "Wales",
        "England and Wales",
        "Great Britain",
        UK_WIDE,
    }
    assert areas_covering("Belfast") == {"Belfast", "Northern Ireland", UK_WIDE}
    assert areas_covering("Kent") == {
        "Kent",
        "South East",
        "England",
        "England and Wales",
        "Great Britain",
        UK_WIDE,
    }


def test_counties_cover_their_districts():
    assert place_coverage("Maidstone", "Kent") == 1.0
    assert place_coverage("Kent", "Maidstone") == places.PARTIAL_PLACE
    assert place_coverage("Oldham", "Greater Manchester") == 1.0
    assert place_coverage("Leeds", "Lancashire") == 0.0


def test_region_and_nation_tables():
    assert REGION_OF["Bradford"] == "Yorkshire and the Humber"
    assert REGION_OF["Kent"] == "South East"
    assert "Cardiff" not in REGION_OF
    assert NATION_OF["Cardiff"] == "Wales"
    assert NATION_OF["London"] == "England"
    assert len(REGION_OF) == 296 + len(counties())


def test_place_suggestions_start_with_the_largest_areas_and_have_no_duplicates():
    suggestions = place_suggestions()
    assert suggestions[0] == UK_WIDE
    assert suggestions[1:5] == NATIONS
    assert suggestions[5:14] == ENGLISH_REGIONS
    assert len(suggestions) == len(set(suggestions))
    local = suggestions[14:]
    # Alphabetical, ignoring case and punctuation: Newcastle-under-Lyme before Newcastle upon Tyne.
    assert local == tuple(sorted(local, key=places._place_key))
    assert {a.name for a in local_authorities()} <= set(local)
    assert {"Kent", "Cumbria", "Greater Manchester"} <= set(local)


@pytest.mark.parametrize(
    ("granularity", "level"),
    [
        ("nation and region", places.REGION),
        ("local authority, ward and LSOA", places.SMALL_AREA),
        ("Local Authority", places.LOCAL_AUTHORITY),
        ("national", places.NATION),
        ("UK", places.NATION),
        ("individual case", places.SMALL_AREA),
        ("Broad Rental Market Area", places.LOCAL_AUTHORITY),
        ("provider and integrated care board", places.COUNTY),
        ("monthly aggregate", None),
        ("", None),
        # Whole words only: "wardrobe" names no ward, "regionally" no region.
        ("wardrobe audits, regionally", None),
    ],
)
def test_granularity_level_is_the_finest_level_named(granularity, level):
    assert places.granularity_level(granularity) == level


@pytest.mark.parametrize(
    ("place", "level"),
    [
        ("UK-wide", places.WHOLE_UK),
        ("Great Britain", places.WHOLE_UK),
        ("Wales", places.NATION),
        ("North East", places.REGION),
        ("Lancashire", places.COUNTY),
        ("Bradford", places.LOCAL_AUTHORITY),
        ("Glasgow", places.LOCAL_AUTHORITY),
        ("Sutherland", places.LOCAL_AUTHORITY),
    ],
)
def test_place_level(place, level):
    assert places.place_level(place) == level


@pytest.mark.parametrize(
    ("place", "area", "granularity", "expected"),
    [
        # UK-wide figures by nation and region say nothing about Bradford itself...
        ("Bradford", "UK-wide", "nation and region", places.PARTIAL_PLACE),
        # ...but answer for its region, and local authority figures answer for Bradford.
        ("Yorkshire and the Humber", "UK-wide", "nation and region", 1.0),
        ("Bradford", "UK-wide", "local authority", 1.0),
        ("Bradford", "England", "LSOA", 1.0),
        # A dataset about the place itself answers for it, however it is broken down.
        ("Newcastle", "Newcastle upon Tyne", "national", 1.0),
        # Without a granularity, the area alone decides, as place_coverage does.
        ("Bradford", "UK-wide", "", 1.0),
        ("Bradford", "Scotland", "local authority", 0.0),
        ("England", "Bradford", "individual case", places.PARTIAL_PLACE),
        ("Scotland", "UK-wide", "national", 1.0),
    ],
)
def test_place_fit_allows_for_how_far_the_figures_go_down(place, area, granularity, expected):
    assert places.place_fit(place, area, granularity) == expected


def test_known_places_are_recognised_in_any_spelling():
    assert places.is_known_place("wales")
    assert places.is_known_place("Hull")
    assert places.is_known_place("tower hamlets")
    assert not places.is_known_place("free school meals")
    assert not places.is_known_place("fuel poverty")


@pytest.mark.parametrize(
    ("text", "neutral"),
    [
        (
            "How many families in Bradford use food banks?",
            "How many families in the area use food banks?",
        ),
        (
            "Is fuel poverty in Newcastle upon Tyne worse than in the North East or the UK?",
            "Is fuel poverty in the area worse than in the area or the area?",
        ),
        (
            "What share of King's Lynn and West Norfolk households rent?",
            "What share of the area households rent?",
        ),
        # Lower-case words that spell a place are not places; neither is an adjective.
        (
            "Does reading help, and is the hart of it Scottish Child Payment?",
            "Does reading help, and is the hart of it Scottish Child Payment?",
        ),
        ("No place here at all", "No place here at all"),
    ],
)
def test_without_places_neutralises_the_places_a_text_names(text: str, neutral: str) -> None:
    assert without_places(text) == neutral


def test_place_spans_take_the_longest_name() -> None:
    text = "Rents in Newcastle upon Tyne and Hull"
    assert [text[a:b] for a, b in place_spans(text)] == ["Newcastle upon Tyne", "Hull"]


def test_a_place_that_is_also_a_word_is_a_place_only_inside_a_sentence() -> None:
    assert without_places("Reading a file in Java") == "Reading a file in Java"
    assert without_places("Why? Reading is slow") == "Why? Reading is slow"
    assert without_places("How many families in Reading use food banks?") == (
        "How many families in the area use food banks?"
    )

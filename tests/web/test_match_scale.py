"""One match scale everywhere: a strength in words with a percentage, reasons without decimals."""

from __future__ import annotations

import re

import pytest

from app.core.matchscale import GOOD_FROM, STRONG_FROM, plain_reason, strength, strength_label
from app.insight.match import DEFAULT_MIN_SCORE
from tests.web.match_common import food_datasets
from tests.web.test_clusters_common import seed_topics

LABEL = re.compile(r"(Strong|Good|Possible) match \(\d{1,3}%\)")
RAW_DECIMAL = re.compile(r"\b[01]\.\d\d\b")


@pytest.fixture
def topics(app, make_question, make_user) -> dict[str, tuple[int, list[int]]]:
    """The food, energy and transport groups."""
    return seed_topics(app, make_question, make_user)


def _between(page: str, start: str, end: str) -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


def test_strength_bands_follow_the_thresholds() -> None:
    assert DEFAULT_MIN_SCORE < GOOD_FROM < STRONG_FROM
    assert strength(STRONG_FROM) == "strong" and strength(0.99) == "strong"
    assert strength(GOOD_FROM) == "good" and strength(STRONG_FROM - 0.01) == "good"
    assert strength(DEFAULT_MIN_SCORE) == "possible"
    assert strength_label(0.724) == "Strong match (72%)"


def test_reasons_lose_raw_decimals_but_keep_words() -> None:
    assert plain_reason("Similar in meaning (0.93)") == "Similar in meaning"
    assert plain_reason("Covers the same place: Wales (group asks about Cardiff)") == (
        "Covers the same place: Wales (group asks about Cardiff)"
    )


def test_group_page_shows_one_scale_and_explains_it(app, client, topics) -> None:
    food_datasets(app)
    page = client.get(f"/groups/{topics['food'][0]}").text
    matches = _between(page, '<ol class="matches">', "</ol>")
    assert len(LABEL.findall(matches)) == 2
    assert "Similar in meaning" in matches
    assert not RAW_DECIMAL.search(matches) and "match score" not in matches
    assert page.count("How matches are scored") == 1


def test_question_page_shows_the_same_scale(app, client, topics) -> None:
    food_datasets(app)
    page = client.get(f"/questions/{topics['food'][1][0]}").text
    matches = _between(page, "Matched to its group", "</ul>\n        </li>\n      \n    </ul>")
    assert LABEL.search(matches)
    assert "% match)" not in page.replace("Strong match (", "").replace("Good match (", "").replace(
        "Possible match (", ""
    )
    assert not RAW_DECIMAL.search(_between(page, "Matched to its group", "</section>"))
    assert "How matches are scored" in page


def test_dataset_page_shows_the_same_scale(app, client, topics) -> None:
    referrals, _ = food_datasets(app)
    page = client.get(f"/datasets/{referrals}").text
    serves = _between(page, 'id="serves-title"', "</section>")
    assert LABEL.search(serves)
    assert not RAW_DECIMAL.search(serves) and "match score" not in serves
    assert "How matches are scored" in serves


def test_api_matches_carry_score_and_strength(app, client, topics) -> None:
    food_datasets(app)
    body = client.get(f"/api/v1/clusters/{topics['food'][0]}").json
    match = body["matches"][0]
    assert 0 <= match["score"] <= 1
    assert match["strength"] == strength(match["score"])
    assert not any(RAW_DECIMAL.search(reason) for reason in match["reasons"])

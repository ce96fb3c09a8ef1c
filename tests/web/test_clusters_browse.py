"""Browsing question groups: the cards, their sort orders and pages, the map."""

from __future__ import annotations

import re

import pytest

from app.bank.mapview import compute_map, map_cache
from app.db import new_session
from models import Cluster, ClusterState, Question, Role, Visibility
from tests.web.test_clusters_common import build_group, seed_topics

# Stored figures only: the listing must never count questions itself.
FIGURES = {
    "A": {"size": 10, "support_count": 1, "organisation_count": 2, "pledge_count": 0},
    "B": {"size": 5, "support_count": 9, "organisation_count": 1, "pledge_count": 0},
    "C": {"size": 1, "support_count": 3, "organisation_count": 7, "pledge_count": 2},
    "D": {"size": 7, "support_count": 0, "organisation_count": 4, "pledge_count": 0},
}
EXPECTED = {
    "size": "ADBC",
    "support": "BCAD",
    "breadth": "CDAB",
    "unmet": "DABC",
}


@pytest.fixture
def lettered(app) -> dict[int, str]:
    """Four live groups with known figures and a merged one; id → letter."""
    with app.app_context(), new_session(app) as session:
        clusters = {
            letter: Cluster(
                title=f"Group {letter}",
                auto_label=f"{letter.lower()} words",
                keywords=[f"{letter.lower()}-word"],
                sector_counts={"charity": 2, "academic": 1},
                action_type_counts={"understand-need": 3, "influence-policy": 1},
                **figures,
            )
            for letter, figures in FIGURES.items()
        }
        clusters["E"] = Cluster(title="Gone", size=100, state=ClusterState.MERGED)
        session.add_all(clusters.values())
        session.commit()
        return {cluster.id: letter for letter, cluster in clusters.items()}


def _card_order(page: str, lettered: dict[int, str]) -> str:
    return "".join(lettered[int(i)] for i in re.findall(r'data-group-id="(\d+)"', page))


@pytest.mark.parametrize("sort", EXPECTED)
def test_cards_follow_each_sort_order(client, lettered, sort) -> None:
    page = client.get(f"/groups?sort={sort}").text
    assert _card_order(page, lettered) == EXPECTED[sort]


def test_default_order_is_by_size_and_merged_groups_are_left_out(client, lettered) -> None:
    assert client.get("/groups/").status_code == 200
    response = client.get("/groups")
    assert response.status_code == 200
    assert _card_order(response.text, lettered) == "ADBC"
    assert "Gone" not in response.text


def test_card_shows_title_keywords_and_figures(client, lettered) -> None:
    page = client.get("/groups").text
    card = page.split('data-group-id="')[1].split("</article>")[0]
    assert "Group A" in card and "a-word" in card and "automatic label: a words" in card
    assert "<dt>Questions</dt><dd>10</dd>" in card
    assert "<dt>Organisations</dt><dd>2</dd>" in card
    assert "Charity / VCSE (2), Academic (1)" in card
    assert "understand need (3), influence policy (1)" in card.lower()
    assert "No data pledged yet." in card


def test_sort_links_are_plain_links_and_htmx_gets(client, lettered) -> None:
    page = client.get("/groups?sort=support").text
    assert 'href="/groups?sort=unmet" hx-get="/groups?sort=unmet"' in page
    assert re.search(r'aria-current="true" class="current">Most support<', page)
    assert 'hx-push-url="true"' in page and 'id="group-listing"' in page


def test_htmx_request_gets_only_the_cards_and_varies(client, lettered) -> None:
    headers = {"HX-Request": "true", "HX-Target": "group-listing"}
    response = client.get("/groups?sort=breadth", headers=headers)
    assert "HX-Request" in response.headers["Vary"]
    assert "<html" not in response.text and "<h1>" not in response.text
    assert _card_order(response.text, lettered) == "CDAB"
    full = client.get("/groups?sort=breadth")
    assert "<html" in full.text and "HX-Request" in full.headers["Vary"]
    restore = client.get("/groups/", headers={**headers, "HX-History-Restore-Request": "true"})
    assert "<html" in restore.text


def test_pages_of_groups(app, client, lettered) -> None:
    app.config["PAGE_SIZE"] = 3
    first = client.get("/groups?sort=size").text
    assert _card_order(first, lettered) == "ADB"
    assert "Groups 1–3 of 4" in first
    assert 'href="/groups?page=2&amp;sort=size"' in first and "Page 1 of 2" in first
    second = client.get("/groups?sort=size&page=2").text
    assert _card_order(second, lettered) == "C"
    assert 'rel="prev"' in second and 'rel="next"' not in second
    beyond = client.get("/groups?sort=size&page=99").text
    assert _card_order(beyond, lettered) == "C"


def test_ungrouped_line_counts_readable_questions_and_links_to_them(
    client, auth, make_question, make_user
) -> None:
    make_question("How many children in Leeds go to school hungry?")
    make_question(
        "What do members think of our food pantry?",
        visibility=Visibility.MEMBERS,
    )
    page = client.get("/groups").text
    assert re.search(r'href="/questions/\?group=none">1 question not yet grouped<', page)
    make_user("reader@example.org")
    auth.login("reader@example.org")
    assert "2 questions not yet grouped" in client.get("/groups").text


def test_admin_sees_the_recluster_button_and_others_do_not(client, auth, make_user) -> None:
    assert "Re-cluster all questions" not in client.get("/groups").text
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org")
    assert "Re-cluster all questions" in client.get("/groups").text


def test_map_links_every_group_and_has_a_table_alternative(
    app, client, make_question, make_user
) -> None:
    topics = seed_topics(app, make_question, make_user)
    make_question("Which councils still fund local welfare assistance schemes?")
    page = client.get("/groups/map").text
    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    # Links inside a role=img would be interactive content hidden from assistive technology.
    assert (
        'role="img"' not in svg
        and '<title id="map-title">' in svg
        and '<desc id="map-desc">' in svg
    )
    assert "style=" not in page
    for cluster_id, question_ids in topics.values():
        assert svg.count(f'href="/groups/{cluster_id}"') == 1
        group_link = svg.split(f'href="/groups/{cluster_id}"')[1].split("</a>")[0]
        assert group_link.count("<circle") == 1
        assert group_link.split('<path d="')[1].split('"')[0].count("h0") == len(question_ids)
        assert f'aria-labelledby="g{cluster_id}"' in group_link
        assert f'id="g{cluster_id}"' in group_link
    assert 'href="/questions/?group=none"' in svg
    table = page.split('<table id="map-table">')[1].split("</table>")[0]
    for cluster_id, _ in topics.values():
        assert f'href="/groups/{cluster_id}"' in table
    assert re.search(r"food, banks, credit</a></td>\s*<td>.*?</td>\s*<td>3</td>", table)
    assert "All 9 questions are drawn." in page


def test_map_leaves_out_questions_the_viewer_cannot_read(app, client, make_question) -> None:
    public = make_question("How many people in Hull use food banks each month?")
    private = make_question(
        "How many of our clients used a food bank twice this month?",
        visibility=Visibility.PRIVATE,
    )
    cluster_id = build_group(app, [public, private], ["food"])
    svg = client.get("/groups/map").text.split("<svg", 1)[1]
    group_link = svg.split(f'href="/groups/{cluster_id}"')[1].split("</a>")[0]
    assert group_link.split('<path d="')[1].split('"')[0].count("h0") == 1


def test_map_layout_is_cached_until_the_bank_changes(app, client, make_question) -> None:
    first = make_question("How many people in Hull use food banks each month?")
    build_group(app, [first], ["food"])
    client.get("/groups/map")
    cache = map_cache(app)
    with app.app_context(), new_session(app) as session:
        drawn = cache.get(session)
        assert cache.get(session) is drawn
        session.get(Question, first).hidden = True
        session.commit()
        assert cache.get(session) is not drawn


def test_map_samples_when_there_are_many_questions(app, make_question) -> None:
    ids = [make_question(f"How many families in town {n} use food banks?") for n in range(6)]
    build_group(app, ids[:4], ["food"])
    with app.app_context(), new_session(app) as session:
        drawn = compute_map(session, max_points=3)
    assert drawn.sampled and drawn.sample_size == 3 and drawn.total_questions == 6
    assert sum(len(g.points) for g in drawn.groups) + len(drawn.ungrouped) == 3

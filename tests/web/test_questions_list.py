"""Browsing and finding questions: filters, sort, pages, search by words and by meaning."""

from __future__ import annotations

import re

from sqlalchemy import update

from app.db import new_session
from models import Cluster, ClusterState, Question, Role, Sector, Support, Visibility
from tests.conftest import recorded_statements
from tests.web.test_questions_ask import (
    FOOD_BANKS,
    FOOD_BANKS_NO_SHARED_WORDS,
    UNRELATED,
    make_group,
    resync,
)


def listed_ids(html: str) -> list[int]:
    """The question ids of the rows, in order."""
    return [
        int(found) for found in re.findall(r'class="question-row" data-question-id="(\d+)"', html)
    ]


def test_list_shows_rows_with_action_group_and_support_by_sector(
    app, client, make_user, make_question
) -> None:
    group_id = make_group(app, FOOD_BANKS, title="Food banks")
    asker = make_user("asker@example.org", organisation="Leeds Pantry")
    question_id = make_question(FOOD_BANKS, author=asker, cluster_id=group_id)
    supporters = [
        make_user("a@uni.example.org", organisation="Uni", sector=Sector.ACADEMIC),
        make_user("b@uni.example.org", organisation="Uni", sector=Sector.ACADEMIC),
        make_user("c@fund.example.org", organisation="Fund", sector=Sector.FUNDER),
    ]
    with app.app_context(), new_session(app) as session:
        session.add_all(Support(user_id=u.id, question_id=question_id) for u in supporters)
        session.execute(update(Question).values(support_count=3))
        session.commit()
    page = client.get("/questions/").text
    assert listed_ids(page) == [question_id]
    assert "Plan our services around the answer." in page
    assert f'href="/groups/{group_id}">Food banks</a>' in page
    assert "3</strong> others ask this too" in page
    assert "Academic 2" in page and "Funder 1" in page
    assert "Leeds Pantry" in page


def test_list_leaves_out_hidden_and_other_organisations_private_questions(
    app, client, auth, make_user, make_question
) -> None:
    me = make_user(organisation="Mine")
    other = make_user("other@example.org", organisation="Theirs")
    public = make_question("A public question about food banks", author=other)
    members = make_question(
        "A members-only question about food", author=other, visibility=Visibility.MEMBERS
    )
    theirs = make_question(
        "Their private question about food", author=other, visibility=Visibility.PRIVATE
    )
    mine = make_question(
        "Our private question about food", author=me, visibility=Visibility.PRIVATE
    )
    hidden = make_question("A hidden question about food", author=other)
    with app.app_context(), new_session(app) as session:
        session.execute(update(Question).where(Question.id == hidden).values(hidden=True))
        session.commit()
    assert set(listed_ids(client.get("/questions/").text)) == {public}
    auth.login()
    assert set(listed_ids(client.get("/questions/").text)) == {public, members, mine}
    assert theirs not in listed_ids(client.get("/questions/?q=private").text)


def test_filters_narrow_the_list(app, client, make_user, make_question) -> None:
    charity = make_user("c@example.org", organisation="Charity", sector=Sector.CHARITY)
    council = make_user("p@example.org", organisation="Council", sector=Sector.PUBLIC_SERVICE)
    group_id = make_group(app, FOOD_BANKS)
    food = make_question(FOOD_BANKS, author=charity, themes=["food"], cluster_id=group_id)
    buses = make_question(
        UNRELATED,
        author=council,
        themes=["transport", "rural"],
        action_type="influence-policy",
        geography="Cumbria",
    )
    with app.app_context(), new_session(app) as session:
        session.execute(update(Question).where(Question.id == buses).values(status="prioritised"))
        session.commit()

    def ids(**args: str) -> set[int]:
        response = client.get("/questions/", query_string=args)
        assert response.status_code == 200, response.text
        return set(listed_ids(response.text))

    assert ids() == {food, buses}
    assert ids(theme="transport") == {buses}
    assert ids(action_type="influence-policy") == {buses}
    assert ids(sector="charity") == {food}
    assert ids(sector="public-service") == {buses}
    assert ids(geography="cumbria") == {buses}
    assert ids(status="prioritised") == {buses}
    assert ids(group=str(group_id)) == {food}
    assert ids(group="none") == {buses}
    assert ids(theme="food", sector="public-service") == set()


def test_unknown_filters_rerender_with_the_value_kept(app, client, make_question) -> None:
    make_question(FOOD_BANKS)
    response = client.get("/questions/", query_string={"group": "9999", "q": "food banks"})
    assert response.status_code == 422
    assert 'id="group-error"' in response.text and "no such question group" in response.text
    assert 'value="food banks"' in response.text
    assert listed_ids(response.text) == []
    for args in ({"group": "abc"}, {"theme": "pirates"}, {"sort": "random"}, {"status": "x"}):
        assert client.get("/questions/", query_string=args).status_code == 422


def test_sort_newest_and_most_supported(app, client, make_user, make_question) -> None:
    first = make_question("How many people skip meals to pay the rent?")
    second = make_question("How many children arrive at school hungry?")
    third = make_question("How many pensioners cannot heat their homes?")
    with app.app_context(), new_session(app) as session:
        session.execute(update(Question).where(Question.id == first).values(support_count=5))
        session.execute(update(Question).where(Question.id == third).values(support_count=2))
        session.commit()
    assert listed_ids(client.get("/questions/?sort=newest").text) == [third, second, first]
    assert listed_ids(client.get("/questions/").text) == [third, second, first]
    assert listed_ids(client.get("/questions/?sort=supported").text) == [first, third, second]


def test_pagination_keeps_the_filters(app, client, make_user, make_question) -> None:
    app.config["PAGE_SIZE"] = 2
    author = make_user("asker@example.org")
    ids = [
        make_question(f"Question number {n} about food bank use", author=author) for n in range(5)
    ]
    page_one = client.get("/questions/?theme=food").text
    assert listed_ids(page_one) == ids[::-1][:2]
    assert "5 questions" in page_one and "Page 1 of 3" in page_one
    assert 'href="/questions/?page=2&amp;theme=food"' in page_one
    assert listed_ids(client.get("/questions/?theme=food&page=3").text) == [ids[0]]
    # a page beyond the last shows the last page, never "page 9 of 3" and an empty list
    beyond = client.get("/questions/?theme=food&page=9").text
    assert listed_ids(beyond) == [ids[0]] and "Page 3 of 3" in beyond
    huge = client.get("/questions/?theme=food&page=9223372036854775807").text
    assert listed_ids(huge) == [ids[0]]


def test_search_finds_words_and_meaning_with_no_shared_word(app, client, make_question) -> None:
    literal = make_question("Are food bank referrals rising among working families?")
    meaning = make_question(FOOD_BANKS_NO_SHARED_WORDS)
    unrelated = make_question(UNRELATED)
    resync(app)

    words = listed_ids(client.get("/questions/", query_string={"q": "REFERRALS"}).text)
    assert words[0] == literal and unrelated not in words

    # "hungry households" shares no word with the question about parents and meals
    found = listed_ids(client.get("/questions/", query_string={"q": "hungry households"}).text)
    assert meaning in found and unrelated not in found

    both = listed_ids(client.get("/questions/", query_string={"q": "food bank"}).text)
    assert both[0] == literal  # a literal match ranks above a meaning-only one
    assert unrelated not in both


def test_search_box_htmx_gets_only_the_rows(app, client, make_question) -> None:
    make_question(FOOD_BANKS)
    response = client.get("/questions/?q=food", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.text and 'class="question-row"' in response.text
    assert "HX-Request" in response.headers["Vary"]
    full = client.get("/questions/?q=food")
    assert "<html" in full.text and "HX-Request" in full.headers["Vary"]
    assert 'hx-get="/questions/"' in full.text and 'hx-push-url="true"' in full.text
    # a history restore needs the whole page
    restore = client.get(
        "/questions/?q=food", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.text


def test_htmx_filter_error_is_swapped_as_a_message(client) -> None:
    response = client.get("/questions/?group=abc", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "no such question group" in response.text


def _statements(app, client, *paths: str) -> list[str]:
    """The SQL the app runs to answer GETs of these paths (each must answer 200)."""
    with recorded_statements(app) as seen:
        for path in paths:
            assert client.get(path).status_code == 200
    return seen


def test_listing_query_count_does_not_grow_with_rows(
    app, client, auth, make_user, make_question
) -> None:
    """No N+1: the page runs the same number of queries for 2 rows as for 12."""
    make_user("reader@example.org", role=Role.FACILITATOR)
    group_id = make_group(app, FOOD_BANKS)
    author = make_user("asker@example.org")
    for n in range(2):
        make_question(f"Small batch question {n} about rent", author=author, cluster_id=group_id)
    auth.login("reader@example.org")

    few = len(_statements(app, client, "/questions/"))
    for n in range(10):
        make_question(f"Larger batch question {n} about debt", author=author, cluster_id=group_id)
    assert len(_statements(app, client, "/questions/")) == few


def test_listing_reads_no_vectors(app, client, make_question) -> None:
    """A row shows no embedding or centroid, so the listing's queries do not fetch them."""
    group_id = make_group(app, FOOD_BANKS)
    make_question("How many families use food banks in Leeds?", cluster_id=group_id)
    seen = _statements(app, client, "/questions/", "/api/v1/questions")
    rows = [sql for sql in seen if "questions.action_type_slug" in sql]
    assert len(rows) >= 2  # the page's rows and the API's
    for sql in rows:
        assert not re.search(r"questions\.embedding(?!_model)", sql)
        assert "clusters.centroid" not in sql
        assert "clusters.public_centroid" not in sql


def test_merged_group_filter_is_known(app, client, make_question) -> None:
    group_id = make_group(app, FOOD_BANKS)
    with app.app_context(), new_session(app) as session:
        session.get(Cluster, group_id).state = ClusterState.MERGED
        session.commit()
    assert client.get(f"/questions/?group={group_id}").status_code == 200

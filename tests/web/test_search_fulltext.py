"""Word search through the database's full-text index: stemming, prefixes, ranking, hostile
queries, and questions entering and leaving results as they are written, hidden and deleted.

Runs on SQLite (FTS5) and, on the PostgreSQL pass, on the tsvector index. Where meaning search
would blur what is tested, the word match is checked through ``app.bank.fulltext`` directly.
"""

from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select, text, update

from app.bank.fulltext import ranked_ids, text_query
from app.core.policy import readable_by
from app.db import among, new_session
from models import Question, Role, User, Visibility
from models.fulltext import DATASETS_TEXT, QUESTIONS_TEXT
from tests.web.datasets_common import API_BODY
from tests.web.test_questions_list import listed_ids

EVICTED = "How many private renters were evicted after a rent rise they could not meet?"
ZEBRA = "Why do zebra crossings near schools get removed when roads are redesigned?"


def word_matches(app, query: str, viewer: User | None = None) -> list[int]:
    """The ids holding every word of the query, best first, among what the viewer may read."""
    words = text_query(query)
    assert words is not None
    with app.app_context(), new_session(app) as session:
        return ranked_ids(session, QUESTIONS_TEXT, words, [readable_by(viewer)])


def test_a_search_for_evictions_finds_a_question_that_says_evicted(
    app, client, make_question
) -> None:
    evicted = make_question(EVICTED)
    make_question(ZEBRA)
    assert word_matches(app, "evictions") == [evicted]
    assert listed_ids(client.get("/questions/?q=evictions").text)[0] == evicted
    found = client.get("/api/v1/questions?q=evictions").json
    assert found["items"][0]["id"] == evicted


def test_the_last_word_is_a_prefix_as_you_type(app, client, make_question) -> None:
    evicted = make_question(EVICTED)
    zebra = make_question(ZEBRA)
    assert word_matches(app, "evi") == [evicted]
    assert word_matches(app, "renters evic") == [evicted]
    assert word_matches(app, "zeb") == [zebra]
    # Only the last word: a finished word in front must match whole.
    assert word_matches(app, "zeb crossings") == []
    assert listed_ids(client.get("/questions/?q=evic").text)[0] == evicted


def test_words_in_the_text_rank_above_the_same_words_in_the_action(
    app, client, make_question
) -> None:
    in_action = make_question(
        "How many households in Leeds are behind with their council tax this year?",
        action="Work out where eviction prevention money should go.",
    )
    once = make_question(
        "Which families in Hull face eviction once the local housing allowance is frozen?"
    )
    twice = make_question("Eviction notices: how many end in an eviction?")
    assert word_matches(app, "eviction") == [twice, once, in_action]
    page = listed_ids(client.get("/questions/?q=eviction").text)
    assert page[:3] == [twice, once, in_action]
    api = client.get("/api/v1/questions?q=eviction").json
    assert api["sort"] == "relevance"
    assert [item["id"] for item in api["items"][:3]] == [twice, once, in_action]


def test_a_bounded_depth_ranks_only_the_newest_matches(app, make_question) -> None:
    best = make_question("Eviction notices: how many end in an eviction?")
    newer = make_question("Which families in Hull face eviction once allowances are frozen?")
    newest = make_question("How long after an eviction do families wait for a council home?")
    words = text_query("eviction")
    assert words is not None
    with app.app_context(), new_session(app) as session:
        assert ranked_ids(session, QUESTIONS_TEXT, words, [])[0] == best
        assert set(ranked_ids(session, QUESTIONS_TEXT, words, [], depth=2)) == {newer, newest}
        assert len(ranked_ids(session, QUESTIONS_TEXT, words, [], limit=1, depth=2)) == 1


def test_another_sort_chosen_with_a_query_keeps_that_sort(app, client, make_question) -> None:
    first = make_question("Eviction notices: how many end in an eviction?")
    second = make_question("Which families in Hull face eviction once allowances are frozen?")
    api = client.get("/api/v1/questions?q=eviction&sort=newest").json
    assert api["sort"] == "newest"
    assert [item["id"] for item in api["items"]][:2] == [second, first]
    assert api["total"] == len(api["items"])


HOSTILE = [
    '"zebra eviction',
    "zebra OR eviction",
    '"zebra" OR "eviction"',
    "zebra | eviction",
    "zebra' | 'eviction",
    "zebra:* | eviction",
    "NEAR(zebra eviction)",
    "text:zebra",
    "{text action}: zebra",
    "zebra NOT eviction",
    "-eviction zebra",
    "!eviction zebra",
    "zebra^ eviction*",
    "zebra <-> eviction",
    "zebra) OR (eviction",
    "zebra\\ eviction",
    "zebra AND eviction",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_query_syntax_typed_into_the_box_is_only_words(app, make_question, query) -> None:
    """Each of these would widen the match (OR, NOT, a column filter) if it reached the index
    as syntax; as words, zebra and eviction must both be there, and no question holds both."""
    make_question(EVICTED.replace("evicted", "eviction"))
    make_question(ZEBRA)
    assert word_matches(app, query) == []


@pytest.mark.parametrize("query", [*HOSTILE, '"', "*", "***", "-", '""', "()", ":", "'", "%", "_"])
def test_hostile_queries_answer_pages_and_json_never_an_error(client, make_question, query):
    make_question(ZEBRA)
    assert client.get("/questions/", query_string={"q": query}).status_code == 200
    api = client.get("/api/v1/questions", query_string={"q": query})
    assert api.status_code == 200 and "items" in api.json
    assert client.get("/datasets/", query_string={"q": query}).status_code == 200


@pytest.mark.parametrize("query", ["*", "!!!", '" "', "-- ?", "   "])
def test_a_query_without_a_word_is_no_filter(client, make_question, query) -> None:
    zebra = make_question(ZEBRA)
    evicted = make_question(EVICTED)
    api = client.get("/api/v1/questions", query_string={"q": query}).json
    assert api["sort"] == "newest"
    assert [item["id"] for item in api["items"]] == [evicted, zebra]
    assert text_query(query) is None


def test_a_nul_byte_in_the_search_is_refused_not_searched(client) -> None:
    assert client.get("/questions/?q=zebra%00eviction").status_code == 400
    assert client.get("/api/v1/questions?q=zebra%00eviction").status_code == 400


def test_terms_are_quoted_and_the_count_of_words_is_bounded() -> None:
    words = text_query('Evictions "NEAR" text:xy evictions ' + " ".join(f"w{n}" for n in range(50)))
    assert words is not None
    assert words.fts5().startswith('"evictions" "near" "text" "xy" "w0"')
    assert words.tsquery().startswith("'evictions' & 'near' & 'text' & 'xy' & 'w0'")
    assert words.fts5().endswith('"w7"*') and words.tsquery().endswith("'w7':*")
    assert len(words.terms) == 12


def test_an_edited_question_leaves_the_old_words_and_enters_the_new(app, make_question) -> None:
    question_id = make_question(ZEBRA)
    with app.app_context(), new_session(app) as session:
        question = session.get(Question, question_id)
        assert question is not None
        question.text = "Why are pelican crossings near schools taken away?"
        session.commit()
    assert word_matches(app, "zebra") == []
    assert word_matches(app, "pelican") == [question_id]
    with app.app_context(), new_session(app) as session:
        session.execute(
            update(Question)
            .where(Question.id == question_id)
            .values(action="Lobby for a giraffe crossing.")
        )
        session.commit()
    assert word_matches(app, "giraffe") == [question_id]


def test_a_hidden_question_leaves_results_and_returns_when_restored(
    app, client, auth, make_user, make_question
) -> None:
    question_id = make_question(ZEBRA)
    make_user("mod@example.org", role=Role.FACILITATOR)
    auth.login("mod@example.org")
    client.post(f"/questions/{question_id}/hide", data={"hide-reason": "Checking a report"})
    auth.logout()
    assert question_id not in listed_ids(client.get("/questions/?q=zebra").text)
    assert client.get("/api/v1/questions?q=zebra").json["total"] == 0
    assert word_matches(app, "zebra") == []
    auth.login("mod@example.org")
    client.post(f"/questions/{question_id}/restore")
    auth.logout()
    assert listed_ids(client.get("/questions/?q=zebra").text) == [question_id]


def test_a_deleted_question_leaves_the_index(app, make_question) -> None:
    question_id = make_question(ZEBRA)
    with app.app_context(), new_session(app) as session:
        row = session.execute(select(Question.__table__).where(Question.id == question_id)).one()
        session.execute(delete(Question).where(Question.id == question_id))
        session.commit()
        assert word_matches(app, "zebra") == []
        # A new row with the same id inherits nothing the old one left in the index.
        reborn = {**row._asdict(), "text": "Why are pelican crossings near schools taken away?"}
        reborn.pop("search_vector", None)
        session.execute(insert(Question), [reborn])
        session.commit()
    assert word_matches(app, "zebra") == []
    assert word_matches(app, "pelican") == [question_id]


def test_rows_inserted_in_bulk_are_searchable_at_once(app, make_user) -> None:
    author = make_user()
    with app.app_context(), new_session(app) as session:
        session.execute(
            insert(Question),
            [
                {
                    "text": f"Do zebra crossing number {n} patrols help children walk to school?",
                    "action": "Decide whether to fund crossing patrols.",
                    "action_type_slug": "fund-commission",
                    "author_id": author.id,
                    "organisation_id": author.organisation_id,
                    "population_groups": [],
                }
                for n in range(3)
            ],
        )
        session.commit()
    assert len(word_matches(app, "patrols")) == 3


def test_word_search_reads_only_what_the_viewer_may_read(
    app, client, auth, make_user, make_question
) -> None:
    mine = make_user(organisation="Mine")
    theirs = make_user("other@example.org", organisation="Theirs")
    private = make_question(ZEBRA, author=theirs, visibility=Visibility.PRIVATE)
    members = make_question(
        ZEBRA.replace("schools", "colleges"), author=theirs, visibility=Visibility.MEMBERS
    )
    assert word_matches(app, "zebra") == []
    assert client.get("/api/v1/questions?q=zebra").json["total"] == 0
    assert word_matches(app, "zebra", mine) == [members]
    auth.login()
    assert listed_ids(client.get("/questions/?q=zebra").text) == [members]
    assert private in word_matches(app, "zebra", theirs)


def test_the_api_total_is_the_number_of_questions_it_lists(app, client, make_question) -> None:
    for n in range(5):
        make_question(f"Which zebra crossing on route {n} do children use to reach school?")
    first = client.get("/api/v1/questions?q=zebra&per_page=2").json
    listed = [
        item["id"]
        for page in (1, 2, 3)
        for item in client.get(f"/api/v1/questions?q=zebra&per_page=2&page={page}").json["items"]
    ]
    assert first["total"] == len(listed) == len(set(listed)) >= 5


def test_dataset_search_stems_takes_a_prefix_and_reads_keywords(
    app, client, runner, make_user
) -> None:
    make_user()
    token = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    body = {**API_BODY, "keywords": ["universal credit", "café owners"]}
    created = client.post(
        "/api/v1/datasets", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert created.status_code == 201, created.json
    dataset_id = created.json["id"]
    with app.app_context(), new_session(app) as session:
        for query in ("claimant", "conditionality", "stat-xplor", "Claimants by local", "café"):
            words = text_query(query)
            assert words is not None
            assert ranked_ids(session, DATASETS_TEXT, words, []) == [dataset_id], query
        words = text_query("claimants zebra")
        assert words is not None
        assert ranked_ids(session, DATASETS_TEXT, words, []) == []
    found = client.get("/api/v1/datasets", query_string={"q": "claimant"}).json
    assert found["items"][0]["id"] == dataset_id


def _narrow_copy_differs(session) -> list[tuple]:
    """Rows where PostgreSQL's question_search is not the projection of questions."""
    return list(
        session.execute(
            text(
                "SELECT * FROM (SELECT id, visibility, hidden, organisation_id, search_vector "
                "FROM questions EXCEPT SELECT * FROM question_search) AS missing UNION ALL "
                "SELECT * FROM (SELECT * FROM question_search EXCEPT SELECT id, visibility, "
                "hidden, organisation_id, search_vector FROM questions) AS extra"
            )
        )
    )


def test_the_narrow_postgresql_copy_follows_every_write(app, make_user, make_question) -> None:
    with app.app_context(), new_session(app) as session:
        if session.get_bind().dialect.name != "postgresql":
            pytest.skip("question_search exists on PostgreSQL only")
    other = make_user("other@example.org", organisation="Other")
    kept = make_question(ZEBRA)
    changed = make_question(EVICTED)
    with app.app_context(), new_session(app) as session:
        assert session.scalar(text("SELECT count(*) FROM question_search")) == 2
        stamp = text("SELECT xmin::text FROM question_search WHERE id = :id")
        before = session.scalar(stamp, {"id": kept})
        session.execute(update(Question).where(Question.id == kept).values(support_count=7))
        session.execute(update(Question).where(Question.id == kept).values(text=ZEBRA))
        session.commit()
        # Neither a support count nor a text written unchanged rewrites the copy.
        assert session.scalar(stamp, {"id": kept}) == before
        edits = (
            {"text": "Which pelican crossings near schools are being removed?"},
            {"visibility": Visibility.MEMBERS},
            {"hidden": True},
            {"organisation_id": other.organisation_id},
        )
        for values in edits:
            session.execute(update(Question).where(Question.id == changed).values(**values))
            session.commit()
            assert _narrow_copy_differs(session) == [], values
        session.execute(delete(Question).where(Question.id == kept))
        session.commit()
        assert _narrow_copy_differs(session) == []
        assert session.scalar(text("SELECT count(*) FROM question_search")) == 1
    assert word_matches(app, "pelican", other) == []  # hidden
    assert word_matches(app, "zebra") == []


def test_a_condition_on_a_column_the_search_copy_lacks_still_filters(app, make_question) -> None:
    fund = make_question(ZEBRA, action_type="fund-commission")
    make_question(ZEBRA.replace("schools", "colleges"), action_type="understand-need")
    words = text_query("zebra")
    with app.app_context(), new_session(app) as session:
        conditions = [readable_by(None), Question.action_type_slug == "fund-commission"]
        assert ranked_ids(session, QUESTIONS_TEXT, words, conditions) == [fund]
        assert ranked_ids(session, QUESTIONS_TEXT, words, conditions, depth=5) == [fund]


def test_among_picks_the_same_rows_as_in_on_either_database(app, make_question) -> None:
    ids = [make_question(ZEBRA), make_question(EVICTED)]
    with app.app_context(), new_session(app) as session:
        for wanted in ([], ids[:1], [*ids, 10**6]):
            picked = session.scalars(select(Question.id).where(among(session, Question.id, wanted)))
            assert sorted(picked) == sorted(set(wanted) & set(ids))

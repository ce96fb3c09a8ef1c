"""What a group shows is made only from what its viewer may read: six organisation-only
questions about one topic never lend their words to the group's label, keywords,
representative question, map or filter, and the figures count public questions only."""

from __future__ import annotations

from sqlalchemy import select

from app.bank.recluster import run_recluster
from models import Cluster, Question, Visibility

# Six private questions about one distinctive topic, and one public question on the same topic.
PRIVATE = [
    "How many tenants of Larchfield Housing Cooperative fell behind on rent after the pilot?",
    "Which Larchfield Housing Cooperative tenants fell into rent arrears during the pilot?",
    "How did rent arrears change among Larchfield Housing Cooperative tenants in the pilot?",
    "Did the Larchfield Housing Cooperative pilot leave more tenants behind on rent?",
    "What share of Larchfield Housing Cooperative tenants owed rent at the end of the pilot?",
    "How many Larchfield Housing Cooperative households built up rent arrears in the pilot?",
]
PUBLIC = "How many tenants in social housing fall behind on their rent each year?"
SECRET_WORDS = ("larchfield", "cooperative", "pilot")


def _private_group(app, db, make_question, make_user) -> int:
    insider = make_user("insider@larchfield.example.org", organisation="Larchfield Housing Co-op")
    for text in PRIVATE:
        make_question(text, author=insider, visibility=Visibility.PRIVATE, themes=["housing"])
    public_id = make_question(PUBLIC, themes=["housing"])
    with app.app_context():
        run_recluster(db)
    db.expire_all()
    cluster_id = db.get(Question, public_id).cluster_id
    assert cluster_id is not None
    assert {q.cluster_id for q in db.scalars(select(Question))} == {cluster_id}
    return cluster_id


def _leaks(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in SECRET_WORDS if word in lowered]


def test_private_questions_lend_no_words_to_what_visitors_see(
    app, client, db, make_question, make_user
) -> None:
    cluster_id = _private_group(app, db, make_question, make_user)
    cluster = db.get(Cluster, cluster_id)
    assert cluster.keywords and not _leaks(" ".join(cluster.keywords) + cluster.auto_label)
    # The terms datasets are matched on are shown through every match's reasons.
    assert cluster.match_terms and not _leaks(" ".join(cluster.match_terms))
    assert db.get(Question, cluster.representative_question_id).text == PUBLIC

    body = client.get(f"/api/v1/clusters/{cluster_id}").json
    assert not _leaks(body["display_title"] + " ".join(body["keywords"]))
    assert body["size"] == 1 and body["questions"]["total"] == 1
    assert body["unlisted_count"] == 6
    for path in ("/groups", f"/groups/{cluster_id}", "/groups/map", "/questions/"):
        assert _leaks(client.get(path).text) == [], path


def test_group_figures_count_public_questions_only(
    app, client, db, make_question, make_user
) -> None:
    cluster_id = _private_group(app, db, make_question, make_user)
    cluster = db.get(Cluster, cluster_id)
    assert (cluster.size, cluster.unlisted_count, cluster.organisation_count) == (1, 6, 1)
    assert "Larchfield" not in str(cluster.sector_counts)
    card = client.get("/groups").text
    assert "<dt>Questions</dt><dd>1</dd>" in card
    assert "6 more are visible only to members or to the asking organisation" in card


def test_the_asking_organisation_still_reads_its_own_questions_in_the_group(
    app, client, auth, db, make_question, make_user
) -> None:
    cluster_id = _private_group(app, db, make_question, make_user)
    auth.login("insider@larchfield.example.org")
    page = client.get(f"/groups/{cluster_id}").text
    assert all(text in page for text in PRIVATE) and PUBLIC in page

"""The data gaps page: live groups no dataset matches and no one has pledged to, and its CSV."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from app.bank.grouping import refresh_demand_figures
from app.bank.matchstore import recount
from app.db import new_session
from models import Cluster, Dataset, MatchFeedback, Pledge, User
from tests.web.match_common import food_datasets
from tests.web.test_clusters_common import seed_topics


def _rows(page: str) -> list[int]:
    listing = page.split('<ol class="group-cards gap-list"', 1)[1].split("</ol>", 1)[0]
    return [int(part.split('"', 1)[0]) for part in listing.split('data-group-id="')[1:]]


def _gap_world(app, make_question, make_user) -> dict[str, int]:
    """Food matched by datasets, energy pledged to, transport a gap (its matches demoted)."""
    topics = seed_topics(app, make_question, make_user)
    food_datasets(app)
    groups = {name: ids[0] for name, ids in topics.items()}
    with app.app_context(), new_session(app) as session:
        datasets = session.scalars(select(Dataset)).all()
        session.add(Pledge(dataset_id=datasets[0].id, cluster_id=groups["energy"]))
        # The food datasets loosely match transport too: a member's feedback demotes them, so
        # transport is a gap "after feedback demotion".
        member = session.scalars(select(User)).first()
        session.add_all(
            MatchFeedback(
                cluster_id=groups["transport"],
                dataset_id=d.id,
                user_id=member.id,
                reason="About food, not buses",
            )
            for d in datasets
        )
        session.flush()
        refresh_demand_figures(session, [groups["energy"]])
        recount(session, groups.values())
        session.commit()
    return groups


def test_gaps_lists_exactly_the_unmatched_unpledged_groups(app, client, make_question, make_user):
    groups = _gap_world(app, make_question, make_user)
    with app.app_context(), new_session(app) as session:
        assert session.get(Cluster, groups["food"]).matched_dataset_count > 0
        assert session.get(Cluster, groups["energy"]).pledge_count == 1
    page = client.get("/groups/gaps").text
    assert _rows(page) == [groups["transport"]]
    assert f'href="/groups/{groups["transport"]}"' in page
    assert 'href="/groups/gaps.csv?sort=breadth"' in page
    assert 'href="/groups/gaps"' in client.get("/groups").text


def test_gaps_sort_by_organisations_support_or_questions(app, client, make_question, make_user):
    groups = _gap_world(app, make_question, make_user)
    with app.app_context(), new_session(app) as session:
        wide = Cluster(auto_label="wide", size=1, organisation_count=9, support_count=1)
        backed = Cluster(auto_label="backed", size=1, organisation_count=1, support_count=50)
        session.add_all([wide, backed])
        session.commit()
        wide_id, backed_id = wide.id, backed.id
    transport = groups["transport"]  # 2 questions, 1 organisation, no support
    assert _rows(client.get("/groups/gaps").text) == [wide_id, transport, backed_id]
    assert _rows(client.get("/groups/gaps?sort=support").text)[0] == backed_id
    assert _rows(client.get("/groups/gaps?sort=size").text)[0] == transport


def test_gaps_csv_has_the_same_rows_and_neutralises_formulas(app, client, make_question, make_user):
    groups = _gap_world(app, make_question, make_user)
    with app.app_context(), new_session(app) as session:
        session.get(Cluster, groups["transport"]).title = "=HYPERLINK(evil)"
        session.commit()
    answer = client.get("/groups/gaps.csv")
    assert answer.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == [
        "group_id",
        "title",
        "questions",
        "organisations",
        "sectors",
        "support",
        "url",
    ]
    ids = [int(row[0]) for row in rows[1:]]
    assert ids == _rows(client.get("/groups/gaps").text)
    assert rows[1][1] == "'=HYPERLINK(evil)"
    assert rows[1][6].endswith(f"/groups/{groups['transport']}")

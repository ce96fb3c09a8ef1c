"""The bank as open data: public records only, in every file; streamed; conditional downloads;
a Frictionless data package that validates; `flask export` writes the same files."""

from __future__ import annotations

import csv
import io
import json

import pytest
from frictionless import validate
from sqlalchemy import insert, select

from app.db import new_session
from models import (
    AccessLevel,
    Cluster,
    ClusterState,
    Dataset,
    DatasetVisibility,
    Question,
    User,
    Visibility,
)


def rows_of(response) -> list[dict[str, str]]:
    """The CSV body as dictionaries."""
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.fixture
def bank(app, make_question, make_user):
    """Questions of every visibility, a hidden one, one whose organisation asked not to be named,
    a group of private questions only, and a public and a members-only dataset."""
    asker = make_user("asker@example.org", organisation="Hidden Name Trust")
    ids = {
        "public": make_question("How many families use food banks each winter?", author=asker),
        "anonymous": make_question(
            "How many older people skip meals to heat their homes?",
            author=asker,
            show_organisation=False,
        ),
        "formula": make_question('=HYPERLINK("http://x") how many evictions?', author=asker),
        "members": make_question(
            "Members only: which wards lose most bus routes?",
            author=asker,
            visibility=Visibility.MEMBERS,
        ),
        "private": make_question(
            "Our own: how many of our clients owe council tax?",
            author=asker,
            visibility=Visibility.PRIVATE,
        ),
        "hidden": make_question("A hidden question about school uniforms?", author=asker),
    }
    with app.app_context(), new_session(app) as session:
        session.get(Question, ids["hidden"]).hidden = True
        public_group = Cluster(auto_label="food banks", size=2, state=ClusterState.ACTIVE)
        private_group = Cluster(auto_label="", size=0, unlisted_count=1, state=ClusterState.ACTIVE)
        session.add_all([public_group, private_group])
        session.flush()
        session.get(Question, ids["public"]).cluster_id = public_group.id
        session.get(Question, ids["private"]).cluster_id = private_group.id
        holder = session.scalar(
            select(User.organisation_id).where(User.email == "asker@example.org")
        )
        session.add_all(
            [
                Dataset(
                    title="Food bank referrals",
                    description="Monthly referrals.",
                    holder_organisation_id=holder,
                    access_level=AccessLevel.ON_REQUEST,
                    keywords=[],
                ),
                Dataset(
                    title="Members-only casework",
                    description="Not for the public.",
                    holder_organisation_id=holder,
                    access_level=AccessLevel.RESTRICTED,
                    visibility=DatasetVisibility.MEMBERS,
                    keywords=[],
                ),
            ]
        )
        session.commit()
        ids["public_group"], ids["private_group"] = public_group.id, private_group.id
    return ids


def test_files_hold_public_records_only(client, bank) -> None:
    questions = rows_of(client.get("/api/v1/export/questions.csv"))
    assert sorted(int(r["id"]) for r in questions) == sorted(
        [bank["public"], bank["anonymous"], bank["formula"]]
    )
    by_id = {int(r["id"]): r for r in questions}
    assert by_id[bank["public"]]["organisation"] == "Hidden Name Trust"
    assert by_id[bank["anonymous"]]["organisation"] == ""
    assert by_id[bank["public"]]["group_id"] == str(bank["public_group"])
    everything = "".join(
        client.get(f"/api/v1/export/{name}").text
        for name in ("questions.csv", "questions.json", "groups.csv", "datasets.csv")
    )
    for secret in ("Members only", "Our own", "hidden question", "Members-only casework"):
        assert secret not in everything
    named = client.get("/api/v1/export/questions.json").text.count("Hidden Name Trust")
    assert named == 2  # the public and the formula question; never the anonymous one
    groups = rows_of(client.get("/api/v1/export/groups.csv"))
    assert [int(r["id"]) for r in groups] == [bank["public_group"]]
    datasets = rows_of(client.get("/api/v1/export/datasets.csv"))
    assert [r["title"] for r in datasets] == ["Food bank referrals"]


def test_the_json_file_matches_the_csv(client, bank) -> None:
    body = json.loads(client.get("/api/v1/export/questions.json").data)
    csv_ids = [int(r["id"]) for r in rows_of(client.get("/api/v1/export/questions.csv"))]
    assert [q["id"] for q in body["questions"]] == csv_ids
    anonymous = next(q for q in body["questions"] if q["id"] == bank["anonymous"])
    assert anonymous["organisation"] is None and anonymous["themes"] == ["food"]


def test_formula_cells_are_neutralised(client, bank) -> None:
    row = next(
        r
        for r in rows_of(client.get("/api/v1/export/questions.csv"))
        if int(r["id"]) == bank["formula"]
    )
    assert row["text"].startswith("'=HYPERLINK")
    assert row["support_count"] == "0"  # numbers stay numbers


def test_downloads_are_streamed_and_conditional(app, client, bank, make_question) -> None:
    first = client.get("/api/v1/export/questions.csv")
    assert first.is_streamed and first.headers["Content-Disposition"].startswith("attachment")
    # No length up front: a real server sends what the header says, and measuring the body
    # first would read the whole file into memory.
    assert "Content-Length" not in first.headers
    assert first.get_data(as_text=True).startswith("id,text,")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    again = client.get("/api/v1/export/questions.csv", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    since = client.get("/api/v1/export/questions.csv", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    make_question("A brand new public question about rent arrears?")
    changed = client.get("/api/v1/export/questions.csv", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "rent arrears" in changed.get_data(as_text=True)
    with app.app_context(), new_session(app) as session:
        session.get(Question, bank["public"]).hidden = True
        session.commit()
    after = client.get(
        "/api/v1/export/questions.csv", headers={"If-None-Match": changed.headers["ETag"]}
    )
    assert after.status_code == 200  # a question leaving the file changes it too
    assert "How many families use food banks" not in after.get_data(as_text=True)


def test_many_questions_are_read_in_batches(app, client, bank) -> None:
    with app.app_context(), new_session(app) as session:
        author = session.scalar(select(User).where(User.email == "asker@example.org"))
        session.execute(
            insert(Question),
            [
                {
                    "text": f"Question number {n} about household debt?",
                    "action": "Plan services.",
                    "action_type_slug": "understand-need",
                    "author_id": author.id,
                    "organisation_id": author.organisation_id,
                    "population_groups": [],
                }
                for n in range(2500)
            ],
        )
        session.commit()
    rows = rows_of(client.get("/api/v1/export/questions.csv"))
    assert len(rows) == 2503 and len({r["id"] for r in rows}) == 2503
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)


def test_unknown_files_are_404_json(client) -> None:
    response = client.get("/api/v1/export/users.csv")
    assert response.status_code == 404 and response.get_json()["error"]["status"] == 404


def test_the_page_counts_agree_with_the_files(client, bank) -> None:
    page = client.get("/open-data/").text
    assert "CC-BY-4.0" in page
    assert ">3<" in page  # three public questions, as in questions.csv
    assert 'href="/api/v1/export/questions.csv"' in page
    assert "open data" in client.get("/").text


def test_the_exported_package_validates(app, runner, bank, tmp_path) -> None:
    result = runner.invoke(args=["export", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        [
            "datapackage.json",
            "datasets.csv",
            "datasets.jsonld",
            "groups.csv",
            "questions.csv",
            "questions.json",
        ]
    )
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0" and descriptor["created"]
    tables = [r for r in descriptor["resources"] if r.get("profile") == "tabular-data-resource"]
    assert {r["path"] for r in tables} == {"questions.csv", "groups.csv", "datasets.csv"}
    # Validate the tables only: frictionless reads the JSON resources as tables too.
    package = {**descriptor, "resources": tables}
    (tmp_path / "tables.json").write_text(json.dumps(package))
    report = validate(str(tmp_path / "tables.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    lines = (tmp_path / "questions.csv").read_text().splitlines()
    assert len(lines) == 1 + 3 and "http://127.0.0.1:5000/questions/" in lines[1]


def test_the_served_package_points_at_the_api(client, bank) -> None:
    descriptor = client.get("/open-data/datapackage.json").get_json()
    paths = {r["path"] for r in descriptor["resources"]}
    assert "http://localhost/api/v1/export/questions.csv" in paths
    assert client.get("/api/v1/export/datapackage.json").get_json()["resources"]

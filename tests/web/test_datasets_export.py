"""The open exports hold public, live records only, and neutralise spreadsheet formulas."""

from __future__ import annotations

import csv
import io

from app.datasets.importers import read_upload
from tests.web.datasets_common import created_id, form_data


def _describe(client, **fields) -> int:
    return created_id(client.post("/datasets/new", data=form_data(**fields)))


def test_exports_hold_public_live_records_only(app, client, auth, make_user):
    make_user()
    auth.login()
    _describe(client, title="Open referral counts")
    _describe(client, title="Members referral counts", visibility="members")
    retired = _describe(client, title="Retired referral counts")
    client.post(f"/datasets/{retired}/retire", data={"confirm": "y"})
    for path in ("/datasets/export.csv", "/api/v1/datasets/export.csv"):
        body = client.get(path).text  # a member asking gets the same open register
        assert "Open referral counts" in body and "Members referral" not in body
        assert "Retired referral" not in body
    document = client.get("/datasets/export.jsonld").json
    titles = [n["dct:title"] for n in document["@graph"] if n["@type"] == "dcat:Dataset"]
    assert titles == ["Open referral counts"]
    assert client.get("/api/v1/datasets/export.jsonld").json == document


def test_csv_export_neutralises_formulas(app, client, auth, make_user):
    make_user()
    auth.login()
    _describe(client, title='=HYPERLINK("https://evil.example","click")', publisher="+SUM(A1)")
    response = client.get("/datasets/export.csv")
    assert (
        response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    )
    (row,) = list(csv.DictReader(io.StringIO(response.text)))
    assert row["title"] == '\'=HYPERLINK("https://evil.example","click")'
    assert row["publisher"] == "'+SUM(A1)"


def test_an_export_imports_back(app, client, auth, make_user):
    make_user()
    auth.login()
    _describe(client)
    exported = client.get("/datasets/export.csv").data
    (row,) = read_upload(exported, "datasets.csv", True)
    assert row.errors == {}
    assert row.draft.title == "Tyneside food bank referral records"
    assert row.draft.variables == ("referral reason", "household type", "referring agency", "ward")
    (node,) = read_upload(client.get("/datasets/export.jsonld").data, "d.jsonld", False)
    assert node.draft.publisher == "Tyneside Food Network"

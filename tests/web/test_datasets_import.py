"""Importing many datasets: CSV, DCAT JSON-LD and CKAN responses, previewed before anything is
saved; a re-import updates instead of duplicating."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from app.core.errors import Refused
from app.datasets.importers import read_upload
from app.db import new_session
from models import Dataset
from tests.web.datasets_common import FIXTURES, count_datasets


def _upload(client, name: str, held: str = "yes", content: bytes | None = None):
    data = (FIXTURES / name).read_bytes() if content is None else content
    return client.post(
        "/datasets/import",
        data={"file": (io.BytesIO(data), name), "held_by_us": held},
        content_type="multipart/form-data",
    )


def _payload(preview_html: str) -> str:
    return re.search(r'name="payload" type="hidden" value="([^"]+)"', preview_html).group(1)


def _titles(app) -> list[str]:
    with app.app_context(), new_session(app) as session:
        return sorted(session.scalars(select(Dataset.title)))


def test_a_ckan_package_show_response_is_read_field_by_field():
    rows = read_upload((FIXTURES / "ckan_package_show.json").read_bytes(), "show.json", False)
    (row,) = rows
    draft = row.draft
    assert draft.title == "Statutory homelessness in England (H-CLIC)"
    assert draft.publisher == "Ministry of Housing, Communities and Local Government"
    assert draft.keywords == ("homelessness", "temporary accommodation", "housing")
    assert draft.licence == "UK Open Government Licence (OGL)"
    assert draft.url == "https://data.example.gov.uk/homelessness/h-clic"
    assert (draft.format, draft.update_frequency, draft.time_span) == (
        "XLSX, ODS",
        "quarterly",
        "2018-2025",
    )
    assert draft.geography == "england" and draft.held_by_us is False


def test_a_dcat_catalogue_is_read_with_prefixed_keys_and_full_iris():
    rows = read_upload((FIXTURES / "dcat_catalogue.jsonld").read_bytes(), "cat.jsonld", False)
    iod, frs = (row.draft for row in rows)
    assert iod.title == "English Indices of Deprivation 2019"
    assert iod.publisher == "Ministry of Housing, Communities and Local Government"
    assert iod.url == "https://catalogue.example.org/pages/iod2019"
    assert iod.time_span == "2019-01-01-2019-12-31" and iod.update_frequency == "irregular"
    assert iod.licence.startswith("http://www.nationalarchives.gov.uk/")
    assert (
        frs.title == "Family Resources Survey"
        and frs.publisher == "Department for Work and Pensions"
    )
    assert frs.keywords == ("household income",) and frs.geography == "UK"
    assert frs.update_frequency == "annual"


def test_previewing_saves_nothing_and_confirming_saves_everything(app, client, auth, make_user):
    make_user()
    auth.login()
    preview = _upload(client, "ckan_package_search.json", held="no")
    assert preview.status_code == 200
    assert "2 to create, 0 to update" in preview.text and "nothing is saved yet" in preview.text
    assert count_datasets(app) == 0
    saved = client.post("/datasets/import/confirm", data={"payload": _payload(preview.text)})
    assert saved.status_code == 302 and saved.location.startswith("/datasets/import/jobs/")
    job_page = client.get(saved.location).text
    assert "Imported: 2 new, 0 updated." in job_page
    assert ">Sub-regional fuel poverty statistics</a>" in job_page
    assert _titles(app) == [
        "Schools, pupils and their characteristics",
        "Sub-regional fuel poverty statistics",
    ]
    with app.app_context(), new_session(app) as session:
        fuel = session.scalar(select(Dataset).where(Dataset.title.like("Sub-regional%")))
        assert fuel.holder_organisation_id is None and fuel.geography == "England"
        assert fuel.url == "https://data.example.gov.uk/fuel-poverty/sub-regional.xlsx"


def test_reimporting_updates_instead_of_duplicating(app, client, auth, make_user):
    make_user()
    auth.login()
    for name in ("dcat_catalogue.jsonld", "dcat_catalogue.jsonld"):
        preview = _upload(client, name, held="no")
        client.post("/datasets/import/confirm", data={"payload": _payload(preview.text)})
    assert "0 to create, 2 to update" in preview.text
    assert count_datasets(app) == 2
    csv_preview = _upload(client, "datasets_good.csv")
    client.post("/datasets/import/confirm", data={"payload": _payload(csv_preview.text)})
    again = _upload(client, "datasets_good.csv")
    assert "0 to create, 2 to update" in again.text
    assert count_datasets(app) == 4


def test_a_csv_with_a_missing_column_names_the_line_and_field(app, client, auth, make_user):
    make_user()
    auth.login()
    preview = _upload(client, "datasets_missing_column.csv")
    assert preview.status_code == 422
    assert "line 2, description" in preview.text and "no “description” column" in preview.text
    assert 'name="payload"' not in preview.text  # nothing to confirm
    assert count_datasets(app) == 0


def test_a_bad_access_level_names_the_line_and_field(app, client, auth, make_user):
    make_user()
    auth.login()
    preview = _upload(client, "datasets_bad_access.csv")
    assert preview.status_code == 422
    assert (
        "line 3, access_level" in preview.text and "Unknown access level “secret”" in preview.text
    )
    assert "line 2," not in preview.text
    assert count_datasets(app) == 0


def test_a_tampered_or_foreign_preview_is_refused(app, client, auth, make_user):
    make_user()
    make_user("other@example.org", organisation="Leeds Community Pantry")
    auth.login()
    payload = _payload(_upload(client, "datasets_good.csv").text)
    tampered = client.post("/datasets/import/confirm", data={"payload": payload[:-3] + "abc"})
    assert tampered.status_code == 422 and "cannot be read" in tampered.text
    auth.logout()
    auth.login("other@example.org")
    foreign = client.post("/datasets/import/confirm", data={"payload": payload})
    assert foreign.status_code == 422 and "another member" in foreign.text
    assert count_datasets(app) == 0


def test_another_organisations_record_is_not_overwritten(app, client, auth, make_user):
    make_user()
    make_user("other@example.org", organisation="Leeds Community Pantry")
    auth.login()
    client.post(
        "/datasets/import/confirm",
        data={"payload": _payload(_upload(client, "datasets_good.csv").text)},
    )
    auth.logout()
    auth.login("other@example.org")
    preview = _upload(client, "datasets_good.csv")
    assert (
        preview.status_code == 422
        and "already in the register, kept by Tyneside Food Network" in preview.text
    )


def test_limits_are_refused_clearly(app, client, auth, make_user):
    make_user()
    auth.login()
    header = b"title,description,access_level\n"
    many = header + b"".join(
        b"T%d,Long enough description of a dataset %d,open\n" % (n, n) for n in range(501)
    )
    assert "at most 500 datasets" in _upload(client, "many.csv", content=many).text
    with pytest.raises(Refused, match="over 1 MB"):  # (a real upload of it: werkzeug spools)
        read_upload(header + b"x" * 1_000_001, "huge.csv", True)
    assert "not valid JSON" in _upload(client, "bad.json", content=b"{nope").text
    assert "No dcat:Dataset" in _upload(client, "empty.json", content=b"{}").text
    assert client.get("/datasets/import").status_code == 200
    auth.logout()
    assert client.get("/datasets/import").status_code == 302

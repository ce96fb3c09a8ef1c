"""The register's pages: describe, read, edit and retire a dataset, and who may do each."""

from __future__ import annotations

from models import AccessLevel, DatasetVisibility, Role, UnitOfAnalysis
from tests.web.datasets_common import count_datasets, created_id, form_data, stored


def test_a_member_describes_a_dataset_held_by_their_organisation(app, client, auth, make_user):
    user = make_user()
    auth.login()
    dataset_id = created_id(client.post("/datasets/new", data=form_data()))
    dataset = stored(app, dataset_id)
    assert dataset.holder_organisation_id == user.organisation_id
    assert dataset.described_by_id == user.id
    assert dataset.publisher == "Tyneside Food Network"  # the holder, when none is given
    assert dataset.geography == "Newcastle upon Tyne"  # a recognised place, spelt canonically
    assert dataset.variables == ["referral reason", "household type", "referring agency", "ward"]
    assert dataset.unit_of_analysis is UnitOfAnalysis.CASE
    assert dataset.access_level is AccessLevel.ON_REQUEST
    assert [t.slug for t in dataset.themes] == ["food", "income-benefits"]
    assert dataset.embedding is not None
    page = client.get(f"/datasets/{dataset_id}").text
    for shown in (
        "Tyneside food bank referral records",
        "referring agency",
        "Case or contact",
        "Households referred to Tyneside food banks",
        "down to ward",
        "Shared on request",
    ):
        assert shown in page
    assert 'name="robots"' not in page


def test_public_data_needs_a_publisher_and_has_no_holder(app, client, auth, make_user):
    make_user()
    auth.login()
    refused = client.post("/datasets/new", data=form_data(held_by_us="no", publisher=""))
    assert refused.status_code == 422 and "Name the publisher" in refused.text
    dataset_id = created_id(
        client.post("/datasets/new", data=form_data(held_by_us="no", publisher="Trussell"))
    )
    dataset = stored(app, dataset_id)
    assert dataset.holder_organisation_id is None and dataset.publisher == "Trussell"
    assert "Public data from Trussell" in client.get("/datasets/").text


def test_bad_input_saves_nothing_and_keeps_what_was_typed(app, client, auth, make_user):
    make_user()
    auth.login()
    response = client.post(
        "/datasets/new",
        data=form_data(title="x" * 201, themes=["food", "pirates"], access_level="secret"),
    )
    assert response.status_code == 422
    assert "Keep the title to 200 characters" in response.text
    assert "Unknown theme “pirates”" in response.text
    assert "Unknown access level “secret”" in response.text
    assert "Households referred to Tyneside food banks" in response.text  # input kept
    assert count_datasets(app) == 0


def test_only_members_of_the_holder_edit_and_others_are_refused(app, client, auth, make_user):
    make_user("holder@example.org")
    make_user("colleague@example.org")
    make_user("other@example.org", organisation="Leeds Community Pantry")
    auth.login("holder@example.org")
    dataset_id = created_id(client.post("/datasets/new", data=form_data()))
    auth.logout()

    auth.login("other@example.org")
    assert client.get(f"/datasets/{dataset_id}/edit").status_code == 403
    tampered = client.post(f"/datasets/{dataset_id}/edit", data=form_data(title="Mine now"))
    assert tampered.status_code == 403
    assert client.post(f"/datasets/{dataset_id}/retire", data={"confirm": "y"}).status_code == 403
    assert "Edit</a>" not in client.get(f"/datasets/{dataset_id}").text
    auth.logout()

    auth.login("colleague@example.org")
    edit = client.get(f"/datasets/{dataset_id}/edit")
    assert edit.status_code == 200 and "referral reason; household type" in edit.text
    saved = client.post(f"/datasets/{dataset_id}/edit", data=form_data(title="Referral records"))
    assert saved.status_code == 302
    assert stored(app, dataset_id).title == "Referral records"


def test_public_records_are_kept_by_their_describer_and_facilitators(app, client, auth, make_user):
    make_user("describer@example.org")
    make_user("sameorg@example.org")
    make_user("facilitator@example.org", role=Role.FACILITATOR, organisation="Workshop Hub")
    auth.login("describer@example.org")
    data = form_data(held_by_us="no", publisher="Office for National Statistics")
    dataset_id = created_id(client.post("/datasets/new", data=data))
    auth.logout()
    auth.login("sameorg@example.org")
    assert client.get(f"/datasets/{dataset_id}/edit").status_code == 403
    auth.logout()
    auth.login("facilitator@example.org")
    assert client.get(f"/datasets/{dataset_id}/edit").status_code == 200


def test_members_only_records_are_hidden_from_visitors_and_search_engines(
    app, client, auth, make_user
):
    make_user()
    auth.login()
    data = form_data(visibility="members")
    dataset_id = created_id(client.post("/datasets/new", data=data))
    page = client.get(f"/datasets/{dataset_id}").text
    assert '<meta name="robots" content="noindex">' in page
    auth.logout()
    assert client.get(f"/datasets/{dataset_id}").status_code == 404
    assert "Tyneside food bank referral records" not in client.get("/datasets/?q=food bank").text
    assert client.get(f"/api/v1/datasets/{dataset_id}").status_code == 404
    assert stored(app, dataset_id).visibility is DatasetVisibility.MEMBERS
    # Editing what one cannot see is the same 404 as a missing record (login required first).
    assert client.get(f"/datasets/{dataset_id}/edit").status_code == 302


def test_id_guessing_answers_404(client, auth, make_user):
    make_user()
    auth.login()
    for path in ("/datasets/999", "/datasets/999/edit", "/datasets/999/retire"):
        assert client.get(path).status_code == 404, path


def test_retiring_needs_confirmation_and_removes_it_from_the_register(app, client, auth, make_user):
    make_user()
    make_user("other@example.org", organisation="Leeds Community Pantry")
    auth.login()
    dataset_id = created_id(client.post("/datasets/new", data=form_data()))
    assert "Retire “" in client.get(f"/datasets/{dataset_id}/retire").text
    unticked = client.post(f"/datasets/{dataset_id}/retire", data={})
    assert unticked.status_code == 422 and "Tick the box" in unticked.text
    assert stored(app, dataset_id).retired_at is None
    assert client.post(f"/datasets/{dataset_id}/retire", data={"confirm": "y"}).status_code == 302
    assert stored(app, dataset_id).retired_at is not None
    assert f'data-dataset-id="{dataset_id}"' not in client.get("/datasets/").text
    assert "Retired" in client.get(f"/datasets/{dataset_id}").text  # its editors still see it
    auth.logout()
    auth.login("other@example.org")
    assert client.get(f"/datasets/{dataset_id}").status_code == 404
    assert client.get(f"/datasets/{dataset_id}/edit").status_code == 404  # cannot see it


def test_the_list_filters_pages_and_answers_htmx_with_the_results_only(
    app, client, auth, make_user
):
    app.config["PAGE_SIZE"] = 2
    make_user()
    auth.login()
    for n, level in enumerate(["open", "open", "open", "restricted"]):
        client.post("/datasets/new", data=form_data(title=f"Series {n}", access_level=level))
    first = client.get("/datasets/")
    assert "4 datasets" in first.text and "Page 1 of 2" in first.text
    assert first.headers["Vary"] == "HX-Request" or "HX-Request" in first.headers["Vary"]
    restricted = client.get("/datasets/?access_level=restricted").text
    assert "Series 3" in restricted and "Series 0" not in restricted
    fragment = client.get(
        "/datasets/?q=food", headers={"HX-Request": "true", "HX-Target": "dataset-results"}
    )
    assert "<html" not in fragment.text and "dataset-row" in fragment.text
    bad = client.get("/datasets/?theme=pirates")
    assert bad.status_code == 422 and "Unknown theme" in bad.text
    leeds = client.get("/datasets/?geography=Leeds").text  # a Newcastle dataset does not cover it
    assert "No datasets match" in leeds
    public = client.get("/datasets/?sector=public").text
    assert "No datasets match" in public


def test_meaning_search_finds_a_dataset_in_other_words(app, client, auth, make_user):
    make_user()
    auth.login()
    client.post("/datasets/new", data=form_data())
    found = client.get("/datasets/?q=households sent to foodbanks").text
    assert "Tyneside food bank referral records" in found
    assert "No datasets match" in client.get("/datasets/?q=football results").text


def test_the_nav_and_the_home_page_lead_to_the_register(client, auth, make_user):
    make_user()
    auth.login()
    client.post("/datasets/new", data=form_data())
    account = client.get("/auth/account").text
    assert "Datasets you look after" in account and "Tyneside food bank referral records" in account
    home = client.get("/").text
    assert (
        'href="/datasets/"' in home and '<span class="count-number" data-count="datasets">1' in home
    )


def test_the_demo_register_describes_public_data_with_no_holder(app, db):
    from sqlalchemy import select

    from app.demo.seed import seed_demo
    from models import Dataset

    seed_demo(db)
    again = seed_demo(db)
    assert again.datasets == 0
    trussell = db.scalar(select(Dataset).where(Dataset.title.like("Trussell%")))
    assert trussell.holder_organisation_id is None and trussell.publisher == "Trussell"
    assert trussell.described_by is not None and trussell.variables
    hbai = db.scalar(select(Dataset).where(Dataset.title.like("Households Below%")))
    assert hbai.publisher == "Department for Work and Pensions"
    assert hbai.unit_of_analysis is UnitOfAnalysis.HOUSEHOLD

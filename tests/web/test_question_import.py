"""Importing questions from a spreadsheet: upload, map the columns, every row's problems shown
before anything is saved, one batch imported and grouped by a job, and undone whole."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.db import new_session
from models import ImportBatch, Question, Role, Support, import_batch_questions
from tests.conftest import PASSWORD

HEADER = "Question,Why we ask,Kind of action,Topics,Area\n"
GOOD = (
    "How many families in Gateshead skip meals to pay for heating?,"
    "Target our winter food parcels,Target resources,Food; Energy,Gateshead\n"
    "Which benefits do carers miss out on most often?,"
    "Design a benefits check for carers,understand-need,Debt,\n"
)
BAD_THEME = (
    "Where do renters in private housing go for advice first?,"
    "Place our advisers where renters already look,Understand need,Hosuing,Newcastle upon Tyne\n"
)
CSV = (HEADER + GOOD + BAD_THEME).encode()


@pytest.fixture
def facilitator(app, make_user, auth, tmp_path):
    """A facilitator logged in, with uploads kept in a temporary folder."""
    app.config["UPLOAD_DIR"] = tmp_path
    user = make_user("facilitator@example.org", role=Role.FACILITATOR)
    auth.login("facilitator@example.org")
    return user


def upload(client, content: bytes = CSV, name: str = "workshop.csv"):
    return client.post(
        "/import/new",
        data={"file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def token_of(response) -> str:
    assert response.status_code == 302, response.text
    return response.headers["Location"].rsplit("/", 1)[1]


def form_state(html: str) -> dict[str, str]:
    """The preview form's fields as the page fills them in (selected options and radios)."""
    data: dict[str, str] = {}
    for found in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        options = re.findall(r"<option([^>]*)>", found.group(2))
        chosen = [re.search(r'value="([^"]*)"', o).group(1) for o in options if "selected" in o]
        data[found.group(1).replace("&#34;", '"')] = chosen[0] if chosen else ""
    data["visibility"] = "public"
    return data


def count(app, model) -> int:
    with app.app_context(), new_session(app) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def mapped(client, token: str) -> dict[str, str]:
    """The preview's form with the one column its name did not give (“Why we ask”) mapped."""
    data = form_state(client.get(f"/import/preview/{token}").text)
    data["action"] = "1"
    return data


def test_the_preview_maps_columns_by_name_and_asks_for_the_rest(app, client, facilitator):
    token = token_of(upload(client))
    page = client.get(f"/import/preview/{token}")
    assert page.status_code == 422
    assert "Choose the column that holds “What an answer would let them do”." in page.text
    data = form_state(page.text)
    assert (data["text"], data["action_type"], data["themes"], data["geography"]) == (
        "0",
        "2",
        "3",
        "4",
    )
    assert count(app, Question) == 0 and count(app, ImportBatch) == 0


def test_every_bad_row_is_named_before_anything_is_saved(app, client, facilitator):
    token = token_of(upload(client))
    data = mapped(client, token)
    data.pop("fix:themes:Hosuing", None)
    checked = client.post(f"/import/preview/{token}", data={**data, "check": "1"})
    assert checked.status_code == 422  # a row has a problem: nothing can be imported yet
    html = checked.text
    assert "Line 4, Themes" in html and "Did you mean “Housing and homelessness”?" in html
    assert "(column “Topics”)" in html and "(nearest match)" in html
    assert "Import these questions" not in html
    forced = client.post(f"/import/preview/{token}", data={**data, "confirm": "1"})
    assert forced.status_code == 422 and "Line 4, Themes" in forced.text
    assert count(app, Question) == 0 and count(app, ImportBatch) == 0


def test_a_wrong_mapping_is_named_and_fixing_it_clears_the_rows(app, client, facilitator):
    token = token_of(upload(client))
    data = mapped(client, token)
    data["themes"] = data["text"]  # the question column twice
    refused = client.post(f"/import/preview/{token}", data={**data, "check": "1"})
    assert refused.status_code == 422
    assert "is already mapped to Question" in refused.text
    data["themes"] = "3"
    checked = client.post(f"/import/preview/{token}", data={**data, "check": "1"})
    assert checked.status_code == 422  # the unknown theme, offered its nearest match
    fixes = form_state(checked.text)
    assert fixes["fix:themes:Hosuing"] == "housing"
    fixed = client.post(f"/import/preview/{token}", data={**fixes, "action": "1", "check": "1"})
    assert fixed.status_code == 200, fixed.text
    assert "3 rows, all ready to import" in fixed.text
    # The replacement stays on the form, so importing from this page keeps it.
    ready = form_state(fixed.text)
    assert ready["fix:themes:Hosuing"] == "housing"
    imported = client.post(f"/import/preview/{token}", data={**ready, "confirm": "1"})
    assert imported.status_code == 302


def confirm(client, token: str):
    """Map the file, accept the nearest matches offered, and import it."""
    data = mapped(client, token)
    checked = client.post(f"/import/preview/{token}", data={**data, "check": "1"})
    data = {**form_state(checked.text), "action": "1"}
    return client.post(f"/import/preview/{token}", data={**data, "confirm": "1"})


def test_importing_saves_one_batch_grouped_and_undo_removes_exactly_it(
    app, client, facilitator, make_question, make_user
):
    kept = make_question("How many families use food banks in the north east?")
    token = token_of(upload(client))
    started = confirm(client, token)
    assert started.status_code == 302, re.findall(r'class="flash[^>]*>([^<]*)', started.text)
    job_page = client.get(started.headers["Location"])
    assert "Succeeded" in job_page.text
    batch_url = re.search(r'href="(/import/\d+)"', job_page.text).group(1)
    with app.app_context(), new_session(app) as session:
        batch = session.scalar(select(ImportBatch))
        ids = list(session.scalars(select(import_batch_questions.c.question_id)))
        assert batch.question_count == 3 and len(ids) == 3
        imported = session.scalars(select(Question).where(Question.id.in_(ids))).all()
        assert all(q.embedding is not None for q in imported)
        assert {q.geography for q in imported} >= {"Gateshead", "UK-wide"}
        housing = next(q for q in imported if "renters" in q.text)
        assert [t.slug for t in housing.themes] == ["housing"]
    assert not (
        facilitator_folder := app.config["UPLOAD_DIR"] / "question-imports"
    ).exists() or not list(
        facilitator_folder.iterdir()
    )  # the kept file went once the job held its rows
    supporter = make_user("supporter@example.org")
    with app.app_context(), new_session(app) as session:
        session.add(Support(user_id=supporter.id, question_id=ids[0]))
        session.commit()
    page = client.get(batch_url)
    assert "3 of its questions are in the bank" in page.text and "1 supports" in page.text
    undone = client.post(f"{batch_url}/undo")
    assert undone.status_code == 302
    assert "Undone" in client.get(batch_url).text
    with app.app_context(), new_session(app) as session:
        left = list(session.scalars(select(Question.id)))
    assert left == [kept]  # exactly the imported rows went, nothing else
    assert count(app, Support) == 0
    assert client.post(f"{batch_url}/undo").status_code == 409


def test_an_xlsx_workbook_is_read_like_a_csv(app, client, facilitator):
    book = Workbook()
    sheet = book.active
    for line in (HEADER + GOOD).strip().split("\n"):
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    book.save(buffer)
    token = token_of(upload(client, buffer.getvalue(), "survey.xlsx"))
    page = client.post(f"/import/preview/{token}", data={**mapped(client, token), "check": "1"})
    assert page.status_code == 200, re.findall(r"<li><strong>.*?</li>", page.text)
    assert "2 rows, all ready to import" in page.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"Question\n", "no questions under it"),
        ("Question,Action\nCaf\xe9 prices?,x\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_an_unreadable_file_is_refused_with_a_clear_message(client, facilitator, content, message):
    refused = upload(client, content)
    assert refused.status_code == 422 and message in refused.text


def test_only_facilitators_import_and_a_batch_is_its_importers(
    app, client, auth, facilitator, make_user
):
    token = token_of(upload(client))
    started = confirm(client, token)
    batch_url = re.search(r'href="(/import/\d+)"', client.get(started.headers["Location"]).text)
    batch_url = batch_url.group(1)
    auth.logout()
    assert client.get("/import").status_code == 302  # visitors log in first
    make_user("member@example.org")
    auth.login("member@example.org")
    assert client.get("/import").status_code == 403
    assert client.get("/import/new").status_code == 403
    assert upload(client).status_code == 403
    assert client.post(f"{batch_url}/undo").status_code == 403
    auth.logout()
    make_user("other@example.org", role=Role.FACILITATOR)
    auth.login("other@example.org")
    assert client.get(batch_url).status_code == 404  # another facilitator's import
    assert client.post(f"{batch_url}/undo").status_code == 404
    assert client.get(f"/import/preview/{token}").status_code == 404
    auth.logout()
    make_user("admin@example.org", role=Role.ADMIN)
    auth.login("admin@example.org", PASSWORD)
    assert client.get(batch_url).status_code == 200  # admins see every import


def test_a_theme_whose_label_holds_a_comma_is_read_whole(app, client, facilitator):
    content = (
        HEADER + "How many carers in Durham are refused Carer's Allowance?,"
        'Plan our advice sessions,Understand need,"Income, benefits and Universal Credit; Food",\n'
    ).encode()
    token = token_of(upload(client, content))
    page = client.post(f"/import/preview/{token}", data={**mapped(client, token), "check": "1"})
    assert page.status_code == 200 and "1 row, all ready to import" in page.text
    assert "Income, benefits and Universal Credit, Food" in page.text

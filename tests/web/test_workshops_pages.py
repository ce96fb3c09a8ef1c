"""Workshop pages: set-up, joining by code, scoring, live progress, results, deciding, data
mapping and the barriers page, through the real forms without JavaScript."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select

from models import Question, QuestionStatus, Visibility, Workshop
from tests.conftest import PASSWORD
from tests.web.workshop_helpers import build_table, read

HX = {"HX-Request": "true"}


@pytest.fixture
def table(app, client, make_user, make_question):
    return build_table(app, client, make_user, make_question)


def _login(app, email: str) -> FlaskClient:
    client = app.test_client()
    client.post("/auth/login", data={"email": email, "password": PASSWORD})
    return client


def _set_up(fiona: FlaskClient, table, **extra) -> int:
    response = fiona.post(
        "/workshops/new",
        data={
            "title": "Winter priorities",
            "purpose": "Choose",
            "mode": "in-person",
            "groups": [str(table.group_id)],
            "question_ids": f"{table.public_question}, {table.members_question}",
            "weight_value": "2",
            "weight_gap": "1",
            "weight_feasibility": "0",
            "dots": "4",
            "dot_cap": "2",
            **extra,
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def _workshop(app, workshop_id: int) -> tuple[str, list[int]]:
    return read(
        app,
        lambda s: (
            s.get_one(Workshop, workshop_id).join_code,
            [i.id for i in s.get_one(Workshop, workshop_id).items],
        ),
    )


def test_set_up_form_keeps_what_was_typed_and_says_what_is_wrong(app, table) -> None:
    fiona = _login(app, "fiona@example.org")
    form = fiona.get("/workshops/new").get_data(as_text=True)
    assert "Food" in form or "food" in form  # the group is offered with its figures
    bad = fiona.post(
        "/workshops/new",
        data={
            "title": "Kept title",
            "question_ids": "",
            "weight_value": "0",
            "weight_gap": "0",
            "weight_feasibility": "0",
            "dots": "3",
            "dot_cap": "2",
            "mode": "online",
        },
    )
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert 'value="Kept title"' in page
    assert "Put at least one question group or question on the table." in page
    assert "Give at least one criterion a weight above 0." in page
    alice = _login(app, "alice@example.org")
    assert alice.get("/workshops/new").status_code == 403


def test_a_group_page_starts_a_workshop_with_the_group_on_the_table(app, table) -> None:
    fiona = _login(app, "fiona@example.org")
    group_page = fiona.get(f"/groups/{table.group_id}").get_data(as_text=True)
    link = f"/workshops/new?cluster_id={table.group_id}"
    assert link in group_page
    form = fiona.get(link).get_data(as_text=True)
    assert f'value="{table.group_id}" checked' in form


def test_a_whole_workshop_through_the_pages(app, table) -> None:
    fiona = _login(app, "fiona@example.org")
    workshop_id = _set_up(fiona, table)
    code, (group, public, _members) = _workshop(app, workshop_id)
    page = fiona.get(f"/workshops/{workshop_id}").get_data(as_text=True)
    assert code in page and "Move to: Scoring" in page

    guest = app.test_client()
    joined = guest.post("/workshops/join", data={"code": code, "display_name": "Gwen"})
    assert joined.status_code == 302
    guest_page = guest.get(f"/workshops/{workshop_id}").get_data(as_text=True)
    assert "Gwen" in guest_page and "Which members see rising rent arrears?" not in guest_page
    alice = _login(app, "alice@example.org")
    assert alice.post(f"/workshops/{workshop_id}/participants").status_code == 302

    assert (
        fiona.post(f"/workshops/{workshop_id}/phase", data={"phase": "scoring"}).status_code == 302
    )
    # The guest's banner notices the phase moved and reloads the page.
    poll = guest.get(f"/workshops/{workshop_id}/phase?seen=setup", headers=HX)
    assert poll.headers.get("HX-Refresh") == "true"
    steady = guest.get(f"/workshops/{workshop_id}/phase?seen=scoring", headers=HX)
    assert steady.status_code == 200 and "HX-Refresh" not in steady.headers

    count = fiona.get(f"/workshops/{workshop_id}/progress", headers=HX).get_data(as_text=True)
    assert ">0</strong> of 2 have scored" in count
    too_many = guest.post(
        f"/workshops/{workshop_id}/score",
        data={f"value-{group}": "6", f"dots-{public}": "3", f"comment-{public}": "kept text"},
    )
    refused = too_many.get_data(as_text=True)
    assert too_many.status_code == 422
    assert "Score from 1 to 5" in refused and "kept text" in refused and 'value="6"' in refused
    saved = guest.post(
        f"/workshops/{workshop_id}/score",
        data={f"value-{group}": "5", f"gap-{group}": "4", f"dots-{group}": "2"},
    )
    assert saved.status_code == 302
    alice.post(
        f"/workshops/{workshop_id}/score", data={f"value-{public}": "2", f"gap-{public}": "2"}
    )
    count = fiona.get(f"/workshops/{workshop_id}/progress", headers=HX).get_data(as_text=True)
    assert ">2</strong> of 2 have scored" in count
    assert guest.get(f"/workshops/{workshop_id}/results").status_code == 403

    fiona.post(f"/workshops/{workshop_id}/phase", data={"phase": "reveal"})
    stopped = fiona.get(f"/workshops/{workshop_id}/progress", headers=HX)
    assert stopped.status_code == 286
    results = guest.get(f"/workshops/{workshop_id}/results").get_data(as_text=True)
    assert "<svg" in results and "The 2×2 as a table" in results and "Act now" in results
    csv = guest.get(f"/workshops/{workshop_id}/results.csv")
    assert csv.mimetype == "text/csv"
    lines = csv.get_data(as_text=True).splitlines()
    assert lines[0].startswith("rank,item,mean_value") and lines[1].startswith("1,")

    decided = fiona.post(
        f"/workshops/{workshop_id}/decide",
        data={
            "prioritised": [str(group)],
            f"next_step-{group}": "Pool data",
            f"owner-{group}": "Alice",
        },
    )
    assert decided.status_code == 302
    statuses = read(
        app,
        lambda s: set(
            s.scalars(select(Question.status).where(Question.id.in_(table.group_questions)))
        ),
    )
    assert statuses == {QuestionStatus.PRIORITISED}
    fiona.post(f"/workshops/{workshop_id}/phase", data={"phase": "mapping"})
    mapping = guest.get(f"/workshops/{workshop_id}/mapping").get_data(as_text=True)
    assert "Perceived risk" in mapping
    prefix = f"item{group}-"
    bad = guest.post(
        f"/workshops/{workshop_id}/mapping/{group}",
        data={prefix + "holds": "Referral counts", prefix + "barriers": ["nonsense"]},
    )
    assert bad.status_code == 422 and "Referral counts" in bad.get_data(as_text=True)
    ok = guest.post(
        f"/workshops/{workshop_id}/mapping/{group}",
        data={
            prefix + "holds": "Referral counts",
            prefix + "barriers": ["no-capacity", "too-hard"],
        },
    )
    assert ok.status_code == 302
    fiona.post(f"/workshops/{workshop_id}/phase", data={"phase": "closed"})
    closed = guest.get(f"/workshops/{workshop_id}/phase?seen=closed", headers=HX)
    assert closed.status_code == 286
    summary = guest.get(f"/workshops/{workshop_id}").get_data(as_text=True)
    assert "Referral counts" in summary and "Pool data" in summary
    barriers = app.test_client().get("/workshops/barriers").get_data(as_text=True)
    assert "No capacity" in barriers and "Gwen" not in barriers

    follow = fiona.post(f"/workshops/{workshop_id}/repeat")
    follow_id = int(follow.headers["Location"].rstrip("/").split("/")[-1])
    assert follow_id != workshop_id
    assert len(_workshop(app, follow_id)[1]) == 3


def test_guests_cannot_open_another_workshop(app, table) -> None:
    fiona = _login(app, "fiona@example.org")
    first, second = _set_up(fiona, table), _set_up(fiona, table)
    code, _items = _workshop(app, first)
    guest = app.test_client()
    guest.post("/workshops/join", data={"code": code, "display_name": "Gwen"})
    assert guest.get(f"/workshops/{first}").status_code == 200
    assert guest.get(f"/workshops/{second}").status_code == 302  # to the login page
    wrong = guest.post("/workshops/join", data={"code": "ZZZZZZ", "display_name": "Gwen"})
    assert wrong.status_code == 422
    assert "No workshop has this code" in wrong.get_data(as_text=True)


def test_the_nav_links_to_workshops(client) -> None:
    assert 'href="/workshops/"' in client.get("/").get_data(as_text=True)


def test_a_question_goes_on_a_workshop_from_its_page_with_its_figures_beside_it(
    app, table, make_question, make_user
) -> None:
    other = make_user("other@example.org", organisation="Other Org")
    private = make_question(
        "Which of our clients are behind on council tax?",
        author=other,
        visibility=Visibility.PRIVATE,
    )
    fiona = _login(app, "fiona@example.org")
    page = fiona.get(f"/questions/{table.public_question}").get_data(as_text=True)
    link = f"/workshops/new?question_id={table.public_question}"
    assert f'href="{link}"' in page
    form = fiona.get(f"{link}&question_id={private}").get_data(as_text=True)
    table_html = form.split("Single questions named for the table")[1].split("</table>")[0]
    assert "Do prepayment meters leave homes cold?" in table_html
    assert "<td>1</td>" in table_html  # Sam supports it
    assert "not yet grouped" in table_html
    # A question the facilitator may not read is not shown (nor are its words).
    assert "council tax" not in form
    # Members see no such link: only facilitators set workshops up.
    alice = _login(app, "alice@example.org")
    assert link not in alice.get(f"/questions/{table.public_question}").get_data(as_text=True)

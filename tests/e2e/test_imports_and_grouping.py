"""In a real browser: a facilitator imports a spreadsheet with one bad row, fixes the mapping
and the row's theme, imports it and undoes the import; a visitor, logged out, groups a CSV of
questions and downloads it. axe finds no WCAG 2.1 A/AA fault on the pages on the way."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from playwright.sync_api import Page, expect

from models import Role
from tests.e2e.conftest import accessibility_violations
from tests.e2e.journeys import shoot
from tests.e2e.test_ask import log_in
from tests.web.test_group_my_questions import QUESTIONS, sheet
from tests.web.test_question_import import CSV


def test_import_with_a_bad_row_fix_the_mapping_import_and_undo(
    page: Page, live_server: str, artifacts_dir: Path, app, make_user, tmp_path
) -> None:
    app.config["UPLOAD_DIR"] = tmp_path
    make_user("facilitator@example.org", role=Role.FACILITATOR)
    log_in(page, live_server, email="facilitator@example.org")
    page.get_by_role("link", name="Imports").click()
    page.get_by_role("link", name="Import a spreadsheet").click()
    faults = {"upload": accessibility_violations(page)}
    page.get_by_label("Spreadsheet").set_input_files(
        files=[{"name": "workshop.csv", "mimeType": "text/csv", "buffer": CSV}]
    )
    page.get_by_role("button", name="Upload and preview").click()
    # The column "Why we ask" was not recognised: the mapping says so, and no row is shown.
    expect(
        page.get_by_text("Choose the column that holds “What an answer would let them do”.").first
    ).to_be_visible()
    page.get_by_label("What an answer would let them do").select_option(label="Why we ask")
    page.get_by_role("button", name="Check again").click()
    expect(page.get_by_text("3 rows, 1 with problems")).to_be_visible()
    expect(page.get_by_text("Line 4, Themes (column “Topics”)")).to_be_visible()
    expect(page.get_by_role("button", name="Import these questions")).to_have_count(0)
    fix = page.get_by_label("Theme “Hosuing” (line 4)")
    expect(fix).to_have_value("housing")  # the nearest match, offered first
    faults["preview"] = accessibility_violations(page)
    shoot(page, artifacts_dir, "import-preview")
    page.get_by_role("button", name="Check again").click()
    expect(page.get_by_text("3 rows, all ready to import")).to_be_visible()
    page.get_by_role("button", name="Import these questions").click()
    expect(page.get_by_text("Succeeded")).to_be_visible()
    page.get_by_role("link", name="See the import").click()
    expect(page.get_by_text("3 of its questions are in the bank")).to_be_visible()
    faults["batch"] = accessibility_violations(page)
    page.get_by_role("button", name="Undo the import").click()
    expect(page.get_by_text("Import undone: 3 questions removed.")).to_be_visible()
    expect(page.get_by_text("Undone", exact=True)).to_be_visible()
    page.goto(f"{live_server}/questions/")
    expect(page.get_by_text("skip meals to pay for heating")).to_have_count(0)
    assert {name: found for name, found in faults.items() if found} == {}


def test_group_my_questions_logged_out(
    page: Page, live_server: str, artifacts_dir: Path, app, tmp_path
) -> None:
    app.config["UPLOAD_DIR"] = tmp_path
    page.goto(f"{live_server}/")
    page.get_by_role("link", name="Group my questions").first.click()
    faults = {"upload": accessibility_violations(page)}
    page.get_by_label("CSV file").set_input_files(
        files=[{"name": "survey.csv", "mimeType": "text/csv", "buffer": sheet(QUESTIONS)}]
    )
    page.get_by_role("button", name="Upload").click()
    column = page.get_by_label("Which column holds the questions?")
    expect(column).to_have_value("Question asked")
    faults["column"] = accessibility_violations(page)
    page.get_by_role("button", name="Group the questions").click()
    expect(page.get_by_text("Grouped 6 questions into")).to_be_visible()
    expect(page.get_by_role("table", name="The groups, largest first")).to_be_visible()
    faults["groups"] = accessibility_violations(page)
    shoot(page, artifacts_dir, "group-my-questions")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the grouped CSV").click()
    assert download.value.suggested_filename == "survey-grouped.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert [row["Question asked"] for row in rows] == QUESTIONS
    assert all(row["group"] and row["group_title"] for row in rows)
    assert {name: found for name, found in faults.items() if found} == {}

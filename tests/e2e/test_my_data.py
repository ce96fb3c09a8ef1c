"""A member downloads their data and deletes their account in a real browser, without
JavaScript: a wrong password keeps everything and the choice made; the right one signs them out,
and the open data they then download from the Open data page no longer holds their question."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.e2e.journeys import second_browser, shoot
from tests.e2e.test_ask import log_in


def test_download_then_delete_without_javascript(
    browser: Browser, live_server: str, artifacts_dir: Path, make_user, make_question
) -> None:
    asker = make_user("leaver@example.org", name="Lee Leaver")
    make_question("How many households in Gateshead skip meals to pay rent?", author=asker)
    make_question("How many families in Sunderland wait for a food bank referral?")
    with second_browser(browser, javascript=False) as page:
        log_in(page, live_server, email="leaver@example.org")
        page.goto(f"{live_server}/auth/account")
        with page.expect_download() as download:
            page.get_by_role("link", name="Download everything the bank holds about you").click()
        data = json.loads(Path(download.value.path()).read_text())
        assert data["account"]["email"] == "leaver@example.org"
        assert "skip meals" in data["questions"][0]["text"]
        page.get_by_role("link", name="Delete your account").click()
        shoot(page, artifacts_dir, "delete-account")
        page.get_by_label("Remove them, with everyone's support for them").check()
        page.get_by_label("Your password, to confirm").fill("not the password at all")
        page.get_by_role("button", name="Delete my account").click()
        expect(page.get_by_text("That is not your password.").first).to_be_visible()
        expect(page.get_by_label("Remove them, with everyone's support for them")).to_be_checked()
        page.get_by_label("Your password, to confirm").fill("correct horse battery")
        page.get_by_role("button", name="Delete my account").click()
        expect(page.get_by_text("Your account is deleted.")).to_be_visible()
        page.goto(f"{live_server}/questions/")
        expect(page.get_by_text("skip meals to pay rent")).to_have_count(0)
        page.goto(f"{live_server}/open-data/")
        shoot(page, artifacts_dir, "open-data")
        with page.expect_download() as download:
            page.get_by_role("link", name="questions.csv", exact=True).click()
        published = Path(download.value.path()).read_text(encoding="utf-8")
        assert published.startswith("id,text,action")
        assert "food bank referral" in published and "skip meals" not in published

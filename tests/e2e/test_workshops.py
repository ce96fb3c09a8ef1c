"""A whole workshop in real browsers: the facilitator sets it up, a guest joins by code and a
member joins from the page, each in their own browser; they score while the facilitator's
count moves live, the results and the 2×2 are revealed, priorities decided, data and barriers
mapped. The participants' pages follow the phase by themselves. axe checks each kind of page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import accessibility_violations
from tests.e2e.journeys import second_browser, shoot
from tests.e2e.test_ask import log_in
from tests.web.workshop_helpers import Table, build_table


@pytest.fixture
def table(app, client, make_user, make_question) -> Table:
    """Fiona facilitates; Alice is a member; the food group and two questions to choose."""
    return build_table(app, client, make_user, make_question)


def _move_to(page: Page, phase: str) -> None:
    page.get_by_role("button", name=f"Move to: {phase}").click()
    expect(page.get_by_text(f"Phase: {phase}")).to_be_visible()


def _score(page: Page, value: str, gap: str) -> None:
    page.get_by_role("link", name="Score the items").click()
    page.locator("input[name^='value-']").first.fill(value)
    page.locator("input[name^='gap-']").first.fill(gap)
    page.locator("input[name^='dots-']").first.fill("2")
    page.get_by_role("button", name="Save my scores").click()
    expect(page.get_by_text("Your scores are saved.")).to_be_visible()


def test_a_whole_workshop_with_a_facilitator_a_member_and_a_guest(
    page: Page, browser: Browser, live_server: str, table: Table, artifacts_dir: Path
) -> None:
    faults: dict[str, list[str]] = {}
    log_in(page, live_server, "fiona@example.org")
    page.goto(f"{live_server}/workshops/new")
    faults["set-up"] = accessibility_violations(page)
    page.get_by_label("Title").fill("Winter priorities")
    page.get_by_label("food, banks").check()
    page.get_by_label("Single questions (optional)").fill(str(table.public_question))
    page.get_by_role("button", name="Set up the workshop").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Winter priorities")
    code = page.locator(".join-code").inner_text()
    workshop_url = page.url
    faults["workshop"] = accessibility_violations(page)

    with second_browser(browser) as guest, second_browser(browser) as alice:
        guest.goto(f"{live_server}/workshops/join")
        guest.get_by_label("Workshop code").fill(code.lower())
        guest.get_by_label("Your name").fill("Gwen")
        guest.get_by_role("button", name="Join the workshop").click()
        expect(guest.get_by_text("You have joined as Gwen.")).to_be_visible()
        faults["guest-setup"] = accessibility_violations(guest)

        log_in(alice, live_server, "alice@example.org")
        alice.goto(workshop_url)
        alice.get_by_role("button", name="Join this workshop").click()
        expect(alice.get_by_text("You have joined this workshop.")).to_be_visible()

        _move_to(page, "Scoring")
        expect(page.locator("#live-progress")).to_contain_text("0 of 2 have scored")
        # The participants' pages notice the new phase without anyone reloading them.
        expect(guest.get_by_role("link", name="Score the items")).to_be_visible()
        expect(alice.get_by_role("link", name="Score the items")).to_be_visible()

        _score(guest, "5", "4")
        faults["guest-workshop"] = accessibility_violations(guest)
        expect(page.locator("#live-progress")).to_contain_text("1 of 2 have scored")
        _score(alice, "4", "5")
        expect(page.locator("#live-progress")).to_contain_text("2 of 2 have scored")
        alice.get_by_role("link", name="Score the items").click()
        faults["score"] = accessibility_violations(alice)

        _move_to(page, "Results revealed")
        expect(guest.get_by_role("link", name="See the results")).to_be_visible()
        guest.get_by_role("link", name="See the results").click()
        chart = guest.locator("svg.quadrant-svg")
        expect(chart).to_be_visible()
        expect(chart.locator("text").filter(has_text="food, banks")).to_have_count(1)
        expect(guest.get_by_role("table", name="The 2×2 as a table")).to_contain_text("Act now")
        faults["results"] = accessibility_violations(guest)
        shoot(guest, artifacts_dir, "workshop-results")
        guest.goto(workshop_url)

        page.get_by_role("link", name="Decide the priorities").click()
        faults["decide"] = accessibility_violations(page)
        page.get_by_label("Prioritise").first.check()
        page.get_by_label("Next step").first.fill("Pool referral data")
        page.get_by_label("Owner").first.fill("Alice")
        page.get_by_role("button", name="Record the priorities").click()
        expect(page.get_by_text("The priorities are recorded")).to_be_visible()
        _move_to(page, "Data mapping")

        expect(guest.get_by_role("link", name="Map your data and barriers")).to_be_visible()
        guest.get_by_role("link", name="Map your data and barriers").click()
        guest.get_by_label("Data or insight you hold").fill("Food bank referrals by month")
        guest.get_by_label("No capacity").check()
        guest.get_by_label("Perceived risk").check()
        faults["mapping"] = accessibility_violations(guest)
        guest.get_by_role("button", name="Save").click()
        expect(guest.get_by_text("Your data mapping is saved.")).to_be_visible()

    page.goto(workshop_url)
    barriers = page.get_by_role("table", name=re.compile("Barriers named for this item"))
    expect(barriers.get_by_role("row", name=re.compile("No capacity"))).to_contain_text("1")
    expect(page.get_by_text("Food bank referrals by month")).to_be_visible()
    _move_to(page, "Closed")
    page.goto(f"{live_server}/workshops/barriers")
    expect(page.get_by_role("row", name=re.compile("Perceived risk"))).to_contain_text("1")
    faults["barriers"] = accessibility_violations(page)
    assert {name: found for name, found in faults.items() if found} == {}

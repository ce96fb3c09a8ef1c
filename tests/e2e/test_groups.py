"""Browser journeys through question groups: browse and open one; a facilitator merges two."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from models import Role
from tests.conftest import PASSWORD
from tests.web.test_clusters_common import seed_topics


def _log_in(page: Page, live_server: str, email: str) -> None:
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_browse_groups_sort_and_open_one(
    page: Page, live_server: str, artifacts_dir: Path, app, make_question, make_user
) -> None:
    topics = seed_topics(app, make_question, make_user)
    food_id, _ = topics["food"]
    page.goto(live_server)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Question groups").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Question groups")
    cards = page.locator(".group-card")
    expect(cards).to_have_count(3)
    expect(cards.first).to_contain_text("food, banks, credit")

    page.get_by_role("link", name="Most organisations").click()
    expect(page).to_have_url(re.compile(r"/groups\?sort=breadth$"))
    expect(page.get_by_role("link", name="Most organisations")).to_have_attribute(
        "aria-current", "true"
    )
    page.screenshot(path=str(artifacts_dir / "groups-list.png"), full_page=True)

    page.get_by_role("link", name="food, banks, credit").click()
    expect(page).to_have_url(re.compile(rf"/groups/{food_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("food, banks, credit")
    expect(page.get_by_role("heading", name="The question that best sums it up")).to_be_visible()
    expect(page.locator(".group-question")).to_have_count(3)
    page.screenshot(path=str(artifacts_dir / "group-page.png"), full_page=True)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Map").click()
    expect(page.locator("svg.map-svg a")).to_have_count(3)
    page.screenshot(path=str(artifacts_dir / "groups-map.png"), full_page=True)
    page.locator(f'svg.map-svg a[href="/groups/{food_id}"] circle').click(force=True)
    expect(page).to_have_url(re.compile(rf"/groups/{food_id}$"))


def test_facilitator_merges_two_groups(
    page: Page, live_server: str, artifacts_dir: Path, app, make_question, make_user
) -> None:
    topics = seed_topics(app, make_question, make_user)
    food_id, _ = topics["food"]
    energy_id, _ = topics["energy"]
    make_user("facilitator@example.org", role=Role.FACILITATOR, name="Fay Cilitator")
    _log_in(page, live_server, "facilitator@example.org")

    page.goto(f"{live_server}/groups/{energy_id}")
    page.get_by_label("Merge this group into group number").fill("999")
    page.get_by_role("button", name="Merge").click()
    expect(page.locator("#merge-target-error")).to_have_text("There is no group number 999.")

    page.get_by_label("Merge this group into group number").fill(str(food_id))
    page.get_by_role("button", name="Merge").click()
    expect(page).to_have_url(re.compile(rf"/groups/{food_id}$"))
    expect(page.get_by_text(f"Merged group {energy_id} into this group.")).to_be_visible()
    expect(page.locator(".group-question")).to_have_count(6)
    expect(page.locator(".history")).to_contain_text("Fay Cilitator: Merged group")
    page.screenshot(path=str(artifacts_dir / "group-merged.png"), full_page=True)

    page.goto(f"{live_server}/groups/{energy_id}")
    expect(page).to_have_url(re.compile(rf"/groups/{food_id}$"))
    expect(page.get_by_text("was merged into this group")).to_be_visible()
    page.goto(f"{live_server}/groups")
    expect(page.locator(".group-card")).to_have_count(2)


def test_groups_sort_and_page_without_javascript(
    js_disabled_page: Page, live_server: str, app, make_question, make_user
) -> None:
    seed_topics(app, make_question, make_user)
    app.config["PAGE_SIZE"] = 2
    page = js_disabled_page
    page.goto(f"{live_server}/groups")
    page.get_by_role("link", name="Most support").click()
    expect(page).to_have_url(re.compile(r"/groups\?sort=support$"))
    expect(page.locator(".group-card")).to_have_count(2)
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"/groups\?page=2&sort=support$"))
    expect(page.locator(".group-card")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_text("Question groups")

"""Partnerships in a real browser: start one from a group page, invite a member who accepts
in another browser, and tick a checklist item. Also with JavaScript off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.journeys import second_browser, shoot
from tests.e2e.test_ask import log_in
from tests.web.pledge_helpers import Scene, build_scene


@pytest.fixture
def scene(app, make_question, make_user) -> Scene:
    """The food group asked by asker@; holder@ at Northstar Homes."""
    return build_scene(app, make_question, make_user)


def partnership_journey(
    page: Page, browser: Browser, live_server: str, scene: Scene, artifacts_dir: Path, js: bool
) -> None:
    """Start, invite holder@, who accepts in their own browser and ticks an item."""
    log_in(page, live_server, "asker@example.org")
    page.goto(f"{live_server}/groups/{scene.food_id}")
    page.get_by_label("Name of the partnership (optional)").fill("Food banks and UC waits")
    page.get_by_role("button", name="Start a partnership").click()
    expect(page).to_have_url(re.compile(r"/partnerships/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Food banks and UC waits")
    page.get_by_label("Or a member's email").fill("holder@example.org")
    page.get_by_label("Their role").select_option("data-holder")
    page.get_by_role("button", name="Invite", exact=True).click()
    expect(page.get_by_text("Invited Hana Holder.")).to_be_visible()
    url = page.url
    with second_browser(browser, javascript=js) as holder:
        log_in(holder, live_server, "holder@example.org")
        expect(holder.locator(".notifications-link .badge")).to_contain_text("1")
        holder.goto(f"{live_server}/notifications")
        expect(holder.get_by_text("invites you to join the partnership")).to_be_visible()
        holder.get_by_role("button", name="Open").click()
        expect(holder.get_by_role("heading", name="You are invited")).to_be_visible()
        expect(holder.get_by_text("Ready to share data?")).to_have_count(0)
        shoot(holder, artifacts_dir, "partnership-invited")
        holder.get_by_role("button", name="Accept the invitation").click()
        expect(holder.get_by_text("Hana Holder joined the partnership.")).to_be_visible()
        holder.get_by_role("button", name="Tick “Purpose agreed”").click()
        expect(holder.locator(".checklist")).to_contain_text("ticked by Hana Holder on")
    page.goto(url)
    expect(page.locator(".partnership-members")).to_contain_text("Northstar Homes")
    expect(page.locator(".checklist")).to_contain_text("ticked by Hana Holder")
    page.get_by_label("What was decided, or what comes next").fill("Monthly counts only.")
    page.get_by_role("button", name="Add to the log").click()
    expect(page.locator(".partnership-log")).to_contain_text("Monthly counts only.")
    shoot(page, artifacts_dir, "partnership-page" + ("" if js else "-no-js"))
    page.goto(f"{live_server}/groups/{scene.food_id}")
    expect(page.locator(".partnerships")).to_contain_text("Northstar Homes")


def test_start_invite_accept_and_tick(
    page: Page, browser: Browser, live_server: str, artifacts_dir: Path, scene: Scene
) -> None:
    partnership_journey(page, browser, live_server, scene, artifacts_dir, js=True)


def test_the_same_journey_without_javascript(
    js_disabled_page: Page, browser: Browser, live_server: str, artifacts_dir: Path, scene: Scene
) -> None:
    partnership_journey(js_disabled_page, browser, live_server, scene, artifacts_dir, js=False)

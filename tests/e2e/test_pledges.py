"""Pledging in a real browser: a holder pledges a dataset from a group page, and the asker,
in another browser, finds the notification and opens the pledge. Also with JavaScript off."""

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
    """The food group asked by asker@, a holder with a dataset."""
    return build_scene(app, make_question, make_user)


def pledge_from_group_page(page: Page, live_server: str, scene: Scene, artifacts_dir: Path) -> None:
    """As the holder, pledge the dataset to the food group, conditions ticked, terms accepted."""
    log_in(page, live_server, "holder@example.org")
    page.goto(f"{live_server}/groups/{scene.food_id}")
    page.get_by_label("Pledge a dataset your organisation holds").select_option(
        label="Rent arrears by month"
    )
    page.get_by_role("button", name="Pledge a dataset").click()
    expect(page.get_by_role("heading", name="Pledge a dataset")).to_be_visible()
    page.get_by_role("checkbox", name="Aggregate figures only").check()
    page.get_by_role("checkbox", name="A data-sharing agreement is needed").check()
    page.get_by_label("Anything else about the conditions").fill("Counts under ten suppressed.")
    page.get_by_role("button", name="Pledge this dataset").click()
    # The terms must be accepted: the form says so and keeps what was typed.
    expect(page.get_by_text("Tick to accept the terms of use").first).to_be_visible()
    expect(page.get_by_label("Anything else about the conditions")).to_have_value(
        "Counts under ten suppressed."
    )
    shoot(page, artifacts_dir, "pledge-form-errors")
    page.get_by_role("checkbox", name="I accept these terms of use").check()
    page.get_by_role("button", name="Pledge this dataset").click()
    expect(page).to_have_url(re.compile(r"/pledges/\d+$"))
    expect(page.get_by_text("Aggregate figures only")).to_be_visible()
    expect(page.get_by_text("No onward sale")).to_be_visible()


def test_holder_pledges_from_a_group_and_the_asker_is_notified(
    page: Page, browser: Browser, live_server: str, artifacts_dir: Path, scene: Scene
) -> None:
    pledge_from_group_page(page, live_server, scene, artifacts_dir)
    shoot(page, artifacts_dir, "pledge-page")
    with second_browser(browser) as asker:
        log_in(asker, live_server, "asker@example.org")
        badge = asker.locator(".notifications-link .badge")
        expect(badge).to_contain_text("1")
        asker.get_by_role("link", name=re.compile("^Notifications")).click()
        expect(asker.get_by_text("pledged “Rent arrears by month”")).to_be_visible()
        shoot(asker, artifacts_dir, "notifications")
        asker.get_by_role("button", name="Open").click()
        expect(asker).to_have_url(re.compile(r"/pledges/\d+$"))
        expect(asker.get_by_role("heading", level=1)).to_have_text("Rent arrears by month")
        expect(asker.get_by_role("button", name="Update the pledge")).to_have_count(0)
        expect(asker.locator(".notifications-link .badge")).to_have_count(0)
    page.get_by_label("Move this pledge to").select_option("in-discussion")
    page.get_by_role("button", name="Update the pledge").click()
    expect(page.get_by_text("The pledge is now in discussion.")).to_be_visible()
    page.goto(f"{live_server}/groups/{scene.food_id}")
    expect(page.locator(".pledges")).to_contain_text("in discussion")
    shoot(page, artifacts_dir, "group-with-pledge")


def test_pledging_works_without_javascript(
    js_disabled_page: Page, live_server: str, artifacts_dir: Path, scene: Scene
) -> None:
    pledge_from_group_page(js_disabled_page, live_server, scene, artifacts_dir)

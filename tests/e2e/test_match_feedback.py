"""A member marks a suggested dataset not relevant on a group's page and sees it demoted."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.test_ask import log_in
from tests.web.match_common import PARCELS, REFERRALS, food_datasets
from tests.web.test_clusters_common import seed_topics


def _no_sideways_scroll(page: Page) -> bool:
    return bool(
        page.evaluate(
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


def test_a_member_marks_a_match_not_relevant_and_it_moves_last(
    page: Page, live_server: str, artifacts_dir: Path, app, make_user, make_question
) -> None:
    group = seed_topics(app, make_question, make_user)["food"][0]
    make_user()
    food_datasets(app)
    log_in(page, live_server)
    page.goto(f"{live_server}/groups/{group}")
    matches = page.locator("ol.matches > li")
    expect(matches.first.get_by_role("heading")).to_have_text(REFERRALS[0])

    first = matches.first
    first.get_by_text("Not relevant?", exact=True).click()
    first.get_by_label("Why is it not relevant?").fill("Counts our network only, not the area")
    first.get_by_role("button", name="Mark not relevant").click()

    expect(page.get_by_text("the dataset is now listed after the others")).to_be_visible()
    expect(matches.first.get_by_role("heading")).to_have_text(PARCELS[0])
    last = matches.last
    expect(last.get_by_role("heading")).to_have_text(REFERRALS[0])
    expect(last.get_by_text("Marked not relevant by 1 member")).to_be_visible()
    expect(page.get_by_text("1 dataset matches, best first")).to_be_visible()

    page.get_by_text("How matches are scored").first.click()
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.locator("#matches-title").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts_dir / f"match-feedback-{width}.png"), full_page=True)
        assert _no_sideways_scroll(page), f"sideways scroll at {width}px"

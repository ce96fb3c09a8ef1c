"""Describing a dataset in a real browser: the form, the register, its page with a matched
group and the reason; and the same form with JavaScript off. Screenshots at 1280 and 390 px."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.test_ask import log_in
from tests.web.test_clusters_common import seed_topics

TITLE = "Tyneside food bank referral records"


def fill_dataset_form(page: Page) -> None:
    """Describe a food bank referral series through the form."""
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("What is it?").fill(
        "Every referral to our food banks since 2019: the referring agency, the reason given "
        "(including waiting for a first Universal Credit payment) and the household type."
    )
    page.get_by_role("checkbox", name="Food", exact=True).check()
    page.get_by_label("Keywords").fill("food bank; referrals; universal credit")
    page.get_by_label("What it measures").fill("referral reason; household type; ward")
    page.get_by_label("One record is a…").select_option("case")
    page.get_by_label("Who it covers").fill("Households referred to Tyneside food banks")
    page.get_by_label("Where it covers").fill("Newcastle upon Tyne")
    page.get_by_role("radio", name="Shared on request").check()


def no_sideways_scroll(page: Page) -> None:
    """The page fits the viewport's width."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def test_describe_a_dataset_find_it_and_see_the_group_it_serves(
    page: Page, live_server: str, artifacts_dir: Path, app, make_user, make_question
) -> None:
    topics = seed_topics(app, make_question, make_user)
    make_user()
    log_in(page, live_server)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Datasets").click()
    page.get_by_role("link", name="Describe a dataset").click()
    fill_dataset_form(page)
    page.screenshot(path=str(artifacts_dir / "dataset-form-1280.png"), full_page=True)
    page.get_by_role("button", name="Save the dataset").click()
    expect(page).to_have_url(re.compile(r"/datasets/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    page.get_by_role("link", name="Datasets", exact=True).first.click()
    page.get_by_label("Search datasets").fill("households sent to foodbanks")
    results = page.locator("#dataset-results")
    expect(results.get_by_role("link", name=TITLE)).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=str(artifacts_dir / "datasets-list-1280.png"), full_page=True)
    results.get_by_role("link", name=TITLE).click()

    serves = page.locator(
        "section", has=page.get_by_role("heading", name="Question groups it could serve")
    )
    food_group = serves.locator(f'a[href="/groups/{topics["food"][0]}"]')
    expect(food_group).to_be_visible()
    expect(serves.locator(".match-reasons li").first).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "dataset-page-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts_dir / "dataset-page-390.png"), full_page=True)
    page.goto(f"{live_server}/datasets/")
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts_dir / "datasets-list-390.png"), full_page=True)
    page.goto(f"{live_server}/datasets/new")
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts_dir / "dataset-form-390.png"), full_page=True)


def test_the_form_works_without_javascript_and_keeps_input_on_errors(
    js_disabled_page: Page, live_server: str, artifacts_dir: Path, make_user
) -> None:
    page = js_disabled_page
    make_user()
    log_in(page, live_server)
    page.goto(f"{live_server}/datasets/new")
    fill_dataset_form(page)
    page.get_by_label("Title").fill("x")
    page.get_by_role("button", name="Save the dataset").click()
    expect(page.locator("#title-error")).to_contain_text("at least 3 characters")
    expect(page.get_by_label("Who it covers")).to_have_value(
        "Households referred to Tyneside food banks"
    )
    page.screenshot(path=str(artifacts_dir / "dataset-form-error-nojs.png"), full_page=True)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_role("button", name="Save the dataset").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    page.goto(f"{live_server}/datasets/?q=food+bank")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()


def test_import_previews_errors_by_line_and_saves_after_confirming(
    page: Page, live_server: str, artifacts_dir: Path, make_user
) -> None:
    from tests.web.datasets_common import FIXTURES

    make_user()
    log_in(page, live_server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server}/datasets/import")
    page.get_by_label("File").set_input_files(str(FIXTURES / "datasets_bad_access.csv"))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("line 3, access_level")).to_be_visible()
    no_sideways_scroll(page)
    page.screenshot(path=str(artifacts_dir / "dataset-import-errors-390.png"), full_page=True)
    page.get_by_label("File").set_input_files(str(FIXTURES / "datasets_good.csv"))
    page.get_by_role("button", name="Preview the import").click()
    expect(page.get_by_text("2 to create, 0 to update")).to_be_visible()
    page.get_by_role("button", name="Save these datasets").click()
    expect(page.get_by_text("Imported: 2 new, 0 updated.")).to_be_visible()
    expect(page.get_by_role("link", name="Warm spaces visitor counts")).to_be_visible()

"""The ask journey in a real browser: similar questions as you type, "we ask this too", posting;
and the same journey with JavaScript off, through the review step."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD
from tests.web.test_questions_ask import FOOD_BANKS, FOOD_BANKS_PARAPHRASE, UNRELATED


def log_in(page: Page, live_server: str, email: str = "member@example.org") -> None:
    """Log in through the form."""
    page.goto(f"{live_server}/auth/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def fill_the_rest(page: Page) -> None:
    """Everything but the question itself."""
    page.get_by_label("What would an answer let you do?").fill(
        "Decide where to open a second food bank in the city."
    )
    page.get_by_label("What kind of action is that?").select_option("design-service")
    page.get_by_role("checkbox", name="Food", exact=True).check()
    page.get_by_label("Where?").fill("Leeds")


def test_ask_sees_a_similar_question_supports_it_and_posts(
    page: Page, live_server: str, artifacts_dir: Path, make_user, make_question
) -> None:
    existing = make_question(FOOD_BANKS)
    make_question(UNRELATED, themes=["transport"])
    make_user(organisation="Leeds Community Pantry")
    log_in(page, live_server)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Ask a question").click()
    page.get_by_label("Your question").press_sequentially(FOOD_BANKS_PARAPHRASE, delay=5)
    panel = page.locator("#similar-questions")
    expect(panel.get_by_role("link", name=FOOD_BANKS)).to_be_visible()
    expect(panel.get_by_text(UNRELATED)).to_have_count(0)

    panel.get_by_role("button", name=re.compile("^We ask this too")).click()
    expect(panel.get_by_text("You ask this too ✓")).to_be_visible()

    fill_the_rest(page)
    page.screenshot(path=str(artifacts_dir / "ask-similar-as-you-type.png"), full_page=True)
    page.get_by_role("button", name="Post my question").click()

    expect(page).to_have_url(re.compile(r"/questions/\d+\?posted=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(FOOD_BANKS_PARAPHRASE)
    expect(page.get_by_text("Your question is in the bank")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "ask-posted.png"), full_page=True)

    page.goto(f"{live_server}/questions/{existing}")
    expect(page.get_by_text("You ask this too ✓")).to_be_visible()


def test_ask_without_javascript_goes_through_the_review_step(
    js_disabled_page: Page, live_server: str, artifacts_dir: Path, make_user, make_question
) -> None:
    page = js_disabled_page
    make_question(FOOD_BANKS)
    make_user()
    log_in(page, live_server)

    page.goto(f"{live_server}/questions/ask")
    page.get_by_label("Your question").fill(FOOD_BANKS_PARAPHRASE)
    fill_the_rest(page)
    page.get_by_role("button", name="Post my question").click()

    expect(
        page.get_by_role("heading", name="Others already ask questions like yours")
    ).to_be_visible()
    expect(page.locator("#similar-questions").get_by_role("link", name=FOOD_BANKS)).to_be_visible()
    expect(page.get_by_label("Your question")).to_have_value(FOOD_BANKS_PARAPHRASE)
    expect(page.get_by_role("checkbox", name="Food", exact=True)).to_be_checked()
    page.screenshot(path=str(artifacts_dir / "ask-review-step-no-js.png"), full_page=True)

    page.get_by_role("button", name="Post my question anyway").click()
    expect(page).to_have_url(re.compile(r"/questions/\d+\?posted=1$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(FOOD_BANKS_PARAPHRASE)
    page.screenshot(path=str(artifacts_dir / "ask-posted-no-js.png"), full_page=True)


def test_search_box_updates_the_list_as_you_type(
    page: Page, live_server: str, artifacts_dir: Path, make_question
) -> None:
    food = make_question(FOOD_BANKS)
    buses = make_question(UNRELATED, themes=["transport"])
    page.goto(f"{live_server}/questions/")
    rows = page.locator(".question-row")
    expect(rows).to_have_count(2)

    page.get_by_label("Search questions").press_sequentially("buses", delay=20)
    expect(rows).to_have_count(1)
    expect(page.locator(f'[data-question-id="{buses}"]')).to_be_visible()
    expect(page).to_have_url(re.compile(r"/questions/\?.*q=buses"))
    page.get_by_label("Theme", exact=True).select_option("food")
    expect(page.get_by_text("No questions match")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "questions-search.png"), full_page=True)

    page.goto(f"{live_server}/questions/?theme=food")
    expect(page.locator(f'[data-question-id="{food}"]')).to_be_visible()

"""Defects a new user met: on a phone the similar questions come before the rest of the ask
form, no page scrolls sideways, and without JavaScript "We ask this too" keeps the draft."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from models import Role
from tests.e2e.test_ask import fill_the_rest, log_in
from tests.web.test_questions_ask import FOOD_BANKS, FOOD_BANKS_PARAPHRASE

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_similar_questions_come_right_after_the_question_box(
    page: Page, live_server: str, artifacts_dir: Path, make_user, make_question
) -> None:
    make_question(FOOD_BANKS)
    make_user()
    page.set_viewport_size(PHONE)
    log_in(page, live_server)
    page.goto(f"{live_server}/questions/ask")
    page.get_by_label("Your question").press_sequentially(FOOD_BANKS_PARAPHRASE, delay=5)
    panel = page.locator(".similar-panel")
    expect(panel.get_by_role("link", name=FOOD_BANKS)).to_be_visible()

    question_box = page.get_by_label("Your question").bounding_box()
    panel_box = panel.bounding_box()
    action_box = page.get_by_label("What would an answer let you do?").bounding_box()
    post_box = page.get_by_role("button", name="Post my question").bounding_box()
    assert question_box and panel_box and action_box and post_box
    assert question_box["y"] < panel_box["y"] < action_box["y"] < post_box["y"]
    page.screenshot(path=str(artifacts_dir / "ask-phone-similar-first.png"), full_page=True)


def _scrolls_sideways(page: Page) -> bool:
    return bool(
        page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
    )


def test_no_page_scrolls_sideways_on_a_phone(
    page: Page, live_server: str, artifacts_dir: Path, make_user
) -> None:
    long_email = "a.very.long.name.for.a.member@community-food-network-yorkshire.example.org"
    make_user(long_email, role=Role.ADMIN, organisation="Yorkshire Community Food Network")
    for n in range(3):
        make_user(f"member{n}.with.a.long.address@advice-services-partnership.example.org")
    page.set_viewport_size(PHONE)
    log_in(page, live_server, email=long_email)
    for path, shot in (("/auth/account", "account-phone"), ("/admin/members", "members-phone")):
        page.goto(f"{live_server}{path}")
        assert not _scrolls_sideways(page), path
        page.screenshot(path=str(artifacts_dir / f"{shot}.png"), full_page=True)
    expect(page.get_by_role("cell", name=re.compile(r"member0\.with"))).to_be_visible()


def test_without_javascript_we_ask_this_too_on_the_review_step_keeps_the_draft(
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
    expect(page.get_by_text("Others already ask questions like yours")).to_be_visible()

    page.get_by_role("button", name=re.compile("^We ask this too")).click()
    expect(page.get_by_text("Noted: you ask this too.")).to_be_visible()
    expect(page.get_by_text("You ask this too ✓")).to_be_visible()
    expect(page.get_by_label("Your question")).to_have_value(FOOD_BANKS_PARAPHRASE)
    expect(page.get_by_label("Where?")).to_have_value("Leeds")
    expect(page.get_by_role("checkbox", name="Food", exact=True)).to_be_checked()
    page.screenshot(path=str(artifacts_dir / "review-support-keeps-draft.png"), full_page=True)

    page.get_by_role("button", name="Post my question anyway").click()
    expect(page).to_have_url(re.compile(r"/questions/\d+\?posted=1$"))

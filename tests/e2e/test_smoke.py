"""Smoke journey in a real browser: register, log in, see the home page, log out."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect


def test_register_login_home_logout(page: Page, live_server: str, artifacts_dir: Path) -> None:
    page.goto(f"{live_server}/auth/register")
    page.get_by_label("Your name").fill("Bronwen Evans")
    page.get_by_label("Email").fill("bronwen@valleysadvice.example.org")
    page.get_by_label("Password", exact=True).fill("a proper long password")
    page.get_by_label("Repeat the password").fill("a proper long password")
    page.get_by_label("Your organisation").select_option("new")
    page.get_by_label("New organisation's name").fill("Valleys Advice Cymru")
    page.get_by_label("Its sector").select_option("charity")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Your account is ready")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Log in")).to_be_visible()

    page.get_by_role("banner").get_by_role("link", name="Log in").click()
    page.get_by_label("Email").fill("bronwen@valleysadvice.example.org")
    page.get_by_label("Password").fill("a proper long password")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Ask the questions")
    expect(page.locator("[data-count=organisations]")).to_have_text("1")
    expect(page.get_by_role("link", name="Bronwen Evans")).to_be_visible()
    page.screenshot(path=str(artifacts_dir / "smoke-home-logged-in.png"), full_page=True)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_text("You are logged out")).to_be_visible()
    expect(page.get_by_role("link", name="Bronwen Evans")).to_have_count(0)


def test_skip_link_moves_focus_to_main(page: Page, live_server: str) -> None:
    page.goto(live_server)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))
    expect(page.locator("#main")).to_be_focused()

"""The map of groups in a browser: names on the picture, every group reached by keyboard, no
axe fault, on a desktop and on a phone; the groups page by topic is photographed too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.bank.recluster import run_recluster
from app.db import new_session
from models import Cluster, ClusterState
from tests.e2e.conftest import accessibility_violations
from tests.web.test_topics import FAMILIES

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.fixture
def grouped_bank(app, make_question, make_user) -> dict[int, str]:
    """Five families of paraphrases, re-clustered into groups and topics: id -> title."""
    author = make_user("asker@example.org")
    for texts in FAMILIES.values():
        for text in texts:
            make_question(text, author=author)
    with app.app_context(), new_session(app) as session:
        run_recluster(session)
        return {
            c.id: c.display_title
            for c in session.query(Cluster).filter(Cluster.state == ClusterState.ACTIVE)
        }


@pytest.mark.parametrize("size", SIZES)
def test_the_map_names_groups_reaches_them_by_keyboard_and_has_no_axe_fault(
    page: Page, live_server: str, artifacts_dir: Path, grouped_bank: dict[int, str], size: str
) -> None:
    page.set_viewport_size(SIZES[size])
    page.goto(f"{live_server}/groups/map")
    labels = page.locator("svg.map-svg text.map-label")
    expect(labels.first).to_be_visible()
    drawn = labels.first.text_content() or ""
    assert drawn.rstrip("…") and any(t.startswith(drawn.rstrip("…")) for t in grouped_bank.values())
    page.screenshot(path=str(artifacts_dir / f"map-{size}.png"), full_page=True)

    # Tab from the skip link lands on the first group's link, which shows its name.
    page.locator(".skip-map").focus()
    page.keyboard.press("Tab")
    focused = page.locator('svg.map-svg a[href^="/groups/"]:focus')
    expect(focused).to_have_count(1)
    href = focused.get_attribute("href") or ""
    group_id = int(href.rsplit("/", 1)[1])
    expect(focused.locator(".map-tip")).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile(re.escape(grouped_bank[group_id])))
    ).not_to_have_count(0)
    page.keyboard.press("Tab")
    expect(page.locator('svg.map-svg a[href^="/groups/"]:focus')).not_to_have_attribute(
        "href", href
    )
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/groups/{group_id}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(grouped_bank[group_id])

    page.goto(f"{live_server}/groups/map")
    assert accessibility_violations(page) == []
    for name, path in (("groups", "/groups"), ("topics", "/groups?view=topics")):
        page.goto(f"{live_server}{path}")
        assert accessibility_violations(page) == [], name
        page.screenshot(path=str(artifacts_dir / f"{name}-{size}.png"), full_page=True)

"""axe-core finds no WCAG 2.1 A/AA fault on the main pages, on a desktop and on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from models import Role
from tests.e2e.conftest import accessibility_violations
from tests.e2e.test_ask import log_in
from tests.web.test_clusters_common import seed_topics

SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", SIZES)
def test_main_pages_have_no_accessibility_violations(
    page: Page, live_server: str, artifacts_dir: Path, app, make_user, make_question, size
) -> None:
    topics = seed_topics(app, make_question, make_user)
    food_group, food_questions = topics["food"]
    # The admin starts an organisation of their own, so they see its admin's page too.
    make_user("admin@example.org", role=Role.ADMIN, organisation="Bank Stewards")
    make_user("steward@example.org", organisation="Bank Stewards")
    page.set_viewport_size(SIZES[size])
    pages = {
        "home": "/",
        "questions": "/questions/",
        "question": f"/questions/{food_questions[0]}",
        "groups": "/groups",
        "group": f"/groups/{food_group}",
        "register": "/auth/register",
        "login": "/auth/login",
        "open-data": "/open-data/",
        "group-my-questions": "/tools/group",
    }
    signed_in = {
        "ask": "/questions/ask",
        "account": "/auth/account",
        "members": "/admin/members",
        "delete-account": "/auth/account/delete",
        "organisation": "/organisation/",
        "close-organisation": "/organisation/close",
        "imports": "/import",
        "new-import": "/import/new",
        "organisations": "/admin/organisations",
        "settings": "/admin/settings",
    }
    found = {}
    for name, path in pages.items():
        page.goto(f"{live_server}{path}")
        found[name] = accessibility_violations(page)
    log_in(page, live_server, email="admin@example.org")
    for name, path in signed_in.items():
        page.goto(f"{live_server}{path}")
        found[name] = accessibility_violations(page)
        page.screenshot(path=str(artifacts_dir / f"{name}-{size}.png"), full_page=True)
    assert {name: faults for name, faults in found.items() if faults} == {}


def test_the_checker_reports_a_fault_when_there_is_one(page: Page) -> None:
    page.set_content('<html lang="en"><title>t</title><main><img src="x.png"></main></html>')
    assert any(fault.startswith("image-alt") for fault in accessibility_violations(page))

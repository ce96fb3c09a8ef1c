"""What the pledge and partnership browser journeys share: a second person's browser, and
screenshots at desktop and phone widths that check nothing scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@contextmanager
def second_browser(browser: Browser, javascript: bool = True) -> Iterator[Page]:
    """Another person's browser (its own cookies), closed afterwards."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    context.set_default_timeout(15_000)
    try:
        yield context.new_page()
    finally:
        context.close()


def shoot(page: Page, artifacts_dir: Path, name: str) -> None:
    """Full-page screenshots at 1280 and 390 px; the phone view must not scroll sideways."""
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(artifacts_dir / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(artifacts_dir / f"{name}-390.png"), full_page=True)
    sideways = page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
    page.set_viewport_size(DESKTOP)
    assert not sideways, f"{name} scrolls sideways at 390 px"

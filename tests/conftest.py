"""Shared fixtures: the seed files, and importing them through the real command."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Browser tests: Playwright drives Debian's Chromium (never a downloaded
# browser) against pytest-django's live server. They skip, saying why, only
# when /usr/bin/chromium is missing, which `make test` prevents with apt. The
# fixtures live here so every test folder shares one browser session.
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def imported_seeds(db):
    """The five seed articles imported through the service, as the command does."""
    from kb.ingest.services import article_import
    from kb.ingest.snapshot import SnapshotIndex

    index = SnapshotIndex.load()
    outcomes = [
        article_import(p.read_text("utf-8"), original_name=p.name, snapshot=index)
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    return [o.article for o in outcomes]


CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "browser" / "artifacts"

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make to set up data are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.skip(f"{CHROMIUM} is not installed (make test installs it with apt)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def shot(page):
    """``shot("name")`` saves a full-page screenshot to tests/browser/artifacts/."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take

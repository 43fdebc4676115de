"""Browser tests: Playwright for Python driving Debian's Chromium (no browser download needed or possible)."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import require_service

CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
# Playwright's sync API runs an event loop in this thread; Django must still allow the test's database access.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    require_service(CHROMIUM.exists(), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    require_service(AXE.exists(), f"axe-core not found at {AXE} (run 'make static')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def demo_site(live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def page(browser):
    """A page that lets tests inject axe-core as an inline script past the portal's Content-Security-Policy (which
    would rightly block it); test_security.py checks the policy itself with `strict_page`."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def strict_page(browser):
    """A page that obeys the Content-Security-Policy and records every violation in window.__cspViolations."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    context.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || e.sourceFile)));"
    )
    page = context.new_page()
    yield page
    context.close()

"""Browser journeys: Playwright for Python driving Debian's Chromium against the live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("OIPA_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("OIPA_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (install Debian's chromium)")
        pytest.skip(f"{CHROMIUM} is missing; `make test` installs it when run as root")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread for the whole session; Django's
    # guard would then refuse the test's own database work (reading mail, flushing tables).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
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
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


E2E_PASSWORD = "Journey-pass-2026!"
E2E_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def log_in(page, email: str, *, totp: bool = False) -> None:
    """Log in through the allauth pages, answering the TOTP step for Center accounts."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    page.goto("/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(E2E_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    if totp:
        page.locator("input[name=code]").wait_for()
        # A code typed in the last seconds of its 30-second period may reach the server in the
        # next one and be refused; wait for a fresh period instead.
        remaining = 30 - time.time() % 30
        if remaining < 5:
            time.sleep(remaining + 0.5)
        code = format_hotp_value(hotp_value(E2E_TOTP_SECRET, int(time.time()) // 30))
        page.locator("input[name=code]").fill(code)
        page.locator("main form button[type=submit]").first.click()
    page.get_by_role("heading", name="欢迎", exact=False).wait_for()

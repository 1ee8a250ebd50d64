"""An enterprise registers for a training from the events page (a full event puts it on the
waiting list), adds it to its calendar, and moves up when another enterprise cancels.

Locators use URLs and form actions, not wording, so the journey holds in every language.
"""

import time

import pytest

from oipa.accounts.builders import build_personas
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.training.builders import build_event
from oipa.training.models import Registration, RegistrationStatus
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    sync_reference_data()  # transactional tests start from empty tables
    return build_personas(
        domain="training.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )


def wait_for(find, seconds: float = 15.0):
    """What `find` returns once it is not None (the live server works in another thread)."""
    deadline = time.monotonic() + seconds
    while (found := find()) is None:
        assert time.monotonic() < deadline, "timed out waiting for the server"
        time.sleep(0.1)
    return found


def register(page, event) -> None:
    """From the events page: open the event, fill in the attendee, submit."""
    page.goto("/")
    page.locator("a[href='/training/']").first.click()
    page.locator(f"a[href='/training/{event.code}/']").first.click()
    form = page.locator(f"form[action='/training/{event.code}/register/']")
    form.locator("input[name=attendee_email]").fill("attendee@example.cn")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def registration_of(user, event):
    return Registration.objects.filter(event=event, organization=user.organization).first()


def test_an_enterprise_registers_waits_and_moves_up(browser, live_server, people):
    event = build_event(actor=people["staff"], capacity=1, title="美国337调查应对实务培训")
    first = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    second = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(first, people["chaoyang"].email)
    log_in(second, people["haidian"].email)

    register(first, event)
    mine = wait_for(lambda: registration_of(people["chaoyang"], event))
    assert mine.status == RegistrationStatus.CONFIRMED
    first.locator("#registration .badge-ok").wait_for()
    with first.expect_download() as download:
        first.locator(f"a[href='/training/{event.code}/invitation.ics']").click()
    assert download.value.suggested_filename.endswith(".ics")

    register(second, event)
    theirs = wait_for(lambda: registration_of(people["haidian"], event))
    assert theirs.status == RegistrationStatus.WAITLISTED
    second.locator("#registration .badge-warn").wait_for()

    first.reload()
    with first.expect_navigation():
        first.locator(f"form[action='/training/registrations/{mine.code}/cancel/'] button").click()
    wait_for(
        lambda: Registration.objects.filter(
            pk=theirs.pk, status=RegistrationStatus.CONFIRMED
        ).first()
    )
    second.reload()
    second.locator("#registration .badge-ok").wait_for()

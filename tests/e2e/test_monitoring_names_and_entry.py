"""Staff enter a dispute learned by letter; the named enterprise sees its alert. An enterprise
adds its store name and is alerted to a dispute entered before it did."""

import time

import pytest
from django.utils import timezone

from oipa.accounts.builders import build_personas
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.monitoring.builders import build_default_sources
from oipa.monitoring.models import Alert, Dispute, EnterpriseAlias
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    sync_reference_data()  # transactional tests start from empty tables
    people = build_personas(
        domain="entry.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )
    build_default_sources()
    return people


def wait_for(find, seconds: float = 20.0):
    """What `find` returns once it is not None (the live server works in another thread)."""
    deadline = time.monotonic() + seconds
    while (found := find()) is None:
        assert time.monotonic() < deadline, "timed out waiting for the server"
        time.sleep(0.1)
    return found


def enter_dispute(page, reference: str, defendants: str) -> None:
    page.goto("/monitoring/disputes/new/")
    page.locator("input[name=reference]").fill(reference)
    page.locator("select[name=dispute_type]").select_option("warning_letter")
    page.locator("input[name=forum]").fill("Landgericht München I")
    page.locator("input[name=jurisdiction]").fill("DE")
    page.locator("input[name=filed_on]").fill(timezone.localdate().isoformat())
    page.locator("input[name=title]").fill("Abmahnung wegen Markenverletzung")
    page.locator("textarea[name=plaintiffs]").fill("Example GmbH")
    page.locator("textarea[name=defendants]").fill(defendants)
    with page.expect_navigation():
        page.locator("form[action$='/disputes/new/'] button[type=submit]").click()


def test_staff_enter_a_dispute_and_the_enterprise_sees_its_alert(browser, live_server, people):
    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(staff, people["staff"].email, totp=True)
    enter_dispute(staff, "letter-2026-0007", "Xinghe Zhilian Technology (Beijing) Co., Ltd.")
    dispute = Dispute.objects.get(external_id="letter-2026-0007")
    assert f"/monitoring/disputes/{dispute.code}/" in staff.url
    assert "Example GmbH" in staff.content()
    alert = wait_for(lambda: Alert.objects.filter(dispute=dispute).first())
    assert alert.organization == people["chaoyang"].organization

    enterprise = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(enterprise, people["chaoyang"].email)
    enterprise.goto("/monitoring/alerts/")
    assert "Abmahnung wegen Markenverletzung" in enterprise.content()


def test_an_enterprise_adds_its_store_and_is_alerted_to_an_earlier_dispute(
    browser, live_server, people
):
    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(staff, people["staff"].email, totp=True)
    enter_dispute(staff, "letter-2026-0008", "Starlink Gadget Shop")
    assert not Alert.objects.exists()

    enterprise = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(enterprise, people["chaoyang"].email)
    enterprise.goto("/monitoring/names/mine/")
    enterprise.locator("select[name=kind]").select_option("store")
    enterprise.locator("input[name=name]").fill("Starlink Gadget Shop")
    with enterprise.expect_navigation():
        enterprise.locator("form[action$='/names/mine/'] button[type=submit]").click()
    assert EnterpriseAlias.objects.filter(name="Starlink Gadget Shop").exists()
    assert "Starlink Gadget Shop" in enterprise.content()
    alert = wait_for(lambda: Alert.objects.filter(dispute__external_id="letter-2026-0008").first())
    assert alert.organization == people["chaoyang"].organization

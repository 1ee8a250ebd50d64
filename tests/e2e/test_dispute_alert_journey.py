"""Staff import a dispute file; the named enterprise sees its alert and starts a guidance
application from it in one click."""

import time

import pytest

from oipa.accounts.builders import build_personas
from oipa.assistance.models import Application
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.monitoring.builders import build_default_sources
from oipa.monitoring.models import Alert, Dispute
from oipa.monitoring.services import add_alias
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FEED = (
    "reference,title,forum,jurisdiction,case_number,filed_on,plaintiffs,defendants,schedule_a\n"
    "AMZ-2026-7,Acme Audio LLC v. XingheTech Store,N.D. Illinois,US,1:26-cv-07007,{filed},"
    "Acme Audio LLC,XingheTech Store; Other Seller,no\n"
)


@pytest.fixture
def people():
    sync_reference_data()  # transactional tests start from empty tables
    people = build_personas(
        domain="alerts.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )
    build_default_sources()
    add_alias(
        actor=people["admin"],
        organization=people["chaoyang"].organization,
        name="XingheTech Store",
        kind="store",
    )
    return people


def wait_for(find, seconds: float = 15.0):
    """What `find` returns once it is not None (the live server works in another thread)."""
    deadline = time.monotonic() + seconds
    while (found := find()) is None:
        assert time.monotonic() < deadline, "timed out waiting for the server"
        time.sleep(0.1)
    return found


def test_staff_import_and_the_enterprise_applies_from_its_alert(
    browser, live_server, people, tmp_path
):
    from django.utils import timezone

    feed = tmp_path / "disputes.csv"
    feed.write_text(FEED.format(filed=timezone.localdate().isoformat()), encoding="utf-8")
    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(staff, people["staff"].email, totp=True)
    staff.goto("/monitoring/sources/staff-upload/")
    staff.locator("input[type=file][name=file]").set_input_files(str(feed))
    with staff.expect_navigation():
        staff.locator("form[action$='/import/'] button[type=submit]").click()
    alert = wait_for(lambda: Alert.objects.filter(dispute__case_number="1:26-cv-07007").first())
    assert Dispute.objects.filter(case_number="1:26-cv-07007").count() == 1
    assert alert.organization == people["chaoyang"].organization

    enterprise = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(enterprise, people["chaoyang"].email)
    enterprise.goto("/monitoring/alerts/")
    with enterprise.expect_navigation():
        enterprise.get_by_role("link", name="Acme Audio LLC v. XingheTech Store").first.click()
    assert "1:26-cv-07007" in enterprise.content()
    with enterprise.expect_navigation():
        enterprise.get_by_role("button", name="申请指导").click()
    application = wait_for(
        lambda: Application.objects.filter(applicant=people["chaoyang"].organization).first()
    )
    assert application.status == "draft"
    assert "1:26-cv-07007" in application.case_numbers
    assert f"/applications/{application.code}/edit/" in enterprise.url
    alert.refresh_from_db()
    assert alert.read_at is not None and alert.acted_at is not None

"""Staff import a USPTO daily file; the enterprise whose mark was squatted sees the risk warning
and opens an opposition guidance application from it."""

import time
from datetime import timedelta

import pytest

from oipa.accounts.builders import build_personas
from oipa.assistance.models import Application
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.watch.builders import CaseFile, build_watched_mark, gazette_xml
from oipa.watch.models import RiskWarning
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    sync_reference_data()  # transactional tests start from empty tables
    people = build_personas(
        domain="watch.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )
    build_watched_mark(people["chaoyang"], "星河 XINGHE", nice_classes=[9, 42])
    return people


def wait_for(find, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while (found := find()) is None:
        assert time.monotonic() < deadline, "timed out waiting for the server"
        time.sleep(0.1)
    return found


def test_staff_import_and_the_enterprise_applies_from_its_warning(
    browser, live_server, people, tmp_path
):
    from django.utils import timezone

    published = timezone.localdate() - timedelta(days=3)
    gazette = tmp_path / "apc-sample.xml"
    gazette.write_bytes(
        gazette_xml(
            [
                CaseFile("97654321", "XINGHE-TECH", classes=[9], published=published),
                CaseFile("97654322", "SMART TECH", classes=[9], published=published),
            ]
        )
    )
    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(staff, people["staff"].email, totp=True)
    staff.goto("/watch/runs/")
    staff.locator("input[type=file][name=file]").set_input_files(str(gazette))
    with staff.expect_navigation():
        staff.locator("form[action$='/runs/import/'] button[type=submit]").click()
    assert "XINGHE-TECH" in staff.content()
    warning = wait_for(
        lambda: RiskWarning.objects.filter(publication__serial_number="97654321").first()
    )
    assert warning.organization == people["chaoyang"].organization
    assert not RiskWarning.objects.filter(publication__serial_number="97654322").exists()

    enterprise = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(enterprise, people["chaoyang"].email)
    enterprise.goto("/watch/warnings/")
    with enterprise.expect_navigation():
        enterprise.get_by_role("link", name="XINGHE-TECH").first.click()
    assert "97654321" in enterprise.content()
    with enterprise.expect_navigation():
        enterprise.get_by_role("button", name="申请指导").click()
    application = wait_for(
        lambda: Application.objects.filter(applicant=people["chaoyang"].organization).first()
    )
    assert application.status == "draft"
    assert application.dispute_type == "opposition_invalidation"
    assert f"/applications/{application.code}/edit/" in enterprise.url
    warning.refresh_from_db()
    assert warning.read_at is not None and warning.acted_at is not None

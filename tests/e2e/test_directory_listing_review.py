"""A visitor filters the public directory; an institution proposes a change to its listing; the
Center approves it and the public page shows it."""

import pytest

from oipa.accounts.builders import build_personas
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.directory.builders import build_institution
from oipa.directory.models import Institution
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def listings():
    sync_reference_data()  # transactional tests start from empty tables
    people = build_personas(
        domain="directory.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )
    organization = people["institution"].organization
    own = build_institution(
        actor=people["staff"],
        organization=organization,
        name_zh=organization.name,
        uscc=organization.uscc,
        countries=("US", "JP"),
    )
    other = build_institution(
        actor=people["staff"],
        name_zh="北京华欧知识产权律师事务所",
        uscc="",
        countries=("DE", "EU"),
    )
    return people, own, other


def test_an_institution_change_goes_live_after_the_center_approves(browser, live_server, listings):
    people, own, other = listings
    visitor = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    visitor.goto("/directory/")
    visitor.locator("#results").get_by_text(own.name_zh).wait_for()
    visitor.locator("select[name=country]").select_option("DE")
    visitor.locator("#results").get_by_text(own.name_zh).wait_for(state="detached")
    with visitor.expect_navigation():
        visitor.locator("#results").get_by_role("link", name=other.name_zh).click()
    assert str(other.code) in visitor.url

    institution = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(institution, people["institution"].email)
    institution.goto(f"/directory/institutions/{own.code}/edit/")
    institution.locator("input[name=phone]").fill("010-6522 9999")
    with institution.expect_navigation():
        institution.locator("main form.card button[type=submit]").click()
    institution.locator(".badge-warn").first.wait_for()
    own.refresh_from_db()
    assert own.phone != "010-6522 9999"

    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    log_in(staff, people["staff"].email, totp=True)
    staff.goto("/directory/review/")
    with staff.expect_navigation():
        staff.get_by_role("link", name=own.name_zh).click()
    with staff.expect_navigation():
        staff.locator("form[action$='/approve/'] button[type=submit]").click()

    visitor.goto(f"/directory/institutions/{own.code}/")
    visitor.get_by_text("010-6522 9999").wait_for()
    assert Institution.objects.get(pk=own.pk).phone == "010-6522 9999"

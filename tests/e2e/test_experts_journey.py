"""Staff open a case, see the ranked experts with their reasons and invite a lead; the expert
accepts on their desk and lands on the case."""

import time

import pytest

from oipa.accounts.builders import build_personas
from oipa.assistance import services as assistance
from oipa.assistance.builders import build_application
from oipa.assistance.models import CaseExpert
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.experts import services
from oipa.experts.builders import build_expert, patent_expert_fields
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world():
    sync_reference_data()  # transactional tests start from empty tables
    people = build_personas(
        domain="experts.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )
    staff = people["staff"]
    profile = services.create_expert_profile(
        actor=staff, user=people["expert"], category="ip_attorney", **patent_expert_fields()
    )
    build_expert(
        actor=staff,
        email="chem@experts.oipa.cn",
        full_name="孙化学",
        jurisdictions=["EP"],
        ipc_entries=["C07D"],
    )
    case = build_application(actor=people["chaoyang"])
    case = assistance.accept_application(actor=staff, application=case)
    return people, profile, case


def test_staff_invite_the_top_ranked_expert_who_accepts_on_the_desk(browser, live_server, world):
    people, profile, case = world
    staff = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    staff.set_default_timeout(20000)
    log_in(staff, people["staff"].email, totp=True)
    staff.goto(f"/applications/{case.code}/")
    ranking = staff.locator("#experts-panel table.ranking tr.recommended")
    ranking.first.wait_for()
    first = ranking.first.inner_text()
    assert "钱专家" in first and "H04W" in first
    staff.locator(f"input[name=lead][value='{profile.code}']").check()
    with staff.expect_navigation():
        staff.locator("form[action$='/invite/'] button[type=submit]").click()
    assert f"/applications/{case.code}/" in staff.url

    expert = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    expert.set_default_timeout(20000)
    log_in(expert, people["expert"].email)
    expert.goto("/experts/desk/")
    invitation = expert.locator("article.invitation").first
    assert case.number in invitation.inner_text()
    invitation.locator("input[name=no_conflict]").check()
    with expert.expect_navigation():
        invitation.locator("form[action$='/accept/'] button[type=submit]").click()
    assert f"/applications/{case.code}/" in expert.url
    deadline = time.monotonic() + 10
    while not CaseExpert.objects.filter(application=case, expert=people["expert"]).exists():
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert CaseExpert.objects.get(application=case).role == "lead"

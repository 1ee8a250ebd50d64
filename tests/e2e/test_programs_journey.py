"""An enterprise registers for a training, then applies for funding on its concluded case with
an invoiced cost; Center staff approve part of it (reduce the item with a reason)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from oipa.accounts.builders import build_personas
from oipa.assistance.builders import MINIMAL_PDF, build_case_in_state
from oipa.core.taxonomy.loader import sync_reference_data
from oipa.funding.builders import build_programme, build_rate
from oipa.funding.models import CostItem, FundingApplication, FundingStatus
from oipa.training.builders import build_event
from oipa.training.models import Registration
from tests.e2e.conftest import E2E_PASSWORD, E2E_TOTP_SECRET, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    sync_reference_data()  # transactional tests start from empty tables
    return build_personas(
        domain="programs.oipa.cn", password=E2E_PASSWORD, totp_secret=E2E_TOTP_SECRET
    )


def submit(page, form):
    with page.expect_navigation():
        form.locator("button[type=submit]").first.click()


def test_training_then_funding_partly_approved(browser, live_server, people, tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    staff = people["staff"]
    case = build_case_in_state("concluded", personas=people)
    programme = build_programme(actor=staff)
    build_rate(actor=staff, currency="USD", rate="7.0000")
    event = build_event(actor=staff)

    enterprise = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    enterprise.set_default_timeout(15000)
    log_in(enterprise, people["chaoyang"].email)

    enterprise.goto(f"/training/{event.code}/")
    register = enterprise.locator(f"form[action$='/training/{event.code}/register/']")
    register.locator("input[name=attendee_name]").fill("陈朝阳")
    register.locator("input[name=attendee_email]").fill(people["chaoyang"].email)
    submit(enterprise, register)
    assert Registration.objects.filter(event=event).count() == 1

    enterprise.goto(f"/funding/programmes/{programme.code}/")
    apply = enterprise.locator(f"form[action$='/funding/programmes/{programme.code}/apply/']")
    apply.locator("select[name=case]").select_option(str(case.code))
    submit(enterprise, apply)
    application = FundingApplication.objects.get()

    items = enterprise.locator("form[action$='/items/']")
    items.locator("select[name=cost_type]").select_option("attorney")
    items.locator("input[name=description]").fill("美国律师应诉费")
    items.locator("input[name=issuer]").fill("Smith & Lee LLP")
    items.locator("input[name=invoice_number]").fill("SL-2026-118")
    invoice_day = timezone.localdate() - timedelta(days=10)
    items.locator("input[name=invoice_date]").fill(invoice_day.isoformat())
    items.locator("input[name=currency]").fill("USD")
    items.locator("input[name=amount]").fill("2000.00")
    items.locator("input[name=invoice_file]").set_input_files(
        files=[{"name": "invoice.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}]
    )
    submit(enterprise, items)
    item = CostItem.objects.get()
    assert item.amount_cny == Decimal("14000.00")
    assert enterprise.locator("text=14000.00").count() >= 1

    submit(enterprise, enterprise.locator("form[action$='/submit/']"))
    application.refresh_from_db()
    assert application.status == FundingStatus.SUBMITTED

    reviewer = browser.new_context(locale="zh-CN", base_url=live_server.url).new_page()
    reviewer.set_default_timeout(15000)
    log_in(reviewer, staff.email, totp=True)
    reviewer.goto(f"/funding/applications/{application.code}/")
    review = reviewer.locator(f"form[action$='/items/{item.code}/review/']")
    review.locator("select[name=decision]").select_option("reduced")
    review.locator("input[name=accepted_cny]").fill("10000.00")
    review.locator("input[name=reason]").fill("律师费超出合理标准部分不予资助")
    submit(reviewer, review)
    submit(reviewer, reviewer.locator("form[action$='/complete/']"))

    application.refresh_from_db()
    assert application.status == FundingStatus.APPROVED
    assert application.granted_total == Decimal("5000.00")  # 50 % of the accepted 10,000
    assert reviewer.locator("#granted-total").inner_text().strip() == "5000.00"

    enterprise.goto(f"/funding/applications/{application.code}/")
    assert "律师费超出合理标准部分不予资助" in enterprise.content()

"""One invoice (issuer + number) is reimbursed once, across programmes, insurance and the fund."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from oipa.funding import services
from oipa.funding.builders import (
    build_fund,
    build_funding_application,
    build_programme,
    invoice_upload,
    item_fields,
)
from oipa.funding.models import FundClaim, InsurancePayout, InvoiceClaim

pytestmark = pytest.mark.django_db


@pytest.fixture
def first(personas, programme, concluded, usd):
    return build_funding_application(
        actor=personas["chaoyang"],
        programme=programme,
        case=concluded,
        items=[{"issuer": "Smith & Lee LLP", "invoice_number": "INV-2026-001"}],
    )


def test_the_same_invoice_cannot_be_claimed_in_a_second_programme(personas, first, concluded):
    second = build_programme(actor=personas["staff"], name="第二个资助项目")
    draft = services.create_funding_application(
        actor=personas["chaoyang"], programme=second, case=concluded
    )
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.add_cost_item(
            actor=personas["chaoyang"],
            application=draft,
            upload=invoice_upload(),
            **item_fields(issuer="SMITH & LEE LLP", invoice_number="inv 2026/001"),
        )
    assert info.value.code == "duplicate_invoice"
    assert "has already been claimed (Funding programme)" in info.value.messages[0]
    assert InvoiceClaim.objects.count() == 1


def test_an_invoice_paid_by_insurance_cannot_be_funded(personas, programme, concluded, usd):
    services.record_insurance_payout(
        actor=personas["staff"],
        organization=concluded.applicant,
        insurer="中国人保",
        policy_number="PICC-2026-9",
        issuer="Smith & Lee LLP",
        invoice_number="INV-77",
        amount_cny="50000.00",
        paid_on=timezone.localdate(),
    )
    draft = services.create_funding_application(
        actor=personas["chaoyang"], programme=programme, case=concluded
    )
    with pytest.raises(ValidationError) as info:
        services.add_cost_item(
            actor=personas["chaoyang"],
            application=draft,
            upload=invoice_upload(),
            **item_fields(invoice_number="INV-77"),
        )
    assert info.value.code == "duplicate_invoice"


def test_an_invoice_funded_by_a_programme_cannot_be_claimed_on_the_fund(personas, first, concluded):
    fund = build_fund(actor=personas["staff"])
    member = services.admit_member(
        actor=personas["staff"],
        fund=fund,
        organization=concluded.applicant,
        joined_on=timezone.localdate(),
    )
    with pytest.raises(ValidationError) as info:
        services.submit_fund_claim(
            actor=personas["chaoyang"],
            member=member,
            case=concluded,
            amount="100.00",
            issuer="Smith & Lee LLP",
            invoice_number="INV-2026-001",
            invoice_date=timezone.localdate() - timedelta(days=3),
            description="律师费",
        )
    assert info.value.code == "duplicate_invoice"
    assert not FundClaim.objects.exists()


def test_insurance_refused_for_a_claimed_invoice_keeps_nothing(personas, first, concluded):
    with pytest.raises(ValidationError):
        services.record_insurance_payout(
            actor=personas["staff"],
            organization=concluded.applicant,
            insurer="中国人保",
            policy_number="P-1",
            issuer="Smith & Lee LLP",
            invoice_number="INV-2026-001",
            amount_cny="10.00",
            paid_on=timezone.localdate(),
        )
    assert not InsurancePayout.objects.exists()


def test_withdrawing_frees_the_invoices_for_another_claim(personas, first, concluded):
    services.withdraw_funding_application(actor=personas["chaoyang"], application=first)
    assert not InvoiceClaim.objects.exists()

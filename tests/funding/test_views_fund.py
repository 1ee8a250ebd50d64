"""Mutual-aid fund pages over HTTP: booking, claiming, deciding, paying, statements."""

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from oipa.funding import services
from oipa.funding.builders import build_fund
from oipa.funding.ledger import check_ledger
from oipa.funding.models import Contribution, FundClaim, FundClaimStatus

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def member(personas, concluded):
    fund = build_fund(actor=personas["staff"])
    return services.admit_member(
        actor=personas["staff"],
        fund=fund,
        organization=concluded.applicant,
        joined_on=timezone.localdate(),
    )


def test_staff_book_a_contribution_and_a_negative_one_is_refused(client, personas, member):
    client.force_login(personas["staff"])
    today = timezone.localdate().isoformat()
    url = reverse("funding:fund_contribute")
    client.post(url, {"member": str(member.code), "amount": "-10", "received_on": today})
    response = client.get(reverse("funding:fund_overview"), **EN)
    assert not Contribution.objects.exists()
    client.post(url, {"member": str(member.code), "amount": "8000.00", "received_on": today})
    response = client.get(reverse("funding:fund_overview"), **EN)
    assert 'id="fund-reserve">8000.00<' in response.content.decode()


def test_a_member_claims_staff_approve_and_pay_and_the_books_balance(
    client, personas, member, concluded
):
    services.record_contribution(
        actor=personas["staff"],
        member=member,
        amount="5000.00",
        received_on=timezone.localdate(),
    )
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("funding:claim_create", args=[member.code]),
        {
            "case": str(concluded.code),
            "amount": "1200.00",
            "issuer": "Baker IP",
            "invoice_number": "B-1",
            "invoice_date": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "description": "律师费",
        },
    )
    claim = FundClaim.objects.get()
    assert response.url == reverse("funding:claim_detail", args=[claim.code])

    client.force_login(personas["staff"])
    client.post(
        reverse("funding:claim_decide", args=[claim.code]),
        {"decision": "approve", "approved_amount": "1000.00"},
    )
    client.post(
        reverse("funding:claim_pay", args=[claim.code]),
        {"paid_on": timezone.localdate().isoformat(), "reference": "P-1"},
    )
    claim.refresh_from_db()
    assert claim.status == FundClaimStatus.PAID
    assert check_ledger(member.fund) == []


def test_a_claim_with_a_future_invoice_is_shown_the_reason(client, personas, member, concluded):
    client.force_login(personas["chaoyang"])
    response = client.post(
        reverse("funding:claim_create", args=[member.code]),
        {
            "case": str(concluded.code),
            "amount": "10.00",
            "issuer": "X",
            "invoice_number": "Y",
            "invoice_date": (timezone.localdate() + timedelta(days=5)).isoformat(),
            "description": "d",
        },
        **EN,
    )
    assert response.status_code == 400
    assert "The invoice is dated after this claim" in response.content.decode()
    assert not FundClaim.objects.exists()


def test_the_annual_statement_downloads_as_a_workbook_with_numbers(client, personas, member):
    services.record_contribution(
        actor=personas["staff"],
        member=member,
        amount="1234.56",
        received_on=timezone.localdate(),
    )
    client.force_login(personas["chaoyang"])
    year = timezone.localdate().year
    response = client.get(reverse("funding:fund_statement_xlsx", args=[member.code, year]))
    sheet = load_workbook(BytesIO(response.content)).active
    amounts = [row[3] for row in sheet.iter_rows(values_only=True) if row and len(row) > 3]
    assert Decimal("1234.56") in [Decimal(str(a)) for a in amounts if isinstance(a, float | int)]
    page = client.get(reverse("funding:fund_statement", args=[member.code, year]), **EN)
    assert "1234.56" in page.content.decode()


def test_the_ledger_page_has_a_fixed_number_of_queries(
    client, personas, member, django_assert_max_num_queries
):
    for n in range(6):
        services.record_contribution(
            actor=personas["staff"],
            member=member,
            amount=f"{n + 1}00.00",
            received_on=timezone.localdate(),
        )
    client.force_login(personas["staff"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("funding:fund_ledger"))
    assert response.content.decode().count("600.00") == 2  # debit and credit lines


def test_home_and_navigation_offer_funding_and_the_self_check(client, personas):
    client.force_login(personas["chaoyang"])
    body = client.get(reverse("home"), **EN).content.decode()
    assert reverse("funding:programme_list") in body
    assert reverse("enterprises:self_check") in body
    client.logout()
    assert reverse("funding:fund_summary") in client.get(reverse("home"), **EN).content.decode()

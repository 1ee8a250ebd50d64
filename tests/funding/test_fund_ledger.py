"""The mutual-aid fund's double-entry books: every entry balances, the reserve is
contributions minus payouts, and `check_fund_ledger` says so (or fails loudly)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from oipa.funding import services
from oipa.funding.builders import build_fund
from oipa.funding.ledger import annual_summary, balance, check_ledger, member_statement
from oipa.funding.models import Account, FundClaimStatus, JournalEntry, JournalLine

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def fund(personas):
    return build_fund(actor=personas["staff"])


@pytest.fixture
def member(personas, fund):
    return services.admit_member(
        actor=personas["staff"],
        fund=fund,
        organization=personas["chaoyang"].membership.organization,
        joined_on=TODAY(),
    )


def contribute(personas, member, amount):
    return services.record_contribution(
        actor=personas["staff"],
        member=member,
        amount=amount,
        received_on=TODAY(),
        reference="会费",
    )


def claim(personas, member, case, amount="3000.00", number="F-1"):
    return services.submit_fund_claim(
        actor=personas["chaoyang"],
        member=member,
        case=case,
        amount=amount,
        issuer="Baker IP GmbH",
        invoice_number=number,
        invoice_date=TODAY() - timedelta(days=2),
        description="德国应诉律师费",
    )


def test_contributions_and_payouts_keep_the_books_balanced(personas, fund, member, concluded):
    contribute(personas, member, "10000.00")
    contribute(personas, member, "2500.50")
    filed = claim(personas, member, concluded)
    services.decide_fund_claim(
        actor=personas["staff"], claim=filed, approve=True, approved_amount="2800.00", note="部分"
    )
    payout = services.pay_fund_claim(actor=personas["staff"], claim=filed, paid_on=TODAY())

    assert payout.amount == Decimal("2800.00")
    assert balance(fund, Account.RESERVE) == Decimal("9700.50")
    assert balance(fund, Account.BANK) == Decimal("9700.50")
    assert check_ledger(fund) == []
    for entry in JournalEntry.objects.all():
        lines = entry.lines.all()
        assert sum(line.debit for line in lines) == sum(line.credit for line in lines)


def test_a_payout_the_reserve_cannot_cover_is_refused(personas, fund, member, concluded):
    contribute(personas, member, "1000.00")
    filed = claim(personas, member, concluded, amount="3000.00")
    services.decide_fund_claim(actor=personas["staff"], claim=filed, approve=True)
    with translation.override("en"), pytest.raises(ValidationError) as info:
        services.pay_fund_claim(actor=personas["staff"], claim=filed, paid_on=TODAY())
    assert info.value.code == "reserve_short"
    assert (
        "The reserve (1000.00 CNY) cannot cover this payout (3000.00 CNY)." in info.value.messages
    )
    filed.refresh_from_db()
    assert filed.status == FundClaimStatus.APPROVED
    assert check_ledger(fund) == []


def test_an_unbalanced_entry_is_refused_before_anything_is_written(personas, fund):
    with pytest.raises(ValueError, match="unbalanced"):
        services.post_entry(
            actor=personas["staff"],
            fund=fund,
            member=None,
            booked_on=TODAY(),
            memo="错账",
            lines=[
                (Account.BANK, Decimal("10"), Decimal("0")),
                (Account.RESERVE, Decimal("0"), Decimal("9.99")),
            ],
        )
    assert not JournalEntry.objects.exists()


def test_a_line_with_both_sides_violates_the_database_constraint(personas, fund):
    from django.db import IntegrityError, transaction

    entry = JournalEntry.objects.create(
        fund=fund, booked_on=TODAY(), memo="x", created_by=personas["staff"]
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        JournalLine.objects.create(
            entry=entry, account=Account.BANK, debit=Decimal("1"), credit=Decimal("1")
        )


def test_the_check_command_passes_sound_books_and_fails_broken_ones(personas, fund, member, capsys):
    contribute(personas, member, "500.00")
    call_command("check_fund_ledger")
    assert "OK, reserve 500.00 CNY" in capsys.readouterr().out

    # Someone edits the books behind the services' back.
    JournalLine.objects.filter(account=Account.RESERVE).update(credit=Decimal("400.00"))
    with pytest.raises(CommandError):
        call_command("check_fund_ledger")
    err = capsys.readouterr().err
    assert "does not balance" in err and "reserve 400.00 != contributions 500.00" in err


def test_a_claim_against_another_enterprises_case_is_refused(personas, member):
    from oipa.assistance.builders import build_application

    theirs = build_application(actor=personas["haidian"])
    with pytest.raises(ValidationError):
        claim(personas, member, theirs)


def test_a_claim_with_a_negative_amount_or_a_future_invoice_is_refused(personas, member, concluded):
    with translation.override("en"), pytest.raises(ValidationError) as info:
        claim(personas, member, concluded, amount="-1")
    assert info.value.message_dict["amount"] == ["The amount must be greater than zero."]
    with pytest.raises(ValidationError):
        services.submit_fund_claim(
            actor=personas["chaoyang"],
            member=member,
            case=concluded,
            amount="1.00",
            issuer="X",
            invoice_number="Y",
            invoice_date=TODAY() + timedelta(days=1),
            description="d",
        )


def test_a_rejected_claim_frees_its_invoice(personas, member, concluded):
    filed = claim(personas, member, concluded, number="F-9")
    services.decide_fund_claim(actor=personas["staff"], claim=filed, approve=False, note="不符")
    claim(personas, member, concluded, number="F-9")


def test_the_member_statement_and_the_public_summary_add_up(personas, fund, member, concluded):
    contribute(personas, member, "10000.00")
    filed = claim(personas, member, concluded)
    services.decide_fund_claim(actor=personas["staff"], claim=filed, approve=True)
    services.pay_fund_claim(actor=personas["staff"], claim=filed, paid_on=TODAY())
    year = TODAY().year

    statement = member_statement(member, year)
    assert statement.contributed == Decimal("10000.00")
    assert statement.received == Decimal("3000.00")
    summary = annual_summary(fund, year)
    assert summary.members == 1
    assert summary.reserve_at_year_end == Decimal("7000.00")
    assert summary.claims == {"filed": 1, "approved": 1, "rejected": 0}

"""Reads over the mutual-aid fund's books: balances, the integrity check behind
`manage.py check_fund_ledger`, a member's annual statement and the public annual summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from .money import quantize

ZERO = Decimal("0.00")


def _sum(queryset, name: str) -> Decimal:
    return quantize(queryset.aggregate(total=Coalesce(Sum(name), ZERO))["total"])


def balance(fund, account: str, *, until: date | None = None) -> Decimal:
    """The account's balance in its natural sense: credits − debits for the reserve, debits −
    credits for the bank, booked up to `until` (inclusive) when given."""
    from .models import Account, JournalLine

    lines = JournalLine.objects.filter(entry__fund=fund, account=account)
    if until is not None:
        lines = lines.filter(entry__booked_on__lte=until)
    totals = lines.aggregate(d=Coalesce(Sum("debit"), ZERO), c=Coalesce(Sum("credit"), ZERO))
    if account == Account.RESERVE:
        return quantize(totals["c"] - totals["d"])
    return quantize(totals["d"] - totals["c"])


def check_ledger(fund) -> list[str]:
    """Every problem with the fund's books, empty when sound: an entry whose lines do not
    balance, a reserve that is not contributions minus payouts, a bank balance that differs
    from the reserve, a negative reserve."""
    from .models import Account, Contribution, JournalEntry, Payout

    problems = []
    unbalanced = (
        JournalEntry.objects.filter(fund=fund)
        .annotate(d=Coalesce(Sum("lines__debit"), ZERO), c=Coalesce(Sum("lines__credit"), ZERO))
        .exclude(d=F("c"))
    )
    for entry in unbalanced:
        problems.append(f"entry {entry.code} does not balance: debits {entry.d}, credits {entry.c}")
    contributions = _sum(Contribution.objects.filter(member__fund=fund), "amount")
    payouts = _sum(Payout.objects.filter(claim__member__fund=fund), "amount")
    reserve = balance(fund, Account.RESERVE)
    bank = balance(fund, Account.BANK)
    if reserve != contributions - payouts:
        problems.append(f"reserve {reserve} != contributions {contributions} - payouts {payouts}")
    if bank != reserve:
        problems.append(f"bank {bank} != reserve {reserve}")
    if reserve < 0:
        problems.append(f"reserve is negative: {reserve}")
    return problems


@dataclass
class MemberStatement:
    """What a member paid in and received in one year."""

    member: Any
    year: int
    contributions: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    payouts: list = field(default_factory=list)
    contributed: Decimal = ZERO
    received: Decimal = ZERO
    contributed_to_date: Decimal = ZERO
    received_to_date: Decimal = ZERO


def member_statement(member, year: int) -> MemberStatement:
    from .models import Payout

    statement = MemberStatement(member=member, year=year)
    statement.contributions = list(member.contributions.filter(received_on__year=year))
    statement.claims = list(member.claims.filter(created_at__year=year).select_related("case"))
    payouts = Payout.objects.filter(claim__member=member).select_related("claim")
    statement.payouts = list(payouts.filter(paid_on__year=year))
    statement.contributed = sum((c.amount for c in statement.contributions), ZERO)
    statement.received = sum((p.amount for p in statement.payouts), ZERO)
    end = date(year, 12, 31)
    statement.contributed_to_date = _sum(
        member.contributions.filter(received_on__lte=end), "amount"
    )
    statement.received_to_date = _sum(payouts.filter(paid_on__lte=end), "amount")
    return statement


@dataclass(frozen=True)
class AnnualSummary:
    fund: Any
    year: int
    members: int
    contributions: Decimal
    payouts: Decimal
    claims: dict
    reserve_at_year_end: Decimal


def annual_summary(fund, year: int) -> AnnualSummary:
    """The public figures of a fund for one year (no member names)."""
    from .models import Account, Contribution, FundClaim, Payout

    end = date(year, 12, 31)
    claims = FundClaim.objects.filter(member__fund=fund, created_at__year=year).aggregate(
        filed=Count("pk"),
        approved=Count("pk", filter=Q(status__in=["approved", "paid"])),
        rejected=Count("pk", filter=Q(status="rejected")),
    )
    return AnnualSummary(
        fund=fund,
        year=year,
        members=fund.members.filter(joined_on__lte=end)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=date(year, 1, 1)))
        .count(),
        contributions=_sum(
            Contribution.objects.filter(member__fund=fund, received_on__year=year), "amount"
        ),
        payouts=_sum(Payout.objects.filter(claim__member__fund=fund, paid_on__year=year), "amount"),
        claims=claims,
        reserve_at_year_end=balance(fund, Account.RESERVE, until=end),
    )

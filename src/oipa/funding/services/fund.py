"""The mutual-aid fund's services: members join, contributions and payouts are booked as
balanced journal entries, claims are filed against a member's own dispute and decided."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from oipa.accounts.models import OrgKind

from ..ledger import balance
from ..models import (
    Account,
    ClaimKind,
    Contribution,
    FundClaim,
    FundClaimStatus,
    FundMember,
    JournalEntry,
    JournalLine,
    MutualAidFund,
    Payout,
)
from ..money import to_money
from ._common import (
    audit,
    claim_invoice,
    not_after_today,
    release_invoice,
    require_member,
    require_staff,
    stale,
)
from .applications import FUNDABLE_CASE_STATES

Line = tuple[str, Decimal, Decimal]  # account, debit, credit


def create_fund(*, actor, name: str, established_on: date) -> MutualAidFund:
    """A new mutual-aid fund with an empty ledger."""
    require_staff(actor)
    if not (name or "").strip():
        raise ValidationError({"name": _("Give the fund a name.")})
    with transaction.atomic():
        fund = MutualAidFund.objects.create(name=name.strip(), established_on=established_on)
        audit(actor, fund, "funding.fund_created")
    return fund


def admit_member(*, actor, fund: MutualAidFund, organization, joined_on: date) -> FundMember:
    """An enterprise joins the fund (once)."""
    require_staff(actor)
    if organization.kind != OrgKind.ENTERPRISE:
        raise ValidationError({"organization": _("Only enterprises can be fund members.")})
    try:
        with transaction.atomic():
            member = FundMember.objects.create(
                fund=fund, organization=organization, joined_on=joined_on
            )
            audit(actor, member, "funding.member_admitted", organization=organization)
    except IntegrityError:
        raise ValidationError(
            {"organization": _("This enterprise is already a member of the fund.")}
        ) from None
    return member


def post_entry(
    *,
    actor,
    fund: MutualAidFund,
    member: FundMember | None,
    booked_on: date,
    memo: str,
    lines: Sequence[Line],
) -> JournalEntry:
    """Book one journal entry, refused unless every line has exactly one positive side and
    the debits equal the credits. Call it inside the caller's transaction."""
    if len(lines) < 2:
        raise ValueError("a journal entry has at least two lines")
    for _account, debit, credit in lines:
        if (debit > 0) == (credit > 0) or debit < 0 or credit < 0:
            raise ValueError("each line is a positive debit or a positive credit")
    debits = sum((line[1] for line in lines), Decimal("0.00"))
    credits = sum((line[2] for line in lines), Decimal("0.00"))
    if debits != credits:
        raise ValueError(f"unbalanced entry: debits {debits} != credits {credits}")
    entry = JournalEntry.objects.create(
        fund=fund, member=member, booked_on=booked_on, memo=memo[:300], created_by=actor
    )
    JournalLine.objects.bulk_create(
        JournalLine(entry=entry, account=account, debit=debit, credit=credit)
        for account, debit, credit in lines
    )
    return entry


def record_contribution(
    *, actor, member: FundMember, amount, received_on: date, reference: str = ""
) -> Contribution:
    """Book a member's contribution: debit the bank, credit the reserve."""
    require_staff(actor)
    amount = to_money(amount)
    not_after_today(received_on, field="received_on")
    with transaction.atomic():
        MutualAidFund.objects.select_for_update().get(pk=member.fund_id)
        entry = post_entry(
            actor=actor,
            fund=member.fund,
            member=member,
            booked_on=received_on,
            memo=_("Contribution from %(member)s") % {"member": member.organization.name},
            lines=[(Account.BANK, amount, Decimal(0)), (Account.RESERVE, Decimal(0), amount)],
        )
        contribution = Contribution.objects.create(
            member=member,
            amount=amount,
            received_on=received_on,
            reference=reference,
            entry=entry,
        )
        audit(
            actor,
            member,
            "funding.contribution_recorded",
            organization=member.organization,
            after={"amount": amount},
        )
    return contribution


def submit_fund_claim(
    *,
    actor,
    member: FundMember,
    case,
    amount,
    issuer: str,
    invoice_number: str,
    invoice_date: date,
    description: str,
) -> FundClaim:
    """A member claims on the fund for the costs of its own accepted dispute, backed by one
    invoice that is reserved in the registry (refused if claimed anywhere before)."""
    require_member(actor, member.organization_id)
    if case.applicant_id != member.organization_id or case.status not in FUNDABLE_CASE_STATES:
        raise ValidationError({"case": _("Choose one of your enterprise's accepted cases.")})
    amount = to_money(amount)
    not_after_today(invoice_date)
    if not (description or "").strip():
        raise ValidationError({"description": _("Describe what the claim is for.")})
    with transaction.atomic():
        claim = FundClaim(
            member=member,
            case=case,
            amount=amount,
            issuer=issuer.strip(),
            invoice_number=invoice_number.strip(),
            invoice_date=invoice_date,
            description=description.strip(),
            submitted_by=actor,
        )
        claim_invoice(
            issuer=claim.issuer,
            number=claim.invoice_number,
            kind=ClaimKind.FUND,
            organization=member.organization,
            reference=str(claim.code),
        )
        claim.save()
        audit(
            actor,
            claim,
            "funding.fund_claim_submitted",
            organization=member.organization,
            after={"amount": amount, "invoice": claim.invoice_number},
        )
    return claim


def decide_fund_claim(
    *, actor, claim: FundClaim, approve: bool, approved_amount=None, note: str = ""
) -> FundClaim:
    """Approve (the full amount or less) or reject a submitted claim; a rejected claim's
    invoice is freed."""
    require_staff(actor)
    note = (note or "").strip()
    if approve:
        value = to_money(
            approved_amount if approved_amount not in (None, "") else claim.amount,
            field="approved_amount",
        )
        if value > claim.amount:
            raise ValidationError(
                {"approved_amount": _("The approved amount cannot exceed the claim.")}
            )
        fields = {"status": FundClaimStatus.APPROVED, "approved_amount": value}
    else:
        if not note:
            raise ValidationError({"note": _("Give the reason for rejecting.")})
        fields = {"status": FundClaimStatus.REJECTED}
    with transaction.atomic():
        if not FundClaim.objects.filter(pk=claim.pk, status=FundClaimStatus.SUBMITTED).update(
            decision_note=note, decided_by=actor, **fields
        ):
            raise stale()
        claim.refresh_from_db()
        if not approve:
            release_invoice(
                issuer=claim.issuer, number=claim.invoice_number, reference=str(claim.code)
            )
        audit(
            actor,
            claim,
            "funding.fund_claim_decided",
            organization=claim.member.organization,
            after={"status": claim.status, "approved_amount": claim.approved_amount, "note": note},
        )
    return claim


def pay_fund_claim(*, actor, claim: FundClaim, paid_on: date, reference: str = "") -> Payout:
    """Pay an approved claim from the reserve: debit the reserve, credit the bank. Refused when
    the reserve cannot cover it (the fund row is locked, so two payouts cannot both spend the
    same reserve)."""
    require_staff(actor)
    not_after_today(paid_on, field="paid_on")
    with transaction.atomic():
        fund = MutualAidFund.objects.select_for_update().get(pk=claim.member.fund_id)
        claim = FundClaim.objects.select_related("member__organization").get(pk=claim.pk)
        if claim.status != FundClaimStatus.APPROVED:
            raise ValidationError(
                _("Only an approved claim can be paid."), code="invalid_transition"
            )
        amount = claim.approved_amount or Decimal("0.00")
        reserve = balance(fund, Account.RESERVE)
        if amount > reserve:
            raise ValidationError(
                _("The reserve (%(reserve)s CNY) cannot cover this payout (%(amount)s CNY).")
                % {"reserve": reserve, "amount": amount},
                code="reserve_short",
            )
        if not FundClaim.objects.filter(pk=claim.pk, status=FundClaimStatus.APPROVED).update(
            status=FundClaimStatus.PAID
        ):
            raise stale()
        entry = post_entry(
            actor=actor,
            fund=fund,
            member=claim.member,
            booked_on=paid_on,
            memo=_("Payout to %(member)s") % {"member": claim.member.organization.name},
            lines=[(Account.RESERVE, amount, Decimal(0)), (Account.BANK, Decimal(0), amount)],
        )
        payout = Payout.objects.create(
            claim=claim, amount=amount, paid_on=paid_on, reference=reference, entry=entry
        )
        audit(
            actor,
            claim,
            "funding.fund_claim_paid",
            organization=claim.member.organization,
            after={"amount": amount},
        )
    return payout

"""The enterprise mutual-aid fund for overseas rights protection (Art. 10): members,
contributions, claims against a dispute, decisions, payouts, and a double-entry ledger.

Every movement is a JournalEntry whose lines balance (debits = credits). Two accounts suffice:
BANK (the money held) and RESERVE (what the members' fund owns). A contribution debits BANK and
credits RESERVE; a payout debits RESERVE and credits BANK; so the reserve always equals
contributions minus payouts, which `manage.py check_fund_ledger` verifies.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .access import FundClaimQuerySet, FundMemberQuerySet, JournalEntryQuerySet

USER = settings.AUTH_USER_MODEL
MONEY: dict[str, Any] = {"max_digits": 14, "decimal_places": 2}

__all__ = [
    "Account",
    "Contribution",
    "FundClaim",
    "FundClaimStatus",
    "FundMember",
    "JournalEntry",
    "JournalLine",
    "MutualAidFund",
    "Payout",
]


class MutualAidFund(models.Model):
    """A mutual-aid fund (互助基金) the Center keeps the books of."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    established_on = models.DateField(_("established on"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("mutual-aid fund")
        verbose_name_plural = _("mutual-aid funds")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FundMember(models.Model):
    """An enterprise's membership of a fund."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    fund = models.ForeignKey(
        MutualAidFund, on_delete=models.PROTECT, related_name="members", verbose_name=_("fund")
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="fund_memberships",
        verbose_name=_("member enterprise"),
    )
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = FundMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("fund member")
        verbose_name_plural = _("fund members")
        ordering = ["fund", "joined_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["fund", "organization"], name="one_membership_per_fund"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} @ {self.fund}"


class Account(models.TextChoices):
    BANK = "bank", _("Bank")
    RESERVE = "reserve", _("Reserve")


class JournalEntry(models.Model):
    """One balanced movement of the fund's books. Written only by the services, which check
    that its lines balance before saving them; never edited (a mistake is reversed by a new
    entry)."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    fund = models.ForeignKey(
        MutualAidFund, on_delete=models.PROTECT, related_name="entries", verbose_name=_("fund")
    )
    member = models.ForeignKey(
        FundMember,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("member"),
    )
    booked_on = models.DateField(_("booked on"))
    memo = models.CharField(_("memo"), max_length=300)
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["booked_on", "pk"]

    def __str__(self) -> str:
        return f"{self.booked_on} {self.memo}"


class JournalLine(models.Model):
    """A debit or a credit (exactly one, positive) on one account."""

    entry = models.ForeignKey(
        JournalEntry, on_delete=models.PROTECT, related_name="lines", verbose_name=_("entry")
    )
    account = models.CharField(_("account"), max_length=10, choices=Account.choices)
    debit = models.DecimalField(_("debit"), default=Decimal("0.00"), **MONEY)
    credit = models.DecimalField(_("credit"), default=Decimal("0.00"), **MONEY)

    class Meta:
        verbose_name = _("journal line")
        verbose_name_plural = _("journal lines")
        constraints = [
            models.CheckConstraint(
                condition=(Q(debit__gt=0) & Q(credit=0)) | (Q(debit=0) & Q(credit__gt=0)),
                name="one_positive_side",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.account} Dr {self.debit} Cr {self.credit}"


class Contribution(models.Model):
    """Money a member paid into the fund; booked by one journal entry."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    member = models.ForeignKey(
        FundMember,
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("member"),
    )
    amount = models.DecimalField(_("amount (CNY)"), **MONEY)
    received_on = models.DateField(_("received on"))
    reference = models.CharField(_("bank reference"), max_length=100, blank=True)
    entry = models.OneToOneField(
        JournalEntry,
        on_delete=models.PROTECT,
        related_name="contribution",
        verbose_name=_("journal entry"),
    )

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["received_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="contribution_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.amount}"


class FundClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    PAID = "paid", _("Paid")


class FundClaim(models.Model):
    """A member's claim on the fund for the costs of one of its own disputes (a guidance case),
    backed by one invoice that the invoice registry reserves for it."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    member = models.ForeignKey(
        FundMember, on_delete=models.PROTECT, related_name="claims", verbose_name=_("member")
    )
    case = models.ForeignKey(
        "assistance.Application",
        on_delete=models.PROTECT,
        related_name="fund_claims",
        verbose_name=_("dispute (guidance case)"),
    )
    amount = models.DecimalField(_("amount claimed (CNY)"), **MONEY)
    issuer = models.CharField(_("invoice issuer"), max_length=200)
    invoice_number = models.CharField(_("invoice number"), max_length=100)
    invoice_date = models.DateField(_("invoice date"))
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=FundClaimStatus.choices,
        default=FundClaimStatus.SUBMITTED,
    )
    approved_amount = models.DecimalField(
        _("approved amount (CNY)"), null=True, blank=True, **MONEY
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    decided_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    submitted_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("submitted by")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = FundClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("fund claim")
        verbose_name_plural = _("fund claims")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="fund_claim_positive"),
            models.CheckConstraint(
                condition=Q(approved_amount__isnull=True)
                | Q(approved_amount__lte=models.F("amount")),
                name="approved_within_claim",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member.organization} {self.amount}"


class Payout(models.Model):
    """Money the fund paid on an approved claim; booked by one journal entry."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    claim = models.OneToOneField(
        FundClaim, on_delete=models.PROTECT, related_name="payout", verbose_name=_("claim")
    )
    amount = models.DecimalField(_("amount (CNY)"), **MONEY)
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("bank reference"), max_length=100, blank=True)
    entry = models.OneToOneField(
        JournalEntry,
        on_delete=models.PROTECT,
        related_name="payout",
        verbose_name=_("journal entry"),
    )

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payout_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.claim} {self.amount}"

"""Funding support (Art. 18): programmes, exchange rates, funding applications with itemized
invoices, item-by-item review, payments, and the one registry of claimed invoices.

Models keep data and invariants; every change goes through `services/`. Who sees what is decided
by the `visible_to` querysets in `access.py`.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .access import FundingApplicationQuerySet, ProgrammeQuerySet

USER = settings.AUTH_USER_MODEL
MONEY: dict[str, Any] = {"max_digits": 14, "decimal_places": 2}


class CostType(models.TextChoices):
    ATTORNEY = "attorney", _("Attorney fees")
    EXPERT = "expert", _("Expert fees")
    TRANSLATION = "translation", _("Translation")
    OFFICIAL = "official", _("Official fees")
    TRAVEL = "travel", _("Travel")


class Programme(models.Model):
    """A funding programme: a budget, who may apply (Beijing legal persons and unincorporated
    organizations, for the listed dispute types), which cost types it covers, the share it
    pays, a cap per applicant per calendar year, and an application window.

    `approved_total` only grows inside a row lock (see services) and never passes `budget`."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    budget = models.DecimalField(_("budget (CNY)"), **MONEY)
    approved_total = models.DecimalField(
        _("approved total (CNY)"), default=Decimal("0.00"), **MONEY
    )
    dispute_types = models.JSONField(
        _("dispute types"), default=list, blank=True, help_text=_("Empty means any kind of case.")
    )
    cost_types = models.JSONField(_("cost types covered"), default=list)
    share_percent = models.DecimalField(
        _("share covered (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("100"))],
    )
    cap_per_applicant = models.DecimalField(_("cap per applicant per year (CNY)"), **MONEY)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["-opens_on", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_total__lte=F("budget")), name="programme_within_budget"
            ),
            models.CheckConstraint(
                condition=Q(approved_total__gte=0), name="programme_total_gte_0"
            ),
            models.CheckConstraint(condition=Q(closes_on__gte=F("opens_on")), name="window_order"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.approved_total

    def is_open(self, on=None) -> bool:
        day = on or timezone.localdate()
        return self.is_active and self.opens_on <= day <= self.closes_on


class ExchangeRate(models.Model):
    """How many CNY one unit of `currency` cost on `rate_date` (staff record them, e.g. from
    the PBOC central parity). Items use the latest rate on or before their invoice date."""

    currency = models.CharField(_("currency"), max_length=3)
    rate_date = models.DateField(_("rate date"))
    rate = models.DecimalField(
        _("CNY per unit"),
        max_digits=16,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    source = models.CharField(_("source"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-rate_date"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "rate_date"], name="one_rate_per_day"),
            models.CheckConstraint(condition=Q(rate__gt=0), name="rate_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.rate_date}: {self.rate}"


class FundingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    SECOND_REVIEW = "second_review", _("Awaiting second approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    PAID = "paid", _("Paid")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class FundingApplication(models.Model):
    """An enterprise's request for funding under a programme, against one of its own guidance
    cases that is ongoing or concluded. `granted_total` is fixed when the review completes and
    counts against the programme's budget once approved."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("programme"),
    )
    applicant = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="funding_applications",
        verbose_name=_("applicant"),
    )
    case = models.ForeignKey(
        "assistance.Application",
        on_delete=models.PROTECT,
        related_name="funding_applications",
        verbose_name=_("guidance case"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=FundingStatus.choices,
        default=FundingStatus.DRAFT,
        db_index=True,
    )
    note = models.TextField(_("note to the Center"), blank=True)
    granted_total = models.DecimalField(_("granted (CNY)"), default=Decimal("0.00"), **MONEY)
    paid_total = models.DecimalField(_("paid (CNY)"), default=Decimal("0.00"), **MONEY)
    created_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    reviewed_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    second_reviewer = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("second reviewer"),
    )
    decision_note = models.TextField(_("decision note"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = FundingApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(granted_total__gte=0), name="granted_gte_0"),
            models.CheckConstraint(
                condition=Q(paid_total__lte=F("granted_total")), name="paid_within_granted"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} · {self.applicant}"


class ItemDecision(models.TextChoices):
    PENDING = "", _("Not reviewed")
    APPROVED = "approved", _("Approved")
    REDUCED = "reduced", _("Reduced")
    REJECTED = "rejected", _("Rejected")


def invoice_path(instance: CostItem, filename: str) -> str:
    """Random name, no user-supplied parts."""
    return f"funding/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class CostItem(models.Model):
    """One invoiced cost: the amount in its currency, the rate and rate date used to convert it
    to CNY (kept on the item so later rate corrections never change a filed claim), and the
    reviewer's decision. `granted_cny` is the programme's share of the accepted cost."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        FundingApplication,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("funding application"),
    )
    cost_type = models.CharField(_("cost type"), max_length=20, choices=CostType.choices)
    description = models.CharField(_("description"), max_length=300)
    issuer = models.CharField(_("invoice issuer"), max_length=200)
    invoice_number = models.CharField(_("invoice number"), max_length=100)
    invoice_date = models.DateField(_("invoice date"))
    currency = models.CharField(_("currency"), max_length=3)
    amount = models.DecimalField(_("amount"), **MONEY)
    rate = models.DecimalField(_("exchange rate"), max_digits=16, decimal_places=6)
    rate_date = models.DateField(_("rate date"))
    amount_cny = models.DecimalField(_("amount (CNY)"), **MONEY)
    requested_cny = models.DecimalField(_("requested (CNY)"), **MONEY)
    decision = models.CharField(
        _("decision"),
        max_length=10,
        choices=ItemDecision.choices,
        blank=True,
        default=ItemDecision.PENDING,
    )
    accepted_cny = models.DecimalField(_("accepted cost (CNY)"), null=True, blank=True, **MONEY)
    granted_cny = models.DecimalField(_("granted (CNY)"), default=Decimal("0.00"), **MONEY)
    decision_reason = models.TextField(_("reason"), blank=True)
    file = models.FileField(_("invoice file"), upload_to=invoice_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("cost item")
        verbose_name_plural = _("cost items")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="item_amount_positive"),
            models.CheckConstraint(condition=Q(amount_cny__gt=0), name="item_cny_positive"),
            models.CheckConstraint(
                condition=Q(accepted_cny__isnull=True) | Q(accepted_cny__lte=F("amount_cny")),
                name="accepted_within_invoice",
            ),
            models.CheckConstraint(condition=Q(granted_cny__gte=0), name="item_granted_gte_0"),
        ]

    def __str__(self) -> str:
        return f"{self.issuer} {self.invoice_number}"


class Payment(models.Model):
    """Money the Center paid out on an approved funding application."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    application = models.ForeignKey(
        FundingApplication,
        on_delete=models.PROTECT,
        related_name="payments",
        verbose_name=_("funding application"),
    )
    amount = models.DecimalField(_("amount (CNY)"), **MONEY)
    paid_on = models.DateField(_("paid on"))
    reference = models.CharField(_("bank reference"), max_length=100)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.amount} CNY {self.paid_on}"


class ClaimKind(models.TextChoices):
    PROGRAMME = "programme", _("Funding programme")
    INSURANCE = "insurance", _("Insurance payout")
    FUND = "fund", _("Mutual-aid fund")


class InvoiceClaim(models.Model):
    """The one registry of invoices claimed anywhere: a funding programme, an insurance payout
    or the mutual-aid fund. The unique key (issuer, number), both normalized, means an invoice
    can be reimbursed once only, whichever path comes first."""

    issuer_key = models.CharField(_("issuer (normalized)"), max_length=200)
    number_key = models.CharField(_("invoice number (normalized)"), max_length=100)
    kind = models.CharField(_("claimed through"), max_length=12, choices=ClaimKind.choices)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("claimant"),
    )
    reference = models.CharField(_("reference"), max_length=100)
    claimed_at = models.DateTimeField(_("claimed at"), default=timezone.now)

    class Meta:
        verbose_name = _("invoice claim")
        verbose_name_plural = _("invoice claims")
        constraints = [
            models.UniqueConstraint(fields=["issuer_key", "number_key"], name="invoice_once"),
        ]

    def __str__(self) -> str:
        return f"{self.issuer_key} {self.number_key} ({self.get_kind_display()})"


class InsurancePayout(models.Model):
    """An overseas IP insurance payout an enterprise received, recorded by Center staff so its
    invoices cannot also be funded by a programme or the fund."""

    code = models.UUIDField(_("public code"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("insured enterprise"),
    )
    insurer = models.CharField(_("insurer"), max_length=200)
    policy_number = models.CharField(_("policy number"), max_length=100)
    issuer = models.CharField(_("invoice issuer"), max_length=200)
    invoice_number = models.CharField(_("invoice number"), max_length=100)
    amount_cny = models.DecimalField(_("payout (CNY)"), **MONEY)
    paid_on = models.DateField(_("paid on"))
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("insurance payout")
        verbose_name_plural = _("insurance payouts")
        constraints = [
            models.CheckConstraint(condition=Q(amount_cny__gt=0), name="insurance_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.insurer} {self.policy_number}"


from .models_fund import *  # noqa: E402,F403

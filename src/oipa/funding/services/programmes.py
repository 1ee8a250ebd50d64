"""Center staff set up programmes, record exchange rates and insurance payouts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from oipa.core.taxonomy.choices import DisputeType

from ..models import ClaimKind, CostType, ExchangeRate, InsurancePayout, Programme
from ..money import BASE_CURRENCY, RATE_PLACES, check_currency, to_money
from ._common import audit, claim_invoice, not_after_today, require_staff


def create_programme(
    *,
    actor,
    name: str,
    budget,
    cost_types: list[str],
    share_percent,
    cap_per_applicant,
    opens_on: date,
    closes_on: date,
    dispute_types: list[str] | None = None,
    description: str = "",
) -> Programme:
    """A new funding programme, checked for a sane budget, share, cap and window."""
    require_staff(actor)
    errors: dict[str, str] = {}
    if not (name or "").strip():
        errors["name"] = _("Give the programme a name.")
    if not cost_types or set(cost_types) - set(CostType.values):
        errors["cost_types"] = _("Choose the cost types the programme covers.")
    if set(dispute_types or []) - set(DisputeType.values):
        errors["dispute_types"] = _("Unknown kind of case.")
    share = to_money(share_percent, field="share_percent")
    if share > 100:
        errors["share_percent"] = _("The share covered is at most 100 %.")
    if closes_on < opens_on:
        errors["closes_on"] = _("The window closes before it opens.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        programme = Programme.objects.create(
            name=name.strip(),
            description=description,
            budget=to_money(budget, field="budget"),
            cost_types=list(cost_types),
            dispute_types=list(dispute_types or []),
            share_percent=share,
            cap_per_applicant=to_money(cap_per_applicant, field="cap_per_applicant"),
            opens_on=opens_on,
            closes_on=closes_on,
        )
        audit(actor, programme, "funding.programme_created", after={"budget": programme.budget})
    return programme


def record_exchange_rate(
    *, actor, currency: str, rate_date: date, rate, source: str = ""
) -> ExchangeRate:
    """Record CNY per unit of `currency` on `rate_date` (one rate per currency and day)."""
    require_staff(actor)
    currency = check_currency(currency)
    if currency == BASE_CURRENCY:
        raise ValidationError({"currency": _("CNY is the base currency; it needs no rate.")})
    if isinstance(rate, float):
        raise TypeError("rates must be Decimal or str, never float")
    try:
        value = Decimal(str(rate)).quantize(RATE_PLACES)
    except ArithmeticError:
        raise ValidationError({"rate": _("Enter a rate such as 7.1234.")}) from None
    if value <= 0:
        raise ValidationError({"rate": _("The rate must be greater than zero.")})
    try:
        with transaction.atomic():
            record = ExchangeRate.objects.create(
                currency=currency,
                rate_date=rate_date,
                rate=value,
                source=source,
                recorded_by=actor,
            )
            audit(actor, record, "funding.rate_recorded", after={"rate": value})
    except IntegrityError:
        raise ValidationError(
            {
                "rate_date": _("A rate for %(currency)s on this day is already recorded.")
                % {"currency": currency}
            }
        ) from None
    return record


def record_insurance_payout(
    *,
    actor,
    organization,
    insurer: str,
    policy_number: str,
    issuer: str,
    invoice_number: str,
    amount_cny,
    paid_on: date,
) -> InsurancePayout:
    """Record an insurance payout; its invoice is then claimed and cannot be funded again."""
    require_staff(actor)
    amount = to_money(amount_cny, field="amount_cny")
    not_after_today(paid_on, field="paid_on")
    with transaction.atomic():
        payout = InsurancePayout.objects.create(
            organization=organization,
            insurer=insurer,
            policy_number=policy_number,
            issuer=issuer,
            invoice_number=invoice_number,
            amount_cny=amount,
            paid_on=paid_on,
            recorded_by=actor,
        )
        claim_invoice(
            issuer=issuer,
            number=invoice_number,
            kind=ClaimKind.INSURANCE,
            organization=organization,
            reference=str(payout.code),
        )
        audit(
            actor,
            payout,
            "funding.insurance_recorded",
            organization=organization,
            after={"amount": amount, "invoice": invoice_number},
        )
    return payout
